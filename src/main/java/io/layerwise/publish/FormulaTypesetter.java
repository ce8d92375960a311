package io.layerwise.publish;

import java.awt.Color;
import java.awt.Insets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jfree.svg.SVGGraphics2D;
import org.jfree.svg.SVGHints;
import org.jfree.svg.SVGUnits;
import org.jfree.svg.ViewBox;
import org.scilab.forge.jlatexmath.TeXConstants;
import org.scilab.forge.jlatexmath.TeXFormula;
import org.scilab.forge.jlatexmath.TeXIcon;

/**
 * Typesets LaTeX for the PDF with JLaTeXMath: its layout (baselines, fraction bars, brackets sized
 * to their content), read back as text runs in the {@link MathFonts} the PDF embeds and as rules,
 * so that the PDF carries each formula as a few text runs that read, copy and search as {@code
 * 5·5·3·8 + 8 = 608} ({@link FormulaDrawer} draws them). A formula that uses a glyph outside those
 * fonts keeps JLaTeXMath's icon, drawn as outlines. Identical LaTeX is typeset once per process.
 */
final class FormulaTypesetter {

  /**
   * A typeset formula, in points at JLaTeXMath's size.
   *
   * @param width the width
   * @param height the height, depth included
   * @param depth how far the box reaches below its baseline
   * @param runs the text runs, each on one baseline in one font
   * @param rules the rules (fraction bars)
   * @param outlines JLaTeXMath's icon, for a formula that cannot be set as text (else empty)
   */
  record Typeset(double width, double height, double depth, List<Run> runs, List<Rule> rules,
      Optional<TeXIcon> outlines) {}

  /**
   * Glyphs that follow each other on one baseline.
   *
   * @param family the font family ({@code lw-cmr10})
   * @param size the font size
   * @param x where the baseline starts
   * @param y the baseline, from the top
   * @param text the characters
   */
  record Run(String family, double size, double x, double y, String text) {}

  /**
   * A filled rectangle.
   *
   * @param x left
   * @param y top
   * @param width width
   * @param height height
   */
  record Rule(double x, double y, double width, double height) {}

  /** The size JLaTeXMath draws at, in points; SVG user units are then points too. */
  private static final float SIZE = 15f;

  /** A glyph as JFreeSVG writes standard text: a transform, then the text at the origin. */
  private static final Pattern GLYPH = Pattern.compile("<g transform='matrix\\(([^)]*)\\)'>\\s*"
      + "<text x='([^']*)' y='([^']*)' style='[^']*font-family: ([^;']*); font-size: ([0-9.]+)"
      + "px;[^']*'>([^<]*)</text>\\s*</g>");
  /** A rule (fraction bar), possibly scaled. */
  private static final Pattern RULE = Pattern.compile("<rect x='([^']*)' y='([^']*)' width='"
      + "([^']*)' height='([^']*)' style='[^']*'(?: transform='matrix\\(([^)]*)\\)')?/>");
  private static final Pattern ROOT = Pattern.compile("(?s)<svg [^>]*>(.*)</svg>\\s*");

  private final Map<String, Typeset> cache = new ConcurrentHashMap<>();

  static {
    System.setProperty("java.awt.headless", "true");
  }

  /** The formula, typeset once per process. Serialised: JLaTeXMath keeps static parser state. */
  Typeset typeset(String latex) {
    Typeset t = cache.get(latex);
    if (t == null) {
      synchronized (this) {
        t = cache.computeIfAbsent(latex, FormulaTypesetter::layout);
      }
    }
    return t;
  }

  /** The formula as a standalone SVG of its runs and rules (what the tests read). */
  String svg(String latex) {
    Typeset t = typeset(latex);
    if (t.outlines().isPresent()) {
      return asPaths(t.outlines().get());
    }
    StringBuilder sb = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        + "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"" + decimal(t.width(), 1000)
        + "pt\" height=\"" + decimal(t.height(), 1000) + "pt\">\n");
    for (Run r : t.runs()) {
      sb.append("<text font-family=\"").append(r.family()).append("\" font-size=\"")
          .append(decimal(r.size(), 1000)).append("\" x=\"").append(decimal(r.x(), 1000))
          .append("\" y=\"").append(decimal(r.y(), 1000)).append("\">");
      r.text().chars().forEach(c -> sb.append(escape((char) c)));
      sb.append("</text>\n");
    }
    for (Rule r : t.rules()) {
      sb.append("<rect x=\"").append(decimal(r.x(), 1000)).append("\" y=\"")
          .append(decimal(r.y(), 1000)).append("\" width=\"").append(decimal(r.width(), 1000))
          .append("\" height=\"").append(decimal(r.height(), 1000)).append("\"/>\n");
    }
    return sb.append("</svg>\n").toString();
  }

  /**
   * A coordinate rounded to 1/scale, written without a trailing ".0": glyph outlines need no
   * more precision, and full precision would make every formula several times larger.
   */
  private static String decimal(double d, int scale) {
    double r = Math.round(d * scale) / (double) scale;
    if (r == Math.rint(r) && Math.abs(r) < 1e15) {
      return Long.toString((long) r);
    }
    return Double.toString(r);
  }

  private static Typeset layout(String latex) {
    TeXIcon icon = icon(latex);
    return asText(icon).orElseGet(() -> new Typeset(icon.getIconWidth(), icon.getIconHeight(),
        icon.getIconDepth() + INSET, List.of(), List.of(), Optional.of(icon)));
  }

  /** The room JLaTeXMath leaves around a formula, in points. */
  private static final int INSET = 2;

  private static TeXIcon icon(String latex) {
    TeXFormula formula = new TeXFormula(latex);
    TeXIcon icon = formula.createTeXIcon(TeXConstants.STYLE_DISPLAY, SIZE);
    icon.setInsets(new Insets(INSET, INSET, INSET, INSET));
    icon.setForeground(Color.BLACK);
    return icon;
  }

  private static SVGGraphics2D graphics(TeXIcon icon, Object drawStringType) {
    SVGGraphics2D g = new SVGGraphics2D(icon.getIconWidth(), icon.getIconHeight(), SVGUnits.PT);
    g.setRenderingHint(SVGHints.KEY_DRAW_STRING_TYPE, drawStringType);
    g.setDefsKeyPrefix("lw");
    return g;
  }

  private static String element(SVGGraphics2D g, TeXIcon icon) {
    int w = icon.getIconWidth();
    int h = icon.getIconHeight();
    return g.getSVGElement(null, true, new ViewBox(0, 0, w, h), null, null);
  }

  /** Every glyph an outline: needs no font, but is no text either. */
  private static String asPaths(TeXIcon icon) {
    SVGGraphics2D g = graphics(icon, SVGHints.VALUE_DRAW_STRING_TYPE_VECTOR);
    g.setGeomDoubleConverter(d -> decimal(d, 1000));
    g.setTransformDoubleConverter(d -> decimal(d, 10_000));
    icon.paintIcon(null, g, 0, 0);
    return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n" + element(g, icon) + "\n";
  }

  /** One glyph placed: where its baseline starts, its size, its font and character. */
  private record Placed(double x, double y, double size, MathFonts.Glyph glyph) {}

  /**
   * The formula as text runs and rules, or empty if JFreeSVG drew anything this does not read
   * (a glyph of another font, a path, a rotation).
   */
  private static Optional<Typeset> asText(TeXIcon icon) {
    SVGGraphics2D g = graphics(icon, SVGHints.VALUE_DRAW_STRING_TYPE_STANDARD);
    g.setFontFunction(family -> family);
    icon.paintIcon(null, g, 0, 0);
    Matcher root = ROOT.matcher(element(g, icon));
    if (!root.matches()) {
      return Optional.empty();
    }
    String body = root.group(1);
    List<Placed> glyphs = new ArrayList<>();
    List<Rule> rules = new ArrayList<>();
    Matcher glyph = GLYPH.matcher(body);
    Matcher rule = RULE.matcher(body);
    int at = 0;
    while (at < body.length()) {
      if (Character.isWhitespace(body.charAt(at))) {
        at++;
      } else if (glyph.region(at, body.length()).lookingAt()) {
        double[] m = matrix(glyph.group(1));
        String text = unescape(glyph.group(6));
        Optional<MathFonts.Glyph> mapped = text.length() == 1 && m != null
            ? MathFonts.get().glyph(glyph.group(4), text.charAt(0)) : Optional.empty();
        if (mapped.isEmpty()) {
          return Optional.empty();
        }
        double x = Double.parseDouble(glyph.group(2));
        double y = Double.parseDouble(glyph.group(3));
        glyphs.add(new Placed(m[0] * x + m[4], m[3] * y + m[5],
            m[0] * Double.parseDouble(glyph.group(5)), mapped.get()));
        at = glyph.end();
      } else if (rule.region(at, body.length()).lookingAt()) {
        double[] m = rule.group(5) == null ? new double[] {1, 0, 0, 1, 0, 0}
            : matrix(rule.group(5));
        if (m == null) {
          return Optional.empty();
        }
        double x = Double.parseDouble(rule.group(1));
        double y = Double.parseDouble(rule.group(2));
        rules.add(new Rule(m[0] * x + m[4], m[3] * y + m[5],
            m[0] * Double.parseDouble(rule.group(3)), m[3] * Double.parseDouble(rule.group(4))));
        at = rule.end();
      } else {
        return Optional.empty();
      }
    }
    return Optional.of(new Typeset(icon.getIconWidth(), icon.getIconHeight(),
        icon.getIconDepth() + INSET, runs(glyphs), List.copyOf(rules), Optional.empty()));
  }

  /**
   * Consecutive glyphs on one baseline in one font and size, each following the one before it by
   * its advance (a word, a number), as one {@code <text>}: the PDF draws the run as one string.
   * Where TeX spaced the glyphs apart, a new run starts.
   */
  private static List<Run> runs(List<Placed> glyphs) {
    List<Run> runs = new ArrayList<>();
    int i = 0;
    while (i < glyphs.size()) {
      Placed first = glyphs.get(i);
      StringBuilder text = new StringBuilder().append(first.glyph().character());
      int j = i + 1;
      while (j < glyphs.size() && follows(glyphs.get(j - 1), glyphs.get(j))) {
        text.append(glyphs.get(j).glyph().character());
        j++;
      }
      runs.add(new Run(first.glyph().family(), first.size(), first.x(), first.y(),
          text.toString()));
      i = j;
    }
    return List.copyOf(runs);
  }

  /** Whether {@code next} sits where the pen is after {@code before}, in the same font. */
  private static boolean follows(Placed before, Placed next) {
    return next.glyph().family().equals(before.glyph().family())
        && Math.abs(next.y() - before.y()) < 1e-3 && Math.abs(next.size() - before.size()) < 1e-3
        && Math.abs(before.x() + before.glyph().advance() * before.size() - next.x()) < 0.05;
  }

  /** A scale-and-move matrix {@code a,0,0,d,e,f}, or null for anything with a rotation. */
  private static double[] matrix(String s) {
    String[] parts = s.split(",");
    if (parts.length != 6) {
      return null;
    }
    double[] m = new double[6];
    for (int i = 0; i < 6; i++) {
      m[i] = Double.parseDouble(parts[i].strip());
    }
    return m[1] == 0 && m[2] == 0 ? m : null;
  }

  private static String unescape(String s) {
    return s.replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"")
        .replace("&apos;", "'").replace("&#39;", "'").replace("&amp;", "&");
  }

  private static String escape(char c) {
    return switch (c) {
      case '<' -> "&lt;";
      case '>' -> "&gt;";
      case '&' -> "&amp;";
      default -> String.valueOf(c);
    };
  }
}
