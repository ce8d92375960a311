package io.layerwise.diagram;

import java.awt.Font;
import java.awt.font.FontRenderContext;

/**
 * How wide a line of text is, measured with the font the SVG names (DejaVu Sans, or the JDK's
 * sans-serif where it is missing), so that every box is wide enough for its lines.
 */
final class Metrics {

  static final String FAMILY = "DejaVu Sans";
  static final int SIZE = 11;
  static final int BOLD_SIZE = 12;
  static final double LINE = 14;
  static final double PAD_X = 10;
  static final double PAD_Y = 6;

  private static final FontRenderContext FRC = new FontRenderContext(null, true, true);
  private static final Font PLAIN = new Font(FAMILY, Font.PLAIN, SIZE);
  private static final Font BOLD = new Font(FAMILY, Font.BOLD, BOLD_SIZE);

  private Metrics() {}

  /** The advance width of a line in SVG user units (pixels). */
  static double width(Box.Line line) {
    Font f = line.bold() ? BOLD : PLAIN;
    return f.getStringBounds(line.text(), FRC).getWidth();
  }

  /** The width a box needs for all its lines, padding included. */
  static double boxWidth(Box box) {
    double w = 0;
    for (Box.Line l : box.lines()) {
      w = Math.max(w, width(l));
    }
    return Math.ceil(w + 2 * PAD_X);
  }

  static double boxHeight(Box box) {
    return Math.ceil(box.lines().size() * LINE + 2 * PAD_Y - 3);
  }
}
