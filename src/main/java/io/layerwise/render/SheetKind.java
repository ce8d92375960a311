package io.layerwise.render;

/** The two sheets of an exercise. */
public enum SheetKind {
  /** The question sheet: the network and what to find, with room for the answers. */
  QUESTIONS,
  /** The answer sheet: every derivation, the summary table and the pitfalls. */
  ANSWERS;

  public String id() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }
}
