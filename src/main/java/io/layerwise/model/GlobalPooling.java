package io.layerwise.model;

/**
 * {@code GlobalAveragePooling1D/2D} and {@code GlobalMaxPooling1D/2D}: one value per channel.
 *
 * @param op max or average
 * @param rank spatial axes pooled away (1 or 2)
 * @param keepDims keep the pooled axes with size 1
 */
public record GlobalPooling(PoolOp op, int rank, boolean keepDims) implements Layer {

  public GlobalPooling {
    if (rank < 1 || rank > 2) {
      throw new IllegalArgumentException("global pooling is 1-D or 2-D");
    }
  }

  @Override
  public LayerType type() {
    return switch (op) {
      case MAX -> rank == 1 ? LayerType.GLOBAL_MAX_POOLING1D : LayerType.GLOBAL_MAX_POOLING2D;
      case AVERAGE ->
          rank == 1 ? LayerType.GLOBAL_AVERAGE_POOLING1D : LayerType.GLOBAL_AVERAGE_POOLING2D;
    };
  }

  @Override
  public <R> R accept(LayerVisitor<R> visitor) {
    return visitor.globalPooling(this);
  }
}
