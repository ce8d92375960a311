package io.layerwise.engine;

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
}
