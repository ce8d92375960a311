package io.layerwise.engine;

import io.layerwise.model.LayerNode;
import io.layerwise.model.Quantity;
import io.layerwise.model.Shape;
import io.layerwise.model.Value;
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
 * @param other the layer's counts in the other framework
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
    List<Derivation> derivations,
    OtherFramework other) {

  public LayerResult {
    inputShapes = List.copyOf(inputShapes);
    derivations = List.copyOf(derivations);
  }

  public String name() {
    return node.name();
  }

  /** The layer's class name in the framework: {@code Conv2D}, {@code Conv2d}, {@code BatchNorm2d}. */
  public String className(io.layerwise.model.Framework framework) {
    return node.layer().className(framework, inputShapes.isEmpty() ? 0
        : inputShapes.get(0).rank());
  }

  /**
   * The value of a quantity for this layer; empty for {@link Quantity#TOTAL} and for a receptive
   * field, which are not single layer values, and for memory, which the analysis' {@link Memory}
   * holds.
   */
  public Optional<Value> value(Quantity quantity) {
    return switch (quantity) {
      case OUTPUT_SHAPE -> Optional.of(Value.of(output));
      case ACTIVATIONS -> Optional.of(Value.of(activations));
      case WEIGHTS -> Optional.of(Value.of(weights));
      case BIASES -> Optional.of(Value.of(biases));
      case PARAMS -> Optional.of(Value.of(params));
      case TRAINABLE_PARAMS -> Optional.of(Value.of(trainable));
      case NON_TRAINABLE_PARAMS -> Optional.of(Value.of(nonTrainable));
      case MACS -> Optional.of(Value.of(macs));
      case RECEPTIVE_FIELD, TOTAL, ACTIVATION_BYTES, PARAM_BYTES, GRADIENT_BYTES,
          OPTIMIZER_STATE_BYTES, TOTAL_BYTES, INPUT_BYTES, TOTAL_MIB, TOTAL_MB, MEMORY ->
          Optional.empty();
    };
  }

  /**
   * Whether the derivation of {@code derived} (a derivation's quantity, such as an output axis
   * or the weights) is part of how {@code quantity} is obtained: the steps a report shows for it.
   */
  public static boolean feeds(Derived derived, Quantity quantity) {
    boolean shape = derived.outputAxis();
    return switch (quantity) {
      case OUTPUT_SHAPE -> shape;
      case ACTIVATIONS -> shape || derived == Derived.Count.ACTIVATIONS;
      case WEIGHTS -> derived == Derived.Count.WEIGHTS;
      case BIASES -> derived == Derived.Count.BIASES;
      case PARAMS -> derived == Derived.Count.WEIGHTS || derived == Derived.Count.BIASES
          || derived == Derived.Count.PARAMS;
      case TRAINABLE_PARAMS -> derived == Derived.Count.PARAMS
          || derived == Derived.Count.TRAINABLE;
      case NON_TRAINABLE_PARAMS -> derived == Derived.Count.PARAMS
          || derived == Derived.Count.NON_TRAINABLE;
      case MACS -> shape || derived == Derived.Count.MACS;
      case RECEPTIVE_FIELD -> derived instanceof Derived.ReceptiveField;
      case TOTAL, ACTIVATION_BYTES, PARAM_BYTES, GRADIENT_BYTES, OPTIMIZER_STATE_BYTES,
          TOTAL_BYTES, INPUT_BYTES, TOTAL_MIB, TOTAL_MB, MEMORY -> false;
    };
  }

  /** The derivations of one quantity, such as the parameters or one output axis. */
  public List<Derivation> derivationsOf(Derived quantity) {
    return derivations.stream().filter(d -> d.quantity().equals(quantity)).toList();
  }
}
