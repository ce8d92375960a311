package io.layerwise.engine;

import static io.layerwise.engine.Expr.add;
import static io.layerwise.engine.Expr.div;
import static io.layerwise.engine.Expr.mul;
import static io.layerwise.engine.Expr.num;

import io.layerwise.model.Activation;
import io.layerwise.model.Cropping;
import io.layerwise.model.Dropout;
import io.layerwise.model.Flatten;
import io.layerwise.model.Pad;
import io.layerwise.model.Reshape;
import io.layerwise.model.Shape;
import io.layerwise.model.UpSampling;
import io.layerwise.model.ZeroPadding;
import java.util.ArrayList;
import java.util.List;

/** Layers that move, add or repeat values without weights: Flatten, Reshape, padding, … */
final class ShapeRules {

  private ShapeRules() {}

  static void flatten(LayerCalc calc, Flatten layer) {
    Shape in = calc.input();
    Formula size = inputProduct(calc, in);
    long n =
        calc.derive(
            Symbols.outputShape(0),
            Symbol.sub("N", "out"),
            size,
            Explanation.of(in.rank() == 1 ? "flatten.flat" : "flatten.output"));
    calc.output(Shape.of(n));
    calc.dropGeometry();
    calc.noParams(Explanation.of("flatten.params"));
  }

  static void reshape(LayerCalc calc, Reshape layer) {
    Shape in = calc.input();
    List<Long> target = layer.target();
    long unknown = target.stream().filter(d -> d == -1).count();
    if (unknown > 1) {
      throw calc.fail("target_shape", "target_shape can infer only one dimension (-1), not "
          + unknown);
    }
    long known = 1;
    for (long d : target) {
      if (d == 0 || d < -1) {
        throw calc.fail("target_shape", "target_shape " + target
            + " has a dimension that is neither positive nor -1");
      }
      if (d > 0) {
        known = Math.multiplyExact(known, d);
      }
    }
    long size = in.size();
    if (unknown == 0 && known != size) {
      throw calc.fail("target_shape", "target_shape " + target + " holds " + known
          + " values but the input " + in + " has " + size);
    }
    if (unknown == 1 && size % known != 0) {
      throw calc.fail("target_shape", "the input " + in + " has " + size
          + " values, which cannot be split into rows of " + known + " for target_shape "
          + target);
    }
    List<Long> dims = new ArrayList<>(target);
    int inferred = target.indexOf(-1L);
    if (inferred >= 0) {
      Formula total = inputProduct(calc, in);
      List<Expr> knownFactors = new ArrayList<>();
      for (long d : target) {
        if (d > 0) {
          knownFactors.add(num(d));
        }
      }
      Expr denominator =
          knownFactors.isEmpty() ? num(1) : knownFactors.size() == 1 ? knownFactors.get(0)
              : mul(knownFactors);
      Formula f = new Formula(div(total.expr(), denominator, Rounding.EXACT), total.bindings());
      long value =
          calc.derive(
              Symbols.outputShape(inferred),
              Symbol.sub("X", "out"),
              f,
              Explanation.of("reshape.inferred"));
      dims.set(inferred, value);
    }
    calc.output(new Shape(dims));
    calc.dropGeometry();
    calc.noParams(Explanation.of("reshape.params"));
  }

  static void zeroPadding(LayerCalc calc, ZeroPadding layer) {
    int n = layer.pads().size();
    calc.requireRank(n + 1);
    Shape in = calc.input();
    List<Long> spatial = calc.layout.spatial(in);
    List<Long> out = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      String letter = Layout.letter(n, i);
      Pad pad = layer.pads().get(i);
      out.add(
          calc.derive(
              Symbols.outputShape(calc.layout.spatialAxis(n + 1, i)),
              Symbols.out(letter),
              Formulas.paddedSize(letter, spatial.get(i), pad),
              Explanation.of("zeroPadding.output", pad.before(), pad.after())));
    }
    calc.output(calc.layout.compose(out, calc.layout.channels(in)));
    calc.noParams(Explanation.of("zeroPadding.params"));
  }

  static void cropping(LayerCalc calc, Cropping layer) {
    int n = layer.crops().size();
    calc.requireRank(n + 1);
    Shape in = calc.input();
    List<Long> spatial = calc.layout.spatial(in);
    List<Long> out = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      String letter = Layout.letter(n, i);
      Pad crop = layer.crops().get(i);
      Formula f = Formulas.croppedSize(letter, spatial.get(i), crop);
      long value = f.eval();
      if (value <= 0) {
        calc.problem("cropping", "cropping " + crop.before() + " and " + crop.after()
            + " leaves nothing of the input " + Layout.word(n, i) + " " + spatial.get(i));
        continue;
      }
      out.add(calc.derive(Symbols.outputShape(calc.layout.spatialAxis(n + 1, i)),
          Symbols.out(letter), f, Explanation.of("cropping.output", crop.before(),
              crop.after())));
    }
    calc.stopIfFailed();
    calc.output(calc.layout.compose(out, calc.layout.channels(in)));
    calc.noParams(Explanation.of("cropping.params"));
  }

  static void upSampling(LayerCalc calc, UpSampling layer) {
    int n = layer.size().size();
    calc.requireRank(n + 1);
    Shape in = calc.input();
    List<Long> spatial = calc.layout.spatial(in);
    List<Long> out = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      String letter = Layout.letter(n, i);
      long s = layer.size().get(i);
      Formula f = Formulas.product(List.of(Symbols.in(letter), Symbols.S), List.of(spatial.get(i), s));
      out.add(
          calc.derive(
              Symbols.outputShape(calc.layout.spatialAxis(n + 1, i)),
              Symbols.out(letter),
              f,
              Explanation.of("upSampling.output", s)));
      calc.stretch(i, s);
    }
    calc.output(calc.layout.compose(out, calc.layout.channels(in)));
    calc.noParams(Explanation.of("upSampling.params"));
  }

  static void dropout(LayerCalc calc, Dropout layer) {
    calc.output(calc.input());
    calc.noParams(Explanation.of("dropout.params", layer.rate()));
  }

  static void activation(LayerCalc calc, Activation layer) {
    calc.output(calc.input());
    calc.noParams(Explanation.of("activation.params", layer.function()));
  }

  /** The number of input values as a product of the input's axes: {@code H_in·W_in·C_in}. */
  static Formula inputProduct(LayerCalc calc, Shape in) {
    List<Symbol> symbols = new ArrayList<>();
    for (int axis = 0; axis < in.rank(); axis++) {
      symbols.add(Symbols.in(calc.layout.dimLetter(in.rank(), axis)));
    }
    return Formulas.product(symbols, in.dims());
  }
}
