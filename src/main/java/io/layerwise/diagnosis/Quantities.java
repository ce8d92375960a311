package io.layerwise.diagnosis;

import io.layerwise.engine.Derivation;
import io.layerwise.engine.LayerResult;
import io.layerwise.model.Quantity;
import java.util.List;
import java.util.Optional;

/**
 * The one place where the diagnosis names the engine's derived quantities ({@code
 * output_shape[0]}, {@code params}): which derivations give an asked quantity, and which one
 * gives one axis or count.
 */
final class Quantities {

  private Quantities() {}

  /** The derivations a report shows for an asked quantity. */
  static List<Derivation> steps(LayerResult r, Quantity q) {
    return r.derivations().stream().filter(d -> LayerResult.feeds(d.quantity(), q)).toList();
  }

  /** The last derivation of one output axis, if the rules derived it. */
  static Optional<Derivation> axis(List<Derivation> ds, int axis) {
    return last(ds, "output_shape[" + axis + "]");
  }

  /** The last derivation of a count: weights, biases, params, trainable, non-trainable, MACs. */
  static Optional<Derivation> count(List<Derivation> ds, Quantity q) {
    String name = switch (q) {
      case WEIGHTS -> "weights";
      case BIASES -> "biases";
      case PARAMS -> "params";
      case TRAINABLE_PARAMS -> "trainable_params";
      case NON_TRAINABLE_PARAMS -> "non_trainable_params";
      case MACS -> "macs";
      case OUTPUT_SHAPE, ACTIVATIONS, RECEPTIVE_FIELD, TOTAL -> "";
    };
    return name.isEmpty() ? Optional.empty() : last(ds, name);
  }

  private static Optional<Derivation> last(List<Derivation> ds, String quantity) {
    Derivation found = null;
    for (Derivation d : ds) {
      if (d.quantity().equals(quantity)) {
        found = d;
      }
    }
    return Optional.ofNullable(found);
  }
}
