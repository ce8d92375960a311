package io.layerwise.model;

/**
 * {@code LayerNormalization}: γ and β over the normalised (last) axis.
 *
 * @param axis the normalised axis counted with the batch axis as 0, negative from the end
 * @param center whether β exists
 * @param scale whether γ exists
 */
public record LayerNorm(int axis, boolean center, boolean scale) implements Layer {

  @Override
  public LayerType type() {
    return LayerType.LAYER_NORMALIZATION;
  }

  @Override
  public <R> R accept(LayerVisitor<R> visitor) {
    return visitor.layerNorm(this);
  }
}
