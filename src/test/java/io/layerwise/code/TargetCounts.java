package io.layerwise.code;

import static org.assertj.core.api.Assertions.assertThat;

import io.layerwise.engine.Analysis;
import io.layerwise.engine.Engine;
import io.layerwise.engine.EngineException;
import io.layerwise.engine.LayerResult;
import io.layerwise.model.Exercise;
import io.layerwise.model.Framework;
import io.layerwise.model.LayerNode;
import io.layerwise.model.Network;
import io.layerwise.model.Shape;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

/**
 * The cross-check of the counts the framework code takes from the analysis: each layer the code
 * writes, as the code writer rewrote it ({@link LayerContext#countAs()}), analysed again by the
 * engine under the target framework with its input in the target's axis order, must give the
 * exercise's output shape (reordered) and the counts the analysis gave for that framework.
 */
final class TargetCounts {

  private TargetCounts() {}

  static void verify(Analysis analysis) {
    for (Framework target : Framework.values()) {
      Plan<?> plan = target == Framework.KERAS
          ? Plan.of(analysis, target, KerasLayers::new)
          : Plan.of(analysis, target, TorchLayers::new);
      for (Plan.Entry<?> e : plan.entries) {
        if (e.step().isPresent() && target != analysis.exercise().framework()) {
          verify(e, target);
        }
      }
    }
  }

  private static void verify(Plan.Entry<?> e, Framework target) {
    LayerContext ctx = e.ctx();
    List<String> inputs = ctx.node.inputs();
    if (inputs.stream().distinct().count() > 1) {
      return;
    }
    Exercise source = ctx.analysis.exercise();
    Network net = new Network(target, ctx.targetIn(), List.of(new LayerNode(ctx.name(),
        Collections.nCopies(inputs.size(), Network.INPUT), ctx.node.trainable(), ctx.countAs())));
    LayerResult r;
    try {
      r = Engine.analyze(new Exercise(source.id(), source.title(), Optional.empty(), net))
          .layers().get(0);
    } catch (EngineException x) {
      // the code builds the layer otherwise (PyTorch pooling padded more than half a window is
      // written as a padding module and a pooling): nothing to count but the layer's own zero
      assertThat(ctx.result.params()).as("%s in %s code: %s", ctx.name(), target.id(),
          x.problems().get(0).message()).isZero();
      assertThat(e.params()).isZero();
      return;
    }
    Shape expected = ctx.out.apply(ctx.outShape());
    if (ctx.checkShape()) {
      assertThat(r.output()).as("%s in %s code", ctx.name(), target.id()).isEqualTo(expected);
    }
    assertThat(e.params()).as("params of %s in %s", ctx.name(), target.id())
        .isEqualTo(r.params());
    assertThat(e.trainable()).as("trainable params of %s in %s", ctx.name(), target.id())
        .isEqualTo(r.trainable());
  }
}
