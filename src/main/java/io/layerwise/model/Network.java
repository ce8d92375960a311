package io.layerwise.model;

import java.util.List;

/**
 * The layers of an exercise in file order, fed by one input tensor.
 *
 * @param framework whose conventions count the parameters and order the axes
 * @param input the input shape without the batch dimension
 * @param layers the layers; each takes earlier layers' outputs or the input
 */
public record Network(Framework framework, Shape input, List<LayerNode> layers) {

  /** The name by which layers refer to the network's input. */
  public static final String INPUT = "input";

  public Network {
    layers = List.copyOf(layers);
  }
}
