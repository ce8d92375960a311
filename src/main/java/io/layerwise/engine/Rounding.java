package io.layerwise.engine;

/** How a division in a formula turns into an integer. */
public enum Rounding {
  /** ⌊a/b⌋: output sizes of valid windows. */
  FLOOR,
  /** ⌈a/b⌉: output sizes of {@code same} windows. */
  CEIL,
  /** a/b where b divides a (checked by the engine before the formula is built). */
  EXACT
}
