package io.layerwise.diagnosis;

import io.layerwise.engine.Derivation;
import io.layerwise.engine.LayerResult;
import io.layerwise.engine.Slip;
import io.layerwise.model.Quantity;
import io.layerwise.model.Value;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * One layer's diagnosis: its right numbers with their derivations, and every way the mistake
 * catalogue gets them wrong.
 *
 * @param result the layer as computed (right, or from a student's own earlier shapes)
 * @param slips the layer computed with each mistake that changes a number, in catalogue order
 * @param memory its memory quantities, when the exercise has {@code training:}
 */
public record LayerDiagnosis(LayerResult result, List<Slip> slips,
    Optional<MemoryAnswers> memory) {

  public LayerDiagnosis {
    slips = List.copyOf(slips);
  }

  /** A layer without memory quantities. */
  public LayerDiagnosis(LayerResult result, List<Slip> slips) {
    this(result, slips, Optional.empty());
  }

  public String name() {
    return result.name();
  }

  /** The value of a quantity, when it is a layer value. */
  public Optional<Value> value(Quantity q) {
    return q.memory() ? memory.flatMap(m -> m.value(q)) : result.value(q);
  }

  /** The derivations that give a quantity: the right way. */
  public List<Derivation> derivations(Quantity q) {
    return q.memory() ? memory.map(m -> m.derivations(q)).orElse(List.of())
        : Quantities.steps(result, q);
  }

  /** Every wrong value of a quantity the catalogue predicts, in catalogue order. */
  public List<Prediction> predictions(Quantity q) {
    if (q.memory()) {
      return memory.map(m -> m.predictions(q)).orElse(List.of());
    }
    List<Prediction> out = new ArrayList<>();
    for (Slip s : slips) {
      if (s.changes(q)) {
        out.add(new Prediction(s.mistake(), s.variant(), q, s.value(q).orElseThrow(),
            s.shown(q)));
      }
    }
    return out;
  }

  /** The predictions that give exactly this value, in catalogue order. */
  public List<Prediction> giving(Quantity q, Value given) {
    return predictions(q).stream().filter(p -> p.value().equals(given)).toList();
  }
}
