package io.layerwise.engine;

import static io.layerwise.engine.Expr.mul;
import static io.layerwise.engine.Expr.var;

import io.layerwise.model.Dense;
import io.layerwise.model.Rbf;
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
    // PyTorch's Linear documents in_features and out_features as H_in and H_out.
    Symbol nin = calc.pytorch() ? Symbols.in("H") : Symbols.in(calc.layout.dimLetter(rank, last));
    Symbol units = calc.pytorch() ? Symbols.out("H") : Symbols.U;
    Symbol nout = Symbols.out(calc.layout.dimLetter(rank, last));
    boolean flat = rank == 1;
    String kind = calc.pytorch() ? "linear" : "dense";
    calc.derive(
        Symbols.outputShape(last),
        nout,
        Formulas.value(units, u),
        flat
            ? Explanation.of(kind + ".output")
            : Explanation.of(kind + ".output.lastAxis", leading(in)));
    calc.output(in.with(last, u));

    Formula weights = Formulas.product(List.of(nin, units), List.of(n, u));
    calc.weights(
        weights,
        flat
            ? Explanation.of(kind + ".weights")
            : Explanation.of(kind + ".weights.lastAxis", n, u, leading(in)));
    calc.biasesAndParams(weights, layer.useBias(), Formulas.value(units, u),
        Explanation.of(kind + ".biases", u));

    Bindings.Builder b = Bindings.builder();
    List<Expr> factors = new ArrayList<>();
    for (int axis = 0; axis < rank; axis++) {
      Symbol s = axis == last ? nin : Symbols.in(calc.layout.dimLetter(rank, axis));
      b.bind(s, in.dim(axis));
      factors.add(var(s));
    }
    b.bind(units, u);
    factors.add(var(units));
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

  /**
   * LeNet-5's RBF output layer: each unit compares the input with its own centre, {@code y_i =
   * Σ_j (x_j − w_ij)²}, so it has one parameter per input feature and unit and no bias. In the
   * 1998 paper the centres are fixed by hand, not trained.
   */
  static void rbf(LayerCalc calc, Rbf layer) {
    Shape in = calc.input();
    int rank = in.rank();
    int last = rank - 1;
    long n = in.last();
    long u = layer.units();
    Symbol nin = Symbols.in(calc.layout.dimLetter(rank, last));
    calc.derive(Symbols.outputShape(last), Symbols.out(calc.layout.dimLetter(rank, last)),
        Formulas.value(Symbols.U, u), Explanation.of("rbf.output"));
    calc.output(in.with(last, u));
    calc.dropGeometry();
    Formula weights = Formulas.product(List.of(nin, Symbols.U), List.of(n, u));
    calc.weights(weights, Explanation.of("rbf.weights", n));
    calc.biases(Formulas.constant(0), Explanation.of("rbf.biases"));
    long params = calc.derive(Derived.Count.PARAMS, Symbols.PARAMS, Formulas.value(Symbols.WEIGHTS,
        weights.eval()), Explanation.of("rbf.params"));
    if (layer.fixed()) {
      calc.derive(Derived.Count.TRAINABLE, Symbols.TRAINABLE, Formulas.constant(0),
          Explanation.of("rbf.trainable.fixed"));
      calc.derive(Derived.Count.NON_TRAINABLE, Symbols.NON_TRAINABLE,
          Formulas.value(Symbols.PARAMS, params), Explanation.of("rbf.nonTrainable.fixed"));
    }
    Bindings.Builder b = Bindings.builder();
    List<Expr> factors = new ArrayList<>();
    for (int axis = 0; axis < rank; axis++) {
      Symbol s = Symbols.in(calc.layout.dimLetter(rank, axis));
      b.bind(s, in.dim(axis));
      factors.add(var(s));
    }
    b.bind(Symbols.U, u);
    factors.add(var(Symbols.U));
    calc.macs(new Formula(mul(factors), b.build()), Explanation.of("rbf.macs"));
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
