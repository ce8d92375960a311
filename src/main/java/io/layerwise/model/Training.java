package io.layerwise.model;

/**
 * An exercise's {@code training:} section: what the memory of a training step (or of inference)
 * is computed for.
 *
 * @param batch samples per step, positive
 * @param dtype the format of activations, parameters and gradients (the compute format under
 *     mixed precision)
 * @param optimizer how the weights are updated; {@link Optimizer#NONE} for inference
 * @param mixedPrecision computes in {@code dtype} (float16 or bfloat16) and keeps a float32
 *     master copy of the trainable weights, with the optimizer state in float32
 */
public record Training(long batch, Dtype dtype, Optimizer optimizer, boolean mixedPrecision) {

  /** The format of the optimizer state and the master weights. */
  public static final Dtype MASTER = Dtype.FLOAT32;

  public Training {
    if (batch < 1) {
      throw new IllegalArgumentException("batch must be positive, not " + batch);
    }
    if (mixedPrecision && !dtype.halfPrecision()) {
      throw new IllegalArgumentException("mixed precision computes in float16 or bfloat16");
    }
  }
}
