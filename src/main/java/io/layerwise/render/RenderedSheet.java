package io.layerwise.render;

import java.util.List;
import java.util.Map;

/**
 * One sheet as AsciiDoc, with the images it refers to.
 *
 * @param exerciseId the exercise's id
 * @param kind questions or answers
 * @param asciidoc the document
 * @param diagrams the network diagram's pages, by the file names the document uses
 */
public record RenderedSheet(String exerciseId, SheetKind kind, String asciidoc,
    Map<String, String> diagrams) {

  public RenderedSheet {
    diagrams = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(diagrams));
  }

  /** The base of the output file names: {@code course-example-answers}. */
  public String baseName() {
    return exerciseId + "-" + kind.id();
  }
}
