package io.layerwise.model;

import java.util.List;

/**
 * {@code UpSampling2D}: repeats rows and columns.
 *
 * @param size repetitions per spatial axis
 */
public record UpSampling(List<Long> size) implements Layer {

  public UpSampling {
    size = List.copyOf(size);
  }

  @Override
  public LayerType type() {
    return LayerType.UP_SAMPLING2D;
  }

  @Override
  public <R> R accept(LayerVisitor<R> visitor) {
    return visitor.upSampling(this);
  }
}
