package io.layerwise.publish;

/** What a build writes for each sheet. */
public enum OutputFormat {
  /** One self-contained HTML file: styles and images inlined, nothing fetched. */
  HTML,
  /** A PDF with typeset formulas. */
  PDF,
  /** The AsciiDoc source, with its formula images, their fonts and the diagrams beside it. */
  ADOC,
  /**
   * An offline self-check page per exercise ({@code <id>-selfcheck.html}), written by the build
   * itself rather than converted from a sheet.
   */
  SELFCHECK,
  /**
   * A Moodle XML question bank per exercise ({@code <id>-moodle.xml}), or per set of variants
   * ({@code <exercise id>-moodle.xml}, the variants in shared categories).
   */
  MOODLE,
  /**
   * An IMS QTI 2.1 content package per exercise ({@code <id>-qti.zip}), or per set of variants
   * (one section per question that selects one variant).
   */
  QTI,
  /**
   * A Canvas QTI 1.2 zip per exercise ({@code <id>-canvas.zip}), or per set of variants (one
   * question group per question that picks one variant).
   */
  CANVAS;

  /** Whether Asciidoctor converts to this format (the AsciiDoc source is only copied). */
  public boolean converted() {
    return switch (this) {
      case HTML, PDF -> true;
      case ADOC, SELFCHECK, MOODLE, QTI, CANVAS -> false;
    };
  }

  /** Whether each sheet of an exercise is written in this format (not a page per exercise). */
  public boolean perSheet() {
    return switch (this) {
      case HTML, PDF, ADOC -> true;
      case SELFCHECK, MOODLE, QTI, CANVAS -> false;
    };
  }

  public String extension() {
    return switch (this) {
      case HTML -> "html";
      case PDF -> "pdf";
      case ADOC -> "adoc";
      case SELFCHECK -> "html";
      case MOODLE -> "xml";
      case QTI, CANVAS -> "zip";
    };
  }
}
