package io.layerwise.publish;

import java.awt.Color;
import java.awt.Insets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.jfree.svg.SVGGraphics2D;
import org.jfree.svg.SVGHints;
import org.jfree.svg.SVGUnits;
import org.jfree.svg.ViewBox;
import org.scilab.forge.jlatexmath.TeXConstants;
import org.scilab.forge.jlatexmath.TeXFormula;
import org.scilab.forge.jlatexmath.TeXIcon;

/**
 * Typesets LaTeX to standalone SVG with JLaTeXMath, every glyph drawn as a vector path so that
 * the SVG needs no font: it looks the same in any browser, offline, and in the PDF. Identical
 * LaTeX is typeset once per process.
 */
final class FormulaTypesetter {

  /** The size JLaTeXMath draws at, in points; SVG user units are then points too. */
  private static final float SIZE = 15f;

  private final Map<String, String> cache = new ConcurrentHashMap<>();

  static {
    System.setProperty("java.awt.headless", "true");
  }

  String svg(String latex) {
    return cache.computeIfAbsent(latex, FormulaTypesetter::typeset);
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

  private static String typeset(String latex) {
    TeXFormula formula = new TeXFormula(latex);
    TeXIcon icon = formula.createTeXIcon(TeXConstants.STYLE_DISPLAY, SIZE);
    icon.setInsets(new Insets(2, 2, 2, 2));
    icon.setForeground(Color.BLACK);
    int w = icon.getIconWidth();
    int h = icon.getIconHeight();
    SVGGraphics2D g = new SVGGraphics2D(w, h, SVGUnits.PT);
    g.setRenderingHint(SVGHints.KEY_DRAW_STRING_TYPE, SVGHints.VALUE_DRAW_STRING_TYPE_VECTOR);
    g.setDefsKeyPrefix("lw");
    g.setGeomDoubleConverter(d -> decimal(d, 1000));
    g.setTransformDoubleConverter(d -> decimal(d, 10_000));
    icon.paintIcon(null, g, 0, 0);
    String element = g.getSVGElement(null, true, new ViewBox(0, 0, w, h), null, null);
    return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n" + element + "\n";
  }
}
