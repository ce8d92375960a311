package io.layerwise.publish;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import org.scilab.forge.jlatexmath.TeXFormula;

/**
 * The fonts formulas are set in, in PDF: JLaTeXMath's own Computer Modern (the fonts its layout
 * measured), each glyph given its Unicode meaning so that the PDF's text reads {@code 5·5·3·8 + 8
 * = 608}. A font whose several glyphs mean the same character (the five sizes of ⌊ in cmex10)
 * is split into planes, each plane a font of its own with one glyph per character; the PDF
 * theme names every plane in its font catalog ({@code lw-cmex10-2}). Glyphs without a known
 * meaning keep a private-use code point. Built once per process; immutable.
 */
final class MathFonts {

  /** The fonts JLaTeXMath sets our formulas in, by the family name its {@code Font}s carry. */
  static final List<String> FONTS = List.of("cmr10", "cmmi10", "cmsy10", "cmex10");

  private static final String[] DIRS = {"base", "latin", "maths"};

  /**
   * One glyph of a formula: the catalog family to draw it in, the character to draw, and how far
   * it advances the pen, in ems.
   */
  record Glyph(String family, char character, double advance) {}

  private final Map<String, Map<Integer, Glyph>> glyphs = new HashMap<>();
  private final Map<String, byte[]> files = new LinkedHashMap<>();

  private MathFonts() {
    for (String font : FONTS) {
      byte[] ttf = resource(font);
      Map<Integer, Integer> cmap = TrueTypeCmap.read(ttf);
      double[] advances = TrueTypeCmap.advances(ttf);
      List<Map<Integer, Integer>> planes = new ArrayList<>();
      Map<Integer, Glyph> byCode = new HashMap<>();
      for (Map.Entry<Integer, Integer> e : cmap.entrySet()) {
        int code = e.getKey();
        int unicode = TexEncodings.unicode(font, code).orElse(0xE000 + code);
        int plane = 0;
        while (plane < planes.size() && planes.get(plane).containsKey(unicode)) {
          plane++;
        }
        if (plane == planes.size()) {
          planes.add(new TreeMap<>());
        }
        planes.get(plane).put(unicode, e.getValue());
        int glyph = e.getValue();
        byCode.put(code, new Glyph(family(font, plane), (char) unicode,
            glyph < advances.length ? advances[glyph] : advances[advances.length - 1]));
      }
      glyphs.put(font, byCode);
      for (int p = 0; p < planes.size(); p++) {
        files.put(file(font, p), TrueTypeCmap.replace(ttf, planes.get(p)));
      }
    }
  }

  private static final class Holder {
    static final MathFonts INSTANCE = new MathFonts();
  }

  static MathFonts get() {
    return Holder.INSTANCE;
  }

  /** The glyph JLaTeXMath draws as {@code code} in its font {@code jlm_<name>}, if ours. */
  Optional<Glyph> glyph(String javaFamily, char code) {
    String font = javaFamily.startsWith("jlm_") ? javaFamily.substring(4) : javaFamily;
    Map<Integer, Glyph> byCode = glyphs.get(font);
    return byCode == null ? Optional.empty() : Optional.ofNullable(byCode.get((int) code));
  }

  /** The font files by file name ({@code lw-cmex10-2.ttf}), in a fixed order. */
  Map<String, byte[]> files() {
    return files;
  }

  /** The catalog families, each the base of its file's name: what the PDF theme must list. */
  Set<String> families() {
    Set<String> families = new java.util.LinkedHashSet<>();
    files.keySet().forEach(f -> families.add(f.substring(0, f.length() - ".ttf".length())));
    return families;
  }

  private static String family(String font, int plane) {
    return "lw-" + font + (plane == 0 ? "" : "-" + plane);
  }

  private static String file(String font, int plane) {
    return family(font, plane) + ".ttf";
  }

  private static byte[] resource(String font) {
    for (String dir : DIRS) {
      try (InputStream in = TeXFormula.class.getResourceAsStream("fonts/" + dir + "/jlm_" + font
          + ".ttf")) {
        if (in != null) {
          return in.readAllBytes();
        }
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    throw new IllegalStateException("JLaTeXMath has no font " + font);
  }
}
