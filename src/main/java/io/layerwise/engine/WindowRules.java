package io.layerwise.engine;

import io.layerwise.model.Pad;
import io.layerwise.model.Padding;
import io.layerwise.model.PaddingMode;
import io.layerwise.model.Shape;
import io.layerwise.model.Window;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The output size of a sliding window along each spatial axis: shared by convolutions and pooling. */
final class WindowRules {

  private WindowRules() {}

  /**
   * Derives each spatial output size of {@code window} over the layer's input, records the
   * receptive field, and reports a window that does not fit ({@code kernel 5 exceeds padded input
   * width 4}) with the formula that shows it.
   *
   * @param what "kernel" or "pool window", for messages
   * @param sizeField the exercise key of the window size, for the error location
   */
  static List<Long> slide(LayerCalc calc, Window window, String what, String sizeField) {
    return slide(calc, window, what, sizeField, false);
  }

  /**
   * As {@link #slide(LayerCalc, Window, String, String)}, rounding up as PyTorch's pooling does
   * with {@code ceil_mode} when {@code ceil} is true.
   */
  static List<Long> slide(LayerCalc calc, Window window, String what, String sizeField,
      boolean ceil) {
    boolean pytorch = calc.pytorch();
    if (pytorch && window.padding().mode() == PaddingMode.SAME) {
      if (what.equals("pool window")) {
        throw calc.fail("padding", "PyTorch's pooling has no 'same' padding; give the zeros"
            + " added on each side as a number");
      }
      if (window.strides().stream().anyMatch(s -> s > 1)) {
        throw calc.fail("padding", "PyTorch allows padding 'same' only with stride 1");
      }
    }
    Shape in = calc.input();
    int n = window.rank();
    List<Long> spatial = calc.layout.spatial(in);
    List<Long> out = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      String letter = Layout.letter(n, i);
      long x = spatial.get(i);
      long k = window.kernel().get(i);
      long s = window.strides().get(i);
      long d = window.dilation().get(i);
      Padding padding = window.padding();
      Pad pad =
          padding.mode() == PaddingMode.EXPLICIT ? padding.pads().get(i) : Pad.symmetric(0);
      Formula f =
          switch (padding.mode()) {
            case SAME -> Formulas.sameOutput(letter, x, s);
            case VALID, EXPLICIT -> ceil ? Formulas.ceilModeOutput(letter, x, k, s, pad, d)
                : Formulas.windowOutput(letter, x, k, s, pad, d);
          };
      Explanation why =
          switch (padding.mode()) {
            case SAME -> Explanation.of(s == 1 ? "window.same.stride1" : "window.same", s);
            case VALID -> Explanation.of((pytorch ? "window.zero" : "window.valid")
                + (d == 1 ? "" : ".dilated"), d);
            case EXPLICIT ->
                Explanation.of(
                    pad.isSymmetric() ? "window.explicit" : "window.explicit.asymmetric",
                    pad.before(),
                    pad.after());
          };
      if (ceil && padding.mode() != PaddingMode.SAME) {
        why = Explanation.of("window.ceil");
      }
      Optional<Formula> slip = ceil ? Optional.empty()
          : slip(calc, padding.mode(), letter, x, k, s, pad, d);
      if (slip.isPresent()) {
        f = slip.get();
        why = LayerCalc.slipWhy(calc.slippedInto());
      }
      long value = f.eval();
      if (value <= 0) {
        long span = Math.addExact(Math.multiplyExact(d, k - 1), 1);
        Derivation shown =
            new Derivation(
                Symbols.outputShape(calc.layout.spatialAxis(n + 1, i)), Symbols.out(letter), f.expr(), f.bindings(), why);
        calc.problem(
            sizeField,
            (d == 1 ? what + " " + k : "dilated " + what + " " + span)
                + " exceeds padded input " + Layout.word(n, i) + " "
                + Math.addExact(x, pad.total())
                + " (" + shown.equation(Notation.TEXT) + ")");
        continue;
      }
      if (ceil && padding.mode() != PaddingMode.SAME
          && Formulas.windowOutput(letter, x, k, s, pad, d).eval() != value) {
        calc.roundsUp = true;
      }
      calc.derive(
          Symbols.outputShape(calc.layout.spatialAxis(n + 1, i)), Symbols.out(letter), f, why);
      calc.slide(i, k, s, d);
      out.add(value);
    }
    calc.stopIfFailed();
    return out;
  }

  /** The mistaken formula for one axis, when the calculation is to make a window mistake. */
  private static Optional<Formula> slip(LayerCalc calc, PaddingMode mode, String letter, long x,
      long k, long s, Pad pad, long d) {
    return switch (mode) {
      case SAME -> calc.slip(Mistake.VALID_INSTEAD_OF_SAME)
          ? Optional.of(Formulas.windowOutput(letter, x, k, s, Pad.symmetric(0), d))
          : Optional.empty();
      case VALID, EXPLICIT -> {
        if (mode == PaddingMode.VALID && calc.slip(Mistake.SAME_INSTEAD_OF_VALID)) {
          yield Optional.of(Formulas.sameOutput(letter, x, s));
        }
        Formulas.WindowForm form;
        if (calc.slip(Mistake.FORGOT_PLUS_ONE)) {
          form = Formulas.WindowForm.NO_PLUS_ONE;
        } else if (calc.slip(Mistake.CEIL_INSTEAD_OF_FLOOR)) {
          form = Formulas.WindowForm.CEIL;
        } else if (pad.total() > 0 && pad.isSymmetric() && calc.slip(Mistake.PADDING_ONE_SIDE)) {
          form = Formulas.WindowForm.PAD_ONE_SIDE;
        } else if (s > 1 && calc.slip(Mistake.FORGOT_STRIDE)) {
          form = Formulas.WindowForm.NO_STRIDE;
        } else {
          yield Optional.empty();
        }
        yield Optional.of(Formulas.windowOutput(letter, x, k, s, pad, d, form));
      }
    };
  }
}
