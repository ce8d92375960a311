package io.layerwise.model;

import java.util.OptionalInt;

/**
 * {@code BatchNormalization}: per-channel scale γ and offset β, plus moving mean and variance.
 *
 * @param axis the normalised axis counted with the batch axis as 0 (Keras' convention, negative
 *     from the end); empty for the framework's channel axis
 * @param center whether β exists
 * @param scale whether γ exists
 */
public record BatchNorm(OptionalInt axis, boolean center, boolean scale) implements Layer {

  @Override
  public LayerType type() {
    return LayerType.BATCH_NORMALIZATION;
  }

  @Override
  public <R> R accept(LayerVisitor<R> visitor) {
    return visitor.batchNorm(this);
  }
}
