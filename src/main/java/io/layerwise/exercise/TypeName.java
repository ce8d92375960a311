package io.layerwise.exercise;

import io.layerwise.model.LayerType;
import java.util.Optional;

/**
 * A layer's {@code type:} as the reader understood it: the kind, and the PyTorch module when the
 * file names one in a PyTorch exercise (its arguments are then PyTorch's).
 *
 * @param type the kind that counts the layer
 * @param torch the PyTorch module named, if any
 */
record TypeName(LayerType type, Optional<TorchType> torch) {

  /** The class name messages show: the one the file's vocabulary uses. */
  String shown() {
    return torch.map(TorchType::className).orElse(type.className());
  }

  String autoName() {
    return torch.map(TorchType::autoName).orElse(type.autoName());
  }
}
