package io.layerwise.engine;

import io.layerwise.model.BatchNorm;
import io.layerwise.model.GroupNorm;
import io.layerwise.model.LayerNorm;
import io.layerwise.model.Shape;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;

/**
 * BatchNormalization and LayerNormalization: where Keras and PyTorch count differently, and where
 * frozen and non-trainable parameters meet.
 */
final class NormalizationRules {

  private NormalizationRules() {}

  static void batchNorm(LayerCalc calc, BatchNorm layer) {
    Shape in = calc.input();
    int axis = axis(calc, layer.axis(), in, "axis");
    long c = in.dim(axis);
    calc.output(in);
    Symbol sym = Symbol.of("C");
    int affine = gammaAndBeta(calc, layer.scale(), layer.center(), c, "bn");
    boolean keras = !calc.pytorch();
    if (calc.slip(Mistake.BN_CONVENTION)) {
      Explanation why = LayerCalc.slipWhy(Mistake.BN_CONVENTION);
      if (keras) {
        calc.params(affineFormula(affine, sym, c), why);
      } else {
        calc.statistics = Math.multiplyExact(2, c);
        calc.params(Formulas.times(affine + 2, sym, c), why);
      }
      return;
    }
    if (keras && calc.node.trainable() && calc.slip(Mistake.BN_STATISTICS_TRAINABLE)) {
      Explanation why = LayerCalc.slipWhy(Mistake.BN_STATISTICS_TRAINABLE);
      calc.statistics = Math.multiplyExact(2, c);
      calc.params(Formulas.times(affine + 2, sym, c), Explanation.of("bn.params.keras", c));
      calc.derive(Derived.Count.TRAINABLE, Symbols.TRAINABLE, Formulas.times(affine + 2, sym, c),
          why);
      calc.derive(Derived.Count.NON_TRAINABLE, Symbols.NON_TRAINABLE, Formulas.constant(0), why);
      return;
    }
    if (keras) {
      kerasCounts(calc, affine, sym, c);
    } else {
      calc.params(affineFormula(affine, sym, c),
          Explanation.of("bn.params.pytorch", Math.multiplyExact(affine + 2L, c)));
    }
    calc.otherFramework(!keras, Formulas.times(2, sym, c),
        Explanation.of(keras ? "bn.other.pytorch" : "bn.other.keras"));
  }

  /**
   * Group (and instance) normalisation: γ and β per channel whatever the groups, no moving
   * statistics among the parameters; the groups must divide the channels.
   */
  static void groupNorm(LayerCalc calc, GroupNorm layer) {
    Shape in = calc.input();
    long c = in.dim(calc.layout.channelAxis(in.rank()));
    if (layer.groups().isPresent() && c % layer.groups().getAsLong() != 0) {
      throw calc.fail("groups", "groups " + layer.groups().getAsLong() + " does not divide the "
          + c + " channels of the input " + in + (calc.pytorch() ? " (PyTorch: \"Expected number"
          + " of channels in input to be divisible by num_groups\")" : ""));
    }
    long positions = in.size() / c;
    if (layer.instance() && !layer.runningStats() && positions == 1) {
      throw calc.fail("inputs", "instance normalisation of the input " + in + " has one position"
          + " per channel to normalise, which PyTorch refuses (\"Expected more than 1 spatial"
          + " element when training\", also in eval mode without track_running_stats)");
    }
    if (!layer.instance() && calc.pytorch() && layer.groups().isPresent()
        && c / layer.groups().getAsLong() * positions == 1) {
      throw calc.fail("num_groups", layer.groups().getAsLong() + " groups of the input " + in
          + " hold one value each, which PyTorch refuses to normalise (\"Expected more than 1"
          + " value per channel when training\", in eval mode too)");
    }
    calc.output(in);
    int affine = gammaAndBeta(calc, layer.scale(), layer.center(), c,
        layer.instance() ? "bn" : "gn");
    calc.params(affineFormula(affine, Symbol.of("C"), c),
        Explanation.of(layer.instance() ? "in.params" : "gn.params"));
  }

  /** Keras counts the moving mean and variance among the parameters, as non-trainable ones. */
  private static void kerasCounts(LayerCalc calc, int affine, Symbol sym, long c) {
    calc.statistics = Math.multiplyExact(2, c);
    calc.params(Formulas.times(affine + 2, sym, c), Explanation.of("bn.params.keras", c));
    if (calc.node.trainable()) {
      calc.derive(Derived.Count.TRAINABLE, Symbols.TRAINABLE, affineFormula(affine, sym, c),
          Explanation.of("bn.trainable.keras"));
      calc.derive(Derived.Count.NON_TRAINABLE, Symbols.NON_TRAINABLE, Formulas.times(2, sym, c),
          Explanation.of("bn.nonTrainable.keras"));
    } else {
      calc.derive(Derived.Count.TRAINABLE, Symbols.TRAINABLE, Formulas.constant(0),
          Explanation.of("frozen.trainable"));
      calc.derive(Derived.Count.NON_TRAINABLE, Symbols.NON_TRAINABLE,
          Formulas.times(affine + 2, sym, c), Explanation.of("bn.nonTrainable.frozen"));
    }
  }

  static void layerNorm(LayerCalc calc, LayerNorm layer) {
    Shape in = calc.input();
    int axis = axis(calc, OptionalInt.of(layer.axis()), in, "axis");
    calc.output(in);
    if (layer.axes() > 1) {
      normalizedShape(calc, layer, in, axis);
      return;
    }
    long c = in.dim(axis);
    int affine = gammaAndBeta(calc, layer.scale(), layer.center(), c, "ln");
    calc.params(affineFormula(affine, Symbol.of("C"), c), Explanation.of("ln.params"));
  }

  /**
   * Layer normalisation over several trailing axes (PyTorch's {@code normalized_shape = [C, H,
   * W]}): one γ and one β per position of those axes, their product.
   */
  private static void normalizedShape(LayerCalc calc, LayerNorm layer, Shape in, int axis) {
    if (axis + layer.axes() > in.rank()) {
      throw calc.fail("normalized_shape", "normalized_shape has " + layer.axes()
          + " sizes, but the input " + in + " has only " + (in.rank() - axis)
          + " axes from the normalised one on");
    }
    List<Symbol> symbols = new ArrayList<>();
    List<Long> values = new ArrayList<>();
    for (int a = axis; a < axis + layer.axes(); a++) {
      symbols.add(Symbol.sub(calc.layout.dimLetter(in.rank(), a), "in"));
      values.add(in.dim(a));
    }
    Formula size = Formulas.product(symbols, values);
    calc.weights(layer.scale() ? size : Formulas.constant(0),
        Explanation.of(layer.scale() ? "ln.gamma.shape" : "bn.noGamma"));
    calc.biases(layer.center() ? size : Formulas.constant(0),
        Explanation.of(layer.center() ? "ln.beta.shape" : "bn.noBeta"));
    int affine = (layer.scale() ? 1 : 0) + (layer.center() ? 1 : 0);
    Formula params = switch (affine) {
      case 0 -> Formulas.constant(0);
      case 1 -> size;
      default -> new Formula(Expr.mul(Expr.num(affine), size.expr()), size.bindings());
    };
    calc.params(params, Explanation.of("ln.params"));
  }

  /** γ as the weights and β as the biases, each C or absent; returns how many there are. */
  private static int gammaAndBeta(LayerCalc calc, boolean scale, boolean center, long c,
      String kind) {
    Symbol sym = Symbol.of("C");
    calc.weights(scale ? Formulas.value(sym, c) : Formulas.constant(0),
        Explanation.of(scale ? kind + ".gamma" : "bn.noGamma"));
    calc.biases(center ? Formulas.value(sym, c) : Formulas.constant(0),
        Explanation.of(center ? kind + ".beta" : "bn.noBeta"));
    return (scale ? 1 : 0) + (center ? 1 : 0);
  }

  private static Formula affineFormula(int affine, Symbol sym, long c) {
    return affine == 0 ? Formulas.constant(0) : Formulas.times(affine, sym, c);
  }

  /** The normalised axis: the given one (Keras counting), else the framework's channel axis. */
  private static int axis(LayerCalc calc, OptionalInt given, Shape in, String field) {
    if (given.isEmpty()) {
      return calc.layout.channelAxis(in.rank());
    }
    OptionalInt resolved = Layout.resolveAxis(given.getAsInt(), in.rank());
    if (resolved.isEmpty()) {
      throw calc.fail(field, "axis " + given.getAsInt() + " is "
          + (given.getAsInt() == 0 ? "the batch axis" : "outside the input " + in)
          + "; give an axis from 1 to " + in.rank() + " or from -1 to -" + in.rank());
    }
    return resolved.getAsInt();
  }
}
