package io.layerwise.model;

/**
 * The value of one quantity: a count, or a shape for {@link Quantity#OUTPUT_SHAPE}. What the
 * engine computes and what a student answers are compared as values.
 */
public sealed interface Value permits Value.Count, Value.Dims {

  /** The value as people write it: {@code 48,120}, {@code (28, 28, 8)}. */
  String text();

  /**
   * The value in one canonical spelling, {@code 48001} or {@code 28x28x8}: what the self-check
   * page hashes after normalising what the student typed the same way.
   */
  String canonical();

  static Value of(long count) {
    return new Count(count);
  }

  static Value of(Shape shape) {
    return new Dims(shape);
  }

  /**
   * A number.
   *
   * @param value the number
   */
  record Count(long value) implements Value {
    @Override
    public String text() {
      return String.format(java.util.Locale.ROOT, "%,d", value);
    }

    @Override
    public String canonical() {
      return Long.toString(value);
    }
  }

  /**
   * A shape without the batch axis.
   *
   * @param shape the shape
   */
  record Dims(Shape shape) implements Value {
    @Override
    public String text() {
      return shape.toString();
    }

    @Override
    public String canonical() {
      StringBuilder sb = new StringBuilder();
      for (long d : shape.dims()) {
        sb.append(sb.length() == 0 ? "" : "x").append(d);
      }
      return sb.toString();
    }
  }
}
