package io.layerwise.model;

import java.util.Optional;

/**
 * {@code Dense} (PyTorch {@code Linear}): a matrix on the last axis of its input.
 *
 * @param units output features
 * @param useBias one bias per unit when true
 * @param activation shown on sheets
 */
public record Dense(long units, boolean useBias, Optional<String> activation) implements Layer {

  public Dense {
    if (units <= 0) {
      throw new IllegalArgumentException("units must be positive");
    }
  }

  @Override
  public LayerType type() {
    return LayerType.DENSE;
  }

  @Override
  public <R> R accept(LayerVisitor<R> visitor) {
    return visitor.dense(this);
  }
}
