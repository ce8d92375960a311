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
  TOTAL,
  /** A layer's output for the batch in bytes, or all stored outputs ({@code training:}). */
  ACTIVATION_BYTES,
  /** A layer's or the network's parameters in bytes. */
  PARAM_BYTES,
  /** A layer's or the network's gradients in bytes. */
  GRADIENT_BYTES,
  /** A layer's or the network's optimizer state in bytes. */
  OPTIMIZER_STATE_BYTES,
  /** A layer's four parts, or the network's total with the input batch, in bytes. */
  TOTAL_BYTES,
  /** The input batch in bytes (of the network only). */
  INPUT_BYTES,
  /** The network's total in MiB (2²⁰ bytes), to two decimals. */
  TOTAL_MIB,
  /** The network's total in MB (10⁶ bytes), to two decimals. */
  TOTAL_MB,
  /** Asks the network's memory totals: {@link #MEMORY_TOTALS}. */
  MEMORY;

  /** What a sheet asks when the exercise does not say: shapes, parameters and the total. */
  public static final List<Quantity> DEFAULT_ASK = List.of(OUTPUT_SHAPE, PARAMS, TOTAL);

  /** The memory quantities of one layer, as {@code explain}'s {@code memory.layers} names them. */
  public static final List<Quantity> LAYER_MEMORY = List.of(ACTIVATION_BYTES, PARAM_BYTES,
      GRADIENT_BYTES, OPTIMIZER_STATE_BYTES, TOTAL_BYTES);

  /** The memory totals of the network, as {@code explain}'s {@code memory.total} names them. */
  public static final List<Quantity> MEMORY_TOTALS = List.of(INPUT_BYTES, ACTIVATION_BYTES,
      PARAM_BYTES, GRADIENT_BYTES, OPTIMIZER_STATE_BYTES, TOTAL_BYTES, TOTAL_MIB, TOTAL_MB);

  /** Whether this is about the memory of a training step, which needs {@code training:}. */
  public boolean memory() {
    return this == MEMORY || MEMORY_TOTALS.contains(this);
  }

  /** Whether this can be asked of a layer (the rest are about the network only). */
  public boolean ofLayer() {
    return switch (this) {
      case TOTAL, INPUT_BYTES, TOTAL_MIB, TOTAL_MB, MEMORY -> false;
      case OUTPUT_SHAPE, ACTIVATIONS, WEIGHTS, BIASES, PARAMS, TRAINABLE_PARAMS,
          NON_TRAINABLE_PARAMS, MACS, RECEPTIVE_FIELD, ACTIVATION_BYTES, PARAM_BYTES,
          GRADIENT_BYTES, OPTIMIZER_STATE_BYTES, TOTAL_BYTES -> true;
    };
  }

  /** Whether the value is a number to two decimals rather than a whole number or a shape. */
  public boolean decimal() {
    return this == TOTAL_MIB || this == TOTAL_MB;
  }

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
