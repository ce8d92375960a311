package io.layerwise.code;

import io.layerwise.model.Framework;

/**
 * A generated Python program that builds an exercise's network in one framework, and the numbers
 * it prints, as the engine counts them under that framework's conventions.
 *
 * @param framework Keras or PyTorch
 * @param source the program's text
 * @param params the total it prints: {@code model.summary()}'s "Total params", or the sum of
 *     {@code p.numel()} over {@code model.parameters()}
 * @param trainable the trainable parameters it prints
 */
public record Program(Framework framework, String source, long params, long trainable) {

  public long nonTrainable() {
    return params - trainable;
  }
}
