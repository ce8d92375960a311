package io.layerwise.model;

import java.util.List;

/**
 * {@code Cropping2D}: rows and columns removed from the borders.
 *
 * @param crops per spatial axis, how many to remove before and after
 */
public record Cropping(List<Pad> crops) implements Layer {

  public Cropping {
    crops = List.copyOf(crops);
  }

  @Override
  public LayerType type() {
    return LayerType.CROPPING2D;
  }

  @Override
  public <R> R accept(LayerVisitor<R> visitor) {
    return visitor.cropping(this);
  }
}
