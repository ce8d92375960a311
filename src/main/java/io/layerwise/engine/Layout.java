package io.layerwise.engine;

import io.layerwise.model.Framework;
import io.layerwise.model.Shape;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;

/**
 * Where the channels are: last for Keras ({@code (H, W, C)}), first for PyTorch ({@code (C, H,
 * W)}). Also names the axes for formulas and messages.
 */
final class Layout {

  private static final List<List<String>> LETTERS =
      List.of(List.of("L"), List.of("H", "W"), List.of("D", "H", "W"));
  private static final List<List<String>> WORDS =
      List.of(List.of("length"), List.of("height", "width"), List.of("depth", "height", "width"));

  private final boolean channelsFirst;

  private Layout(boolean channelsFirst) {
    this.channelsFirst = channelsFirst;
  }

  static Layout of(Framework framework) {
    return switch (framework) {
      case KERAS -> new Layout(false);
      case PYTORCH -> new Layout(true);
    };
  }

  int channelAxis(int rank) {
    return channelsFirst ? 0 : rank - 1;
  }

  long channels(Shape s) {
    return s.dim(channelAxis(s.rank()));
  }

  /** The axis of the {@code i}-th spatial dimension in a shape of this rank. */
  int spatialAxis(int rank, int i) {
    return channelsFirst ? i + 1 : i;
  }

  List<Long> spatial(Shape s) {
    List<Long> out = new ArrayList<>();
    for (int i = 0; i < s.rank() - 1; i++) {
      out.add(s.dim(spatialAxis(s.rank(), i)));
    }
    return out;
  }

  Shape compose(List<Long> spatial, long channels) {
    List<Long> dims = new ArrayList<>(spatial);
    if (channelsFirst) {
      dims.add(0, channels);
    } else {
      dims.add(channels);
    }
    return new Shape(dims);
  }

  /** The letter of spatial axis {@code i} of {@code count}: H and W, L, or D, H and W. */
  static String letter(int count, int i) {
    return count <= 3 ? LETTERS.get(count - 1).get(i) : "X" + (i + 1);
  }

  /** The word for spatial axis {@code i} of {@code count}, for messages: height, width, … */
  static String word(int count, int i) {
    return count <= 3 ? WORDS.get(count - 1).get(i) : "axis " + (i + 1);
  }

  /** The letter of any axis of a shape of this rank: C for channels, N for a plain vector. */
  String dimLetter(int rank, int axis) {
    if (rank == 1) {
      return "N";
    }
    if (axis == channelAxis(rank)) {
      return "C";
    }
    int spatialIndex = channelsFirst ? axis - 1 : axis;
    return letter(rank - 1, spatialIndex);
  }

  /** How the axes of an input of this rank are laid out, for messages: (height, width, channels). */
  String describe(int rank) {
    List<String> names = new ArrayList<>();
    for (int i = 0; i < rank - 1; i++) {
      names.add(word(rank - 1, i));
    }
    if (channelsFirst) {
      names.add(0, "channels");
    } else {
      names.add("channels");
    }
    return "(" + String.join(", ", names) + ")";
  }

  /**
   * The 0-based axis of a shape without batch for a Keras-style {@code axis} argument, which
   * counts the batch axis as 0 and negative values from the end; empty when out of range or the
   * batch axis.
   */
  static OptionalInt resolveAxis(int axis, int rank) {
    int index = axis < 0 ? rank + axis : axis - 1;
    return index >= 0 && index < rank ? OptionalInt.of(index) : OptionalInt.empty();
  }
}
