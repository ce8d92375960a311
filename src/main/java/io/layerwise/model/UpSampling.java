package io.layerwise.model;

import java.util.List;

/**
 * {@code UpSampling2D} (PyTorch {@code Upsample}): repeats rows and columns.
 *
 * @param size repetitions per spatial axis; with {@code everyAxis}, one number for all of them
 * @param everyAxis whether {@code size} is one factor for however many spatial axes the input has
 *     (PyTorch's {@code Upsample(scale_factor=2)} on a sequence, an image or a volume)
 * @param fixed whether {@code size} gives the output's sizes rather than factors (PyTorch's
 *     {@code Upsample(size=...)})
 */
public record UpSampling(List<Long> size, boolean everyAxis, boolean fixed) implements Layer {

  public UpSampling {
    size = List.copyOf(size);
    if (size.isEmpty() || everyAxis && size.size() != 1
        || size.stream().anyMatch(s -> s <= 0)) {
      throw new IllegalArgumentException("positive factors, one when for every axis");
    }
  }

  /** One factor per spatial axis, as Keras' UpSampling2D has them. */
  public UpSampling(List<Long> size) {
    this(size, false, false);
  }

  /** Factors, one per axis or one for every axis. */
  public UpSampling(List<Long> size, boolean everyAxis) {
    this(size, everyAxis, false);
  }

  /** The factor (or, when fixed, the output size) of each of the input's spatial axes. */
  public List<Long> factors(int spatialAxes) {
    return everyAxis ? java.util.Collections.nCopies(spatialAxes, size.get(0)) : size;
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
