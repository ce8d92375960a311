package io.layerwise.publish;

import com.openhtmltopdf.css.constants.IdentValue;
import com.openhtmltopdf.css.parser.FSRGBColor;
import com.openhtmltopdf.css.style.CssContext;
import com.openhtmltopdf.css.value.FontSpecification;
import com.openhtmltopdf.extend.OutputDevice;
import com.openhtmltopdf.render.AbstractOutputDevice;
import com.openhtmltopdf.render.Box;
import com.openhtmltopdf.render.FSFont;
import com.openhtmltopdf.render.RenderingContext;
import java.awt.Color;
import java.awt.geom.Rectangle2D;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * Draws a sheet's MathML formulas in the PDF: openhtmltopdf hands each {@code <math>} element of
 * the HTML to this drawer, which typesets the LaTeX the element carries as its {@code
 * application/x-tex} annotation with JLaTeXMath ({@link FormulaTypesetter}) and draws the runs as
 * text in the embedded Computer Modern fonts, the rules as filled rectangles. The formula is a
 * figure of the tagged PDF whose alternative text is its plain form ({@link PrintDocument} copies
 * the MathML's {@code alttext} to {@code alt}).
 */
final class FormulaDrawer extends OwnDrawer {

  /** The printed size of a formula against JLaTeXMath's 15 pt: about the text's 10.5 pt. */
  static final double SCALE = 0.7;

  /** The encoding of the annotation that carries a formula's LaTeX. */
  static final String TEX = "application/x-tex";

  private final FormulaTypesetter typesetter;
  private final double columnPoints;

  /** @param columnPoints the width of the text column: no formula is printed wider */
  FormulaDrawer(FormulaTypesetter typesetter, double columnPoints) {
    this.typesetter = typesetter;
    this.columnPoints = columnPoints;
  }

  /**
   * The printed size of a typeset formula against JLaTeXMath's: {@link #SCALE}, or less for one
   * that would be wider than the column (a long sum the engine keeps on one line): it is set
   * smaller rather than run past the margin.
   */
  static double scale(FormulaTypesetter.Typeset t, double columnPoints) {
    return Math.min(SCALE, columnPoints / Math.max(1, t.width()));
  }

  /**
   * A {@code <math>} element's formula, typeset.
   *
   * @throws IllegalArgumentException if it carries no LaTeX (then it is not the engine's)
   */
  static FormulaTypesetter.Typeset typeset(FormulaTypesetter typesetter, Element math) {
    String latex = latex(math);
    if (latex.isBlank()) {
      throw new IllegalArgumentException("a formula without its LaTeX annotation: "
          + math.getAttribute("alttext"));
    }
    return typesetter.typeset(latex);
  }

  /** The LaTeX of a {@code <math>} element, or empty if it carries none. */
  static String latex(Element math) {
    NodeList annotations = math.getElementsByTagName("annotation");
    for (int i = 0; i < annotations.getLength(); i++) {
      Element a = (Element) annotations.item(i);
      if (TEX.equals(a.getAttribute("encoding"))) {
        return a.getTextContent();
      }
    }
    return "";
  }

  @Override
  public SVGImage buildSVGImage(Element math, Box box, CssContext css, double cssWidth,
      double cssHeight, double dotsPerPixel) {
    FormulaTypesetter.Typeset t = typeset(typesetter, math);
    double k = scale(t, columnPoints) * PdfPrinter.dotsPerPoint(dotsPerPixel);
    return new SVGImage() {
      @Override
      public int getIntrinsicWidth() {
        return (int) Math.ceil(t.width() * k);
      }

      @Override
      public int getIntrinsicHeight() {
        return (int) Math.ceil(t.height() * k);
      }

      @Override
      public void drawSVG(OutputDevice out, RenderingContext ctx, double x, double y) {
        draw(typesetter, t, k, out, ctx, x, y);
      }
    };
  }

  private static void draw(FormulaTypesetter typesetter, FormulaTypesetter.Typeset t, double k,
      OutputDevice out, RenderingContext ctx, double x, double y) {
    out.setColor(new FSRGBColor(0, 0, 0));
    if (t.outlines().isPresent()) {
      // JLaTeXMath's icon is shared and its painting not thread-safe: one at a time
      synchronized (typesetter) {
        out.drawWithGraphics((float) x, (float) y, (float) (t.width() * k),
            (float) (t.height() * k), g -> {
              g.scale(k, k);
              t.outlines().get().setForeground(Color.BLACK);
              t.outlines().get().paintIcon(null, g, 0, 0);
            });
      }
      return;
    }
    for (FormulaTypesetter.Run r : t.runs()) {
      use(out, ctx, font(r.family(), r.size() * k, false));
      ctx.getTextRenderer().drawString(out, r.text(), (float) (x + r.x() * k),
          (float) (y + r.y() * k));
    }
    for (FormulaTypesetter.Rule r : t.rules()) {
      out.fill(new Rectangle2D.Double(x + r.x() * k, y + r.y() * k, r.width() * k,
          Math.max(r.height() * k, 1)));
    }
  }

  /**
   * Draws with {@code spec} from now on. The device also learns the specification: it fakes
   * italic or bold where the specification asks for a style its font lacks, and would otherwise
   * take the one of the text it painted last (an italic explanation would slant the formula).
   */
  static FSFont use(OutputDevice out, RenderingContext ctx, FontSpecification spec) {
    if (out instanceof AbstractOutputDevice device) {
      device.setFontSpecification(spec);
    }
    FSFont font = ctx.getFont(spec);
    out.setFont(font);
    return font;
  }

  /** A font of the printer's catalog at a size in dots. */
  static FontSpecification font(String family, double size, boolean bold) {
    FontSpecification spec = new FontSpecification();
    spec.families = new String[] {family};
    spec.size = (float) size;
    spec.fontWeight = bold ? IdentValue.BOLD : IdentValue.NORMAL;
    spec.fontStyle = IdentValue.NORMAL;
    spec.variant = IdentValue.NORMAL;
    return spec;
  }
}
