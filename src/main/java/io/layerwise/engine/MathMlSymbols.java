package io.layerwise.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A {@link Symbol} in MathML, read from its LaTeX so that the two cannot differ: the small part
 * of LaTeX that symbols use ({@code H_{\mathrm{in}}}, {@code \Delta W_{\mathrm{conv}}^{\mathrm{
 * Keras}}}, {@code \mathrm{non\_trainable}}) becomes {@code <mi>}, {@code <msub>}, {@code
 * <msup>} and {@code <msubsup>}. A letter is italic, a word or {@code \mathrm{…}} upright, as in
 * TeX.
 */
final class MathMlSymbols {

  private static final Map<String, String> GREEK = Map.of(
      "Delta", "\u0394", "Sigma", "\u03a3", "alpha", "\u03b1", "beta", "\u03b2",
      "gamma", "\u03b3", "sigma", "\u03c3", "mu", "\u03bc");

  private final String latex;
  private int pos;

  private MathMlSymbols(String latex) {
    this.latex = latex;
  }

  static String of(Symbol s) {
    List<String> atoms = new MathMlSymbols(s.latex()).atoms('\0');
    return atoms.size() == 1 ? atoms.get(0) : "<mrow>" + String.join("", atoms) + "</mrow>";
  }

  /** The atoms up to {@code end} (or the end of the text), scripts attached to their base. */
  private List<String> atoms(char end) {
    List<String> atoms = new ArrayList<>();
    while (pos < latex.length() && latex.charAt(pos) != end) {
      char c = latex.charAt(pos);
      if (c == '_' || c == '^') {
        String base = atoms.isEmpty() ? "<mrow></mrow>" : atoms.remove(atoms.size() - 1);
        String sub = null;
        String sup = null;
        while (pos < latex.length() && (latex.charAt(pos) == '_' || latex.charAt(pos) == '^')) {
          boolean isSub = latex.charAt(pos++) == '_';
          String script = group();
          if (isSub) {
            sub = script;
          } else {
            sup = script;
          }
        }
        atoms.add(sub == null ? "<msup>" + base + sup + "</msup>"
            : sup == null ? "<msub>" + base + sub + "</msub>"
            : "<msubsup>" + base + sub + sup + "</msubsup>");
      } else if (c == '\\') {
        atoms.add(command());
      } else if (c == ' ') {
        pos++;
      } else if (Character.isDigit(c)) {
        int start = pos;
        while (pos < latex.length() && Character.isDigit(latex.charAt(pos))) {
          pos++;
        }
        atoms.add("<mn>" + latex.substring(start, pos) + "</mn>");
      } else if (Character.isLetter(c)) {
        pos++;
        atoms.add("<mi>" + escape(String.valueOf(c)) + "</mi>");
      } else {
        pos++;
        atoms.add("<mo>" + escape(String.valueOf(c)) + "</mo>");
      }
    }
    return atoms;
  }

  /** A script: a braced group or a single character, as one MathML element. */
  private String group() {
    if (pos < latex.length() && latex.charAt(pos) == '{') {
      pos++;
      List<String> inner = atoms('}');
      pos++;
      return inner.size() == 1 ? inner.get(0) : "<mrow>" + String.join("", inner) + "</mrow>";
    }
    int start = pos;
    List<String> one = new MathMlSymbols(latex.substring(start, Math.min(start + 1,
        latex.length()))).atoms('\0');
    pos = Math.min(start + 1, latex.length());
    return one.isEmpty() ? "<mrow></mrow>" : one.get(0);
  }

  /** {@code \mathrm{word}}, a Greek letter, or an escaped character. */
  private String command() {
    pos++;
    int start = pos;
    while (pos < latex.length() && Character.isLetter(latex.charAt(pos))) {
      pos++;
    }
    String name = latex.substring(start, pos);
    if (name.isEmpty()) {
      char c = pos < latex.length() ? latex.charAt(pos++) : '\\';
      return "<mo>" + escape(String.valueOf(c)) + "</mo>";
    }
    if (name.equals("mathrm") && pos < latex.length() && latex.charAt(pos) == '{') {
      int close = latex.indexOf('}', pos);
      String word = latex.substring(pos + 1, close < 0 ? latex.length() : close)
          .replace("\\_", "_");
      pos = close < 0 ? latex.length() : close + 1;
      return word.length() == 1 ? "<mi mathvariant=\"normal\">" + escape(word) + "</mi>"
          : "<mi>" + escape(word) + "</mi>";
    }
    String greek = GREEK.get(name);
    if (greek == null) {
      return "<mi>" + escape(name) + "</mi>";
    }
    return Character.isUpperCase(greek.charAt(0))
        ? "<mi mathvariant=\"normal\">" + greek + "</mi>" : "<mi>" + greek + "</mi>";
  }

  private static String escape(String s) {
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
  }
}
