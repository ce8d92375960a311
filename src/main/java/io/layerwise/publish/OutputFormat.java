package io.layerwise.publish;

/** What a build writes for each sheet. */
public enum OutputFormat {
  /** One self-contained HTML file: styles and images inlined, nothing fetched. */
  HTML,
  /** A PDF with typeset formulas. */
  PDF,
  /** The AsciiDoc source, with its formula and diagram images beside it. */
  ADOC,
  /**
   * An offline self-check page per exercise ({@code <id>-selfcheck.html}), written by the build
   * itself rather than converted from a sheet.
   */
  SELFCHECK;

  /** Whether Asciidoctor converts to this format (the AsciiDoc source is only copied). */
  public boolean converted() {
    return switch (this) {
      case HTML, PDF -> true;
      case ADOC, SELFCHECK -> false;
    };
  }

  /** Whether each sheet of an exercise is written in this format (not a page per exercise). */
  public boolean perSheet() {
    return switch (this) {
      case HTML, PDF, ADOC -> true;
      case SELFCHECK -> false;
    };
  }

  public String extension() {
    return switch (this) {
      case HTML -> "html";
      case PDF -> "pdf";
      case ADOC -> "adoc";
      case SELFCHECK -> "html";
    };
  }
}
