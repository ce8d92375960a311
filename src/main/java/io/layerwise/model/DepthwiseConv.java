package io.layerwise.model;

import java.util.Optional;

/**
 * {@code DepthwiseConv2D}: one spatial filter (or {@code depthMultiplier} of them) per input
 * channel, no mixing across channels.
 *
 * @param window kernel, strides, padding and dilation
 * @param depthMultiplier output channels per input channel
 * @param useBias one bias per output channel when true
 * @param activation shown on sheets
 */
public record DepthwiseConv(
    Window window, long depthMultiplier, boolean useBias, Optional<String> activation)
    implements Layer {

  public DepthwiseConv {
    if (depthMultiplier <= 0) {
      throw new IllegalArgumentException("depth multiplier must be positive");
    }
  }

  @Override
  public LayerType type() {
    return LayerType.DEPTHWISE_CONV2D;
  }

  @Override
  public <R> R accept(LayerVisitor<R> visitor) {
    return visitor.depthwiseConv(this);
  }
}
