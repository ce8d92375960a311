package io.layerwise.model;

/**
 * {@code Embedding}: a lookup table from integer indices to vectors.
 *
 * @param inputDim the vocabulary size (rows of the table)
 * @param outputDim the vector length (columns)
 */
public record Embedding(long inputDim, long outputDim) implements Layer {

  public Embedding {
    if (inputDim <= 0 || outputDim <= 0) {
      throw new IllegalArgumentException("dimensions must be positive");
    }
  }

  @Override
  public LayerType type() {
    return LayerType.EMBEDDING;
  }

  @Override
  public <R> R accept(LayerVisitor<R> visitor) {
    return visitor.embedding(this);
  }
}
