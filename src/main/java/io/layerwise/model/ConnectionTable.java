package io.layerwise.model;

import java.util.List;
import java.util.OptionalLong;

/**
 * Which input channels each output map of a convolution sees, when not all of them: LeNet-5's C3
 * (LeCun et al. 1998, Table I), where each of 16 maps sees 3, 4 or 6 of the 6 input maps.
 *
 * @param maps for each output map, the 0-based input channels it sees
 * @param inputs how many input channels the table describes, when it says (a 0/1 matrix has
 *     one row per input channel); the engine checks it against the input
 */
public record ConnectionTable(List<List<Long>> maps, OptionalLong inputs) {

  public ConnectionTable {
    maps = maps.stream().map(List::copyOf).toList();
    if (maps.isEmpty()) {
      throw new IllegalArgumentException("a connection table has at least one map");
    }
    for (List<Long> m : maps) {
      if (m.isEmpty() || m.stream().anyMatch(c -> c < 0) || m.stream().distinct().count() != m.size()) {
        throw new IllegalArgumentException("each map sees distinct channels, at least one: " + m);
      }
    }
  }

  /** Kernels in all: the sum over the output maps of the channels each sees. */
  public long connections() {
    return maps.stream().mapToLong(List::size).sum();
  }
}
