package io.layerwise.engine;

import io.layerwise.model.Framework;

/**
 * One layer as the other framework sees it, computed with the layer's own analysis so that no
 * later stage (the framework code, the comparison) has to analyse the layer again.
 *
 * @param framework the framework the exercise does not follow
 * @param params what that framework counts for the layer
 * @param trainable of which trainable
 * @param roundsUp whether the layer's output shape depends on rounding a window count up
 *     (PyTorch's {@code ceil_mode}), a setting Keras lacks
 */
public record OtherFramework(Framework framework, long params, long trainable, boolean roundsUp) {

  public long nonTrainable() {
    return params - trainable;
  }
}
