package io.layerwise.model;

import java.util.List;

/**
 * {@code Reshape}: the same elements in another shape.
 *
 * @param target the new shape without the batch axis; one entry may be -1 (inferred)
 */
public record Reshape(List<Long> target) implements Layer {

  public Reshape {
    target = List.copyOf(target);
  }

  @Override
  public LayerType type() {
    return LayerType.RESHAPE;
  }

  @Override
  public <R> R accept(LayerVisitor<R> visitor) {
    return visitor.reshape(this);
  }
}
