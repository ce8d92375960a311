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
 */
public record Analysis(Exercise exercise, List<LayerResult> layers, Totals totals) {

  public Analysis {
    layers = List.copyOf(layers);
  }

  public Optional<LayerResult> layer(String name) {
    return layers.stream().filter(l -> l.name().equals(name)).findFirst();
  }
}
