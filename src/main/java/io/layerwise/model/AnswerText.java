package io.layerwise.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * How a student may write a number or a shape: {@code 48001}, {@code 48,001}, {@code 48 001},
 * {@code 48_001}; {@code 28x28x8}, {@code 28×28×8}, {@code (28, 28, 8)}, {@code (None, 28, 28, 8)}
 * as {@code model.summary()} prints it. The self-check page's script follows the same rules
 * (tested in a browser), so a value means the same in an answers file and in the page.
 */
public final class AnswerText {

  /** Thousands separators: comma, space, no-break and thin spaces, underscore, apostrophe. */
  private static final Pattern SEPARATORS = Pattern.compile("[,\\s\\u00a0\\u202f\\u2009_']");
  private static final Pattern DOTTED = Pattern.compile("\\d{1,3}(\\.\\d{3})+");
  private static final Pattern DIGITS = Pattern.compile("\\d{1,18}");
  private static final Pattern SHAPE_SPLIT = Pattern.compile("\\s*[x×*,]\\s*|\\s+");

  private AnswerText() {}

  /** A non-negative whole number, with or without thousands separators. */
  public static Optional<Long> count(String written) {
    String s = SEPARATORS.matcher(written.strip()).replaceAll("");
    if (DOTTED.matcher(s).matches()) {
      s = s.replace(".", "");
    }
    if (!DIGITS.matcher(s).matches()) {
      return Optional.empty();
    }
    return Optional.of(Long.parseLong(s));
  }

  /**
   * A non-negative number in hundredths, rounded half up to two decimals: {@code 585.92}, {@code
   * 585,92} (a decimal comma), {@code 585.9190}, {@code 1,234.5}. One separator that occurs once
   * is the decimal one; with both a point and a comma, the last is.
   */
  public static Optional<Long> hundredths(String written) {
    String s = written.strip().replaceAll("[\\s\\u00a0\\u202f\\u2009_']", "");
    int point = s.lastIndexOf('.');
    int comma = s.lastIndexOf(',');
    int decimal = Math.max(point, comma);
    char other = decimal == point ? ',' : '.';
    if (decimal >= 0 && (point < 0 || comma < 0)
        && s.indexOf(s.charAt(decimal)) != decimal) {
      decimal = -1; // one separator, several times: thousands (1,234,567)
      other = s.indexOf('.') >= 0 ? '.' : ',';
    }
    String whole = (decimal < 0 ? s : s.substring(0, decimal)).replace(String.valueOf(other), "");
    String fraction = decimal < 0 ? "" : s.substring(decimal + 1);
    if (!whole.matches("\\d{1,15}") || !fraction.matches("\\d{0,18}")) {
      return Optional.empty();
    }
    java.math.BigDecimal v = new java.math.BigDecimal(whole + "." + fraction + "0")
        .setScale(2, java.math.RoundingMode.HALF_UP);
    return Optional.of(v.unscaledValue().longValueExact());
  }

  /** A shape: sizes separated by {@code x}, {@code ×}, {@code *} or commas, in brackets or not. */
  public static Optional<List<Long>> dims(String written) {
    String s = written.strip();
    if (s.length() >= 2 && "([".indexOf(s.charAt(0)) >= 0 && ")]".indexOf(s.charAt(s.length() - 1)) >= 0) {
      s = s.substring(1, s.length() - 1).strip();
    }
    List<String> parts = new ArrayList<>(List.of(SHAPE_SPLIT.split(s, -1)));
    parts.removeIf(p -> p.isEmpty());
    if (!parts.isEmpty() && isBatch(parts.get(0)) && parts.size() > 1) {
      parts.remove(0);
    }
    if (parts.isEmpty()) {
      return Optional.empty();
    }
    List<Long> dims = new ArrayList<>();
    for (String p : parts) {
      if (!DIGITS.matcher(p).matches()) {
        return Optional.empty();
      }
      dims.add(Long.parseLong(p));
    }
    return Optional.of(dims);
  }

  /** The batch axis as frameworks print it: {@code None}, {@code -1}, {@code ?}, {@code null}. */
  public static boolean isBatch(String part) {
    String p = part.strip().toLowerCase(Locale.ROOT);
    return p.equals("none") || p.equals("-1") || p.equals("?") || p.equals("null")
        || p.equals("batch") || p.equals("n") || p.equals("b");
  }
}
