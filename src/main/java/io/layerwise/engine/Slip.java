package io.layerwise.engine;

import io.layerwise.model.Quantity;
import io.layerwise.model.Value;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * One layer computed with one mistake of the catalogue: the wrong numbers a student would give,
 * and the mistaken derivations that produce them, beside the right result.
 *
 * @param mistake the mistake made
 * @param variant which of its variants
 * @param right the layer's right result
 * @param wrong the same layer computed with the mistake
 */
public record Slip(Mistake mistake, int variant, LayerResult right, LayerResult wrong) {

  /** Whether some quantity comes out different from the right one. */
  public boolean changesAnything() {
    for (Quantity q : Quantity.values()) {
      if (changes(q)) {
        return true;
      }
    }
    return false;
  }

  /** Whether the mistake gives another value for this quantity. */
  public boolean changes(Quantity quantity) {
    Optional<Value> r = right.value(quantity);
    Optional<Value> w = wrong.value(quantity);
    return r.isPresent() && w.isPresent() && !r.get().equals(w.get());
  }

  /** The mistaken value of a quantity. */
  public Optional<Value> value(Quantity quantity) {
    return wrong.value(quantity);
  }

  /**
   * The mistaken derivations behind a quantity: those made the wrong way, and those of the
   * quantity itself when its value changed as a consequence.
   */
  public List<Derivation> shown(Quantity quantity) {
    List<Derivation> out = new ArrayList<>();
    for (Derivation d : wrong.derivations()) {
      boolean mistaken = d.explanation().key().startsWith("slip.");
      if (LayerResult.feeds(d.quantity(), quantity)
          && (mistaken || right.derivationsOf(d.quantity()).stream()
              .noneMatch(r -> r.result() == d.result()))) {
        out.add(d);
      }
    }
    return out;
  }
}
