package io.layerwise.exercise;



/**
 * What an exercise file can make Layerwise do, in one place: each limit is checked where the
 * input is read, before any work proportional to it, and refused with a diagnostic that names
 * it. {@code docs/RELIABILITY.md} lists them with what the user sees.
 */
public final class Limits {

  /** The largest exercise file read, in bytes (and, for text handed in directly, characters). */
  public static final int FILE_BYTES = 1_000_000;

  /** How deep lists and mappings may nest. */
  public static final int DEPTH = 64;

  /**
   * The most YAML values (scalars, lists and mappings) a file may hold, counting each alias as
   * the values it repeats: what stops "billion laughs".
   */
  public static final int VALUES = 1_000_000;

  /** The most layers a network may have. */
  public static final int LAYERS = 20_000;

  /**
   * The most inputs one layer may take: a merge's derivation has a term for each, and deeper
   * formulas than that are no exercise (and would exhaust the stack of whatever typesets them).
   */
  public static final int INPUTS = 256;

  /** The most axes a shape may have (an input, a reshape's target), batch axis not counted. */
  public static final int RANK = 8;

  /** The largest integer a file may give any dimension, kernel, stride or count. */
  public static final long SIZE = 1L << 31;

  /** The most digits a number may be written with. */
  public static final int DIGITS = 100;

  private Limits() {}

  /** A number as messages print it: {@code 1,000,000}. */
  static String show(long n) {
    return String.format(java.util.Locale.ROOT, "%,d", n);
  }
}
