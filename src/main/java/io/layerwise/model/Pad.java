package io.layerwise.model;

/**
 * Zeros added to one axis.
 *
 * @param before zeros before the first element (top, left, front)
 * @param after zeros after the last element (bottom, right, back)
 */
public record Pad(long before, long after) {

  public Pad {
    if (before < 0 || after < 0) {
      throw new IllegalArgumentException("padding cannot be negative: " + before + ", " + after);
    }
  }

  public static Pad symmetric(long p) {
    return new Pad(p, p);
  }

  public boolean isSymmetric() {
    return before == after;
  }

  public long total() {
    return Math.addExact(before, after);
  }
}
