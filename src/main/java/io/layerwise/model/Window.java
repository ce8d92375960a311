package io.layerwise.model;

import java.util.List;

/**
 * A sliding window over the spatial axes: the geometry shared by convolutions and pooling.
 *
 * @param kernel window size per spatial axis
 * @param strides step per spatial axis
 * @param padding border handling
 * @param dilation spacing between kernel taps per spatial axis (1 = dense)
 */
public record Window(List<Long> kernel, List<Long> strides, Padding padding, List<Long> dilation) {

  public Window {
    kernel = List.copyOf(kernel);
    strides = List.copyOf(strides);
    dilation = List.copyOf(dilation);
    int rank = kernel.size();
    if (rank == 0 || strides.size() != rank || dilation.size() != rank) {
      throw new IllegalArgumentException("kernel, strides and dilation need one entry per axis");
    }
    if (padding.mode() == PaddingMode.EXPLICIT && padding.pads().size() != rank) {
      throw new IllegalArgumentException("explicit padding needs one entry per axis");
    }
    for (int i = 0; i < rank; i++) {
      if (kernel.get(i) <= 0 || strides.get(i) <= 0 || dilation.get(i) <= 0) {
        throw new IllegalArgumentException("window sizes must be positive");
      }
    }
  }

  public int rank() {
    return kernel.size();
  }

  public boolean dilated() {
    return dilation.stream().anyMatch(d -> d > 1);
  }
}
