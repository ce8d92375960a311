package io.layerwise.diagram;

import java.util.List;
import java.util.Locale;
import io.layerwise.text.Xml;

/**
 * One laid-out part of a diagram, ready to write as SVG. Coordinates are SVG user units; all
 * parts of one diagram have the same width, so that printed at one width they share one scale.
 *
 * @param width the width of the picture
 * @param height the height of the picture
 * @param boxes the boxes with their places (stubs for arrows from an earlier part included)
 * @param routes the arrows as orthogonal polylines, from the source's edge to the target's
 */
public record Part(double width, double height, List<Placed> boxes, List<Route> routes) {

  public Part {
    boxes = List.copyOf(boxes);
    routes = List.copyOf(routes);
  }

  /**
   * A box in its place.
   *
   * @param box what it shows
   * @param x left edge
   * @param y top edge
   * @param w width
   * @param h height
   * @param stub whether it only names a box of an earlier part that an arrow comes from
   */
  public record Placed(Box box, double x, double y, double w, double h, boolean stub) {

    /** Whether the point lies strictly inside (not on the border). */
    boolean inside(double px, double py) {
      return px > x + 0.5 && px < x + w - 0.5 && py > y + 0.5 && py < y + h - 0.5;
    }
  }

  /**
   * An arrow's path.
   *
   * @param from the id of the box it leaves
   * @param to the id of the box it enters
   * @param points the polyline, at least two points, each segment horizontal or vertical
   */
  public record Route(String from, String to, List<double[]> points) {
    public Route {
      points = List.copyOf(points);
    }
  }

  /**
   * The picture in words, for a reader who cannot see it (a screen reader, the PDF's
   * alternative text): each box's lines in drawing order, a box's first line before a colon
   * ({@code conv1: Conv2D · 8 filters, 5×5, …; pool1: …}). It says what the picture says, no more.
   */
  public String description() {
    StringBuilder sb = new StringBuilder();
    for (Placed p : boxes) {
      List<Box.Line> lines = p.box().lines();
      if (lines.isEmpty()) {
        continue;
      }
      if (sb.length() > 0) {
        sb.append("; ");
      }
      sb.append(lines.get(0).text());
      for (int i = 1; i < lines.size(); i++) {
        sb.append(i == 1 ? ": " : ", ").append(lines.get(i).text());
      }
    }
    return sb.toString();
  }

  /** The picture as a standalone SVG document. */
  public String svg() {
    StringBuilder sb = new StringBuilder();
    sb.append(String.format(Locale.ROOT, "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\""
        + " height=\"%d\" viewBox=\"0 0 %d %d\" font-family=\"%s, Noto Sans, Arial, sans-serif\">%n",
        (int) Math.ceil(width), (int) Math.ceil(height), (int) Math.ceil(width),
        (int) Math.ceil(height), Metrics.FAMILY));
    sb.append("<defs><marker id=\"arrow\" viewBox=\"0 0 10 10\" refX=\"10\" refY=\"5\""
        + " markerWidth=\"7\" markerHeight=\"7\" orient=\"auto-start-reverse\">"
        + "<path d=\"M 0 0 L 10 5 L 0 10 z\" fill=\"#555555\"/></marker></defs>\n");
    for (Route r : routes) {
      sb.append("<polyline fill=\"none\" stroke=\"#555555\" stroke-width=\"1.2\""
          + " marker-end=\"url(#arrow)\" points=\"");
      for (int i = 0; i < r.points().size(); i++) {
        double[] p = r.points().get(i);
        sb.append(i == 0 ? "" : " ").append(num(p[0])).append(',').append(num(p[1]));
      }
      sb.append("\"/>\n");
    }
    for (Placed p : boxes) {
      String fill = p.stub() ? "#ffffff" : p.box().input() ? "#eef3f8" : "#f7f7f2";
      sb.append(String.format(Locale.ROOT, "<rect x=\"%s\" y=\"%s\" width=\"%s\" height=\"%s\""
          + " rx=\"6\" fill=\"%s\" stroke=\"#44546a\" stroke-width=\"1\"%s/>%n", num(p.x()),
          num(p.y()), num(p.w()), num(p.h()), fill,
          p.stub() ? " stroke-dasharray=\"4 3\"" : ""));
      double y = p.y() + Metrics.PAD_Y + Metrics.LINE - 4;
      for (Box.Line l : p.box().lines()) {
        sb.append(String.format(Locale.ROOT, "<text x=\"%s\" y=\"%s\" font-size=\"%d\""
            + " font-weight=\"%s\" text-anchor=\"middle\" fill=\"#1f2a36\">%s</text>%n",
            num(p.x() + p.w() / 2), num(y), l.bold() ? Metrics.BOLD_SIZE : Metrics.SIZE,
            l.bold() ? "bold" : "normal", Xml.text(l.text())));
        y += Metrics.LINE;
      }
    }
    return sb.append("</svg>\n").toString();
  }

  private static String num(double v) {
    return String.format(Locale.ROOT, "%.1f", v);
  }

}
