package io.layerwise.model;

/**
 * {@code Dropout}: zeroes a fraction of activations while training; shape and counts unchanged.
 *
 * @param rate the fraction dropped, from 0 to 1
 */
public record Dropout(double rate) implements Layer {

  public Dropout {
    if (!(rate >= 0 && rate <= 1)) {
      throw new IllegalArgumentException("rate must be between 0 and 1");
    }
  }

  @Override
  public LayerType type() {
    return LayerType.DROPOUT;
  }

  @Override
  public <R> R accept(LayerVisitor<R> visitor) {
    return visitor.dropout(this);
  }
}
