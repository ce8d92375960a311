package io.layerwise.cli;

import io.layerwise.build.BuildListener;
import java.io.PrintWriter;

/**
 * A one-line progress bar on the terminal for builds that take longer than a second; silent when
 * the output is not a terminal (CI logs, pipes).
 */
final class ProgressBar implements BuildListener {

  private static final int WIDTH = 30;
  private static final long DELAY_NANOS = 1_000_000_000L;

  private final PrintWriter err;
  private final boolean enabled;
  private long start;
  private int steps;
  private boolean shown;

  ProgressBar(PrintWriter err, boolean enabled) {
    this.err = err;
    this.enabled = enabled;
  }

  @Override
  public void started(int steps) {
    this.steps = steps;
    this.start = System.nanoTime();
  }

  @Override
  public void stepped(int done, String what) {
    if (!enabled || steps < 2 || System.nanoTime() - start < DELAY_NANOS) {
      return;
    }
    int filled = (int) ((long) WIDTH * done / steps);
    String line = String.format("\r[%s%s] %d/%d %s", "#".repeat(filled), ".".repeat(WIDTH - filled),
        done, steps, what);
    err.print(line.length() > 100 ? line.substring(0, 100) : line + " ".repeat(100 - line.length()));
    err.flush();
    shown = true;
  }

  /** Clears the bar so that the summary starts on a clean line. */
  void finish() {
    if (shown) {
      err.print("\r" + " ".repeat(101) + "\r");
      err.flush();
    }
  }
}
