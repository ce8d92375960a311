package io.layerwise.model;

/**
 * An element-wise merge ({@code Add}, {@code Subtract}, {@code Multiply}, {@code Maximum},
 * {@code Average}): inputs of one shape in, the same shape out.
 *
 * @param op the element-wise operation
 */
public record Merge(MergeOp op) implements Layer {

  @Override
  public LayerType type() {
    return switch (op) {
      case ADD -> LayerType.ADD;
      case SUBTRACT -> LayerType.SUBTRACT;
      case MULTIPLY -> LayerType.MULTIPLY;
      case MAXIMUM -> LayerType.MAXIMUM;
      case AVERAGE -> LayerType.AVERAGE;
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

  /** Keras' Subtract takes exactly two inputs; the others any number from two. */
  @Override
  public int maxInputs() {
    return switch (op) {
      case SUBTRACT -> 2;
      case ADD, MULTIPLY, MAXIMUM, AVERAGE -> Integer.MAX_VALUE;
    };
  }
}
