package io.layerwise.engine;

import static io.layerwise.engine.Expr.mul;
import static io.layerwise.engine.Expr.var;

import io.layerwise.model.Shape;
import io.layerwise.model.TimeDistributed;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code TimeDistributed}: the wrapped layer's rules run on one time step's slice of the input;
 * its derivations are taken over with the time axis put in front of the output, the same weights
 * at every step, and its work done once per step.
 */
final class WrapperRules {

  private static final Symbol T = Symbol.of("T");

  private WrapperRules() {}

  static void timeDistributed(LayerCalc calc, TimeDistributed layer) {
    Shape in = calc.input();
    if (in.rank() < 2) {
      throw calc.fail("inputs", "TimeDistributed needs an input with a time axis and at least"
          + " one more, such as (timesteps, features), but '" + calc.inputName() + "' gives "
          + in);
    }
    long steps = in.dim(0);
    Shape slice = new Shape(in.dims().subList(1, in.rank()));
    LayerCalc inner = calc.inner(layer.layer(), slice);
    try {
      layer.layer().accept(new LayerRules(inner));
    } catch (LayerCalc.Abort e) {
      calc.absorb(inner);
      throw e;
    }
    calc.absorb(inner);
    Shape sliceOut = inner.outputShape().orElseThrow();
    calc.derive(Symbols.outputShape(0), Symbol.sub("T", "out"), Formulas.value(T, steps),
        Explanation.of("timeDistributed.steps", layer.layer().className(calc.framework,
            slice.rank())));
    for (Derivation d : inner.derivations()) {
      Derived q = d.quantity();
      if (q instanceof Derived.OutputAxis a) {
        calc.derive(Symbols.outputShape(a.axis() + 1), d.lhs(),
            new Formula(d.formula(), d.bindings()), d.explanation());
      } else if (q == Derived.Count.MACS) {
        Bindings.Builder b = Bindings.builder().bind(T, steps);
        d.bindings().asMap().forEach(b::bind);
        List<Expr> factors = new ArrayList<>();
        factors.add(var(T));
        if (d.formula() instanceof Expr.Mul m) {
          factors.addAll(m.factors());
        } else {
          factors.add(d.formula());
        }
        calc.macs = calc.derive(Derived.Count.MACS, Symbols.MACS, new Formula(mul(factors), b.build()),
            Explanation.of("timeDistributed.macs"));
      } else if (!q.geometry()) {
        calc.derive(q, d.lhs(), new Formula(d.formula(), d.bindings()), d.explanation());
      }
    }
    List<Long> dims = new ArrayList<>();
    dims.add(steps);
    dims.addAll(sliceOut.dims());
    calc.output(new Shape(dims));
    calc.weights = inner.weights;
    calc.biases = inner.biases;
    calc.statistics = inner.statistics;
    calc.dropGeometry();
  }
}
