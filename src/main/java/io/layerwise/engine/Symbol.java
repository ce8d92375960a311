package io.layerwise.engine;

/**
 * A named quantity in a formula, such as {@code H_in} or {@code K}.
 *
 * @param text how plain text shows it ({@code H_in})
 * @param latex how LaTeX typesets it ({@code H_{\mathrm{in}}})
 */
public record Symbol(String text, String latex) {

  /** A single-letter symbol. */
  public static Symbol of(String name) {
    return new Symbol(name, name);
  }

  /** A symbol with a subscript: a word subscript is upright, a letter or digit italic. */
  public static Symbol sub(String base, String subscript) {
    String sub = subscript.length() > 1 ? "\\mathrm{" + subscript + "}" : subscript;
    return new Symbol(base + "_" + subscript, base + "_{" + sub + "}");
  }

  /**
   * Whether the symbol is one letter, perhaps with a subscript ({@code N}, {@code H_in}): a
   * coefficient may stand right before it ({@code 2P}), but not before a word ({@code 2 ·
   * trainable}, never {@code 2trainable}).
   */
  public boolean letter() {
    int end = text.indexOf('_');
    String base = end < 0 ? text : text.substring(0, end);
    return base.codePointCount(0, base.length()) == 1;
  }

  /** A symbol set upright as a word, such as {@code params}. */
  public static Symbol word(String word) {
    return new Symbol(word, "\\mathrm{" + word.replace("_", "\\_") + "}");
  }
}
