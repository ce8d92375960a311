package io.layerwise.model;

/**
 * {@code MaxPooling1D/2D/3D} and {@code AveragePooling1D/2D/3D}.
 *
 * @param op max or average
 * @param window pool size, strides and padding (no dilation)
 */
public record Pooling(PoolOp op, Window window) implements Layer {

  @Override
  public LayerType type() {
    return switch (op) {
      case MAX -> switch (window.rank()) {
        case 1 -> LayerType.MAX_POOLING1D;
        case 2 -> LayerType.MAX_POOLING2D;
        default -> LayerType.MAX_POOLING3D;
      };
      case AVERAGE -> switch (window.rank()) {
        case 1 -> LayerType.AVERAGE_POOLING1D;
        case 2 -> LayerType.AVERAGE_POOLING2D;
        default -> LayerType.AVERAGE_POOLING3D;
      };
    };
  }

  @Override
  public <R> R accept(LayerVisitor<R> visitor) {
    return visitor.pooling(this);
  }
}
