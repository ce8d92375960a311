package io.layerwise.publish;

import com.openhtmltopdf.css.parser.FSRGBColor;
import com.openhtmltopdf.css.style.CssContext;
import com.openhtmltopdf.extend.OutputDevice;
import com.openhtmltopdf.render.Box;
import com.openhtmltopdf.render.FSFont;
import com.openhtmltopdf.render.RenderingContext;
import java.awt.BasicStroke;
import java.awt.geom.Path2D;
import java.awt.geom.RoundRectangle2D;
import java.util.ArrayList;
import java.util.List;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * Draws the network diagram in the PDF. The diagram is an SVG of our own (the diagram stage's
 * boxes, routed arrows and centred labels: {@code rect}, {@code polyline} with an arrow marker,
 * {@code text}), so this drawer reads that vocabulary and draws it with the PDF's own primitives,
 * its labels as text in the embedded sans-serif font: they read, copy and search. Anything else
 * in an SVG is not drawn. The picture prints at {@link #POINTS_PER_UNIT} points per SVG unit (as
 * the diagram stage sized its parts for), smaller where it would be wider than the column.
 */
final class DiagramDrawer extends OwnDrawer {

  /** The printed size of one SVG unit, in points: the diagram stage's page arithmetic. */
  static final double POINTS_PER_UNIT = 0.6;

  /** The font the diagram's labels are measured in and printed in. */
  static final String FAMILY = "DejaVu Sans";

  private final double columnPoints;
  private final double pagePoints;

  /**
   * @param columnPoints the width of the text column, in points
   * @param pagePoints the height of the text column, in points
   */
  DiagramDrawer(double columnPoints, double pagePoints) {
    this.columnPoints = columnPoints;
    this.pagePoints = pagePoints;
  }

  @Override
  public SVGImage buildSVGImage(Element svg, Box box, CssContext css, double cssWidth,
      double cssHeight, double dotsPerPixel) {
    double w = number(svg, "width", 100);
    double h = number(svg, "height", 100);
    double points = Math.min(POINTS_PER_UNIT,
        Math.min(columnPoints / w, pagePoints / h));
    double k = points * PdfPrinter.dotsPerPoint(dotsPerPixel);
    List<Element> marks = new ArrayList<>();
    for (Node n = svg.getFirstChild(); n != null; n = n.getNextSibling()) {
      if (n instanceof Element e) {
        marks.add(e);
      }
    }
    return new SVGImage() {
      @Override
      public int getIntrinsicWidth() {
        return (int) Math.ceil(w * k);
      }

      @Override
      public int getIntrinsicHeight() {
        return (int) Math.ceil(h * k);
      }

      @Override
      public void drawSVG(OutputDevice out, RenderingContext ctx, double x, double y) {
        for (Element e : marks) {
          switch (e.getLocalName() == null ? e.getNodeName() : e.getLocalName()) {
            case "rect" -> rect(e, out, x, y, k);
            case "polyline" -> polyline(e, out, x, y, k);
            case "text" -> text(e, out, ctx, x, y, k);
            default -> { } // defs (the arrow marker, drawn with each polyline)
          }
        }
      }
    };
  }

  private static void rect(Element e, OutputDevice out, double x0, double y0, double k) {
    double rx = number(e, "rx", 0) * k;
    RoundRectangle2D.Double r = new RoundRectangle2D.Double(x0 + number(e, "x", 0) * k,
        y0 + number(e, "y", 0) * k, number(e, "width", 0) * k, number(e, "height", 0) * k,
        2 * rx, 2 * rx);
    FSRGBColor fill = color(e.getAttribute("fill"));
    if (fill != null) {
      out.setColor(fill);
      out.fill(r);
    }
    FSRGBColor stroke = color(e.getAttribute("stroke"));
    if (stroke != null) {
      out.setColor(stroke);
      float width = (float) (number(e, "stroke-width", 1) * k);
      out.setStroke(e.hasAttribute("stroke-dasharray")
          ? new BasicStroke(width, BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND, 10,
              new float[] {(float) (4 * k), (float) (3 * k)}, 0)
          : new BasicStroke(width));
      out.draw(r);
    }
  }

  /** A routed edge, and the arrow head at its end (the SVG's marker: 7 units long). */
  private static void polyline(Element e, OutputDevice out, double x0, double y0, double k) {
    String[] points = e.getAttribute("points").trim().split("\\s+");
    if (points.length < 2) {
      return;
    }
    double[][] p = new double[points.length][];
    for (int i = 0; i < points.length; i++) {
      String[] xy = points[i].split(",");
      p[i] = new double[] {x0 + Double.parseDouble(xy[0]) * k,
          y0 + Double.parseDouble(xy[1]) * k};
    }
    FSRGBColor stroke = color(e.getAttribute("stroke"));
    out.setColor(stroke == null ? new FSRGBColor(0x55, 0x55, 0x55) : stroke);
    double width = number(e, "stroke-width", 1) * k;
    double[] end = p[p.length - 1];
    double[] before = p[p.length - 2];
    double len = Math.hypot(end[0] - before[0], end[1] - before[1]);
    double ux = len == 0 ? 0 : (end[0] - before[0]) / len;
    double uy = len == 0 ? 1 : (end[1] - before[1]) / len;
    double head = 7 * width; // the marker: 7 units at a stroke of 1.2, as long as 7 widths
    Path2D.Double line = new Path2D.Double();
    line.moveTo(p[0][0], p[0][1]);
    for (int i = 1; i < p.length - 1; i++) {
      line.lineTo(p[i][0], p[i][1]);
    }
    line.lineTo(end[0] - ux * head * 0.8, end[1] - uy * head * 0.8);
    out.setStroke(new BasicStroke((float) width, BasicStroke.CAP_BUTT,
        BasicStroke.JOIN_MITER));
    out.draw(line);
    Path2D.Double arrow = new Path2D.Double();
    arrow.moveTo(end[0], end[1]);
    arrow.lineTo(end[0] - ux * head - uy * head / 2, end[1] - uy * head + ux * head / 2);
    arrow.lineTo(end[0] - ux * head + uy * head / 2, end[1] - uy * head - ux * head / 2);
    arrow.closePath();
    out.fill(arrow);
  }

  private static void text(Element e, OutputDevice out, RenderingContext ctx, double x0,
      double y0, double k) {
    String text = e.getTextContent();
    if (text.isBlank()) {
      return;
    }
    FSFont font = FormulaDrawer.use(out, ctx, FormulaDrawer.font(FAMILY,
        number(e, "font-size", 11) * k, "bold".equals(e.getAttribute("font-weight"))));
    FSRGBColor fill = color(e.getAttribute("fill"));
    out.setColor(fill == null ? new FSRGBColor(0, 0, 0) : fill);
    double x = x0 + number(e, "x", 0) * k;
    String anchor = e.getAttribute("text-anchor");
    if (anchor.equals("middle") || anchor.equals("end")) {
      double width = ctx.getTextRenderer().getWidth(ctx.getFontContext(), font, text);
      x -= anchor.equals("middle") ? width / 2 : width;
    }
    ctx.getTextRenderer().drawString(out, text, (float) x, (float) (y0 + number(e, "y", 0) * k));
  }

  private static double number(Element e, String attribute, double otherwise) {
    String v = e.getAttribute(attribute).replaceAll("(px|pt)$", "");
    try {
      return v.isEmpty() ? otherwise : Double.parseDouble(v);
    } catch (NumberFormatException ex) {
      return otherwise;
    }
  }

  /** A {@code #rrggbb} colour, or null for {@code none} and anything else. */
  private static FSRGBColor color(String s) {
    if (!s.matches("#[0-9a-fA-F]{6}")) {
      return null;
    }
    int rgb = Integer.parseInt(s.substring(1), 16);
    return new FSRGBColor(rgb >> 16, (rgb >> 8) & 0xff, rgb & 0xff);
  }
}
