package io.layerwise.diagnosis;

import io.layerwise.engine.Derivation;
import io.layerwise.engine.Derived;
import io.layerwise.engine.LayerResult;
import io.layerwise.model.Quantity;
import java.util.List;
import java.util.Optional;

/**
 * The one place where the diagnosis maps an asked {@link Quantity} to the engine's {@link
 * Derived} quantities: which derivations give an asked quantity, and which one gives one axis or
 * count.
 */
final class Quantities {

  private Quantities() {}

  /** The derivations a report shows for an asked quantity. */
  static List<Derivation> steps(LayerResult r, Quantity q) {
    return r.derivations().stream().filter(d -> LayerResult.feeds(d.quantity(), q)).toList();
  }

  /** The last derivation of one output axis, if the rules derived it. */
  static Optional<Derivation> axis(List<Derivation> ds, int axis) {
    return last(ds, new Derived.OutputAxis(axis));
  }

  /** The last derivation of a count: weights, biases, params, trainable, non-trainable, MACs. */
  static Optional<Derivation> count(List<Derivation> ds, Quantity q) {
    Optional<Derived> derived = switch (q) {
      case WEIGHTS -> Optional.of(Derived.Count.WEIGHTS);
      case BIASES -> Optional.of(Derived.Count.BIASES);
      case PARAMS -> Optional.of(Derived.Count.PARAMS);
      case TRAINABLE_PARAMS -> Optional.of(Derived.Count.TRAINABLE);
      case NON_TRAINABLE_PARAMS -> Optional.of(Derived.Count.NON_TRAINABLE);
      case MACS -> Optional.of(Derived.Count.MACS);
      case OUTPUT_SHAPE, ACTIVATIONS, RECEPTIVE_FIELD, TOTAL, ACTIVATION_BYTES, PARAM_BYTES,
          GRADIENT_BYTES, OPTIMIZER_STATE_BYTES, TOTAL_BYTES, INPUT_BYTES, TOTAL_MIB, TOTAL_MB,
          MEMORY -> Optional.empty();
    };
    return derived.flatMap(d -> last(ds, d));
  }

  private static Optional<Derivation> last(List<Derivation> ds, Derived quantity) {
    Derivation found = null;
    for (Derivation d : ds) {
      if (d.quantity().equals(quantity)) {
        found = d;
      }
    }
    return Optional.ofNullable(found);
  }
}
