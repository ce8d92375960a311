package io.layerwise.engine;

import io.layerwise.model.GlobalPooling;
import io.layerwise.model.Pooling;
import io.layerwise.model.Subsampling;
import java.util.Collections;
import java.util.List;

/** Pooling: max and average windows, global pooling, and LeNet-5's trainable subsampling. */
final class PoolingRules {

  private PoolingRules() {}

  static void pooling(LayerCalc calc, Pooling layer) {
    calc.requireRank(layer.window().rank() + 1);
    List<Long> out = WindowRules.slide(calc, layer.window(), "pool window", "pool_size");
    calc.output(calc.layout.compose(out, calc.layout.channels(calc.input())));
    calc.noParams(
        Explanation.of(
            switch (layer.op()) {
              case MAX -> "pooling.max.params";
              case AVERAGE -> "pooling.average.params";
            }));
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
