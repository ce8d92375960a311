package io.layerwise.code;

import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Keras activation names and the PyTorch functions and modules that compute exactly the same:
 * only pairs with the same definition and defaults (Keras' {@code leaky_relu} has slope 0.2,
 * PyTorch's 0.01, so the slope is written out; {@code hard_sigmoid} differs between Keras
 * versions and has no entry).
 */
final class Activations {

  /**
   * PyTorch's function ({@code %s} the tensor, {@code %d} the axis) and module ({@code null}
   * where there is none), by Keras name.
   */
  private static final Map<String, String[]> TORCH = Map.ofEntries(
      Map.entry("linear", new String[] {"%s", "nn.Identity()"}),
      Map.entry("relu", new String[] {"torch.relu(%s)", "nn.ReLU()"}),
      Map.entry("sigmoid", new String[] {"torch.sigmoid(%s)", "nn.Sigmoid()"}),
      Map.entry("tanh", new String[] {"torch.tanh(%s)", "nn.Tanh()"}),
      Map.entry("softmax", new String[] {"torch.softmax(%s, dim=%d)", "nn.Softmax(dim=%d)"}),
      Map.entry("log_softmax",
          new String[] {"torch.log_softmax(%s, dim=%d)", "nn.LogSoftmax(dim=%d)"}),
      Map.entry("relu6", new String[] {"nn.functional.relu6(%s)", "nn.ReLU6()"}),
      Map.entry("elu", new String[] {"nn.functional.elu(%s)", "nn.ELU()"}),
      Map.entry("selu", new String[] {"torch.selu(%s)", "nn.SELU()"}),
      Map.entry("gelu", new String[] {"nn.functional.gelu(%s)", "nn.GELU()"}),
      Map.entry("silu", new String[] {"nn.functional.silu(%s)", "nn.SiLU()"}),
      Map.entry("swish", new String[] {"nn.functional.silu(%s)", "nn.SiLU()"}),
      Map.entry("hard_silu", new String[] {"nn.functional.hardswish(%s)", "nn.Hardswish()"}),
      Map.entry("hard_swish", new String[] {"nn.functional.hardswish(%s)", "nn.Hardswish()"}),
      Map.entry("softplus", new String[] {"nn.functional.softplus(%s)", "nn.Softplus()"}),
      Map.entry("softsign", new String[] {"nn.functional.softsign(%s)", "nn.Softsign()"}),
      Map.entry("leaky_relu",
          new String[] {"nn.functional.leaky_relu(%s, 0.2)", "nn.LeakyReLU(0.2)"}),
      Map.entry("mish", new String[] {"nn.functional.mish(%s)", "nn.Mish()"}),
      Map.entry("exponential", new String[] {"torch.exp(%s)", null}));

  /** Functions whose output is never negative. */
  private static final Set<String> NON_NEGATIVE = Set.of("relu", "relu6", "sigmoid", "softmax",
      "softplus", "exponential", "hard_sigmoid");

  private Activations() {}

  /** Whether the function normalises along an axis (the last, in Keras) rather than per value. */
  static boolean alongLastAxis(String keras) {
    return keras.equals("softmax") || keras.equals("log_softmax");
  }

  /** Whether Keras' activation of this name is the identity. */
  static boolean isLinear(String keras) {
    return keras.equals("linear");
  }

  static boolean nonNegative(String keras) {
    return NON_NEGATIVE.contains(keras);
  }

  /** PyTorch's function applied to {@code tensor}; {@code dim} is the axis of softmax. */
  static Optional<String> torchFunction(String keras, String tensor, String dim) {
    String[] t = TORCH.get(keras);
    return t == null ? Optional.empty()
        : Optional.of(t[0].replace("%s", tensor).replace("%d", dim));
  }

  /** PyTorch's module, where there is one. */
  static Optional<String> torchModule(String keras, String dim) {
    String[] t = TORCH.get(keras);
    return t == null || t[1] == null ? Optional.empty() : Optional.of(t[1].replace("%d", dim));
  }

  static boolean inTorch(String keras) {
    return TORCH.containsKey(keras);
  }
}
