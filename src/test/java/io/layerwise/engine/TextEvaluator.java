package io.layerwise.engine;

/**
 * Evaluates the plain-text substituted form of a derivation ({@code ⌊(100 + 2·0 − 7)/1⌋ + 1}) by
 * parsing it, independently of the expression tree, so that a wrong parenthesis in the renderer
 * shows up as a wrong number.
 */
final class TextEvaluator {

  private final String s;
  private int pos;

  private TextEvaluator(String s) {
    this.s = s.replace(", ", ";").replace(",", "").replace(" ", "");
  }

  static long eval(String text) {
    TextEvaluator e = new TextEvaluator(text);
    long v = e.sum();
    if (e.pos != e.s.length()) {
      throw new IllegalArgumentException("unparsed rest '" + e.s.substring(e.pos) + "' in " + text);
    }
    return v;
  }

  private long sum() {
    long v = product();
    while (pos < s.length() && (s.charAt(pos) == '+' || s.charAt(pos) == '−')) {
      char op = s.charAt(pos++);
      long r = product();
      v = op == '+' ? v + r : v - r;
    }
    return v;
  }

  private long product() {
    long v = atom();
    while (pos < s.length() && (s.charAt(pos) == '·' || s.charAt(pos) == '/')) {
      char op = s.charAt(pos++);
      long r = atom();
      if (op == '·') {
        v *= r;
      } else {
        if (v % r != 0) {
          throw new IllegalArgumentException("inexact division outside brackets in " + s);
        }
        v /= r;
      }
    }
    return v;
  }

  private long atom() {
    char c = s.charAt(pos);
    if (c == '(') {
      pos++;
      long v = sum();
      expect(')');
      return v;
    }
    if (c == '⌊' || c == '⌈') {
      pos++;
      long n = product0();
      expect('/');
      long d = atom();
      expect(c == '⌊' ? '⌋' : '⌉');
      return c == '⌊' ? Math.floorDiv(n, d) : -Math.floorDiv(-n, d);
    }
    if (s.startsWith("max(", pos) || s.startsWith("min(", pos)) {
      boolean max = s.startsWith("max(", pos);
      pos += 4;
      long a = sum();
      expect(';');
      long b = sum();
      expect(')');
      return max ? Math.max(a, b) : Math.min(a, b);
    }
    int start = pos;
    while (pos < s.length() && Character.isDigit(s.charAt(pos))) {
      pos++;
    }
    if (start == pos) {
      throw new IllegalArgumentException("expected a number at " + pos + " in " + s);
    }
    return Long.parseLong(s.substring(start, pos));
  }

  /** The numerator of a bracketed quotient: an atom (the renderer brackets compound ones). */
  private long product0() {
    return atom();
  }

  private void expect(char c) {
    if (pos >= s.length() || s.charAt(pos) != c) {
      throw new IllegalArgumentException("expected '" + c + "' at " + pos + " in " + s);
    }
    pos++;
  }
}
