package io.layerwise.model;

/** How a sliding window treats the border of its input. */
public enum PaddingMode {
  /** No padding: only windows that fit entirely inside the input. */
  VALID,
  /** Keras {@code same}: enough zeros that the output has ⌈in/stride⌉ positions. */
  SAME,
  /** Explicit zeros before and after each spatial axis. */
  EXPLICIT
}
