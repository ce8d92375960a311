package io.layerwise.diagnosis;

import io.layerwise.engine.Derivation;
import io.layerwise.engine.Mistake;
import io.layerwise.model.Quantity;
import io.layerwise.model.Value;
import java.util.List;

/**
 * A wrong value a mistake of the catalogue gives for one quantity of one layer.
 *
 * @param mistake the mistake
 * @param variant which of its variants
 * @param quantity the quantity it changes
 * @param value the wrong value
 * @param yours the student's way: the mistaken derivations behind the value
 */
public record Prediction(Mistake mistake, int variant, Quantity quantity, Value value,
    List<Derivation> yours) {

  public Prediction {
    yours = List.copyOf(yours);
  }
}
