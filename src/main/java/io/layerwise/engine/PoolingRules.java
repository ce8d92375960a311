package io.layerwise.engine;

import io.layerwise.model.AdaptivePooling;
import io.layerwise.model.GlobalPooling;
import io.layerwise.model.Pad;
import io.layerwise.model.PaddingMode;
import io.layerwise.model.Window;
import io.layerwise.model.Pooling;
import io.layerwise.model.Subsampling;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

/** Pooling: max and average windows, global pooling, and LeNet-5's trainable subsampling. */
final class PoolingRules {

  private PoolingRules() {}

  static void pooling(LayerCalc calc, Pooling layer) {
    calc.requireRank(layer.window().rank() + 1);
    if (calc.pytorch()) {
      checkTorchPadding(calc, layer.window());
      checkTorchAverage3d(calc, layer);
    }
    List<Long> out = WindowRules.slide(calc, layer.window(), "pool window", "pool_size",
        layer.ceilMode());
    long c = calc.layout.channels(calc.input());
    calc.output(calc.layout.compose(out, c));
    if (calc.slip(Mistake.POOLING_HAS_PARAMS)) {
      poolingWithParams(calc, layer, c);
      return;
    }
    calc.noParams(
        Explanation.of(
            switch (layer.op()) {
              case MAX -> "pooling.max.params";
              case AVERAGE -> "pooling.average.params";
            }));
  }

  /**
   * PyTorch refuses pooling padding beyond half the kernel ("pad should be at most half of kernel
   * size"): half the kernel size, not of the dilated window, even where the pool is dilated.
   */
  private static void checkTorchPadding(LayerCalc calc, Window w) {
    if (w.padding().mode() != PaddingMode.EXPLICIT) {
      return;
    }
    for (int i = 0; i < w.rank(); i++) {
      long k = w.kernel().get(i);
      Pad p = w.padding().pads().get(i);
      if (Math.max(p.before(), p.after()) > k / 2) {
        throw calc.fail("padding", "padding " + Math.max(p.before(), p.after())
            + " is more than half the kernel_size " + k
            + (w.rank() > 1 ? " along the " + Layout.word(w.rank(), i) : "")
            + "; PyTorch allows at most " + k / 2 + " (\"pad should be at most half of kernel"
            + " size\"" + (w.dilated() ? ", whatever the dilation" : "") + ")");
      }
    }
  }

  /**
   * PyTorch's AvgPool3d, unlike its other pools, wants the unpadded input at least as large as
   * the kernel on every axis.
   */
  private static void checkTorchAverage3d(LayerCalc calc, Pooling layer) {
    Window w = layer.window();
    if (w.rank() != 3 || layer.op() != io.layerwise.model.PoolOp.AVERAGE) {
      return;
    }
    List<Long> in = calc.layout.spatial(calc.input());
    for (int i = 0; i < 3; i++) {
      if (in.get(i) < w.kernel().get(i)) {
        throw calc.fail("kernel_size", "kernel_size " + w.kernel().get(i) + " exceeds the unpadded"
            + " input's " + in.get(i) + " along the " + Layout.word(3, i) + ", which PyTorch's"
            + " AvgPool3d refuses whatever the padding (\"input image smaller than kernel size\")");
      }
    }
  }

  /**
   * PyTorch's adaptive pooling: the output size is given, and the windows are chosen to fit it
   * (window i spans ⌊i·X_in/X_out⌋ to ⌈(i + 1)·X_in/X_out⌉), so they need not be equal.
   */
  static void adaptive(LayerCalc calc, AdaptivePooling layer) {
    int n = layer.rank();
    calc.requireRank(n + 1);
    List<Long> spatial = calc.layout.spatial(calc.input());
    List<Long> out = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      String letter = Layout.letter(n, i);
      Optional<Long> given = layer.outputSize().get(i);
      Formula f = given.isPresent()
          ? Formulas.value(Symbol.word("output_size"), given.get())
          : Formulas.value(Symbols.in(letter), spatial.get(i));
      out.add(calc.derive(Symbols.outputShape(calc.layout.spatialAxis(n + 1, i)),
          Symbols.out(letter), f,
          Explanation.of(given.isPresent() ? "adaptive.output" : "adaptive.keep")));
    }
    long c = calc.layout.channels(calc.input());
    calc.output(calc.layout.compose(out, c));
    calc.dropGeometry();
    calc.noParams(Explanation.of("adaptive.params"));
  }

  /**
   * Parameters a student gives a pooling layer: one coefficient and one bias per channel (as in
   * LeNet's subsampling), a window of weights and a bias per channel, or a whole convolution with
   * as many filters as channels.
   */
  private static void poolingWithParams(LayerCalc calc, Pooling layer, long c) {
    Explanation why = LayerCalc.slipWhy(Mistake.POOLING_HAS_PARAMS);
    Formula bias = Formulas.value(Symbols.C_IN, c);
    List<Symbol> window = new ArrayList<>();
    List<Long> sizes = new ArrayList<>();
    for (int i = 0; i < layer.window().rank(); i++) {
      window.add(layer.window().rank() == 1 ? Symbols.K
          : Symbols.kernel(Layout.letter(layer.window().rank(), i)));
      sizes.add(layer.window().kernel().get(i));
    }
    window.add(Symbols.C_IN);
    sizes.add(c);
    Formula weights = switch (calc.variant()) {
      case 0 -> Formulas.value(Symbols.C_IN, c);
      case 1 -> Formulas.product(window, sizes);
      default -> {
        window.add(Symbols.F);
        sizes.add(c);
        yield Formulas.product(window, sizes);
      }
    };
    calc.weights(weights, why);
    calc.biases(bias, why);
    calc.params(Formulas.plus(weights, bias), why);
  }

  static void subsampling(LayerCalc calc, Subsampling layer) {
    calc.requireRank(layer.window().rank() + 1);
    List<Long> out = WindowRules.slide(calc, layer.window(), "pool window", "pool_size");
    long c = calc.layout.channels(calc.input());
    calc.output(calc.layout.compose(out, c));
    calc.weights(Formulas.value(Symbols.C_IN, c), Explanation.of("subsampling.weights"));
    calc.biases(Formulas.value(Symbols.C_IN, c), Explanation.of("subsampling.biases"));
    calc.params(Formulas.times(2, Symbols.C_IN, c), Explanation.of("subsampling.params"));
  }

  static void global(LayerCalc calc, GlobalPooling layer) {
    int rank = layer.rank() + 1;
    calc.requireRank(rank);
    long c = calc.layout.channels(calc.input());
    if (!layer.keepDims() && calc.slip(Mistake.GLOBAL_POOL_AS_FLATTEN)) {
      long n = calc.derive(Symbols.outputShape(0), Symbols.C_OUT,
          ShapeRules.inputProduct(calc, calc.input()),
          LayerCalc.slipWhy(Mistake.GLOBAL_POOL_AS_FLATTEN));
      calc.output(io.layerwise.model.Shape.of(n));
      calc.dropGeometry();
      calc.noParams(Explanation.of("global.params"));
      return;
    }
    int channelAxis = layer.keepDims() ? calc.layout.channelAxis(rank) : 0;
    calc.derive(
        Symbols.outputShape(channelAxis),
        Symbols.C_OUT,
        Formulas.value(Symbols.C_IN, c),
        Explanation.of(layer.keepDims() ? "global.keepdims" : "global.output"));
    calc.output(
        layer.keepDims()
            ? calc.layout.compose(Collections.nCopies(layer.rank(), 1L), c)
            : io.layerwise.model.Shape.of(c));
    calc.dropGeometry();
    calc.noParams(Explanation.of("global.params"));
  }
}
