package io.layerwise.code;

import java.util.List;
import java.util.Optional;

/**
 * One exercise layer in PyTorch code: the submodule {@code __init__} creates for it, if any, and
 * the lines of {@code forward} that compute its output.
 *
 * @param module the submodule's constructor call, such as {@code nn.Conv2d(3, 8, kernel_size=5)}
 * @param forward writes the lines of {@code forward}
 */
record TorchStep(Optional<String> module, Forward forward) {

  /** The lines of {@code forward} for one layer. */
  interface Forward {
    /**
     * @param module the submodule, such as {@code self.conv1}
     * @param inputs the input tensors as expressions, already in the order the layer needs
     * @param out the variable to assign the output to
     */
    List<String> lines(String module, List<String> inputs, String out);
  }

  /** A submodule applied to the input, its result passed through {@code post}. */
  static TorchStep module(Python.Call module, java.util.function.UnaryOperator<String> post) {
    return new TorchStep(Optional.of(module.toString()),
        (m, in, out) -> List.of(out + " = " + post.apply(m + "(" + in.get(0) + ")")));
  }

  static TorchStep module(String module) {
    return new TorchStep(Optional.of(module),
        (m, in, out) -> List.of(out + " = " + m + "(" + in.get(0) + ")"));
  }

  static TorchStep module(Python.Call module) {
    return module(module.toString());
  }

  /** No submodule: an expression of the inputs. */
  static TorchStep expression(java.util.function.Function<List<String>, String> expression) {
    return new TorchStep(Optional.empty(),
        (m, in, out) -> List.of(out + " = " + expression.apply(in)));
  }
}
