package io.layerwise.exercise;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Keras' and PyTorch's names for the same argument ({@code filters} and {@code out_channels}), so
 * that an argument from the other framework is answered with the name this layer uses rather
 * than a bare "unknown key".
 */
final class Vocabulary {

  /** Keras' name, PyTorch's name. */
  private static final List<Map.Entry<String, String>> PAIRS = List.of(
      Map.entry("filters", "out_channels"),
      Map.entry("strides", "stride"),
      Map.entry("dilation_rate", "dilation"),
      Map.entry("use_bias", "bias"),
      Map.entry("units", "out_features"),
      Map.entry("units", "hidden_size"),
      Map.entry("pool_size", "kernel_size"),
      Map.entry("rate", "p"),
      Map.entry("input_dim", "num_embeddings"),
      Map.entry("output_dim", "embedding_dim"),
      Map.entry("axis", "normalized_shape"));

  /** PyTorch's arguments that state the input's size, which Keras takes from the input. */
  private static final Set<String> INPUT_SIZES =
      Set.of("in_channels", "in_features", "num_features", "input_size");

  private Vocabulary() {}

  /**
   * The hint for an unknown key that is the other framework's name of a key this layer takes:
   * {@code Keras calls it 'filters'}.
   *
   * @param known the keys this layer takes
   */
  static Optional<String> hint(String key, Set<String> known) {
    for (Map.Entry<String, String> p : PAIRS) {
      if (p.getValue().equals(key) && known.contains(p.getKey())) {
        return Optional.of("Keras calls it '" + p.getKey() + "'");
      }
      if (p.getKey().equals(key) && known.contains(p.getValue())) {
        return Optional.of("PyTorch calls it '" + p.getValue() + "'");
      }
    }
    if (INPUT_SIZES.contains(key) && !known.contains(key)) {
      return Optional.of("Keras takes the size from the layer's input, so leave it out (or set"
          + " framework: pytorch and use PyTorch's class name to read PyTorch's arguments)");
    }
    return Optional.empty();
  }

  /** Keras' names of a PyTorch argument: {@code filters} for {@code out_channels}. */
  static List<String> kerasNames(String key) {
    return PAIRS.stream().filter(p -> p.getValue().equals(key)).map(Map.Entry::getKey).toList();
  }

  /** PyTorch's names of a Keras argument, where the engine reports a problem at it. */
  static List<String> counterparts(String key) {
    return PAIRS.stream().filter(p -> p.getKey().equals(key)).map(Map.Entry::getValue).toList();
  }
}
