package io.layerwise.render;

import java.util.List;

/**
 * One sheet as AsciiDoc, with the images it refers to.
 *
 * @param exerciseId the exercise's id
 * @param kind questions or answers
 * @param asciidoc the document
 * @param formulas the formulas to typeset, each once
 * @param diagramFile the file name the document uses for the network diagram
 * @param diagramSvg the diagram itself
 */
public record RenderedSheet(String exerciseId, SheetKind kind, String asciidoc,
    List<Formula> formulas, String diagramFile, String diagramSvg) {

  public RenderedSheet {
    formulas = List.copyOf(formulas);
  }

  /** The base of the output file names: {@code course-example-answers}. */
  public String baseName() {
    return exerciseId + "-" + kind.id();
  }
}
