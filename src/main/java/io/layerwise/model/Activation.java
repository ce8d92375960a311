package io.layerwise.model;

/**
 * {@code Activation}: an element-wise function as a layer of its own.
 *
 * @param function its Keras name, such as {@code relu} or {@code softmax} (PyTorch's {@code ReLU}
 *     module is read as {@code relu})
 */
public record Activation(String function) implements Layer {

  /** PyTorch's modules for the common functions: {@code relu} is {@code ReLU}. */
  private static final java.util.Map<String, String> TORCH = java.util.Map.ofEntries(
      java.util.Map.entry("relu", "ReLU"), java.util.Map.entry("relu6", "ReLU6"),
      java.util.Map.entry("sigmoid", "Sigmoid"), java.util.Map.entry("tanh", "Tanh"),
      java.util.Map.entry("softmax", "Softmax"), java.util.Map.entry("gelu", "GELU"),
      java.util.Map.entry("silu", "SiLU"), java.util.Map.entry("swish", "SiLU"),
      java.util.Map.entry("elu", "ELU"), java.util.Map.entry("leaky_relu", "LeakyReLU"),
      java.util.Map.entry("hard_swish", "Hardswish"), java.util.Map.entry("softplus", "Softplus"),
      java.util.Map.entry("linear", "Identity"));

  @Override
  public String className(Framework framework, int inputRank) {
    return switch (framework) {
      case KERAS -> type().className();
      case PYTORCH -> TORCH.getOrDefault(function.toLowerCase(java.util.Locale.ROOT),
          type().className());
    };
  }

  @Override
  public LayerType type() {
    return LayerType.ACTIVATION;
  }

  @Override
  public <R> R accept(LayerVisitor<R> visitor) {
    return visitor.activation(this);
  }
}
