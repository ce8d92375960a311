package io.layerwise.publish;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * What the glyphs of JLaTeXMath's Computer Modern fonts mean in Unicode: TeX's OT1 (cmr10), OML
 * (cmmi10), OMS (cmsy10) and OMX (cmex10) encodings, as far as formulas use them, at the code
 * points the BaKoMa TrueType fonts moved them to (TeX's codes 0–9 to U+00A1–U+00AA, 10–32 to
 * U+00AD–U+00C3, 127 to U+00C4).
 */
final class TexEncodings {

  private static final String GREEK_UPPER = "\u0393\u0394\u0398\u039b\u039e\u03a0\u03a3\u03a5"
      + "\u03a6\u03a8\u03a9";
  private static final String GREEK_LOWER = "\u03b1\u03b2\u03b3\u03b4\u03f5\u03b6\u03b7\u03b8"
      + "\u03b9\u03ba\u03bb\u03bc\u03bd\u03be\u03c0\u03c1\u03c3\u03c4\u03c5\u03d5\u03c7\u03c8"
      + "\u03c9\u03b5\u03d1\u03d6\u03f1\u03c2\u03c6";

  private static final Map<String, Map<Integer, Character>> TABLES = Map.of(
      "cmr10", ot1(), "cmmi10", oml(), "cmsy10", oms(), "cmex10", omx());

  private TexEncodings() {}

  /** The Unicode character a font's code point shows, if known. */
  static Optional<Integer> unicode(String font, int code) {
    Map<Integer, Character> table = TABLES.get(font);
    Character c = table == null ? null : table.get(code);
    return c == null ? Optional.empty() : Optional.of((int) c);
  }

  /** Where the BaKoMa fonts put TeX's code {@code tex}. */
  private static int bakoma(int tex) {
    if (tex <= 9) {
      return 0xA1 + tex;
    }
    if (tex <= 0x20) {
      return 0xA3 + tex;
    }
    return tex == 0x7F ? 0xC4 : tex;
  }

  private static void put(Map<Integer, Character> m, int tex, String chars) {
    for (int i = 0; i < chars.length(); i++) {
      m.put(bakoma(tex + i), chars.charAt(i));
    }
  }

  private static void letters(Map<Integer, Character> m) {
    put(m, 'A', "ABCDEFGHIJKLMNOPQRSTUVWXYZ");
    put(m, 'a', "abcdefghijklmnopqrstuvwxyz");
  }

  private static Map<Integer, Character> ot1() {
    Map<Integer, Character> m = new HashMap<>();
    put(m, 0, GREEK_UPPER);
    letters(m);
    put(m, '0', "0123456789:;");
    put(m, '!', "!");
    put(m, '#', "#$%&\u2019()*+,-./");
    put(m, '=', "=");
    put(m, '?', "?@");
    put(m, '[', "[");
    put(m, ']', "]");
    return m;
  }

  private static Map<Integer, Character> oml() {
    Map<Integer, Character> m = new HashMap<>();
    put(m, 0, GREEK_UPPER);
    put(m, 0x0B, GREEK_LOWER);
    letters(m);
    put(m, '0', "0123456789.,</>\u22c6");
    put(m, 0x40, "\u2202");
    put(m, 0x7B, "\u0131\u0237");
    return m;
  }

  private static Map<Integer, Character> oms() {
    Map<Integer, Character> m = new HashMap<>();
    put(m, 0, "\u2212\u00b7\u00d7\u2217\u00f7\u22c4\u00b1\u2213\u2295\u2296\u2297\u2298\u2299"
        + "\u25cb\u2218\u2219\u224d\u2261\u2286\u2287\u2264\u2265\u2aaf\u2ab0\u223c\u2248\u2282"
        + "\u2283\u226a\u226b\u227a\u227b\u2190\u2192\u2191\u2193\u2194\u2197\u2198\u2243\u21d0"
        + "\u21d2\u21d1\u21d3\u21d4\u2196\u2199\u221d\u2032\u221e\u2208\u220b");
    put(m, 'A', "ABCDEFGHIJKLMNOPQRSTUVWXYZ");
    put(m, 'b', "\u230a\u230b\u2308\u2309{}\u27e8\u27e9|\u2016");
    return m;
  }

  private static Map<Integer, Character> omx() {
    Map<Integer, Character> m = new HashMap<>();
    String fences = "()[]\u230a\u230b\u2308\u2309{}\u27e8\u27e9";
    put(m, 0x00, fences);
    put(m, 0x10, "()()[]\u230a\u230b\u2308\u2309{}\u27e8\u27e9");
    put(m, 0x20, "()[]\u230a\u230b\u2308\u2309{}\u27e8\u27e9");
    put(m, 0x30, "\u239b\u239e\u23a1\u23a4\u23a3\u23a6\u23a2\u23a5\u23a7\u23ab\u23a9\u23ad\u23a8"
        + "\u23ac\u23aa");
    put(m, 0x40, "\u239d\u23a0\u239c\u239f\u27e8\u27e9");
    put(m, 0x68, "[]\u230a\u230b\u2308\u2309{}");
    return m;
  }
}
