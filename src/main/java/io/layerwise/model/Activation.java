package io.layerwise.model;

/**
 * {@code Activation}: an element-wise function as a layer of its own.
 *
 * @param function its Keras name, such as {@code relu} or {@code softmax}
 */
public record Activation(String function) implements Layer {

  @Override
  public LayerType type() {
    return LayerType.ACTIVATION;
  }

  @Override
  public <R> R accept(LayerVisitor<R> visitor) {
    return visitor.activation(this);
  }
}
