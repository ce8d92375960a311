package io.layerwise.exercise;

import io.layerwise.model.Framework;
import io.layerwise.model.LayerType;
import io.layerwise.model.Spelling;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Layer type names as a file may write them: the Keras class name in any case, snake_case, or one
 * of Keras' aliases ({@code MaxPool2D}, {@code Convolution2D}).
 */
final class LayerTypes {

  private static final Map<String, LayerType> BY_NAME = new HashMap<>();
  private static final List<String> CLASS_NAMES = new ArrayList<>();

  static {
    for (LayerType t : LayerType.values()) {
      BY_NAME.put(Spelling.normalize(t.className()), t);
      CLASS_NAMES.add(t.className());
    }
    alias("Convolution1D", LayerType.CONV1D);
    alias("Convolution2D", LayerType.CONV2D);
    alias("Convolution3D", LayerType.CONV3D);
    alias("Convolution2DTranspose", LayerType.CONV2D_TRANSPOSE);
    alias("SeparableConvolution2D", LayerType.SEPARABLE_CONV2D);
    alias("MaxPool1D", LayerType.MAX_POOLING1D);
    alias("MaxPool2D", LayerType.MAX_POOLING2D);
    alias("MaxPool3D", LayerType.MAX_POOLING3D);
    alias("AvgPool1D", LayerType.AVERAGE_POOLING1D);
    alias("AvgPool2D", LayerType.AVERAGE_POOLING2D);
    alias("AvgPool3D", LayerType.AVERAGE_POOLING3D);
    alias("GlobalAvgPool1D", LayerType.GLOBAL_AVERAGE_POOLING1D);
    alias("GlobalAvgPool2D", LayerType.GLOBAL_AVERAGE_POOLING2D);
    alias("GlobalMaxPool1D", LayerType.GLOBAL_MAX_POOLING1D);
    alias("GlobalMaxPool2D", LayerType.GLOBAL_MAX_POOLING2D);
  }

  private LayerTypes() {}

  private static void alias(String name, LayerType type) {
    BY_NAME.put(Spelling.normalize(name), type);
  }

  static Optional<LayerType> lookup(String name) {
    return Optional.ofNullable(BY_NAME.get(Spelling.normalize(name)));
  }

  /**
   * A type as a file of the given framework names it: a PyTorch module spelt exactly (PyTorch
   * exercises only), else a Keras class name in any spelling.
   */
  static Optional<TypeName> resolve(String name, Framework framework) {
    Optional<TorchType> torch = switch (framework) {
      case KERAS -> Optional.empty();
      case PYTORCH -> TorchType.exactly(name);
    };
    if (torch.isPresent()) {
      return Optional.of(new TypeName(torch.get().type(), torch));
    }
    return lookup(name).map(t -> new TypeName(t, Optional.empty()));
  }

  /**
   * What to say after "unknown layer type 'X'": the Keras class a PyTorch module corresponds to
   * ({@code Linear} in a Keras exercise), else the nearest known name, else the list.
   */
  static String hint(String name, Framework framework) {
    Optional<TorchType> torch = TorchType.loosely(name);
    if (torch.isPresent()) {
      String keras = torch.get().type().className();
      return switch (framework) {
        case KERAS -> "; PyTorch's " + torch.get().className() + " is " + keras
            + " in Keras (or set framework: pytorch to read PyTorch's arguments)";
        case PYTORCH -> "; did you mean '" + torch.get().className() + "'?";
      };
    }
    List<String> names = new ArrayList<>(CLASS_NAMES);
    if (framework == Framework.PYTORCH) {
      names.addAll(TorchType.classNames());
    }
    return Spelling.closest(name, names).map(h -> "; did you mean '" + h + "'?")
        .orElse("; known types are " + String.join(", ", CLASS_NAMES));
  }

  static List<String> classNames() {
    return List.copyOf(CLASS_NAMES);
  }

  static Optional<String> suggest(String name) {
    return Spelling.closest(name, CLASS_NAMES);
  }
}
