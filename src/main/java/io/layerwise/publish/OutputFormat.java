package io.layerwise.publish;

/** What a build writes for each sheet. */
public enum OutputFormat {
  /** One self-contained HTML file: styles and images inlined, nothing fetched. */
  HTML,
  /** A PDF with typeset formulas. */
  PDF,
  /** The AsciiDoc source, with its formula and diagram images beside it. */
  ADOC;

  /** Whether Asciidoctor converts to this format (the AsciiDoc source is only copied). */
  public boolean converted() {
    return switch (this) {
      case HTML, PDF -> true;
      case ADOC -> false;
    };
  }

  public String extension() {
    return switch (this) {
      case HTML -> "html";
      case PDF -> "pdf";
      case ADOC -> "adoc";
    };
  }
}
