package io.layerwise.diagnosis;

import io.layerwise.engine.Derivation;
import io.layerwise.engine.Expr;
import io.layerwise.engine.LayerResult;
import io.layerwise.engine.Mistake;
import io.layerwise.engine.Slip;
import io.layerwise.engine.Symbol;
import io.layerwise.model.Framework;
import io.layerwise.model.Quantity;
import io.layerwise.model.Shape;
import io.layerwise.model.Value;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Turns a layer's derivations into {@link Recipe}s: each symbol bound to an input's axis (by its
 * name, {@code H_in}, {@code C_2}, BatchNormalization's {@code C}) becomes that axis, an earlier result of the same layer its
 * derivation, anything else a constant; an output axis the rules did not derive either passes an
 * input's axis through or is constant. Each recipe is then checked against the engine on inputs
 * of other sizes; one that disagrees holds for the right inputs only.
 */
final class Recipes {

  /** The counts a recipe gives besides the output shape. */
  static final List<Quantity> COUNTS = List.of(Quantity.ACTIVATIONS, Quantity.WEIGHTS,
      Quantity.BIASES, Quantity.PARAMS, Quantity.TRAINABLE_PARAMS,
      Quantity.NON_TRAINABLE_PARAMS, Quantity.MACS);

  private final Diagnosis diagnosis;
  private final Framework framework;

  Recipes(Diagnosis diagnosis) {
    this.diagnosis = diagnosis;
    this.framework = diagnosis.analysis().exercise().framework();
  }

  /** The right recipe of a layer. */
  Recipe right(LayerDiagnosis layer) {
    return recipe(layer.result(), layer.result(), Optional.empty(), 0);
  }

  /** The recipe of one of its slips. */
  Recipe slip(LayerDiagnosis layer, Slip slip) {
    return recipe(layer.result(), slip.wrong(), Optional.of(slip.mistake()), slip.variant());
  }

  /**
   * The recipe by the symbols' names; where that does not hold on other inputs, once more with
   * every symbol whose value is an input's size taken as that size (an LSTM's time steps T).
   */
  private Recipe recipe(LayerResult right, LayerResult r, Optional<Mistake> mistake,
      int variant) {
    Recipe named = recipe(right, r, mistake, variant, false);
    if (named.carries()) {
      return named;
    }
    Recipe byValue = recipe(right, r, mistake, variant, true);
    return byValue.carries() ? byValue : named;
  }

  private Recipe recipe(LayerResult right, LayerResult r, Optional<Mistake> mistake,
      int variant, boolean byValue) {
    List<Shape> ins = right.inputShapes();
    int rank = ins.stream().mapToInt(Shape::rank).max().orElse(0);
    List<Integer> fixed = new ArrayList<>();
    for (int a = 0; a < rank; a++) {
      Set<Integer> one = new TreeSet<>();
      for (int b = 0; b < rank; b++) {
        if (b != a) {
          one.add(b);
        }
      }
      if (diagnosis.compute(right, probe(ins, 0, one), mistake, variant).isEmpty()) {
        fixed.add(a);
      }
    }
    Set<Integer> keep = new TreeSet<>(fixed);
    List<List<Shape>> probeInputs = new ArrayList<>();
    List<Optional<LayerResult>> probes = new ArrayList<>();
    for (int k = 0; k < 2; k++) {
      probeInputs.add(probe(ins, k, keep));
      probes.add(keep.size() == rank ? Optional.empty()
          : diagnosis.compute(right, probeInputs.get(k), mistake, variant));
    }
    List<Term> output = new ArrayList<>();
    for (int a = 0; a < r.output().rank(); a++) {
      Optional<Derivation> d = Quantities.axis(r.derivations(), a);
      output.add(d.isPresent() ? term(r, d.get(), byValue)
          : passOrConst(r, a, probes, probeInputs));
    }
    Map<Quantity, Term> counts = new EnumMap<>(Quantity.class);
    counts.put(Quantity.ACTIVATIONS, output.size() == 1 ? output.get(0)
        : new Term.Apply(Term.Op.MUL, output));
    for (Quantity q : List.of(Quantity.WEIGHTS, Quantity.BIASES, Quantity.PARAMS,
        Quantity.MACS)) {
      counts.put(q, count(r, q, byValue).orElse(new Term.Const(number(r, q))));
    }
    counts.put(Quantity.TRAINABLE_PARAMS, count(r, Quantity.TRAINABLE_PARAMS, byValue).orElse(
        r.trainable() == r.params() ? counts.get(Quantity.PARAMS)
            : new Term.Const(r.trainable())));
    counts.put(Quantity.NON_TRAINABLE_PARAMS, count(r, Quantity.NON_TRAINABLE_PARAMS, byValue)
        .orElse(new Term.Const(r.nonTrainable())));
    boolean carries = probes.stream().anyMatch(Optional::isPresent);
    for (int k = 0; k < probes.size() && carries; k++) {
      if (probes.get(k).isPresent()) {
        carries = agrees(output, counts, probes.get(k).get(), dims(probeInputs.get(k)));
      }
    }
    return new Recipe(mistake, variant, output, counts, fixed, carries);
  }

  /**
   * Inputs of other sizes, the same for equal axes so that merges still fit; the axes in {@code
   * keep} keep their size.
   */
  private static List<Shape> probe(List<Shape> ins, int k, Set<Integer> keep) {
    List<Shape> out = new ArrayList<>();
    for (Shape s : ins) {
      List<Long> dims = new ArrayList<>();
      for (int a = 0; a < s.rank(); a++) {
        long d = s.dim(a);
        dims.add(keep.contains(a) ? d : k == 0 ? 2 * d + 1 : d + a + 3);
      }
      out.add(new Shape(dims));
    }
    return out;
  }

  private static List<List<Long>> dims(List<Shape> shapes) {
    return shapes.stream().map(Shape::dims).toList();
  }

  private static boolean agrees(List<Term> output, Map<Quantity, Term> counts, LayerResult r,
      List<List<Long>> inputs) {
    try {
      if (output.size() != r.output().rank()) {
        return false;
      }
      for (int a = 0; a < output.size(); a++) {
        if (output.get(a).eval(inputs) != r.output().dim(a)) {
          return false;
        }
      }
      for (Quantity q : COUNTS) {
        if (counts.get(q).eval(inputs) != number(r, q)) {
          return false;
        }
      }
      return true;
    } catch (ArithmeticException e) {
      return false;
    }
  }

  private static long number(LayerResult r, Quantity q) {
    return ((Value.Count) r.value(q).orElseThrow()).value();
  }

  /** An output axis without a derivation: the input's own, when the probes say it follows it. */
  private static Term passOrConst(LayerResult r, int axis, List<Optional<LayerResult>> probes,
      List<List<Shape>> probeInputs) {
    Shape in = r.inputShapes().isEmpty() ? null : r.inputShapes().get(0);
    boolean same = in != null && axis < in.rank() && in.dim(axis) == r.output().dim(axis);
    for (int k = 0; k < probes.size(); k++) {
      if (probes.get(k).isPresent() && in != null && same) {
        Shape p = probeInputs.get(k).get(0);
        same = probes.get(k).get().output().dim(axis) == p.dim(axis);
      }
    }
    return same ? new Term.Input(0, axis) : new Term.Const(r.output().dim(axis));
  }

  private Optional<Term> count(LayerResult r, Quantity q, boolean byValue) {
    return Quantities.count(r.derivations(), q).map(d -> term(r, d, byValue));
  }

  /**
   * A derivation as a term of the layer's inputs.
   *
   * @param byValue whether any plain symbol whose value is an input's size is that size
   */
  private Term term(LayerResult r, Derivation d, boolean byValue) {
    int at = r.derivations().indexOf(d);
    List<Derivation> before = r.derivations().subList(0, Math.max(at, 0));
    return d.formula().accept(new Expr.Visitor<Term>() {
      @Override
      public Term num(Expr.Num e) {
        return new Term.Const(e.value());
      }

      @Override
      public Term var(Expr.Var e) {
        return symbol(r, before, e.symbol(), d.bindings().value(e.symbol()), byValue);
      }

      @Override
      public Term add(Expr.Add e) {
        return apply(Term.Op.ADD, e.left().accept(this), e.right().accept(this));
      }

      @Override
      public Term sub(Expr.Sub e) {
        return apply(Term.Op.SUB, e.left().accept(this), e.right().accept(this));
      }

      @Override
      public Term mul(Expr.Mul e) {
        List<Term> args = new ArrayList<>();
        e.factors().forEach(f -> args.add(f.accept(this)));
        return args.size() == 1 ? args.get(0) : new Term.Apply(Term.Op.MUL, args);
      }

      @Override
      public Term div(Expr.Div e) {
        Term.Op op = switch (e.rounding()) {
          case FLOOR -> Term.Op.FLOOR_DIV;
          case CEIL -> Term.Op.CEIL_DIV;
          case EXACT -> Term.Op.EXACT_DIV;
        };
        return apply(op, e.numerator().accept(this), e.denominator().accept(this));
      }

      @Override
      public Term max(Expr.Max e) {
        return apply(Term.Op.MAX, e.left().accept(this), e.right().accept(this));
      }

      @Override
      public Term min(Expr.Min e) {
        return apply(Term.Op.MIN, e.left().accept(this), e.right().accept(this));
      }
    });
  }

  private static Term apply(Term.Op op, Term a, Term b) {
    return new Term.Apply(op, List.of(a, b));
  }

  /** Where a symbol's value comes from: an earlier result, an input's axis, or nowhere. */
  private Term symbol(LayerResult r, List<Derivation> before, Symbol s, long value,
      boolean byValue) {
    for (int i = before.size() - 1; i >= 0; i--) {
      Derivation e = before.get(i);
      if (e.lhs().equals(s) && e.result() == value) {
        return term(r, e, byValue);
      }
    }
    String text = s.text();
    if ((byValue || text.matches("[CNLDHW]")) && !r.inputShapes().isEmpty()
        && !text.contains("_")) {
      return axisOf(r.inputShapes().get(0), 0, text, value).orElse(new Term.Const(value));
    }
    int underscore = text.lastIndexOf('_');
    if (underscore > 0) {
      String letter = text.substring(0, underscore);
      String sub = text.substring(underscore + 1);
      if (sub.equals("in") && !r.inputShapes().isEmpty()) {
        return axisOf(r.inputShapes().get(0), 0, letter, value)
            .orElse(new Term.Const(value));
      }
      if (sub.matches("[1-9][0-9]?")) {
        int input = Integer.parseInt(sub) - 1;
        if (input < r.inputShapes().size()) {
          return axisOf(r.inputShapes().get(input), input, letter, value)
              .orElse(new Term.Const(value));
        }
      }
    }
    return new Term.Const(value);
  }

  /** The axis of an input with this letter and value; else the last axis with the value. */
  private Optional<Term> axisOf(Shape in, int input, String letter, long value) {
    int fallback = -1;
    for (int a = 0; a < in.rank(); a++) {
      if (in.dim(a) == value) {
        if (letter(in.rank(), a).equals(letter)) {
          return Optional.of(new Term.Input(input, a));
        }
        fallback = a;
      }
    }
    return fallback < 0 ? Optional.empty() : Optional.of(new Term.Input(input, fallback));
  }

  /** The letter of an axis as the engine's formulas name it: C, N, L, H, W, D. */
  private String letter(int rank, int axis) {
    if (rank == 1) {
      return "N";
    }
    boolean first = switch (framework) {
      case KERAS -> false;
      case PYTORCH -> true;
    };
    int channel = first ? 0 : rank - 1;
    if (axis == channel) {
      return "C";
    }
    int spatial = rank - 1;
    int i = first ? axis - 1 : axis;
    List<List<String>> letters = List.of(List.of("L"), List.of("H", "W"),
        List.of("D", "H", "W"));
    return spatial <= 3 ? letters.get(spatial - 1).get(i) : "X" + (i + 1);
  }
}
