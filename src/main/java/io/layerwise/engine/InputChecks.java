package io.layerwise.engine;

import io.layerwise.model.InputCheck;
import io.layerwise.model.Shape;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Checks the sizes an exercise states about a layer's input ({@code in_channels: 3}, {@code
 * in_features: 400}, {@code BatchNorm2d}'s rank) against the input the layer really gets, as
 * PyTorch would fail at run time, but with the numbers and the fix.
 */
final class InputChecks {

  private InputChecks() {}

  static void verify(LayerCalc calc) {
    Shape in = calc.input();
    for (InputCheck c : calc.node.checks()) {
      List<Long> expected = c.expected();
      Optional<String> problem = switch (c.axes()) {
        case RANK -> rank(calc, in, expected);
        case CHANNELS -> channels(calc, in, c);
        case TRAILING -> trailing(calc, in, c);
      };
      problem.ifPresent(p -> calc.problem(c.argument(), p));
    }
    calc.stopIfFailed();
  }

  private static Optional<String> rank(LayerCalc calc, Shape in, List<Long> expected) {
    if (expected.contains((long) in.rank())) {
      return Optional.empty();
    }
    int rank = expected.get(expected.size() - 1).intValue();
    return Optional.of(calc.typeName() + " needs a " + expected.stream()
        .map(r -> r + "-D").collect(Collectors.joining(" or ")) + " input "
        + calc.layout.describe(rank) + ", but '" + calc.inputName() + "' gives " + in);
  }

  private static Optional<String> channels(LayerCalc calc, Shape in, InputCheck c) {
    long channels = calc.layout.channels(in);
    if (channels == c.expected().get(0)) {
      return Optional.empty();
    }
    return Optional.of(c.argument() + " " + c.expected().get(0) + " does not match the "
        + channels + " channels of the input " + in + " from '" + calc.inputName()
        + "'; write " + c.argument() + ": " + channels);
  }

  private static Optional<String> trailing(LayerCalc calc, Shape in, InputCheck c) {
    List<Long> expected = c.expected();
    int k = expected.size();
    List<Long> actual = k > in.rank() ? in.dims() : in.dims().subList(in.rank() - k,
        in.rank());
    if (actual.equals(expected)) {
      return Optional.empty();
    }
    String stated = k == 1 ? expected.get(0).toString() : expected.toString();
    String fix = actual.size() == 1 ? actual.get(0).toString() : actual.toString();
    return Optional.of(c.argument() + " " + stated + " does not match "
        + (k == 1 ? "the last dimension " : "the last " + k + " dimensions ") + fix
        + " of the input " + in + " from '" + calc.inputName() + "'; write "
        + c.argument() + ": " + fix);
  }
}
