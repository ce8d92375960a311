package io.layerwise.code;

import io.layerwise.model.Framework;
import io.layerwise.model.Shape;
import java.util.ArrayList;
import java.util.List;

/**
 * The axis order in which a generated program holds a tensor, relative to the exercise's shape:
 * position {@code i} of the program's tensor (batch axis left out) is axis {@code axes[i]} of the
 * exercise's. A Keras exercise's {@code (H, W, C)} held channels first by PyTorch code is {@code
 * [2, 0, 1]}.
 *
 * @param axes for each position of the program's tensor, the exercise's axis it holds
 */
record Perm(List<Integer> axes) {

  Perm {
    axes = List.copyOf(axes);
  }

  static Perm identity(int rank) {
    List<Integer> axes = new ArrayList<>();
    for (int i = 0; i < rank; i++) {
      axes.add(i);
    }
    return new Perm(axes);
  }

  /** Axis {@code from} at position {@code to}, the others in the exercise's order. */
  static Perm move(int rank, int from, int to) {
    List<Integer> axes = new ArrayList<>(identity(rank).axes());
    axes.remove(Integer.valueOf(from));
    axes.add(to, from);
    return new Perm(axes);
  }

  /**
   * The order in which the target framework's layers find the channels where they expect them:
   * the exercise's channel axis moved to the target's, the spatial axes kept in order.
   */
  static Perm channels(int rank, Framework source, Framework target) {
    return rank < 2 ? identity(rank)
        : move(rank, channelAxis(source, rank), channelAxis(target, rank));
  }

  /** Where a framework keeps the channels of a tensor of this rank (batch axis left out). */
  static int channelAxis(Framework framework, int rank) {
    return switch (framework) {
      case KERAS -> rank - 1;
      case PYTORCH -> 0;
    };
  }

  int rank() {
    return axes.size();
  }

  /** Where the exercise's axis {@code axis} is in the program's tensor. */
  int position(int axis) {
    return axes.indexOf(axis);
  }

  boolean isIdentity() {
    return axes.equals(identity(rank()).axes());
  }

  /** The exercise's shape in this order. */
  Shape apply(Shape shape) {
    List<Long> dims = new ArrayList<>();
    for (int a : axes) {
      dims.add(shape.dim(a));
    }
    return new Shape(dims);
  }

  /**
   * What a permute of a tensor held in {@code have} order takes to hold it in this order: for
   * each new position, the old position (batch axis left out, from 0).
   */
  List<Integer> from(Perm have) {
    List<Integer> dims = new ArrayList<>();
    for (int a : axes) {
      dims.add(have.position(a));
    }
    return dims;
  }
}
