package io.layerwise.model;

import java.util.List;
import java.util.Optional;

/**
 * {@code Conv1D}, {@code Conv2D} or {@code Conv3D} (PyTorch {@code Conv1d/2d/3d}), by the rank of
 * its window.
 *
 * @param filters output channels
 * @param window kernel, strides, padding and dilation
 * @param groups input and output channels split into this many independent groups
 * @param useBias one bias per filter when true
 * @param activation applied after the convolution; shown on sheets, no effect on counts
 * @param connections which input channels each filter sees, when not all (LeNet-5's C3)
 * @param fill what the padding holds (PyTorch's {@code padding_mode}); zeros in Keras
 */
public record Conv(long filters, Window window, long groups, boolean useBias,
    Optional<String> activation, Optional<ConnectionTable> connections, PaddingFill fill)
    implements Layer {

  public Conv {
    if (filters <= 0 || groups <= 0 || window.rank() > 3) {
      throw new IllegalArgumentException("filters and groups must be positive; rank at most 3");
    }
    if (connections.isPresent()
        && (groups != 1 || connections.get().maps().size() != filters)) {
      throw new IllegalArgumentException("a connection table has one entry per filter, no groups");
    }
  }

  /** A convolution that pads with zeros. */
  public Conv(long filters, Window window, long groups, boolean useBias,
      Optional<String> activation, Optional<ConnectionTable> connections) {
    this(filters, window, groups, useBias, activation, connections, PaddingFill.ZEROS);
  }

  /** A convolution whose every filter sees every channel of its group. */
  public Conv(long filters, Window window, long groups, boolean useBias,
      Optional<String> activation) {
    this(filters, window, groups, useBias, activation, Optional.empty());
  }

  @Override
  public LayerType type() {
    return List.of(LayerType.CONV1D, LayerType.CONV2D, LayerType.CONV3D).get(window.rank() - 1);
  }

  @Override
  public <R> R accept(LayerVisitor<R> visitor) {
    return visitor.conv(this);
  }
}
