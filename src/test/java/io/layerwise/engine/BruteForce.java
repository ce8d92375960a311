package io.layerwise.engine;

/**
 * Independent arithmetic for the formulas: counting sliding-window positions one by one, and the
 * padding TensorFlow computes for {@code same}. Shares no code with the engine.
 */
final class BruteForce {

  private BruteForce() {}

  /** Window start positions 0, s, 2s, … whose dilated window fits in the padded axis. */
  static long windows(long in, long k, long s, long before, long after, long d) {
    long padded = in + before + after;
    long span = d * (k - 1) + 1;
    long count = 0;
    for (long start = 0; start + span <= padded; start += s) {
      count++;
    }
    return count;
  }

  /** TensorFlow's total padding for {@code same}, from the remainder of the input by the stride. */
  static long samePaddingTotal(long in, long k, long s, long d) {
    long span = d * (k - 1) + 1;
    return in % s == 0 ? Math.max(span - s, 0) : Math.max(span - in % s, 0);
  }

  /** Windows of a {@code same} convolution, counted over TensorFlow's padded input. */
  static long sameWindows(long in, long k, long s, long d) {
    long total = samePaddingTotal(in, k, s, d);
    return windows(in, k, s, total / 2, total - total / 2, d);
  }

  /**
   * Keras' valid transposed length, found by search: the shortest length whose forward
   * convolution with the same window gives back the input, but at least in·s (Keras never
   * returns less than the stretched input).
   */
  static long transposedValid(long in, long k, long s) {
    for (long length = 1; ; length++) {
      if (windows(length, k, s, 0, 0, 1) == in) {
        return Math.max(length, in * s);
      }
    }
  }

  /**
   * A PyTorch transposed convolution by scattering: every input position i writes its kernel
   * taps to i·s + t·d; the output spans the positions written, plus output padding, minus the
   * padding cropped from both ends.
   */
  static long transposedScatter(long in, long k, long s, long p, long d, long outputPadding) {
    long last = 0;
    for (long i = 0; i < in; i++) {
      for (long t = 0; t < k; t++) {
        last = Math.max(last, i * s + t * d);
      }
    }
    return last + 1 + outputPadding - 2 * p;
  }

  /**
   * PyTorch's pooling windows with {@code ceil_mode}, counted one by one: a window may stick out
   * of the padded axis by less than a stride (the window one stride earlier did not reach its
   * end), but it must start inside the input or its left padding.
   */
  static long ceilWindows(long in, long k, long s, long p, long d) {
    long padded = in + 2 * p;
    long span = d * (k - 1) + 1;
    long count = 0;
    for (long start = 0; start < in + p && start - s + span < padded; start += s) {
      count++;
    }
    return count;
  }
}
