package io.layerwise.model;

/**
 * The value of one quantity: a count, or a shape for {@link Quantity#OUTPUT_SHAPE}. What the
 * engine computes and what a student answers are compared as values.
 */
public sealed interface Value permits Value.Count, Value.Dims, Value.Decimal {

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
   * A number to two decimals, such as a total in MiB: {@code 585.92}. Compared as hundredths, so
   * that an answer is right when it rounds to the right two decimals.
   *
   * @param hundredths the number times 100
   */
  record Decimal(long hundredths) implements Value {
    /** Bytes in a unit (2²⁰ for MiB, 10⁶ for MB), rounded half up to two decimals. */
    public static Decimal of(long bytes, long unit) {
      java.math.BigInteger twice = java.math.BigInteger.valueOf(bytes)
          .multiply(java.math.BigInteger.valueOf(200)).divide(java.math.BigInteger.valueOf(unit));
      return new Decimal(twice.add(java.math.BigInteger.ONE).shiftRight(1).longValueExact());
    }

    @Override
    public String text() {
      return String.format(java.util.Locale.ROOT, "%,d.%02d", hundredths / 100, hundredths % 100);
    }

    @Override
    public String canonical() {
      return String.format(java.util.Locale.ROOT, "%d.%02d", hundredths / 100, hundredths % 100);
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
