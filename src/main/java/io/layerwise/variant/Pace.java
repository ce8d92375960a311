package io.layerwise.variant;

/**
 * The pace of the latest draws of {@code variants}: the time of one draw over the last {@link
 * #WINDOW} of them, for {@link Outlook#drawsLeft}. The first draws of a run are the slowest (the
 * JVM is still compiling), so the pace since the start would underestimate the draws left.
 */
final class Pace {

  /** How many of the latest draws the pace is measured over. */
  static final int WINDOW = 16;

  private final long[] times = new long[WINDOW + 1];
  private long readings;

  /** A pace measured from the start of the draws. */
  Pace(long start) {
    times[0] = start;
    readings = 1;
  }

  /**
   * The clock's reading before a draw, and the pace so far.
   *
   * @param nanos the reading
   * @param nanosPerDraw the time of one of the latest draws; 0 before the first
   */
  record Now(long nanos, double nanosPerDraw) {}

  /** Records the clock's reading before a draw, after the draws before it. */
  Now at(long nanos) {
    int span = (int) Math.min(readings, WINDOW);
    long then = times[(int) ((readings - span) % times.length)];
    times[(int) (readings % times.length)] = nanos;
    readings++;
    return new Now(nanos, (double) (nanos - then) / span);
  }
}
