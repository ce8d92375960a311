package io.layerwise.engine;

import io.layerwise.model.Exercise;
import java.util.List;
import java.util.Optional;

/**
 * The engine's answer for one exercise: every layer's numbers and derivations, and the totals.
 *
 * @param exercise what was analysed
 * @param layers one result per layer, in file order
 * @param totals sums over the layers
 * @param counterpart the analysis of the exercise this one is compared with ({@code
 *     compare_with}), if any
 * @param memory the memory and compute of a step, when the exercise has a {@code training:}
 *     section
 */
public record Analysis(Exercise exercise, List<LayerResult> layers, Totals totals,
    Optional<Analysis> counterpart, Optional<Memory> memory) {

  public Analysis {
    layers = List.copyOf(layers);
  }

  /** An analysis without memory, compared with another network's or not. */
  public Analysis(Exercise exercise, List<LayerResult> layers, Totals totals,
      Optional<Analysis> counterpart) {
    this(exercise, layers, totals, counterpart, Optional.empty());
  }

  /** An analysis compared with no other. */
  public Analysis(Exercise exercise, List<LayerResult> layers, Totals totals) {
    this(exercise, layers, totals, Optional.empty());
  }

  /** This analysis, compared with another network's. */
  public Analysis withCounterpart(Analysis other) {
    return new Analysis(exercise, layers, totals, Optional.of(other), memory);
  }

  public Optional<LayerResult> layer(String name) {
    return layers.stream().filter(l -> l.name().equals(name)).findFirst();
  }
}
