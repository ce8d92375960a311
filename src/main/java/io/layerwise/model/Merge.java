package io.layerwise.model;

/**
 * An element-wise merge such as {@code Add}: inputs of one shape in, the same shape out.
 *
 * @param op the element-wise operation
 */
public record Merge(MergeOp op) implements Layer {

  @Override
  public LayerType type() {
    return switch (op) {
      case ADD -> LayerType.ADD;
    };
  }

  @Override
  public <R> R accept(LayerVisitor<R> visitor) {
    return visitor.merge(this);
  }

  @Override
  public int minInputs() {
    return 2;
  }

  @Override
  public int maxInputs() {
    return Integer.MAX_VALUE;
  }
}
