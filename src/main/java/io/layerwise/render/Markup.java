package io.layerwise.render;

import io.layerwise.engine.Derivation;
import io.layerwise.text.Xml;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The HTML dialect of a question bank's texts: what {@link MoodleQuiz} writes differs only in how
 * formulas, line breaks, the network table and the diagram are written, so that one quiz model
 * serves the Moodle bank, the QTI 2.1 package and the Canvas package.
 */
enum Markup {
  /** Moodle's HTML fields: formulas as TeX between {@code \[ \]} for its MathJax filter. */
  MOODLE,
  /**
   * QTI 2.1 item bodies: XHTML in the QTI namespace (its table takes no presentational
   * attributes), formulas as MathML, the diagram as an image file of the package.
   */
  QTI,
  /**
   * Canvas' QTI 1.2 {@code mattext} HTML: formulas as the equation images Canvas itself writes
   * (an {@code equation_image} whose source is Canvas' own TeX renderer), the diagram as a file
   * of the package under {@code $IMS-CC-FILEBASE$}.
   */
  CANVAS;

  /** Where a QTI item's images lie, relative to the item file. */
  static final String QTI_IMAGES = "images/";

  /** Where the Canvas package's files lie, inside the zip. */
  static final String CANVAS_FILES = "web_resources/Uploaded Media/";

  /** How a Canvas question's HTML names that folder: Canvas' placeholder for its files. */
  static final String CANVAS_FILEBASE = "$IMS-CC-FILEBASE$/Uploaded%20Media/";

  /** Derivations as display formulas. */
  String math(List<Derivation> derivations) {
    return derivations.stream().map(this::formula).collect(Collectors.joining());
  }

  private String formula(Derivation d) {
    return switch (this) {
      case MOODLE -> "<p>\\[" + Xml.text(d.latex()) + "\\]</p>";
      case QTI -> "<div>" + d.mathml().replaceFirst("^<math ",
          "<math xmlns=\"http://www.w3.org/1998/Math/MathML\" ") + "</div>";
      case CANVAS -> "<p><img class=\"equation_image\" title=\"" + Xml.text(d.latex())
          + "\" src=\"/equation_images/" + URLEncoder.encode(URLEncoder.encode(d.latex(),
              StandardCharsets.UTF_8).replace("+", "%20"), StandardCharsets.UTF_8)
          + "\" alt=\"LaTeX: " + Xml.text(d.latex()) + "\" data-equation-content=\""
          + Xml.text(d.latex()) + "\"></p>";
    };
  }

  /** A line break inside a paragraph. */
  String lineBreak() {
    return switch (this) {
      case MOODLE, CANVAS -> "<br>";
      case QTI -> "<br/>";
    };
  }

  /** The opening tag of the network table. */
  String table() {
    return switch (this) {
      case MOODLE, CANVAS ->
          "<table border=\"1\" cellpadding=\"4\" style=\"border-collapse:collapse\">";
      case QTI -> "<table class=\"layerwise-network\">";
    };
  }

  /** Whether the package carries files beside its questions (the diagram): not Moodle's bank. */
  boolean carriesFiles() {
    return switch (this) {
      case MOODLE -> false;
      case QTI, CANVAS -> true;
    };
  }

  /** The network diagram's parts as images, after the table (Moodle's bank carries no files). */
  String images(List<String> files, String alt) {
    return switch (this) {
      case MOODLE -> "";
      case QTI -> files.stream().map(f -> "<p><img src=\"" + QTI_IMAGES + Xml.text(f)
          + "\" alt=\"" + Xml.text(alt) + "\"/></p>").collect(Collectors.joining());
      case CANVAS -> files.stream().map(f -> "<p><img src=\"" + CANVAS_FILEBASE
          + Xml.text(f) + "\" alt=\"" + Xml.text(alt) + "\"></p>")
          .collect(Collectors.joining());
    };
  }
}
