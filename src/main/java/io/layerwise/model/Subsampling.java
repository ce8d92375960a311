package io.layerwise.model;

import java.util.Optional;

/**
 * LeNet-5's trainable subsampling ({@code Subsampling2D}): each pooling window is summed, times
 * one trainable coefficient plus one trainable bias per channel. Not a Keras class; it models S2
 * and S4 of the 1998 paper and the "pooling with a weight" of AlexNet-era questions.
 *
 * @param window pool size, strides and padding
 * @param activation shown on sheets
 */
public record Subsampling(Window window, Optional<String> activation) implements Layer {

  @Override
  public LayerType type() {
    return LayerType.SUBSAMPLING2D;
  }

  @Override
  public <R> R accept(LayerVisitor<R> visitor) {
    return visitor.subsampling(this);
  }
}
