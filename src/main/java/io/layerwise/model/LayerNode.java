package io.layerwise.model;

import java.util.List;

/**
 * A layer placed in the network: its name, where its input comes from, and whether it trains.
 *
 * @param name unique within the network
 * @param inputs names of the layers (or {@link Network#INPUT}) whose outputs it takes, in order
 * @param trainable false for a frozen layer: its parameters count as non-trainable
 * @param layer the operation
 * @param checks sizes the exercise states about the input (PyTorch's {@code in_channels}, …),
 *     checked by the engine
 */
public record LayerNode(String name, List<String> inputs, boolean trainable, Layer layer,
    List<InputCheck> checks) {

  public LayerNode {
    inputs = List.copyOf(inputs);
    checks = List.copyOf(checks);
    if (name.isBlank()) {
      throw new IllegalArgumentException("a layer needs a name");
    }
  }

  /** A layer that states nothing about its input. */
  public LayerNode(String name, List<String> inputs, boolean trainable, Layer layer) {
    this(name, inputs, trainable, layer, List.of());
  }
}
