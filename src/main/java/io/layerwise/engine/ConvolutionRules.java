package io.layerwise.engine;

import static io.layerwise.engine.Expr.add;
import static io.layerwise.engine.Expr.div;
import static io.layerwise.engine.Expr.mul;
import static io.layerwise.engine.Expr.var;

import io.layerwise.model.ConnectionTable;
import io.layerwise.model.Conv;
import io.layerwise.model.ConvTranspose;
import io.layerwise.model.DepthwiseConv;
import io.layerwise.model.Pad;
import io.layerwise.model.PaddingMode;
import io.layerwise.model.SeparableConv;
import io.layerwise.model.Shape;
import io.layerwise.model.Window;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Convolutions: plain and grouped, transposed, depthwise and separable. */
final class ConvolutionRules {

  private ConvolutionRules() {}

  static void conv(LayerCalc calc, Conv layer) {
    Window w = layer.window();
    calc.requireRank(w.rank() + 1);
    long cin = calc.layout.channels(calc.input());
    long f = layer.filters();
    long g = layer.groups();
    if (cin % g != 0) {
      calc.problem("groups", "groups " + g + " does not divide the " + cin + " input channels");
    }
    if (f % g != 0) {
      calc.problem("groups", "groups " + g + " does not divide the " + f + " filters");
    }
    checkStridesWithDilation(calc, w);
    checkFill(calc, layer);
    calc.stopIfFailed();
    if (layer.connections().isPresent()) {
      checkTable(calc, layer.connections().get(), cin);
    }
    List<Long> out = WindowRules.slide(calc, w, "kernel", "kernel_size");
    if (cin != f && layer.connections().isEmpty() && calc.slip(Mistake.CHANNELS_KEPT)) {
      int rank = w.rank() + 1;
      long kept = calc.derive(Symbols.outputShape(calc.layout.channelAxis(rank)), Symbols.C_OUT,
          Formulas.value(Symbols.C_IN, cin), LayerCalc.slipWhy(Mistake.CHANNELS_KEPT));
      calc.output(calc.layout.compose(out, kept));
    } else {
      calc.output(calc.layout.compose(out, f));
    }
    if (layer.connections().isPresent()) {
      table(calc, layer, layer.connections().get(), out);
      return;
    }

    Bindings.Builder b = Bindings.builder();
    List<Expr> factors = kernelFactors(b, w);
    Explanation why = Explanation.of(g == 1 ? "conv.weights" : "conv.weights.groups", f, g);
    if (w.rank() > 1 && calc.slip(Mistake.KERNEL_ONE_SIDE)) {
      factors = new ArrayList<>(factors.subList(0, 1));
      why = LayerCalc.slipWhy(Mistake.KERNEL_ONE_SIDE);
    }
    long network = calc.networkChannels();
    if (cin > 1 && calc.slip(Mistake.FORGOT_INPUT_CHANNELS)) {
      why = LayerCalc.slipWhy(Mistake.FORGOT_INPUT_CHANNELS);
    } else if (g == 1 && network > 0 && network != cin
        && calc.slip(Mistake.CHANNELS_OF_NETWORK_INPUT)) {
      b.bind(Symbols.C_IN, network);
      factors.add(var(Symbols.C_IN));
      why = LayerCalc.slipWhy(Mistake.CHANNELS_OF_NETWORK_INPUT);
    } else if (g != 1 && calc.slip(Mistake.IGNORED_GROUPS)) {
      b.bind(Symbols.C_IN, cin);
      factors.add(var(Symbols.C_IN));
      why = LayerCalc.slipWhy(Mistake.IGNORED_GROUPS);
    } else {
      b.bind(Symbols.C_IN, cin);
      factors.add(g == 1 ? var(Symbols.C_IN)
          : div(var(Symbols.C_IN), var(Symbols.G), Rounding.EXACT));
      if (g != 1) {
        b.bind(Symbols.G, g);
      }
    }
    if (f > 1 && calc.slip(Mistake.FORGOT_FILTERS)) {
      why = LayerCalc.slipWhy(Mistake.FORGOT_FILTERS);
    } else {
      factors.add(var(calc.filters()));
      b.bind(calc.filters(), f);
    }
    Formula weights = new Formula(mul(factors), b.build());
    if (calc.slip(Mistake.NO_WEIGHT_SHARING)) {
      noWeightSharing(calc, out, weights, f, layer.useBias());
    } else {
      calc.weights(weights, why);
      calc.biasesAndParams(weights, layer.useBias(), Formulas.value(calc.filters(), f),
          Explanation.of("conv.biases", f));
    }
    calc.macs(
        macs(calc, out, weights),
        Explanation.of(g == 1 ? "conv.macs" : "conv.macs.groups"));
  }

  /**
   * The count of a layer whose every output position has its own weights and biases (a locally
   * connected layer): what a student gets who does not know that a filter is shared.
   */
  private static void noWeightSharing(LayerCalc calc, List<Long> out, Formula perPosition,
      long f, boolean useBias) {
    Bindings.Builder b = Bindings.builder();
    List<Expr> positions = new ArrayList<>();
    for (int i = 0; i < out.size(); i++) {
      Symbol xout = Symbols.out(Layout.letter(out.size(), i));
      b.bind(xout, out.get(i));
      positions.add(var(xout));
    }
    Bindings.Builder wb = Bindings.builder();
    b.build().asMap().forEach(wb::bind);
    perPosition.bindings().asMap().forEach(wb::bind);
    List<Expr> weightFactors = new ArrayList<>(positions);
    weightFactors.add(perPosition.expr());
    Formula weights = new Formula(mul(weightFactors), wb.build());
    calc.weights(weights, LayerCalc.slipWhy(Mistake.NO_WEIGHT_SHARING));
    b.bind(calc.filters(), f);
    List<Expr> biasFactors = new ArrayList<>(positions);
    biasFactors.add(var(calc.filters()));
    calc.biasesAndParams(weights, useBias, new Formula(mul(biasFactors), b.build()),
        LayerCalc.slipWhy(Mistake.NO_WEIGHT_SHARING));
  }

  static void depthwise(LayerCalc calc, DepthwiseConv layer) {
    Window w = layer.window();
    calc.requireRank(w.rank() + 1);
    checkStridesWithDilation(calc, w);
    calc.stopIfFailed();
    long cin = calc.layout.channels(calc.input());
    long m = layer.depthMultiplier();
    List<Long> out = WindowRules.slide(calc, w, "kernel", "kernel_size");
    Formula channels = Formulas.product(List.of(Symbols.C_IN, Symbols.M), List.of(cin, m));
    long cout =
        calc.derive(
            Symbols.outputShape(calc.layout.channelAxis(w.rank() + 1)),
            Symbols.C_OUT,
            channels,
            Explanation.of("depthwise.channels"));
    calc.output(calc.layout.compose(out, cout));

    Formula weights = kernelTimes(w, cin, Symbols.M, m);
    Explanation why = Explanation.of("depthwise.weights");
    if (cin > 1 && calc.slip(Mistake.IGNORED_GROUPS)) {
      weights = kernelTimes(w, cin, Symbols.C_OUT, cout);
      why = LayerCalc.slipWhy(Mistake.IGNORED_GROUPS);
    }
    calc.weights(weights, why);
    calc.biasesAndParams(weights, layer.useBias(), channels,
        Explanation.of("depthwise.biases"));
    calc.macs(macs(calc, out, weights), Explanation.of("depthwise.macs"));
  }

  static void separable(LayerCalc calc, SeparableConv layer) {
    Window w = layer.window();
    calc.requireRank(w.rank() + 1);
    checkStridesWithDilation(calc, w);
    calc.stopIfFailed();
    long cin = calc.layout.channels(calc.input());
    long m = layer.depthMultiplier();
    long f = layer.filters();
    List<Long> out = WindowRules.slide(calc, w, "kernel", "kernel_size");
    calc.output(calc.layout.compose(out, f));

    Bindings.Builder b = Bindings.builder();
    List<Expr> depthwise = kernelFactors(b, w);
    depthwise.add(var(Symbols.C_IN));
    depthwise.add(var(Symbols.M));
    b.bind(Symbols.C_IN, cin).bind(Symbols.M, m).bind(Symbols.F, f);
    Expr pointwise = mul(var(Symbols.C_IN), var(Symbols.M), var(Symbols.F));
    Formula weights = new Formula(add(mul(depthwise), pointwise), b.build());
    Explanation why = Explanation.of("separable.weights");
    if (calc.slip(Mistake.IGNORED_GROUPS)) {
      weights = kernelTimes(w, cin, Symbols.F, f);
      why = LayerCalc.slipWhy(Mistake.IGNORED_GROUPS);
    }
    calc.weights(weights, why);
    calc.biasesAndParams(weights, layer.useBias(), Formulas.value(Symbols.F, f),
        Explanation.of("separable.biases", f));
    calc.macs(macs(calc, out, weights), Explanation.of("separable.macs"));
  }

  static void transpose(LayerCalc calc, ConvTranspose layer) {
    Window w = layer.window();
    int n = w.rank();
    calc.requireRank(n + 1);
    Shape in = calc.input();
    long cin = calc.layout.channels(in);
    long f = layer.filters();
    List<Long> spatial = calc.layout.spatial(in);
    Optional<List<Long>> op = layer.outputPadding();
    boolean pytorch = calc.pytorch();
    long g = layer.groups();
    if (cin % g != 0) {
      calc.problem("groups", "groups " + g + " does not divide the " + cin + " input channels"
          + " (PyTorch: \"in_channels must be divisible by groups\")");
    }
    if (f % g != 0) {
      calc.problem("groups", "groups " + g + " does not divide the " + f + " output channels"
          + " (PyTorch: \"out_channels must be divisible by groups\")");
    }
    if (pytorch && w.padding().mode() == PaddingMode.SAME) {
      calc.problem("padding", "PyTorch's ConvTranspose has no 'same' padding; give the zeros"
          + " removed from each side as a number");
    }
    for (int i = 0; i < n; i++) {
      long opi = op.isPresent() ? op.get().get(i) : 0;
      long bound = pytorch ? Math.max(w.strides().get(i), w.dilation().get(i))
          : w.strides().get(i);
      if (opi >= bound) {
        calc.problem("output_padding", "output_padding " + opi + " must be smaller than the "
            + (pytorch ? "stride or the dilation" : "stride") + " (" + bound + ")");
      }
      if (w.padding().mode() == PaddingMode.EXPLICIT && !w.padding().pads().get(i).isSymmetric()) {
        calc.problem("padding", "a transposed convolution takes the same padding on both sides");
      }
    }
    calc.stopIfFailed();
    List<Long> out = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      String letter = Layout.letter(n, i);
      long x = spatial.get(i);
      long k = w.kernel().get(i);
      long s = w.strides().get(i);
      long d = w.dilation().get(i);
      boolean same = w.padding().mode() == PaddingMode.SAME;
      Formula formula;
      Explanation why;
      if (calc.slip(Mistake.TRANSPOSED_AS_FORWARD)) {
        formula = same ? Formulas.sameOutput(letter, x, s)
            : Formulas.windowOutput(letter, x, k, s, w.padding().mode() == PaddingMode.EXPLICIT
                ? w.padding().pads().get(i) : Pad.symmetric(0), d);
        why = LayerCalc.slipWhy(Mistake.TRANSPOSED_AS_FORWARD);
      } else if (pytorch || w.padding().mode() == PaddingMode.EXPLICIT) {
        long pad = w.padding().mode() == PaddingMode.EXPLICIT
            ? w.padding().pads().get(i).before() : 0;
        long opi = op.isPresent() ? op.get().get(i) : 0;
        formula = Formulas.transposedOutput(letter, x, k, s, d, pad, opi, true);
        why = Explanation.of("transpose.explicit");
      } else if (op.isPresent()) {
        long keff = Math.addExact(Math.multiplyExact(d, k - 1), 1);
        long pad = same ? keff / 2 : 0;
        formula = Formulas.transposedOutput(letter, x, k, s, d, pad, op.get().get(i), false);
        why = Explanation.of(same ? "transpose.same.outputPadding" : "transpose.valid.outputPadding");
      } else {
        formula = Formulas.transposedOutput(letter, x, k, s, d, same);
        why = Explanation.of(same ? "transpose.same" : "transpose.valid");
      }
      long value = formula.eval();
      if (value <= 0) {
        calc.problem("padding", "padding leaves no output along the " + Layout.word(n, i));
        continue;
      }
      calc.derive(Symbols.outputShape(calc.layout.spatialAxis(n + 1, i)), Symbols.out(letter),
          formula, why);
      calc.slideTransposed(i, k, s, d);
      out.add(value);
    }
    calc.stopIfFailed();
    calc.output(calc.layout.compose(out, f));

    Formula weights = g == 1 ? kernelTimes(w, cin, calc.filters(), f)
        : groupedTranspose(w, cin, calc.filters(), f, g);
    Explanation why = Explanation.of(g == 1 ? "transpose.weights" : "transpose.weights.groups", f,
        g);
    if (cin > 1 && calc.slip(Mistake.FORGOT_INPUT_CHANNELS)) {
      Bindings.Builder b = Bindings.builder();
      List<Expr> factors = kernelFactors(b, w);
      factors.add(var(calc.filters()));
      b.bind(calc.filters(), f);
      weights = new Formula(mul(factors), b.build());
      why = LayerCalc.slipWhy(Mistake.FORGOT_INPUT_CHANNELS);
    }
    calc.weights(weights, why);
    calc.biasesAndParams(weights, layer.useBias(), Formulas.value(calc.filters(), f),
        Explanation.of("conv.biases", f));

    Bindings.Builder mb = Bindings.builder();
    List<Expr> macFactors = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      Symbol xin = Symbols.in(Layout.letter(n, i));
      mb.bind(xin, spatial.get(i));
      macFactors.add(var(xin));
    }
    weights.bindings().asMap().forEach(mb::bind);
    macFactors.add(weights.expr());
    calc.macs(new Formula(mul(macFactors), mb.build()), Explanation.of("transpose.macs"));
  }

  /** A connection table must fit the input: one row per input channel, indices below C_in. */
  private static void checkTable(LayerCalc calc, ConnectionTable table, long cin) {
    if (table.inputs().isPresent() && table.inputs().getAsLong() != cin) {
      calc.problem("connection_table", "connection_table has " + table.inputs().getAsLong()
          + " rows, one per input channel, but the input " + calc.input() + " has " + cin
          + " channels");
    }
    for (int j = 0; j < table.maps().size(); j++) {
      for (long c : table.maps().get(j)) {
        if (c >= cin) {
          calc.problem("connections", "map " + j + " sees input channel " + c + ", but the input "
              + calc.input() + " has channels 0 to " + (cin - 1));
        }
      }
    }
    calc.stopIfFailed();
  }

  /**
   * A convolution whose maps each see a subset of the input channels (LeNet-5's C3): each map has
   * one kernel per channel it sees, so the weights are the kernel size times the number of
   * connections, summed map by map and written grouped by how many channels a map sees.
   */
  private static void table(LayerCalc calc, Conv layer, ConnectionTable table, List<Long> out) {
    java.util.SortedMap<Integer, Long> bySize = new java.util.TreeMap<>();
    for (List<Long> m : table.maps()) {
      bySize.merge(m.size(), 1L, Long::sum);
    }
    Expr sum = null;
    List<String> parts = new ArrayList<>();
    for (var e : bySize.entrySet()) {
      Expr term = e.getValue() == 1 ? Expr.num(e.getKey())
          : mul(Expr.num(e.getValue()), Expr.num(e.getKey()));
      sum = sum == null ? term : add(sum, term);
      parts.add(e.getValue() + (e.getValue() == 1 ? " sees " : " see ") + e.getKey());
    }
    Bindings.Builder b = Bindings.builder();
    List<Expr> factors = kernelFactors(b, layer.window());
    factors.add(sum);
    Formula weights = new Formula(mul(factors), b.build());
    long f = layer.filters();
    calc.weights(weights, Explanation.of("conv.weights.table", f, calc.layout.channels(
        calc.input()), String.join(", ", parts)));
    calc.biasesAndParams(weights, layer.useBias(), Formulas.value(calc.filters(), f),
        Explanation.of("conv.biases", f));
    calc.macs(macs(calc, out, weights), Explanation.of("conv.macs.table"));
  }

  /** K_h, K_w, … bound to the kernel sizes; a fresh list the caller may extend. */
  private static List<Expr> kernelFactors(Bindings.Builder b, Window w) {
    List<Expr> factors = new ArrayList<>();
    for (int i = 0; i < w.rank(); i++) {
      Symbol k = w.rank() == 1 ? Symbols.K : Symbols.kernel(Layout.letter(w.rank(), i));
      b.bind(k, w.kernel().get(i));
      factors.add(var(k));
    }
    return factors;
  }

  /** {@code K_h·K_w·C_in·X}: one kernel per input channel and per {@code last}. */
  /**
   * PyTorch mirrors ({@code reflect}) only padding shorter than the input, and wraps ({@code
   * circular}) at most once around it.
   */
  private static void checkFill(LayerCalc calc, Conv layer) {
    Window w = layer.window();
    List<Long> spatial = calc.input().rank() == w.rank() + 1
        ? calc.layout.spatial(calc.input()) : List.of();
    for (int i = 0; i < spatial.size(); i++) {
      long pad = switch (w.padding().mode()) {
        case VALID -> 0;
        case EXPLICIT -> Math.max(w.padding().pads().get(i).before(),
            w.padding().pads().get(i).after());
        case SAME -> {
          long total = Math.multiplyExact(w.dilation().get(i), w.kernel().get(i) - 1);
          yield total - total / 2;
        }
      };
      long x = spatial.get(i);
      String along = w.rank() > 1 ? " along the " + Layout.word(w.rank(), i) : "";
      switch (layer.fill()) {
        case REFLECT -> {
          if (pad >= x) {
            calc.problem("padding_mode", "padding " + pad + " is not smaller than the input's "
                + x + along + ", which padding_mode 'reflect' needs (PyTorch: \"Padding size"
                + " should be less than the corresponding input dimension\")");
          }
        }
        case CIRCULAR -> {
          if (pad > x) {
            calc.problem("padding_mode", "padding " + pad + " is more than the input's " + x
                + along + ", so padding_mode 'circular' would wrap around more than once"
                + " (PyTorch: \"Padding value causes wrapping around more than once\")");
          }
        }
        case ZEROS, REPLICATE -> {
          // any amount
        }
      }
    }
  }

  /** PyTorch's grouped transposed kernel: {@code K_h·K_w·C_in·(C_out/G)}. */
  private static Formula groupedTranspose(Window w, long cin, Symbol last, long value, long g) {
    Bindings.Builder b = Bindings.builder();
    List<Expr> factors = kernelFactors(b, w);
    factors.add(var(Symbols.C_IN));
    factors.add(div(var(last), var(Symbols.G), Rounding.EXACT));
    b.bind(Symbols.C_IN, cin).bind(last, value).bind(Symbols.G, g);
    return new Formula(mul(factors), b.build());
  }

  private static Formula kernelTimes(Window w, long cin, Symbol last, long value) {
    Bindings.Builder b = Bindings.builder();
    List<Expr> factors = kernelFactors(b, w);
    factors.add(var(Symbols.C_IN));
    factors.add(var(last));
    b.bind(Symbols.C_IN, cin).bind(last, value);
    return new Formula(mul(factors), b.build());
  }

  /** Output positions times the work per position: {@code H_out·W_out·K_h·K_w·C_in·F}. */
  private static Formula macs(LayerCalc calc, List<Long> out, Formula perPosition) {
    Bindings.Builder b = Bindings.builder();
    List<Expr> factors = new ArrayList<>();
    for (int i = 0; i < out.size(); i++) {
      Symbol xout = Symbols.out(Layout.letter(out.size(), i));
      b.bind(xout, out.get(i));
      factors.add(var(xout));
    }
    perPosition.bindings().asMap().forEach(b::bind);
    Expr work = perPosition.expr();
    if (work instanceof Expr.Mul m) {
      factors.addAll(m.factors());
    } else {
      factors.add(work);
    }
    return new Formula(mul(factors), b.build());
  }

  /** Keras refuses strides above 1 together with a dilation rate above 1. */
  private static void checkStridesWithDilation(LayerCalc calc, Window w) {
    boolean keras = !calc.pytorch();
    if (keras && w.dilated() && w.strides().stream().anyMatch(s -> s > 1)) {
      calc.problem(
          "dilation_rate",
          "Keras does not support strides > 1 together with dilation_rate > 1 (strides "
              + w.strides() + ", dilation_rate " + w.dilation() + ")");
    }
  }
}
