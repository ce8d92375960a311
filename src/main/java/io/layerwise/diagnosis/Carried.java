package io.layerwise.diagnosis;

import io.layerwise.engine.Engine;
import io.layerwise.engine.LayerResult;
import io.layerwise.model.Network;
import io.layerwise.model.Shape;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The layers as a student computes them from their own earlier output shapes: what {@code
 * check} compares a later answer with before calling it wrong.
 */
public final class Carried {

  private final Diagnosis diagnosis;
  private final Map<String, Shape> overrides;
  private final Map<String, LayerResult> results;
  private final Map<String, LayerDiagnosis> cache = new HashMap<>();

  Carried(Diagnosis diagnosis, Map<String, Shape> overrides, Map<String, LayerResult> results) {
    this.diagnosis = diagnosis;
    this.overrides = Map.copyOf(overrides);
    this.results = results;
  }

  /** Whether the student's shape of this layer differs from the right one. */
  public boolean overridden(String layer) {
    return overrides.containsKey(layer);
  }

  public Optional<Shape> override(String layer) {
    return Optional.ofNullable(overrides.get(layer));
  }

  /**
   * The layer recomputed from the student's shapes, with the mistakes made on top of them;
   * empty when it cannot be computed from them (or nothing was overridden).
   */
  public Optional<LayerDiagnosis> layer(String name) {
    LayerResult r = results.get(name);
    if (r == null) {
      return Optional.empty();
    }
    // with training:, its memory too, from the student's shapes
    return Optional.of(cache.computeIfAbsent(name, n -> new LayerDiagnosis(r, diagnosis.slips(r),
        diagnosis.analysis().exercise().training()
            .map(t -> MemoryAnswers.of(t, Engine.layerMemory(t, r))))));
  }

  /** The output shape a layer has for the student: their own answer, or what follows from it. */
  public Optional<Shape> shape(String layer) {
    if (layer.equals(Network.INPUT)) {
      return Optional.of(diagnosis.analysis().exercise().network().input());
    }
    if (overrides.containsKey(layer)) {
      return Optional.of(overrides.get(layer));
    }
    if (results.containsKey(layer)) {
      return Optional.of(results.get(layer).output());
    }
    if (overrides.isEmpty()) {
      return diagnosis.analysis().layer(layer).map(LayerResult::output);
    }
    return Optional.empty();
  }

  /** The shapes of a layer's inputs for the student, where each is known. */
  public List<Optional<Shape>> inputs(String layer) {
    List<Optional<Shape>> out = new ArrayList<>();
    for (String in : diagnosis.layer(layer).result().node().inputs()) {
      out.add(shape(in));
    }
    return out;
  }
}
