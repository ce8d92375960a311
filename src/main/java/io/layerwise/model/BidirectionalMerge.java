package io.layerwise.model;

/** How {@code Bidirectional} combines the forward and backward outputs (Keras' merge_mode). */
public enum BidirectionalMerge {
  /** Side by side: twice the units. Keras' default. */
  CONCAT,
  SUM,
  MUL,
  AVE;

  /** Whether the merged output has twice the wrapped layer's units. */
  public boolean doubles() {
    return switch (this) {
      case CONCAT -> true;
      case SUM, MUL, AVE -> false;
    };
  }
}
