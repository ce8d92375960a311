package io.layerwise.model;

import java.util.List;

/**
 * A size the exercise states about a layer's input, as PyTorch's constructors do ({@code
 * in_channels}, {@code in_features}, {@code num_features}, {@code input_size}, {@code
 * normalized_shape}), or the input rank a PyTorch class requires ({@code BatchNorm2d}). The
 * engine checks it against the input the layer really gets.
 *
 * @param argument the argument as the file writes it, for messages and locations
 * @param expected the stated size(s); for {@link Axes#RANK} the accepted ranks
 * @param axes which axes of the input it describes
 */
public record InputCheck(String argument, List<Long> expected, Axes axes) {

  /** Which part of the input shape an {@link InputCheck} states. */
  public enum Axes {
    /** The channel axis: {@code in_channels}, {@code num_features}. */
    CHANNELS,
    /** The last {@code expected.size()} axes: {@code in_features}, {@code normalized_shape}. */
    TRAILING,
    /** The input's rank (without the batch axis) is one of {@code expected}. */
    RANK
  }

  public InputCheck {
    expected = List.copyOf(expected);
    if (expected.isEmpty()) {
      throw new IllegalArgumentException("an input check states at least one size");
    }
  }
}
