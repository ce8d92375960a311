package io.layerwise.model;

import java.util.List;
import java.util.Optional;

/**
 * {@code Conv1DTranspose} or {@code Conv2DTranspose}: a strided convolution run backwards, which
 * enlarges its input.
 *
 * @param filters output channels
 * @param window kernel, strides, padding and dilation
 * @param outputPadding extra rows/columns on one side of the output, per axis, when given
 * @param useBias one bias per filter when true
 * @param activation shown on sheets
 */
public record ConvTranspose(
    long filters,
    Window window,
    Optional<List<Long>> outputPadding,
    boolean useBias,
    Optional<String> activation)
    implements Layer {

  public ConvTranspose {
    outputPadding = outputPadding.map(List::copyOf);
    if (filters <= 0 || window.rank() > 2) {
      throw new IllegalArgumentException("filters must be positive; rank 1 or 2");
    }
  }

  @Override
  public LayerType type() {
    return window.rank() == 1 ? LayerType.CONV1D_TRANSPOSE : LayerType.CONV2D_TRANSPOSE;
  }

  @Override
  public <R> R accept(LayerVisitor<R> visitor) {
    return visitor.convTranspose(this);
  }
}
