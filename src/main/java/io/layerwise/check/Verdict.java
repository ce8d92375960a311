package io.layerwise.check;

/** What the self-check concluded about one answer. */
public enum Verdict {
  /** The answer is right. */
  RIGHT,
  /** Wrong, and a mistake of the catalogue reproduces it exactly. */
  MISTAKE,
  /** Wrong, but right when computed from the student's own earlier wrong answer. */
  CARRIED,
  /** Wrong for this layer, but the number of a neighbouring layer. */
  WRONG_LAYER,
  /**
   * Wrong, and nothing known reproduces it; or (with a carried-from) it follows from an earlier
   * answer that no catalogued mistake, other layer's number or honest slip gives, such as an
   * output shape of 1×1×1, so it earns no carried credit.
   */
  UNEXPLAINED
}
