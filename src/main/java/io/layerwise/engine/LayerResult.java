package io.layerwise.engine;

import io.layerwise.model.LayerNode;
import io.layerwise.model.Shape;
import java.util.List;
import java.util.Optional;

/**
 * Everything computed for one layer.
 *
 * @param node the layer as the exercise gives it
 * @param inputShapes the shapes it receives, in the order of its inputs
 * @param output its output shape without the batch axis
 * @param activations elements of its output for one sample
 * @param weights kernel (and scale) entries
 * @param biases bias (and offset) entries
 * @param params all parameters the framework's count reports, including statistics
 * @param trainable parameters updated by training
 * @param nonTrainable parameters that are not ({@code params − trainable})
 * @param macs multiply–accumulates for one sample (convolutions and dense layers only)
 * @param geometry receptive field and effective stride, where the output is spatial
 * @param derivations how each number was obtained
 */
public record LayerResult(
    LayerNode node,
    List<Shape> inputShapes,
    Shape output,
    long activations,
    long weights,
    long biases,
    long params,
    long trainable,
    long nonTrainable,
    long macs,
    Optional<Geometry> geometry,
    List<Derivation> derivations) {

  public LayerResult {
    inputShapes = List.copyOf(inputShapes);
    derivations = List.copyOf(derivations);
  }

  public String name() {
    return node.name();
  }

  /** The derivations of one quantity, such as {@code params} or {@code output_shape[0]}. */
  public List<Derivation> derivationsOf(String quantity) {
    return derivations.stream().filter(d -> d.quantity().equals(quantity)).toList();
  }
}
