package io.layerwise.model;

import java.util.Locale;
import java.util.Optional;

/** The number format of a tensor's elements, and so the bytes each element takes. */
public enum Dtype {
  FLOAT32,
  FLOAT16,
  BFLOAT16,
  INT8;

  /** The name in exercise files: {@code float32}. */
  public String id() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** Bytes per element. */
  public int bytes() {
    return switch (this) {
      case FLOAT32 -> 4;
      case FLOAT16, BFLOAT16 -> 2;
      case INT8 -> 1;
    };
  }

  /** Whether mixed precision can compute in this format (a 16-bit float). */
  public boolean halfPrecision() {
    return switch (this) {
      case FLOAT16, BFLOAT16 -> true;
      case FLOAT32, INT8 -> false;
    };
  }

  public static Optional<Dtype> byId(String id) {
    for (Dtype d : values()) {
      if (d.id().equals(id.toLowerCase(Locale.ROOT))) {
        return Optional.of(d);
      }
    }
    return Optional.empty();
  }
}
