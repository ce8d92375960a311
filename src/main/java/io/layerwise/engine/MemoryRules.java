package io.layerwise.engine;

import static io.layerwise.engine.Expr.add;
import static io.layerwise.engine.Expr.mul;
import static io.layerwise.engine.Expr.num;
import static io.layerwise.engine.Expr.var;

import io.layerwise.model.Exercise;
import io.layerwise.model.LayerType;
import io.layerwise.model.Shape;
import io.layerwise.model.Training;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Derives the {@link Memory} of an analysed network for its {@code training:} section: per layer
 * and in total, each number a derivation with its explanation. Runs once, after the layers.
 */
final class MemoryRules {

  static final Symbol N = Symbol.of("N");
  static final Symbol B = Symbol.of("b");
  static final Symbol B_MASTER = Symbol.sub("b", "master");
  static final Symbol ACT = Symbol.sub("M", "act");
  static final Symbol PARAM = Symbol.sub("M", "params");
  static final Symbol GRAD = Symbol.sub("M", "grad");
  static final Symbol OPT = Symbol.sub("M", "opt");
  static final Symbol INPUT = Symbol.sub("M", "in");
  static final Symbol TOTAL = Symbol.sub("M", "total");
  static final Symbol STORED = Symbol.sub("A", "stored");
  static final Symbol ALL = Symbol.sub("A", "out");
  static final Symbol VIEWS = Symbol.sub("A", "view");
  static final Symbol WITH_PARAMS = Symbol.sub("A", "param");
  static final Symbol FLOPS = Symbol.word("FLOPs");
  static final Symbol STEP = new Symbol("FLOPs_step", "\\mathrm{FLOPs}_{\\mathrm{step}}");
  static final Symbol TI_INPUT = new Symbol("TI_input", "\\mathrm{TI}_{\\mathrm{input}}");
  static final Symbol TI_PASS = new Symbol("TI_fwd/bwd", "\\mathrm{TI}_{\\mathrm{fwd/bwd}}");
  static final Symbol TI_PARAMS = new Symbol("TI_params", "\\mathrm{TI}_{\\mathrm{params}}");
  static final Symbol TI_TOTAL = new Symbol("TI_total", "\\mathrm{TI}_{\\mathrm{total}}");

  private MemoryRules() {}

  /** Whether a layer's output is a view of its input, sharing its storage. */
  static boolean isView(LayerResult l) {
    LayerType type = l.node().layer().type();
    return type == LayerType.FLATTEN || type == LayerType.RESHAPE;
  }

  /** The memory of one layer for a training step. */
  static LayerMemory layer(Training t, LayerResult l) {
    long b = t.dtype().bytes();
    boolean view = isView(l);
    LayerMemory m = new LayerMemory(l.name(), view, layerActivations(l, view, t.batch(), b),
        bytes(Derived.Memory.PARAM_BYTES, PARAM, Symbols.PARAMS, l.params(), b,
            "memory.params"),
        gradients(t, l.trainable(), b), optimizerState(t, l.trainable()));
    m.total();
    return m;
  }

  static Memory of(Exercise exercise, List<LayerResult> layers, Totals totals) {
    Training t = exercise.training().orElseThrow();
    long n = t.batch();
    long b = t.dtype().bytes();
    List<LayerMemory> perLayer = new ArrayList<>();
    long views = 0;
    long withParams = 0;
    for (LayerResult l : layers) {
      boolean view = isView(l);
      if (view) {
        views = Math.addExact(views, l.activations());
      }
      if (l.params() > 0) {
        withParams = Math.addExact(withParams, l.activations());
      }
      perLayer.add(layer(t, l));
    }
    Derivation stored = views == 0
        ? derivation(Derived.Memory.STORED_ACTIVATIONS, STORED,
            Formulas.value(ALL, totals.activations()), "memory.stored")
        : derivation(Derived.Memory.STORED_ACTIVATIONS, STORED,
            Formulas.minus(Formulas.value(ALL, totals.activations()),
                Formulas.value(VIEWS, views)), "memory.stored.views");
    Derivation input = derivation(Derived.Memory.INPUT_BYTES, INPUT,
        shapeBytes(exercise.network().input(), Layout.of(exercise.framework()), n, b),
        "memory.input");
    Derivation activations = derivation(Derived.Memory.ACTIVATION_BYTES, ACT,
        Formulas.product(List.of(N, STORED, B), List.of(n, stored.result(), b)),
        "memory.activations.total");
    Derivation params = bytes(Derived.Memory.PARAM_BYTES, PARAM, Symbols.PARAMS,
        totals.params(), b, "memory.params.total");
    Derivation gradients = gradients(t, totals.trainable(), b);
    Derivation optimizer = optimizerState(t, totals.trainable());
    List<Symbol> parts = List.of(INPUT, ACT, PARAM, GRAD, OPT);
    Derivation total = derivation(Derived.Memory.TOTAL_BYTES, TOTAL,
        Formulas.sum(parts, List.of(input.result(), activations.result(), params.result(),
            gradients.result(), optimizer.result())), "memory.total");
    Formula flops = new Formula(mul(num(2), var(N), var(Symbols.MACS)),
        Bindings.builder().bind(N, n).bind(Symbols.MACS, totals.macs()).build());
    Derivation forward = derivation(Derived.Memory.FLOPS, FLOPS, flops, "memory.flops");
    Optional<Derivation> step = t.optimizer().trains()
        ? Optional.of(derivation(Derived.Memory.TRAINING_FLOPS, STEP,
            Formulas.times(3, FLOPS, forward.result()), "memory.flops.step"))
        : Optional.empty();
    Optional<TorchinfoEstimate> torchinfo = switch (exercise.framework()) {
      case KERAS -> Optional.empty();
      case PYTORCH -> Optional.of(torchinfo(input, withParams, totals.params(), n, b));
    };
    total.result();
    step.ifPresent(Derivation::result);
    torchinfo.ifPresent(e -> e.total().result());
    return new Memory(t, perLayer, views, stored, input, activations, params, gradients,
        optimizer, total, forward, step, torchinfo);
  }

  private static TorchinfoEstimate torchinfo(Derivation input, long withParams, long params,
      long n, long b) {
    Derivation in = derivation(Derived.Memory.TORCHINFO_INPUT, TI_INPUT,
        Formulas.value(INPUT, input.result()), "memory.torchinfo.input");
    Formula pass = new Formula(mul(num(2), var(N), var(WITH_PARAMS), var(B)),
        Bindings.builder().bind(N, n).bind(WITH_PARAMS, withParams).bind(B, b).build());
    Derivation forwardBackward = derivation(Derived.Memory.TORCHINFO_FORWARD_BACKWARD, TI_PASS,
        pass, "memory.torchinfo.pass");
    Derivation p = bytes(Derived.Memory.TORCHINFO_PARAMS, TI_PARAMS, Symbols.PARAMS, params, b,
        "memory.torchinfo.params");
    Derivation total = derivation(Derived.Memory.TORCHINFO_TOTAL, TI_TOTAL,
        Formulas.sum(List.of(TI_INPUT, TI_PASS, TI_PARAMS),
            List.of(in.result(), forwardBackward.result(), p.result())),
        "memory.torchinfo.total");
    return new TorchinfoEstimate(in, forwardBackward, p, total);
  }

  /** {@code N·H_out·W_out·C_out·b}, or 0 for a view. */
  private static Derivation layerActivations(LayerResult l, boolean view, long n, long b) {
    if (view) {
      return derivation(Derived.Memory.ACTIVATION_BYTES, ACT, Formulas.constant(0),
          "memory.activations.view");
    }
    Derivation values = l.derivationsOf(Derived.Count.ACTIVATIONS).get(0);
    List<Symbol> symbols = new ArrayList<>(List.of(N));
    List<Long> numbers = new ArrayList<>(List.of(n));
    values.bindings().asMap().forEach((s, v) -> {
      symbols.add(s);
      numbers.add(v);
    });
    symbols.add(B);
    numbers.add(b);
    return derivation(Derived.Memory.ACTIVATION_BYTES, ACT, Formulas.product(symbols, numbers),
        "memory.activations");
  }

  private static Formula shapeBytes(Shape s, Layout layout, long n, long b) {
    List<Symbol> symbols = new ArrayList<>(List.of(N));
    List<Long> numbers = new ArrayList<>(List.of(n));
    for (int axis = 0; axis < s.rank(); axis++) {
      symbols.add(Symbols.in(layout.dimLetter(s.rank(), axis)));
      numbers.add(s.dim(axis));
    }
    symbols.add(B);
    numbers.add(b);
    return Formulas.product(symbols, numbers);
  }

  /** {@code count·b}: values of one kind times the bytes of each. */
  private static Derivation bytes(Derived quantity, Symbol lhs, Symbol count, long value, long b,
      String key) {
    return derivation(quantity, lhs, Formulas.product(List.of(count, B), List.of(value, b)), key);
  }

  private static Derivation gradients(Training t, long trainable, long b) {
    if (!t.optimizer().trains()) {
      return derivation(Derived.Memory.GRADIENT_BYTES, GRAD, Formulas.constant(0),
          "memory.gradients.inference");
    }
    return bytes(Derived.Memory.GRADIENT_BYTES, GRAD, Symbols.TRAINABLE, trainable, b,
        "memory.gradients");
  }

  /**
   * {@code s·trainable·b} for s states per parameter; under mixed precision {@code (s +
   * 1)·trainable·b_master}, the 1 for the float32 master copy.
   */
  private static Derivation optimizerState(Training t, long trainable) {
    int s = t.optimizer().states();
    String key = "memory.optimizer." + t.optimizer().id();
    if (!t.optimizer().trains() || (s == 0 && !t.mixedPrecision())) {
      return derivation(Derived.Memory.OPTIMIZER_STATE_BYTES, OPT, Formulas.constant(0), key);
    }
    if (t.mixedPrecision()) {
      Formula f = new Formula(mul(add(num(s), num(1)), var(Symbols.TRAINABLE), var(B_MASTER)),
          Bindings.builder().bind(Symbols.TRAINABLE, trainable)
              .bind(B_MASTER, Training.MASTER.bytes()).build());
      return derivation(Derived.Memory.OPTIMIZER_STATE_BYTES, OPT, f, key + ".mixed");
    }
    Formula f = new Formula(s == 1 ? mul(var(Symbols.TRAINABLE), var(B))
        : mul(num(s), var(Symbols.TRAINABLE), var(B)),
        Bindings.builder().bind(Symbols.TRAINABLE, trainable).bind(B, t.dtype().bytes())
            .build());
    return derivation(Derived.Memory.OPTIMIZER_STATE_BYTES, OPT, f, key);
  }

  private static Derivation derivation(Derived quantity, Symbol lhs, Formula f, String key) {
    return new Derivation(quantity, lhs, f.expr(), f.bindings(), Explanation.of(key));
  }
}
