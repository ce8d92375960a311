package io.layerwise.model;

import java.util.ArrayList;
import java.util.List;

/**
 * A tensor shape without the batch dimension, in the framework's own axis order.
 *
 * @param dims the sizes, each positive
 */
public record Shape(List<Long> dims) {

  public Shape {
    dims = List.copyOf(dims);
    if (dims.isEmpty()) {
      throw new IllegalArgumentException("a shape needs at least one dimension");
    }
    for (long d : dims) {
      if (d <= 0) {
        throw new IllegalArgumentException("dimension " + d + " is not positive in " + dims);
      }
    }
  }

  public static Shape of(long... dims) {
    List<Long> list = new ArrayList<>(dims.length);
    for (long d : dims) {
      list.add(d);
    }
    return new Shape(list);
  }

  public int rank() {
    return dims.size();
  }

  public long dim(int axis) {
    return dims.get(axis);
  }

  public long last() {
    return dims.get(dims.size() - 1);
  }

  /** The number of elements; throws {@link ArithmeticException} beyond 64 bits. */
  public long size() {
    long n = 1;
    for (long d : dims) {
      n = Math.multiplyExact(n, d);
    }
    return n;
  }

  public Shape with(int axis, long value) {
    List<Long> copy = new ArrayList<>(dims);
    copy.set(axis, value);
    return new Shape(copy);
  }

  /**
   * The shape with its batch axis, as the framework prints it: {@code (None, 94, 94, 60)} for
   * Keras, {@code [-1, 60, 94, 94]} (torchsummary's notation) for PyTorch.
   */
  public String batched(Framework framework) {
    StringBuilder sb = new StringBuilder();
    for (long d : dims) {
      sb.append(", ").append(d);
    }
    return switch (framework) {
      case KERAS -> "(None" + sb + ")";
      case PYTORCH -> "[-1" + sb + "]";
    };
  }

  /** Python tuple notation, as Keras prints it: {@code (94, 94, 60)}, {@code (10,)}. */
  @Override
  public String toString() {
    StringBuilder sb = new StringBuilder("(");
    for (int i = 0; i < dims.size(); i++) {
      if (i > 0) {
        sb.append(", ");
      }
      sb.append(dims.get(i));
    }
    if (dims.size() == 1) {
      sb.append(',');
    }
    return sb.append(')').toString();
  }
}
