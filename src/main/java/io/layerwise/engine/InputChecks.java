package io.layerwise.engine;

import io.layerwise.model.InputCheck;
import io.layerwise.model.Shape;
import java.util.List;
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
      switch (c.axes()) {
        case RANK -> {
          if (!expected.contains((long) in.rank())) {
            int rank = expected.get(expected.size() - 1).intValue();
            calc.problem(c.argument(), calc.typeName() + " needs a " + expected.stream()
                .map(r -> r + "-D").collect(Collectors.joining(" or ")) + " input "
                + calc.layout.describe(rank) + ", but '" + calc.inputName() + "' gives " + in);
          }
        }
        case CHANNELS -> {
          long channels = calc.layout.channels(in);
          if (channels != expected.get(0)) {
            calc.problem(c.argument(), c.argument() + " " + expected.get(0) + " does not match the "
                + channels + " channels of the input " + in + " from '" + calc.inputName()
                + "'; write " + c.argument() + ": " + channels);
          }
        }
        case TRAILING -> {
          int k = expected.size();
          List<Long> actual = k > in.rank() ? in.dims() : in.dims().subList(in.rank() - k,
              in.rank());
          if (!actual.equals(expected)) {
            String stated = k == 1 ? expected.get(0).toString() : expected.toString();
            String fix = actual.size() == 1 ? actual.get(0).toString() : actual.toString();
            calc.problem(c.argument(), c.argument() + " " + stated + " does not match "
                + (k == 1 ? "the last dimension " : "the last " + k + " dimensions ") + fix
                + " of the input " + in + " from '" + calc.inputName() + "'; write "
                + c.argument() + ": " + fix);
          }
        }
      }
    }
    calc.stopIfFailed();
  }
}
