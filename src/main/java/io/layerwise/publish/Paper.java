package io.layerwise.publish;

/** The paper a PDF sheet is printed on. */
public enum Paper {
  /** ISO A4, 210 × 297 mm (the default). */
  A4(210, 297),
  /** US Letter, 8.5 × 11 in. */
  LETTER(215.9, 279.4);

  /** The print stylesheet's left and right margins, together, in millimetres. */
  static final double SIDE_MARGINS_MM = 30;
  /** The print stylesheet's top and bottom margins and the footer, together, in millimetres. */
  static final double TOP_BOTTOM_MM = 29 + 8;

  private final double widthMm;
  private final double heightMm;

  Paper(double widthMm, double heightMm) {
    this.widthMm = widthMm;
    this.heightMm = heightMm;
  }

  /** The CSS {@code @page size} of the paper. */
  String cssSize() {
    return switch (this) {
      case A4 -> "A4";
      case LETTER -> "letter";
    };
  }

  /** The width of the text column, in millimetres. */
  double columnMm() {
    return widthMm - SIDE_MARGINS_MM;
  }

  /** The width of the text column, in points. */
  double columnPoints() {
    return columnMm() / 25.4 * 72;
  }

  /** The height of the text column less the footer, in points. */
  double pagePoints() {
    return (heightMm - TOP_BOTTOM_MM) / 25.4 * 72;
  }
}
