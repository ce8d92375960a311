package io.layerwise.publish;

import java.util.List;
import java.util.Map;

/**
 * An AsciiDoc document ready to publish, with the images it refers to.
 *
 * @param baseName the base of the output file names ({@code course-example-answers})
 * @param asciidoc the source
 * @param formulas LaTeX to typeset, by image file name
 * @param images finished SVG images (diagrams), by file name
 */
public record Document(String baseName, String asciidoc, Map<String, String> formulas,
    Map<String, String> images) {

  public Document {
    formulas = Map.copyOf(formulas);
    images = Map.copyOf(images);
  }

  /** The image file names, sorted, so that output is reproducible. */
  List<String> imageFiles() {
    return images.keySet().stream().sorted().toList();
  }
}
