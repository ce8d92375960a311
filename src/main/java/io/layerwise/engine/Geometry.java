package io.layerwise.engine;

import java.util.List;

/**
 * Where an output position looks in the input, per spatial axis.
 *
 * @param receptiveField input pixels one output position depends on
 * @param stride input pixels between neighbouring output positions (the jump)
 */
public record Geometry(List<Fraction> receptiveField, List<Fraction> stride) {

  public Geometry {
    receptiveField = List.copyOf(receptiveField);
    stride = List.copyOf(stride);
  }

  /** The geometry of the input itself: each position sees one pixel, one pixel apart. */
  static Geometry identity(int axes) {
    return new Geometry(
        java.util.Collections.nCopies(axes, Fraction.ONE),
        java.util.Collections.nCopies(axes, Fraction.ONE));
  }

  public int axes() {
    return stride.size();
  }
}
