package io.layerwise.model;

import java.util.List;
import java.util.Optional;

/**
 * {@code Conv1DTranspose}, {@code Conv2DTranspose} or {@code Conv3DTranspose}: a strided convolution run backwards, which
 * enlarges its input.
 *
 * @param filters output channels
 * @param window kernel, strides, padding and dilation
 * @param outputPadding extra rows/columns on one side of the output, per axis, when given
 * @param useBias one bias per filter when true
 * @param activation shown on sheets
 * @param groups PyTorch's {@code groups}: input and output channels split into this many groups,
 *     each filter seeing only its group's C_in/G input channels (1 in Keras, which has none)
 */
public record ConvTranspose(
    long filters,
    Window window,
    Optional<List<Long>> outputPadding,
    boolean useBias,
    Optional<String> activation,
    long groups)
    implements Layer {

  public ConvTranspose {
    outputPadding = outputPadding.map(List::copyOf);
    if (filters <= 0 || window.rank() > 3 || groups <= 0) {
      throw new IllegalArgumentException("filters and groups must be positive; rank 1 to 3");
    }
  }

  /** An ungrouped transposed convolution, the only kind Keras has. */
  public ConvTranspose(long filters, Window window, Optional<List<Long>> outputPadding,
      boolean useBias, Optional<String> activation) {
    this(filters, window, outputPadding, useBias, activation, 1);
  }

  @Override
  public LayerType type() {
    return List.of(LayerType.CONV1D_TRANSPOSE, LayerType.CONV2D_TRANSPOSE,
        LayerType.CONV3D_TRANSPOSE).get(window.rank() - 1);
  }

  @Override
  public <R> R accept(LayerVisitor<R> visitor) {
    return visitor.convTranspose(this);
  }
}
