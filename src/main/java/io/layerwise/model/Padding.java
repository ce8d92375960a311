package io.layerwise.model;

import java.util.List;

/**
 * The padding of a convolution or pooling window.
 *
 * @param mode valid, same or explicit
 * @param pads one entry per spatial axis when explicit, empty otherwise
 */
public record Padding(PaddingMode mode, List<Pad> pads) {

  public static final Padding VALID = new Padding(PaddingMode.VALID, List.of());
  public static final Padding SAME = new Padding(PaddingMode.SAME, List.of());

  public Padding {
    pads = List.copyOf(pads);
    if ((mode == PaddingMode.EXPLICIT) == pads.isEmpty()) {
      throw new IllegalArgumentException("explicit padding, and only it, lists pads");
    }
  }

  public static Padding explicit(List<Pad> pads) {
    return new Padding(PaddingMode.EXPLICIT, pads);
  }
}
