package io.layerwise.render;

/** The sheets of an exercise. */
public enum SheetKind {
  /** The question sheet: the network and what to find, with room for the answers. */
  QUESTIONS,
  /** The answer sheet: every derivation, the summary table and the pitfalls. */
  ANSWERS,
  /** The answer key: one compact table of every asked answer, for marking. */
  KEY;

  /**
   * The part of the file name after the exercise's id: {@code questions}, {@code answers},
   * {@code answer-key} (a set of variants' key is {@code <id>-key}).
   */
  public String id() {
    return switch (this) {
      case QUESTIONS -> "questions";
      case ANSWERS -> "answers";
      case KEY -> "answer-key";
    };
  }

  /** The bundled template that writes this sheet. */
  public String template() {
    return switch (this) {
      case QUESTIONS -> "questions.adoc.ftl";
      case ANSWERS -> "answers.adoc.ftl";
      case KEY -> "key.adoc.ftl";
    };
  }
}
