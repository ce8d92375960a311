package io.layerwise.model;

import java.util.OptionalInt;

/**
 * {@code Concatenate}: inputs joined along one axis.
 *
 * @param axis counted with the batch axis as 0, negative from the end; empty for the framework's
 *     channel axis
 */
public record Concatenate(OptionalInt axis) implements Layer {

  @Override
  public LayerType type() {
    return LayerType.CONCATENATE;
  }

  @Override
  public <R> R accept(LayerVisitor<R> visitor) {
    return visitor.concatenate(this);
  }

  @Override
  public int minInputs() {
    return 2;
  }

  @Override
  public int maxInputs() {
    return Integer.MAX_VALUE;
  }
}
