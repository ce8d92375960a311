package io.layerwise.model;

import java.util.Optional;

/**
 * PyTorch's {@code RNN}, {@code LSTM} and {@code GRU} modules: {@code num_layers} recurrent layers
 * stacked in one module, each optionally bidirectional, returning every time step's state. The
 * first layer reads the input's features; every further layer reads the previous layer's output,
 * {@code hidden_size} times the number of directions.
 *
 * @param cell which recurrence
 * @param hiddenSize the state size of each direction
 * @param numLayers how many layers are stacked
 * @param bidirectional each layer reads the sequence both ways and concatenates
 * @param useBias whether the transforms have biases (PyTorch: {@code b_ih} and {@code b_hh})
 * @param batchFirst PyTorch's {@code batch_first}: the batch axis' position, shown only
 * @param nonlinearity {@code RNN}'s tanh or relu, shown only
 */
public record RecurrentStack(RecurrentCell cell, long hiddenSize, long numLayers,
    boolean bidirectional, boolean useBias, boolean batchFirst, Optional<String> nonlinearity)
    implements Layer {

  public RecurrentStack {
    if (hiddenSize <= 0 || numLayers <= 0) {
      throw new IllegalArgumentException("hidden_size and num_layers must be positive");
    }
  }

  /** 2 when bidirectional, else 1. */
  public long directions() {
    return bidirectional ? 2 : 1;
  }

  @Override
  public LayerType type() {
    return cell.layerType();
  }

  @Override
  public <R> R accept(LayerVisitor<R> visitor) {
    return visitor.recurrentStack(this);
  }
}
