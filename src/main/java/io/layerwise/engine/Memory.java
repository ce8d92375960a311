package io.layerwise.engine;

import io.layerwise.model.Quantity;
import io.layerwise.model.Training;
import io.layerwise.model.Value;
import java.util.List;
import java.util.Optional;

/**
 * The memory and compute of one step for an exercise with a {@code training:} section, part of
 * the {@link Analysis}: every number a {@link Derivation}, computed once by the engine.
 *
 * <p>Conventions: every layer's output is stored once for the backward pass, except a view of
 * its input (Flatten, Reshape), which shares its input's storage; the input batch is counted
 * apart; gradients take one value per trainable parameter; 1 MAC = 2 FLOPs, and a training step
 * costs about three forward passes (the backward pass about twice the forward), a rule of thumb
 * rather than a measurement.
 *
 * @param training what the memory is computed for
 * @param layers one entry per layer, in the order of the analysis
 * @param viewValues output values of the layers that are views (not stored again)
 * @param storedValues output values stored for the backward pass, one sample
 * @param input the input batch
 * @param activations all stored outputs for the batch
 * @param params all parameters
 * @param gradients all gradients
 * @param optimizerState the optimizer's state, with the master copy under mixed precision
 * @param total the sum of the five
 * @param flops forward FLOPs for the batch
 * @param trainingFlops the rule of thumb for a training step, when the network is trained
 * @param torchinfo torchinfo's estimate, for a PyTorch exercise
 */
public record Memory(Training training, List<LayerMemory> layers, long viewValues,
    Derivation storedValues, Derivation input, Derivation activations, Derivation params,
    Derivation gradients, Derivation optimizerState, Derivation total, Derivation flops,
    Optional<Derivation> trainingFlops, Optional<TorchinfoEstimate> torchinfo) {

  /** Bytes in a mebibyte, 2²⁰: what "MiB" means. */
  public static final long MIB = 1L << 20;
  /** Bytes in a megabyte, 10⁶: what "MB" means, and what torchinfo prints. */
  public static final long MB = 1_000_000L;

  public Memory {
    layers = List.copyOf(layers);
  }

  /** The parts of the total, in the order they are added. */
  public List<Derivation> parts() {
    return List.of(input, activations, params, gradients, optimizerState);
  }

  /**
   * The value of a memory total ({@code input_bytes}, …, {@code total_bytes} exact; {@code
   * total_mib} and {@code total_mb} to two decimals); empty for a quantity that is not one.
   */
  public Optional<Value> value(Quantity q) {
    Derivation d = switch (q) {
      case INPUT_BYTES -> input;
      case ACTIVATION_BYTES -> activations;
      case PARAM_BYTES -> params;
      case GRADIENT_BYTES -> gradients;
      case OPTIMIZER_STATE_BYTES -> optimizerState;
      case TOTAL_BYTES, TOTAL_MIB, TOTAL_MB -> total;
      case OUTPUT_SHAPE, ACTIVATIONS, WEIGHTS, BIASES, PARAMS, TRAINABLE_PARAMS,
          NON_TRAINABLE_PARAMS, MACS, RECEPTIVE_FIELD, TOTAL, MEMORY -> null;
    };
    if (d == null) {
      return Optional.empty();
    }
    return Optional.of(q == Quantity.TOTAL_MIB ? Value.Decimal.of(d.result(), MIB)
        : q == Quantity.TOTAL_MB ? Value.Decimal.of(d.result(), MB) : Value.of(d.result()));
  }

  /** Bytes in MiB. */
  public static double mib(long bytes) {
    return bytes / (double) MIB;
  }

  /** Bytes in MB. */
  public static double mb(long bytes) {
    return bytes / (double) MB;
  }
}
