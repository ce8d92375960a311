package io.layerwise.model;

import java.util.List;

/**
 * {@code ZeroPadding2D}: zeros around the spatial axes.
 *
 * @param pads per spatial axis
 */
public record ZeroPadding(List<Pad> pads) implements Layer {

  public ZeroPadding {
    pads = List.copyOf(pads);
  }

  @Override
  public LayerType type() {
    return LayerType.ZERO_PADDING2D;
  }

  @Override
  public <R> R accept(LayerVisitor<R> visitor) {
    return visitor.zeroPadding(this);
  }
}
