package io.layerwise.code;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** What a PyTorch program should print on the shape-only stand-in. */
final class StandIn {

  private static final Pattern SHAPE = Pattern.compile("torch\\.Size\\(\\[1((?:, \\d+)*)\\]\\)");

  private StandIn() {}

  /**
   * The line the program should have printed: its output shape as printed (when the shape holds
   * {@code size} values per sample), a tab, and the program's counts. A printed shape of another
   * size, or an error, is returned unchanged in the expected line's place so that the assertion
   * shows it.
   */
  static String expected(Program program, long size, String printed) {
    String counts = program.params() + " " + program.trainable();
    if (printed == null) {
      return "(ran) \t" + counts;
    }
    String shape = printed.split("\t")[0];
    Matcher m = SHAPE.matcher(shape);
    long n = 1;
    if (m.matches()) {
      for (String d : m.group(1).split(", ")) {
        if (!d.isEmpty()) {
          n *= Long.parseLong(d);
        }
      }
    }
    return (m.matches() && n == size ? shape : "a shape of " + size + " values") + "\t" + counts;
  }
}
