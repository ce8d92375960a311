package io.layerwise.model;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** What a question can ask about a layer (or, for {@link #TOTAL}, the whole network). */
public enum Quantity {
  OUTPUT_SHAPE,
  ACTIVATIONS,
  WEIGHTS,
  BIASES,
  PARAMS,
  TRAINABLE_PARAMS,
  NON_TRAINABLE_PARAMS,
  MACS,
  RECEPTIVE_FIELD,
  TOTAL;

  /** What a sheet asks when the exercise does not say: shapes, parameters and the total. */
  public static final List<Quantity> DEFAULT_ASK = List.of(OUTPUT_SHAPE, PARAMS, TOTAL);

  /** The name used in files and JSON: {@code output_shape}, {@code params}, … */
  public String id() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static Optional<Quantity> byId(String id) {
    for (Quantity q : values()) {
      if (q.id().equals(id.toLowerCase(Locale.ROOT))) {
        return Optional.of(q);
      }
    }
    return Optional.empty();
  }
}
