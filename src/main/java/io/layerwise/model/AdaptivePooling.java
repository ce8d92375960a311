package io.layerwise.model;

import java.util.List;
import java.util.Optional;

/**
 * PyTorch's {@code AdaptiveAvgPool1d/2d} and {@code AdaptiveMaxPool1d/2d}: the windows are chosen
 * so that the output has exactly {@code output_size} positions, whatever the input size.
 *
 * @param op max or average
 * @param outputSize one entry per spatial axis; empty keeps that axis' input size (PyTorch's
 *     {@code None})
 */
public record AdaptivePooling(PoolOp op, List<Optional<Long>> outputSize) implements Layer {

  public AdaptivePooling {
    outputSize = List.copyOf(outputSize);
    if (outputSize.isEmpty() || outputSize.size() > 2) {
      throw new IllegalArgumentException("adaptive pooling is 1-D or 2-D");
    }
    for (Optional<Long> s : outputSize) {
      if (s.isPresent() && s.get() <= 0) {
        throw new IllegalArgumentException("output sizes must be positive");
      }
    }
  }

  public int rank() {
    return outputSize.size();
  }

  @Override
  public LayerType type() {
    return switch (op) {
      case MAX -> rank() == 1 ? LayerType.ADAPTIVE_MAX_POOL1D : LayerType.ADAPTIVE_MAX_POOL2D;
      case AVERAGE -> rank() == 1 ? LayerType.ADAPTIVE_AVG_POOL1D : LayerType.ADAPTIVE_AVG_POOL2D;
    };
  }

  @Override
  public <R> R accept(LayerVisitor<R> visitor) {
    return visitor.adaptivePooling(this);
  }
}
