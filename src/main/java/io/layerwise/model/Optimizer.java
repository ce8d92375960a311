package io.layerwise.model;

import java.util.Locale;
import java.util.Optional;

/** How the weights are updated, which decides the state kept per trainable parameter. */
public enum Optimizer {
  /** No training: inference, no gradients and no optimizer state. */
  NONE,
  SGD,
  MOMENTUM,
  ADAM,
  ADAMW;

  /** The name in exercise files: {@code adam}. */
  public String id() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** Whether the network is trained: gradients exist. */
  public boolean trains() {
    return this != NONE;
  }

  /**
   * Values of state per trainable parameter: none for plain SGD, the velocity for momentum,
   * the first and second moments for Adam and AdamW.
   */
  public int states() {
    return switch (this) {
      case NONE, SGD -> 0;
      case MOMENTUM -> 1;
      case ADAM, ADAMW -> 2;
    };
  }

  public static Optional<Optimizer> byId(String id) {
    for (Optimizer o : values()) {
      if (o.id().equals(id.toLowerCase(Locale.ROOT))) {
        return Optional.of(o);
      }
    }
    return Optional.empty();
  }
}
