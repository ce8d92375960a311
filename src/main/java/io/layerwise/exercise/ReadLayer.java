package io.layerwise.exercise;

import io.layerwise.model.InputCheck;
import io.layerwise.model.Layer;
import java.util.List;

/**
 * A layer as read from its mapping, with the sizes the file states about its input.
 *
 * @param layer the operation
 * @param checks what the engine is to check about the input ({@code in_channels}, …)
 */
record ReadLayer(Layer layer, List<InputCheck> checks) {

  ReadLayer {
    checks = List.copyOf(checks);
  }

  static ReadLayer of(Layer layer) {
    return new ReadLayer(layer, List.of());
  }
}
