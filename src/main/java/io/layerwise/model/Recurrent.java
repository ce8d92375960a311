package io.layerwise.model;

import java.util.Optional;

/**
 * {@code SimpleRNN}, {@code LSTM} and {@code GRU} over a sequence {@code (timesteps, features)}.
 *
 * @param cell which recurrence
 * @param units the state size
 * @param returnSequences output every step's state, not only the last
 * @param useBias whether the transforms have biases
 * @param resetAfter GRU only: Keras' default {@code reset_after=True} keeps a second bias vector
 * @param activation shown on sheets
 */
public record Recurrent(RecurrentCell cell, long units, boolean returnSequences, boolean useBias,
    boolean resetAfter, Optional<String> activation) implements Layer {

  public Recurrent {
    if (units <= 0) {
      throw new IllegalArgumentException("units must be positive");
    }
    if (resetAfter && cell != RecurrentCell.GRU) {
      throw new IllegalArgumentException("only a GRU has reset_after");
    }
  }

  @Override
  public LayerType type() {
    return cell.layerType();
  }

  @Override
  public <R> R accept(LayerVisitor<R> visitor) {
    return visitor.recurrent(this);
  }
}
