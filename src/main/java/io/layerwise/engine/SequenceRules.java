package io.layerwise.engine;

import static io.layerwise.engine.Expr.add;
import static io.layerwise.engine.Expr.mul;
import static io.layerwise.engine.Expr.num;
import static io.layerwise.engine.Expr.sub;
import static io.layerwise.engine.Expr.var;

import io.layerwise.model.Bidirectional;
import io.layerwise.model.Embedding;
import io.layerwise.model.Recurrent;
import io.layerwise.model.RecurrentCell;
import io.layerwise.model.RecurrentStack;
import io.layerwise.model.Shape;
import java.util.ArrayList;
import java.util.List;

/**
 * Sequence layers: {@code Embedding} and the recurrent cells, whose gate count is the classic
 * mistake ("forgot the gates"), and where Keras and PyTorch count biases differently.
 */
final class SequenceRules {

  private static final Symbol V = Symbol.of("V");
  private static final Symbol E = Symbol.of("E");
  private static final Symbol T = Symbol.of("T");
  private static final Symbol N_IN = Symbol.sub("N", "in");

  private SequenceRules() {}

  static void embedding(LayerCalc calc, Embedding layer) {
    Shape in = calc.input();
    List<Long> dims = new ArrayList<>(in.dims());
    long e = layer.outputDim();
    dims.add(e);
    calc.derive(Symbols.outputShape(dims.size() - 1), Symbol.sub("E", "out"),
        Formulas.value(E, e), Explanation.of("embedding.output"));
    calc.output(new Shape(dims));
    calc.dropGeometry();
    Formula weights = Formulas.product(List.of(V, E), List.of(layer.inputDim(), e));
    calc.weights(weights, Explanation.of("embedding.weights", layer.inputDim(), e));
    calc.biasesAndParams(weights, false, Formulas.constant(0), Explanation.of("biases.none"));
  }

  static void recurrent(LayerCalc calc, Recurrent layer) {
    recurrent(calc, layer, false, false);
  }

  static void bidirectional(LayerCalc calc, Bidirectional layer) {
    recurrent(calc, layer.layer(), true, layer.mergeMode().doubles());
  }

  /**
   * A recurrent layer, or both directions of one: then every count is doubled (each direction
   * has its own weights), and a concatenated output has twice the units.
   */
  private static void recurrent(LayerCalc calc, Recurrent layer, boolean both, boolean concat) {
    requireSequence(calc);
    Shape in = calc.input();
    long steps = in.dim(0);
    long features = in.dim(1);
    long u = layer.units();
    int gates = layer.cell().gates();
    Explanation slipped = null;
    if (gates > 1 && calc.slip(Mistake.FORGOT_GATES)) {
      gates = 1;
      slipped = LayerCalc.slipWhy(Mistake.FORGOT_GATES, layer.cell().gates());
    }
    calc.dropGeometry();
    boolean sequences = layer.returnSequences();
    Explanation outWhy = Explanation.of(concat ? "rnn.output.concat" : sequences
        ? "rnn.output.sequences" : "rnn.output.last");
    if (calc.slip(Mistake.RETURN_SEQUENCES)) {
      sequences = !sequences;
      outWhy = LayerCalc.slipWhy(Mistake.RETURN_SEQUENCES);
    }
    long out = calc.derive(Symbols.outputShape(sequences ? 1 : 0),
        Symbol.sub("U", "out"),
        concat ? Formulas.times(2, Symbols.U, u) : Formulas.value(Symbols.U, u), outWhy);
    calc.output(sequences ? Shape.of(steps, out) : Shape.of(out));

    Bindings b = Bindings.builder().bind(N_IN, features).bind(Symbols.U, u).build();
    Expr perGate = add(mul(var(N_IN), var(Symbols.U)), mul(var(Symbols.U), var(Symbols.U)));
    if (calc.slip(Mistake.FORGOT_RECURRENT_WEIGHTS)) {
      perGate = mul(var(N_IN), var(Symbols.U));
      slipped = LayerCalc.slipWhy(Mistake.FORGOT_RECURRENT_WEIGHTS);
    }
    Formula weights = new Formula(twice(both, gates == 1 ? perGate : mul(num(gates), perGate)),
        b);
    String cell = layer.type().className();
    calc.weights(weights, slipped != null ? slipped : Explanation.of(both
        ? "rnn.weights.bidirectional" : gates == 1 ? "rnn.weights" : "rnn.weights.gates", cell,
        gates));

    int biasVectors = biasVectors(calc, layer);
    boolean keras = !calc.pytorch();
    if (keras && layer.cell() == RecurrentCell.GRU
        && calc.slip(Mistake.GRU_RESET_AFTER)) {
      biasVectors = 3 - biasVectors;
      slipped = LayerCalc.slipWhy(Mistake.GRU_RESET_AFTER, biasVectors);
    } else if (biasVectors != (keras ? 2 : 1) && calc.slip(Mistake.RNN_BIAS_CONVENTION)) {
      biasVectors = keras ? 2 : 1;
      slipped = LayerCalc.slipWhy(Mistake.RNN_BIAS_CONVENTION, biasVectors);
    }
    boolean useBias = layer.useBias();
    if (useBias && calc.slip(Mistake.FORGOT_BIAS)) {
      useBias = false;
      slipped = LayerCalc.slipWhy(Mistake.FORGOT_BIAS);
    }
    Expr biasExpr = biasVectors == 1 ? var(Symbols.U) : mul(num(biasVectors), var(Symbols.U));
    Formula biases = new Formula(twice(both, gates == 1 ? biasExpr : mul(num(gates), biasExpr)),
        Bindings.builder().bind(Symbols.U, u).build());
    Formula params = new Formula(twice(both, gates == 1 ? add(perGate, biasExpr)
        : mul(num(gates), add(perGate, biasExpr))), b);
    if (useBias) {
      calc.biases(biases, slipped != null ? slipped : Explanation.of(biasKey(calc, layer), cell,
          gates, Math.multiplyExact(gates, u)));
      calc.params(params, slipped != null ? slipped
          : Explanation.of(gates == 1 ? "rnn.params" : "rnn.params.gates", gates));
    } else if (layer.useBias()) {
      calc.biases(Formulas.constant(0), slipped);
      calc.params(weights, slipped);
    } else {
      calc.biasesAndParams(weights, false, Formulas.constant(0), Explanation.of("biases.none"));
    }
    Bindings mb = Bindings.builder().bind(T, steps).bind(N_IN, features).bind(Symbols.U, u)
        .build();
    Expr macs = twice(both,
        gates == 1 ? mul(var(T), perGate) : mul(var(T), num(gates), perGate));
    calc.macs(new Formula(macs, mb), Explanation.of("rnn.macs"));
    int own = biasVectors(calc, layer);
    int other = keras ? 2 : layer.cell() == RecurrentCell.GRU && layer.resetAfter() ? 2 : 1;
    if (layer.useBias() && own != other && !calc.slipped()) {
      int g = layer.cell().gates();
      Formula vector = new Formula(twice(both, mul(num(g), var(Symbols.U))),
          Bindings.builder().bind(Symbols.U, u).build());
      calc.otherFramework(other > own, vector,
          Explanation.of(keras ? "rnn.other.pytorch" : "rnn.other.keras", g));
    }
  }

  private static final Symbol H_IN = Symbol.sub("H", "in");
  private static final Symbol H_OUT = Symbol.sub("H", "out");
  private static final Symbol LAYERS = Symbol.word("num_layers");

  /**
   * PyTorch's {@code RNN}, {@code LSTM} and {@code GRU} modules: {@code num_layers} layers, each
   * with D directions of G transforms; the first reads the input's H_in features, every further
   * layer the D·H_out outputs of the one below. Two bias vectors per transform ({@code b_ih},
   * {@code b_hh}); every time step's state is returned.
   */
  static void stack(LayerCalc calc, RecurrentStack layer) {
    requireSequence(calc);
    Shape in = calc.input();
    long steps = in.dim(0);
    long features = in.dim(1);
    long h = layer.hiddenSize();
    long layers = layer.numLayers();
    boolean both = layer.bidirectional();
    int gates = layer.cell().gates();
    calc.dropGeometry();
    Formula width = both ? Formulas.times(2, H_OUT, h) : Formulas.value(H_OUT, h);
    long out = calc.derive(Symbols.outputShape(1), Symbol.sub("N", "out"), width,
        Explanation.of(both ? "stack.output.bidirectional" : "stack.output"));
    calc.output(Shape.of(steps, out));

    Bindings b = Bindings.builder().bind(H_IN, features).bind(H_OUT, h).bind(LAYERS, layers)
        .build();
    Expr square = mul(var(H_OUT), var(H_OUT));
    Expr first = twice(both, gatesTimes(gates, add(mul(var(H_IN), var(H_OUT)), square)));
    Expr upper = add(both ? mul(num(2), var(H_OUT), var(H_OUT)) : square, square);
    Expr weightsExpr = layers == 1 ? first
        : add(first, mul(sub(var(LAYERS), num(1)), twice(both, gatesTimes(gates, upper))));
    Formula weights = new Formula(weightsExpr, b);
    String cell = layer.cell() == RecurrentCell.SIMPLE ? "RNN" : layer.type().className();
    calc.weights(weights, Explanation.of(layers == 1 ? "stack.weights" : "stack.weights.layers",
        cell, gates));
    List<Expr> biasFactors = new ArrayList<>();
    if (layers > 1) {
      biasFactors.add(var(LAYERS));
    }
    if (both) {
      biasFactors.add(num(2));
    }
    if (gates > 1) {
      biasFactors.add(num(gates));
    }
    biasFactors.add(add(var(H_OUT), var(H_OUT)));
    Formula biases = new Formula(biasFactors.size() == 1 ? biasFactors.get(0)
        : mul(biasFactors), b);
    calc.biasesAndParams(weights, layer.useBias(), biases,
        Explanation.of("stack.biases", cell, gates));
    Bindings mb = Bindings.builder().bind(T, steps).bind(H_IN, features).bind(H_OUT, h)
        .bind(LAYERS, layers).build();
    calc.macs(new Formula(mul(var(T), weightsExpr), mb), Explanation.of("stack.macs"));
    if (layer.useBias() && !(layer.cell() == RecurrentCell.GRU) && !calc.slipped()) {
      Expr vector = twice(both, gatesTimes(gates, var(H_OUT)));
      calc.otherFramework(false, new Formula(layers == 1 ? vector : mul(var(LAYERS), vector), b),
          Explanation.of("stack.other.keras", gates));
    }
  }

  /** A recurrent layer reads a sequence: (timesteps, features), whatever the framework. */
  private static void requireSequence(LayerCalc calc) {
    if (calc.input().rank() != 2) {
      throw calc.fail("inputs", calc.typeName() + " needs a 2-D input (timesteps, features), but '"
          + calc.inputName() + "' gives " + calc.input());
    }
  }

  /** {@code G·e} as a product, or e itself for a single transform. */
  private static Expr gatesTimes(int gates, Expr e) {
    return gates == 1 ? e : mul(num(gates), e);
  }

  private static Expr twice(boolean both, Expr e) {
    return both ? mul(num(2), e) : e;
  }

  /**
   * How many bias vectors each gate has: PyTorch always two ({@code b_ih}, {@code b_hh}); Keras
   * one, except a GRU with {@code reset_after}, which keeps one for the input and one for the
   * recurrent transform.
   */
  private static int biasVectors(LayerCalc calc, Recurrent layer) {
    return switch (calc.framework) {
      case PYTORCH -> 2;
      case KERAS -> switch (layer.cell()) {
        case GRU -> layer.resetAfter() ? 2 : 1;
        case SIMPLE, LSTM -> 1;
      };
    };
  }

  private static String biasKey(LayerCalc calc, Recurrent layer) {
    return switch (calc.framework) {
      case PYTORCH -> switch (layer.cell()) {
        case GRU -> "rnn.biases.pytorch.gru";
        case SIMPLE, LSTM -> "rnn.biases.pytorch";
      };
      case KERAS -> switch (layer.cell()) {
        case GRU -> layer.resetAfter() ? "rnn.biases.resetAfter" : "rnn.biases.keras";
        case SIMPLE, LSTM -> "rnn.biases.keras";
      };
    };
  }
}
