package io.layerwise.model;

/** {@code Flatten}: all axes but the batch become one. */
public record Flatten() implements Layer {

  @Override
  public LayerType type() {
    return LayerType.FLATTEN;
  }

  @Override
  public <R> R accept(LayerVisitor<R> visitor) {
    return visitor.flatten(this);
  }
}
