package io.layerwise.model;

import java.util.OptionalLong;

/**
 * Group normalisation (Keras {@code GroupNormalization}, PyTorch {@code GroupNorm}), and instance
 * normalisation as its case of one group per channel (PyTorch {@code InstanceNorm1d/2d/3d}, Keras
 * {@code GroupNormalization(groups=-1)}): statistics over groups of channels, then a learned
 * scale γ and offset β per channel. No moving statistics are parameters (PyTorch's
 * {@code track_running_stats} keeps buffers).
 *
 * @param groups the groups the channels fall into; empty for one group per channel (instance)
 * @param center whether β exists
 * @param scale whether γ exists
 * @param instance whether PyTorch names it {@code InstanceNorm}, by the input's rank
 * @param runningStats PyTorch's {@code track_running_stats}: buffers, not parameters, but a
 *     model in eval mode then normalises with them and needs no statistics of its own input
 */
public record GroupNorm(OptionalLong groups, boolean center, boolean scale, boolean instance,
    boolean runningStats) implements Layer {

  public GroupNorm {
    if (groups.isPresent() && groups.getAsLong() <= 0) {
      throw new IllegalArgumentException("groups must be positive");
    }
    if (instance && groups.isPresent()) {
      throw new IllegalArgumentException("instance normalisation has a group per channel");
    }
  }

  @Override
  public String className(Framework framework, int inputRank) {
    return switch (framework) {
      case KERAS -> type().className();
      case PYTORCH -> !instance ? "GroupNorm"
          : inputRank >= 2 && inputRank <= 4 ? "InstanceNorm" + (inputRank - 1) + "d"
          : "InstanceNorm";
    };
  }

  @Override
  public LayerType type() {
    return LayerType.GROUP_NORMALIZATION;
  }

  @Override
  public <R> R accept(LayerVisitor<R> visitor) {
    return visitor.groupNorm(this);
  }
}
