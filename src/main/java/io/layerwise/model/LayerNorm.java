package io.layerwise.model;

/**
 * {@code LayerNormalization} (PyTorch {@code LayerNorm}): γ and β over the normalised axes.
 *
 * @param axis the first normalised axis, counted with the batch axis as 0, negative from the end
 * @param center whether β exists
 * @param scale whether γ exists
 * @param axes how many consecutive axes from {@code axis} on are normalised together, each
 *     position with its own γ and β (PyTorch's {@code normalized_shape} of that many sizes)
 */
public record LayerNorm(int axis, boolean center, boolean scale, int axes) implements Layer {

  public LayerNorm {
    if (axes < 1) {
      throw new IllegalArgumentException("at least one axis is normalised");
    }
  }

  /** Normalisation over one axis, as Keras does by default. */
  public LayerNorm(int axis, boolean center, boolean scale) {
    this(axis, center, scale, 1);
  }

  @Override
  public LayerType type() {
    return LayerType.LAYER_NORMALIZATION;
  }

  @Override
  public <R> R accept(LayerVisitor<R> visitor) {
    return visitor.layerNorm(this);
  }
}
