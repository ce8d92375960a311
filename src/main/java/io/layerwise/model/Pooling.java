package io.layerwise.model;

import java.util.List;

/**
 * {@code MaxPooling1D/2D/3D} and {@code AveragePooling1D/2D/3D} (PyTorch {@code MaxPool2d},
 * {@code AvgPool2d}, …).
 *
 * @param op max or average
 * @param window pool size, strides, padding and (PyTorch's max pooling only) dilation
 * @param ceilMode PyTorch's {@code ceil_mode}: a last partial window counts when it starts inside
 *     the input or its left padding
 */
public record Pooling(PoolOp op, Window window, boolean ceilMode) implements Layer {

  public Pooling {
    if (window.rank() > 3) {
      throw new IllegalArgumentException("pooling is 1-D, 2-D or 3-D");
    }
  }

  /** Pooling that rounds down, as Keras always does. */
  public Pooling(PoolOp op, Window window) {
    this(op, window, false);
  }

  @Override
  public LayerType type() {
    return switch (op) {
      case MAX -> List.of(LayerType.MAX_POOLING1D, LayerType.MAX_POOLING2D,
          LayerType.MAX_POOLING3D).get(window.rank() - 1);
      case AVERAGE -> List.of(LayerType.AVERAGE_POOLING1D, LayerType.AVERAGE_POOLING2D,
          LayerType.AVERAGE_POOLING3D).get(window.rank() - 1);
    };
  }

  @Override
  public <R> R accept(LayerVisitor<R> visitor) {
    return visitor.pooling(this);
  }
}
