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

  /** A symbol set upright as a word, such as {@code params}. */
  public static Symbol word(String word) {
    return new Symbol(word, "\\mathrm{" + word.replace("_", "\\_") + "}");
  }
}
