package io.layerwise.engine;

import io.layerwise.model.Framework;
import io.layerwise.model.LayerNode;
import io.layerwise.model.Shape;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The working state of one layer while its rules run: inputs in, derivations and counts out.
 * Every number recorded here is the result of a derivation recorded with it. Lives for one layer.
 */
final class LayerCalc {

  /** Aborts the current layer; its problems are already recorded. */
  static final class Abort extends RuntimeException {
    private static final long serialVersionUID = 1L;

    Abort() {
      super(null, null, false, false);
    }
  }

  final int index;
  final LayerNode node;
  final Framework framework;
  final Layout layout;
  final List<Shape> inputs;
  private final List<Problem> problems;
  private final List<Derivation> derivations = new ArrayList<>();
  private final List<Derivation> geometryDerivations = new ArrayList<>();
  private boolean failed;
  private final Optional<Mistake> mistake;
  private final int variant;
  private boolean slipped;
  private long networkChannels;

  private Shape output;
  private List<Fraction> receptiveField;
  private List<Fraction> jump;
  long weights;
  long biases;
  long statistics;
  long macs;
  /** Whether a window count was rounded up where rounding down gives another size. */
  boolean roundsUp;

  LayerCalc(
      int index,
      LayerNode node,
      Framework framework,
      List<Shape> inputs,
      Optional<Geometry> geometry,
      List<Problem> problems) {
    this(index, node, framework, inputs, geometry, problems, Optional.empty(), 0);
  }

  /** A calculation that makes the given mistake (in the given variant) wherever it can. */
  LayerCalc(
      int index,
      LayerNode node,
      Framework framework,
      List<Shape> inputs,
      Optional<Geometry> geometry,
      List<Problem> problems,
      Optional<Mistake> mistake,
      int variant) {
    this.mistake = mistake;
    this.variant = variant;
    this.index = index;
    this.node = node;
    this.framework = framework;
    this.layout = Layout.of(framework);
    this.inputs = inputs;
    this.problems = problems;
    geometry.ifPresent(
        g -> {
          receptiveField = new ArrayList<>(g.receptiveField());
          jump = new ArrayList<>(g.stride());
        });
  }

  Shape input() {
    return inputs.get(0);
  }

  String inputName() {
    return node.inputs().get(0);
  }

  /** The layer's class name in the exercise's framework: {@code Conv2D}, or {@code Conv2d}. */
  String typeName() {
    int rank = inputs.isEmpty() ? 1 : input().rank();
    for (io.layerwise.model.InputCheck c : node.checks()) {
      if (c.axes() == io.layerwise.model.InputCheck.Axes.RANK
          && !c.expected().contains((long) rank)) {
        rank = c.expected().get(c.expected().size() - 1).intValue();
      }
    }
    return node.layer().className(framework, rank);
  }

  boolean pytorch() {
    return switch (framework) {
      case KERAS -> false;
      case PYTORCH -> true;
    };
  }

  /** The symbol of a convolution's output channels: Keras' filters F, PyTorch's C_out. */
  Symbol filters() {
    return pytorch() ? Symbols.C_OUT : Symbols.F;
  }

  /**
   * Records how the other framework would count this layer, where the two differ: {@code
   * params_Keras = params + 2·C} for a PyTorch BatchNorm2d ({@code more}), {@code params − …}
   * where the other counts fewer. Shown in the answer sheet's comparison,
   * not among the layer's own steps.
   */
  void otherFramework(boolean more, Formula amount, Explanation why) {
    Formula params = Formulas.value(Symbols.PARAMS, derivation(Derived.Count.PARAMS).orElseThrow().result());
    Formula f = more ? Formulas.plus(params, amount) : Formulas.minus(params, amount);
    derive(Symbols.otherParams(framework), Symbols.otherParamsSymbol(framework), f, why);
  }

  // ---- mistakes

  /**
   * Whether the rules should take the wrong branch of {@code m} here; a rule that gets
   * {@code true} must then compute the mistaken way, and the result counts as a slip.
   */
  boolean slip(Mistake m) {
    if (mistake.isPresent() && mistake.get() == m) {
      slipped = true;
      return true;
    }
    return false;
  }

  /**
   * A calculation for a wrapped layer on part of this layer's input (one time step of {@code
   * TimeDistributed}), making the same mistake and reporting to the same problem list.
   */
  LayerCalc inner(io.layerwise.model.Layer layer, Shape input) {
    LayerNode wrapped = new LayerNode(node.name(), node.inputs(), node.trainable(), layer);
    return new LayerCalc(index, wrapped, framework, List.of(input), Optional.empty(), problems,
        mistake, variant);
  }

  /** Takes over what a wrapped layer's calculation found: its slip and its failure. */
  void absorb(LayerCalc inner) {
    slipped |= inner.slipped;
    roundsUp |= inner.roundsUp;
    if (inner.failed) {
      failed = true;
      throw new Abort();
    }
  }

  /**
   * The channels of the network's input, for {@link Mistake#CHANNELS_OF_NETWORK_INPUT}; 0 when
   * not known.
   */
  long networkChannels() {
    return networkChannels;
  }

  void networkChannels(long channels) {
    networkChannels = channels;
  }

  /** Which of the mistake's variants to make, from 0. */
  int variant() {
    return variant;
  }

  /** The mistake this calculation makes (call only after {@link #slip} returned true). */
  Mistake slippedInto() {
    return mistake.orElseThrow();
  }

  /** Whether a rule made the requested mistake. */
  boolean slipped() {
    return slipped;
  }

  /** The explanation of a mistaken derivation: {@code slip.forgot-bias}. */
  static Explanation slipWhy(Mistake m, Object... args) {
    return Explanation.of("slip." + m.id(), args);
  }

  // ---- problems

  /** Records a problem with this layer; the layer goes on so that more can be found. */
  void problem(String field, String message) {
    failed = true;
    problems.add(
        new Problem(index, field, message + " in layer '" + node.name() + "' (" + typeName() + ")"));
  }

  /** Records a problem and returns the exception that abandons the layer. */
  Abort fail(String field, String message) {
    problem(field, message);
    return new Abort();
  }

  /** Abandons the layer if any problem was recorded. */
  void stopIfFailed() {
    if (failed) {
      throw new Abort();
    }
  }

  /**
   * Requires an input of the given rank, saying which axes it should have: {@code Conv2D needs a
   * 3-D input (height, width, channels)}.
   */
  void requireRank(int rank) {
    if (input().rank() != rank) {
      throw fail(
          "inputs",
          typeName() + " needs a " + rank + "-D input " + layout.describe(rank) + ", but '"
              + inputName() + "' gives " + input());
    }
  }

  // ---- derivations

  long derive(Derived quantity, Symbol lhs, Formula f, Explanation why) {
    Derivation d = new Derivation(quantity, lhs, f.expr(), f.bindings(), why);
    derivations.add(d);
    return d.result();
  }

  void output(Shape shape) {
    this.output = shape;
  }

  Optional<Shape> outputShape() {
    return Optional.ofNullable(output);
  }

  void weights(Formula f, Explanation why) {
    weights = derive(Derived.Count.WEIGHTS, Symbols.WEIGHTS, f, why);
  }

  void biases(Formula f, Explanation why) {
    biases = derive(Derived.Count.BIASES, Symbols.BIASES, f, why);
  }

  void params(Formula f, Explanation why) {
    derive(Derived.Count.PARAMS, Symbols.PARAMS, f, why);
  }

  /**
   * The biases (when the layer has them) and the parameters as weights plus biases, written out
   * in full: {@code params = K_h·K_w·C_in·F + F}.
   */
  void biasesAndParams(Formula weights, boolean useBias, Formula biases, Explanation why) {
    if (useBias && biases.eval() > 0 && slip(Mistake.FORGOT_BIAS)) {
      biases(Formulas.constant(0), slipWhy(Mistake.FORGOT_BIAS));
      params(weights, slipWhy(Mistake.FORGOT_BIAS));
    } else if (useBias && biases.eval() > 1 && slip(Mistake.ONE_BIAS_PER_LAYER)) {
      Formula one = Formulas.constant(1);
      biases(one, slipWhy(Mistake.ONE_BIAS_PER_LAYER));
      params(Formulas.plus(weights, one), slipWhy(Mistake.ONE_BIAS_PER_LAYER));
    } else if (useBias) {
      biases(biases, why);
      params(Formulas.plus(weights, biases), Explanation.of("params.sum"));
    } else if (biases.eval() > 0 && slip(Mistake.BIAS_DESPITE_NO_BIAS)) {
      biases(biases, slipWhy(Mistake.BIAS_DESPITE_NO_BIAS));
      params(Formulas.plus(weights, biases), slipWhy(Mistake.BIAS_DESPITE_NO_BIAS));
    } else {
      biases(Formulas.constant(0), Explanation.of("biases.none"));
      params(weights, Explanation.of("params.weightsOnly"));
    }
  }

  /** A layer without parameters, and why it has none. */
  void noParams(Explanation why) {
    derive(Derived.Count.PARAMS, Symbols.PARAMS, Formulas.constant(0), why);
  }

  void macs(Formula f, Explanation why) {
    if (f.eval() > 0 && slip(Mistake.FLOPS_INSTEAD_OF_MACS)) {
      f = new Formula(Expr.mul(Expr.num(2), f.expr()), f.bindings());
      why = slipWhy(Mistake.FLOPS_INSTEAD_OF_MACS);
    }
    macs = derive(Derived.Count.MACS, Symbols.MACS, f, why);
  }

  /** The counts' derivations first, then the receptive field's. */
  List<Derivation> derivations() {
    List<Derivation> all = new ArrayList<>(derivations);
    all.addAll(geometryDerivations);
    return all;
  }

  Optional<Derivation> derivation(Derived quantity) {
    return derivations.stream().filter(d -> d.quantity().equals(quantity)).findFirst();
  }

  // ---- geometry

  /** A window of size k, stride s and dilation d along spatial axis i. */
  void slide(int axis, long k, long s, long d) {
    if (jump == null || axis >= jump.size()) {
      return;
    }
    Fraction r = receptiveField.get(axis);
    Fraction j = jump.get(axis);
    String word = Layout.word(jump.size(), axis);
    if (r.isInteger() && j.isInteger()) {
      Formula rf = Formulas.receptiveField(r.numerator(), k, d, j.numerator());
      geometryDerivations.add(new Derivation(new Derived.ReceptiveField(axis), Symbols.R_OUT,
          rf.expr(), rf.bindings(), Explanation.of("geometry.receptive_field", word)));
      Formula jump = Formulas.jump(j.numerator(), s);
      geometryDerivations.add(new Derivation(new Derived.EffectiveStride(axis), Symbols.J_OUT,
          jump.expr(), jump.bindings(), Explanation.of("geometry.jump", word)));
    }
    receptiveField.set(axis, r.plus(j.times(Math.multiplyExact(d, k - 1))));
    jump.set(axis, j.times(s));
  }

  /** An output that repeats each input position s times along spatial axis i. */
  void stretch(int axis, long s) {
    if (jump != null && axis < jump.size()) {
      jump.set(axis, jump.get(axis).dividedBy(s));
    }
  }

  /** A transposed window: the jump shrinks by s, then the kernel widens the field. */
  void slideTransposed(int axis, long k, long s, long d) {
    if (jump != null && axis < jump.size()) {
      Fraction j = jump.get(axis).dividedBy(s);
      jump.set(axis, j);
      receptiveField.set(axis, receptiveField.get(axis).plus(j.times(Math.multiplyExact(d, k - 1))));
    }
  }

  /** The output has no spatial axes any more (flattened, pooled away, reshaped). */
  void dropGeometry() {
    receptiveField = null;
    jump = null;
  }

  Optional<Geometry> geometry() {
    return jump == null ? Optional.empty() : Optional.of(new Geometry(receptiveField, jump));
  }
}
