package io.layerwise.model;

import java.util.List;
import java.util.Optional;

/**
 * A quantity an exercise asks of some of its layers only ({@code ask: [{non_trainable_params:
 * {type: BatchNormalization}}]}, {@code ask: [{receptive_field: block5_pool}]}), resolved by the
 * reader to the layers' names, so that the question text, the answer grid and the answer sheet
 * read the same list.
 *
 * @param quantity what is asked; a quantity {@linkplain Quantity#ofLayer() of a layer}
 * @param layers the names of the layers it is asked of, in network order, at least one
 * @param type the layer kind the exercise named instead of the layers, as written, if it did
 */
public record LayerAsk(Quantity quantity, List<String> layers, Optional<String> type) {

  public LayerAsk {
    layers = List.copyOf(layers);
    if (!quantity.ofLayer() || layers.isEmpty()) {
      throw new IllegalArgumentException("a layer question asks a layer quantity of some layers");
    }
  }
}
