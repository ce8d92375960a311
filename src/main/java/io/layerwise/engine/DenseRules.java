package io.layerwise.engine;

import static io.layerwise.engine.Expr.mul;
import static io.layerwise.engine.Expr.var;

import io.layerwise.model.Dense;
import io.layerwise.model.Shape;
import java.util.ArrayList;
import java.util.List;

/** {@code Dense}: a matrix on the last axis, which is the whole input only when it is flat. */
final class DenseRules {

  private DenseRules() {}

  static void dense(LayerCalc calc, Dense layer) {
    Shape in = calc.input();
    if (in.rank() > 1 && calc.slip(Mistake.DENSE_ON_LAST_AXIS)) {
      flattened(calc, layer, in);
      return;
    }
    int rank = in.rank();
    int last = rank - 1;
    long n = in.last();
    long u = layer.units();
    Symbol nin = Symbols.in(calc.layout.dimLetter(rank, last));
    Symbol nout = Symbols.out(calc.layout.dimLetter(rank, last));
    boolean flat = rank == 1;
    calc.derive(
        Symbols.outputShape(last),
        nout,
        Formulas.value(Symbols.U, u),
        flat
            ? Explanation.of("dense.output")
            : Explanation.of("dense.output.lastAxis", leading(in)));
    calc.output(in.with(last, u));

    Formula weights = Formulas.product(List.of(nin, Symbols.U), List.of(n, u));
    calc.weights(
        weights,
        flat
            ? Explanation.of("dense.weights")
            : Explanation.of("dense.weights.lastAxis", n, u, leading(in)));
    calc.biasesAndParams(weights, layer.useBias(), Formulas.value(Symbols.U, u),
        Explanation.of("dense.biases", u));

    Bindings.Builder b = Bindings.builder();
    List<Expr> factors = new ArrayList<>();
    for (int axis = 0; axis < rank; axis++) {
      Symbol s = Symbols.in(calc.layout.dimLetter(rank, axis));
      b.bind(s, in.dim(axis));
      factors.add(var(s));
    }
    b.bind(Symbols.U, u);
    factors.add(var(Symbols.U));
    calc.macs(
        new Formula(mul(factors), b.build()),
        Explanation.of(flat ? "dense.macs" : "dense.macs.lastAxis"));
  }

  /**
   * A Dense layer on a non-flat input counted as if Keras flattened it first: one weight per input
   * value and unit, and a flat output.
   */
  private static void flattened(LayerCalc calc, Dense layer, Shape in) {
    long u = layer.units();
    Explanation why = LayerCalc.slipWhy(Mistake.DENSE_ON_LAST_AXIS);
    calc.derive(Symbols.outputShape(0), Symbols.out("N"), Formulas.value(Symbols.U, u), why);
    calc.output(Shape.of(u));
    List<Symbol> symbols = new ArrayList<>();
    List<Long> values = new ArrayList<>();
    for (int axis = 0; axis < in.rank(); axis++) {
      symbols.add(Symbols.in(calc.layout.dimLetter(in.rank(), axis)));
      values.add(in.dim(axis));
    }
    symbols.add(Symbols.U);
    values.add(u);
    Formula weights = Formulas.product(symbols, values);
    calc.weights(weights, why);
    calc.biasesAndParams(weights, layer.useBias(), Formulas.value(Symbols.U, u),
        Explanation.of("dense.biases", u));
    calc.macs(weights, why);
  }

  /** The axes a Dense layer leaves alone, for explanations: {@code 50×50}. */
  private static String leading(Shape in) {
    List<String> dims = new ArrayList<>();
    for (int i = 0; i < in.rank() - 1; i++) {
      dims.add(Long.toString(in.dim(i)));
    }
    return String.join("\u00d7", dims);
  }
}
