package io.layerwise.engine;

import io.layerwise.model.Quantity;
import io.layerwise.model.Value;
import java.util.Optional;

/**
 * The memory one layer takes in a training step ({@code training:}), each part a derivation.
 *
 * @param name the layer's name
 * @param view whether its output is a view of its input (Flatten, Reshape), which stores nothing
 *     of its own
 * @param activations its output for the whole batch, kept for the backward pass
 * @param params its parameters in the compute format
 * @param gradients one gradient per trainable parameter; none for inference
 * @param optimizerState the optimizer's state (and the float32 master copy under mixed precision)
 */
public record LayerMemory(String name, boolean view, Derivation activations, Derivation params,
    Derivation gradients, Derivation optimizerState) {

  /** The bytes of all four parts. */
  public long total() {
    return Math.addExact(Math.addExact(activations.result(), params.result()),
        Math.addExact(gradients.result(), optimizerState.result()));
  }

  /** The bytes of a layer's memory quantity; empty for a quantity that is not one. */
  public Optional<Value> value(Quantity q) {
    Derivation d = switch (q) {
      case ACTIVATION_BYTES -> activations;
      case PARAM_BYTES -> params;
      case GRADIENT_BYTES -> gradients;
      case OPTIMIZER_STATE_BYTES -> optimizerState;
      case TOTAL_BYTES, OUTPUT_SHAPE, ACTIVATIONS, WEIGHTS, BIASES, PARAMS, TRAINABLE_PARAMS,
          NON_TRAINABLE_PARAMS, MACS, RECEPTIVE_FIELD, TOTAL, INPUT_BYTES, TOTAL_MIB, TOTAL_MB,
          MEMORY -> null;
    };
    if (q == Quantity.TOTAL_BYTES) {
      return Optional.of(Value.of(total()));
    }
    return Optional.ofNullable(d).map(x -> Value.of(x.result()));
  }
}
