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
    Explanation why = Explanation.of(in.rank() == 1 ? "flatten.flat" : "flatten.output");
    if (in.rank() > 1 && calc.slip(Mistake.FLATTEN_FORGOT_CHANNELS)) {
      List<Symbol> symbols = new ArrayList<>();
      List<Long> spatial = calc.layout.spatial(in);
      for (int i = 0; i < spatial.size(); i++) {
        symbols.add(Symbols.in(Layout.letter(spatial.size(), i)));
      }
      size = Formulas.product(symbols, spatial);
      why = LayerCalc.slipWhy(Mistake.FLATTEN_FORGOT_CHANNELS);
    }
    long n = calc.derive(Symbols.outputShape(0), Symbol.sub("N", "out"), size, why);
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
    resize(calc, layer.pads().size(), "padding", (i, letter, in) -> {
      Pad pad = layer.pads().get(i);
      return new AxisSize(Formulas.paddedSize(letter, in, pad),
          Explanation.of("zeroPadding.output", pad.before(), pad.after()), "");
    });
    calc.noParams(Explanation.of("zeroPadding.params"));
  }

  static void cropping(LayerCalc calc, Cropping layer) {
    resize(calc, layer.crops().size(), "cropping", (i, letter, in) -> {
      Pad crop = layer.crops().get(i);
      return new AxisSize(Formulas.croppedSize(letter, in, crop),
          Explanation.of("cropping.output", crop.before(), crop.after()),
          "cropping " + crop.before() + " and " + crop.after() + " leaves nothing of the input");
    });
    calc.noParams(Explanation.of("cropping.params"));
  }

  static void upSampling(LayerCalc calc, UpSampling layer) {
    int axes = layer.everyAxis() ? Math.max(1, calc.input().rank() - 1) : layer.size().size();
    List<Long> factors = layer.factors(axes);
    if (layer.fixed()) {
      resize(calc, axes, "size", (i, letter, in) -> {
        long out = factors.get(i);
        if (out % in == 0) {
          calc.stretch(i, out / in);
        } else {
          calc.dropGeometry();
        }
        return new AxisSize(Formulas.value(Symbol.word("size"), out),
            Explanation.of("upSampling.fixed"), "");
      });
      calc.noParams(Explanation.of("upSampling.params"));
      return;
    }
    resize(calc, axes, "size", (i, letter, in) -> {
      long s = factors.get(i);
      calc.stretch(i, s);
      return new AxisSize(
          Formulas.product(List.of(Symbols.in(letter), Symbols.S), List.of(in, s)),
          Explanation.of("upSampling.output", s), "");
    });
    calc.noParams(Explanation.of("upSampling.params"));
  }

  /**
   * A spatial axis's new size, why, and what to say if nothing is left of it.
   *
   * @param formula the size
   * @param why its explanation
   * @param emptyMessage the start of the problem reported when the size is not positive
   */
  private record AxisSize(Formula formula, Explanation why, String emptyMessage) {}

  /** The new size of spatial axis {@code i}, whose letter and input size are given. */
  private interface AxisRule {
    AxisSize size(int i, String letter, long in);
  }

  /**
   * Layers that change each spatial axis by its own formula and keep the channels: padding,
   * cropping, up-sampling.
   */
  private static void resize(LayerCalc calc, int n, String field, AxisRule rule) {
    calc.requireRank(n + 1);
    Shape in = calc.input();
    List<Long> spatial = calc.layout.spatial(in);
    List<Long> out = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      String letter = Layout.letter(n, i);
      AxisSize size = rule.size(i, letter, spatial.get(i));
      if (size.formula().eval() <= 0) {
        calc.problem(field, size.emptyMessage() + " " + Layout.word(n, i) + " "
            + spatial.get(i));
        continue;
      }
      out.add(calc.derive(Symbols.outputShape(calc.layout.spatialAxis(n + 1, i)),
          Symbols.out(letter), size.formula(), size.why()));
    }
    calc.stopIfFailed();
    calc.output(calc.layout.compose(out, calc.layout.channels(in)));
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
