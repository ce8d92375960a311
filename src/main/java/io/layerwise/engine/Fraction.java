package io.layerwise.engine;

/**
 * A non-negative rational in lowest terms: the effective stride after up-sampling or a transposed
 * convolution is a fraction of an input pixel.
 *
 * @param numerator the numerator
 * @param denominator the denominator, positive
 */
public record Fraction(long numerator, long denominator) {

  public static final Fraction ONE = new Fraction(1, 1);

  public Fraction {
    if (denominator <= 0) {
      throw new IllegalArgumentException("denominator must be positive");
    }
    long g = gcd(Math.abs(numerator), denominator);
    if (g > 1) {
      numerator /= g;
      denominator /= g;
    }
  }

  public static Fraction of(long value) {
    return new Fraction(value, 1);
  }

  public boolean isInteger() {
    return denominator == 1;
  }

  public Fraction plus(Fraction o) {
    return new Fraction(
        Math.addExact(
            Math.multiplyExact(numerator, o.denominator),
            Math.multiplyExact(o.numerator, denominator)),
        Math.multiplyExact(denominator, o.denominator));
  }

  public Fraction times(long factor) {
    return new Fraction(Math.multiplyExact(numerator, factor), denominator);
  }

  public Fraction dividedBy(long divisor) {
    return new Fraction(numerator, Math.multiplyExact(denominator, divisor));
  }

  public Fraction max(Fraction o) {
    return compareTo(o) >= 0 ? this : o;
  }

  int compareTo(Fraction o) {
    return Long.compare(
        Math.multiplyExact(numerator, o.denominator), Math.multiplyExact(o.numerator, denominator));
  }

  @Override
  public String toString() {
    return isInteger() ? Long.toString(numerator) : numerator + "/" + denominator;
  }

  private static long gcd(long a, long b) {
    while (b != 0) {
      long t = a % b;
      a = b;
      b = t;
    }
    return a == 0 ? 1 : a;
  }
}
