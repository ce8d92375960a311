package io.layerwise.model;

import java.util.Optional;

/**
 * {@code SeparableConv2D}: a depthwise convolution followed by a 1×1 pointwise convolution.
 *
 * @param filters output channels of the pointwise step
 * @param window kernel, strides, padding and dilation of the depthwise step
 * @param depthMultiplier depthwise output channels per input channel
 * @param useBias one bias per filter (pointwise step only) when true
 * @param activation shown on sheets
 */
public record SeparableConv(
    long filters,
    Window window,
    long depthMultiplier,
    boolean useBias,
    Optional<String> activation)
    implements Layer {

  public SeparableConv {
    if (filters <= 0 || depthMultiplier <= 0) {
      throw new IllegalArgumentException("filters and depth multiplier must be positive");
    }
  }

  @Override
  public LayerType type() {
    return LayerType.SEPARABLE_CONV2D;
  }

  @Override
  public <R> R accept(LayerVisitor<R> visitor) {
    return visitor.separableConv(this);
  }
}
