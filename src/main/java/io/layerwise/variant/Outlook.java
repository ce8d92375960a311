package io.layerwise.variant;

import java.util.Locale;

/**
 * What the draws of {@code variants} so far say about the rest: whether {@code --count} valid
 * variants can still be found in the draws the budget allows, so that a hopeless {@code vary:}
 * space is refused after a second or two instead of after the whole budget.
 *
 * <p>The rule: with {@code valid} valid networks in {@code draws} draws, the valid rate is at
 * most {@code (valid + 3 + 3·√valid) / draws} at 95 % confidence (the rule of three, 3/n, when
 * none was valid; above the exact Poisson bound for every count, so the rule errs towards
 * drawing on). The draws are refused when even that rate, over every draw left, cannot make up
 * the variants still needed; never before {@link #MIN_DRAWS} draws. A space that is feasible
 * within the budget, however slowly, is not refused: at its true rate the bound lies above it.
 *
 * @param draws combinations checked so far
 * @param valid valid networks among them
 * @param count how many valid variants are asked for
 * @param left how many more draws the budget allows (its draws and its time)
 */
record Outlook(long draws, long valid, long count, long left) {

  /** No decision on fewer draws than this. */
  static final int MIN_DRAWS = 10;

  /** The valid rate's upper bound at 95 % confidence, at most 1. */
  double upperRate() {
    return draws == 0 ? 1 : Math.min(1, (valid + 3 + 3 * Math.sqrt(valid)) / draws);
  }

  /** At most how many valid variants the draws can give, those found included. */
  double reachable() {
    return valid + upperRate() * left;
  }

  /** Whether the count is out of reach, so the draws should stop now. */
  boolean hopeless() {
    return draws >= MIN_DRAWS && valid < count && reachable() < count;
  }

  /**
   * How many draws the budget still allows: those of the draw limit, and as many as the time
   * left takes at the pace of the latest draws with a margin of half as many again (the JVM is
   * still compiling during the first draws, and a busy machine is slower at times), so a slow
   * start does not count against a feasible space.
   *
   * @param draws draws made
   * @param limit the most draws
   * @param nanosPerDraw the time of one of the latest draws; 0 when not known yet
   * @param leftNanos the time left
   */
  static long drawsLeft(long draws, long limit, double nanosPerDraw, long leftNanos) {
    long byCount = Math.max(0, limit - draws);
    if (nanosPerDraw <= 0) {
      return byCount;
    }
    double byTime = 1.5 * Math.max(0, leftNanos) / nanosPerDraw;
    return (long) Math.min(byCount, byTime);
  }

  /**
   * Why the draws stop, with the figures and what to do.
   *
   * @param seconds the budget
   * @param took how long the draws took
   * @param invalid an invalid combination and why, when one was drawn
   */
  String message(long seconds, double took, java.util.Optional<String> invalid) {
    long atMost = (long) Math.floor(reachable());
    String rate = String.format(Locale.ROOT, "%.2g %%", upperRate() * 100);
    return "stopped after " + grouped(draws) + " draws (" + String.format(Locale.ROOT, "%.1f",
        took) + " s): " + (valid == 0 ? "none" : grouped(valid) + " of them") + " made a valid"
        + " network, so at most " + rate + " of the draws are valid (95 % confidence"
        + (valid == 0 ? ", the rule of three: 3/" + draws : "") + "), and the " + grouped(left)
        + " draws the budget still allows (" + seconds + " s) would find at most "
        + grouped(atMost) + " of the " + grouped(count) + " variants asked for; widen the"
        + " choices in 'vary:'"
        + invalid.map(s -> " (e.g. " + s + ")").orElse("") + " or lower --count";
  }

  private static String grouped(long n) {
    return String.format(Locale.ROOT, "%,d", n);
  }
}
