package io.layerwise.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.layerwise.model.Conv;
import io.layerwise.model.Exercise;
import io.layerwise.model.Framework;
import io.layerwise.model.Layer;
import io.layerwise.model.LayerNode;
import io.layerwise.model.Network;
import io.layerwise.model.Pad;
import io.layerwise.model.Padding;
import io.layerwise.model.PaddingMode;
import io.layerwise.model.PoolOp;
import io.layerwise.model.Pooling;
import io.layerwise.model.Shape;
import io.layerwise.model.Window;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;

/**
 * Properties of single random layers, with jqwik's shrinking to the smallest counterexample:
 * convolutions and pooling of rank 1 to 3 in both frameworks produce exactly the windows a
 * brute-force count finds (and are refused exactly when an axis has none), their parameters are
 * the weight tensors' sizes, and every derivation evaluates to its result. {@link
 * RandomNetworksTest} checks the same on whole networks from a fixed seed; here every run draws
 * new layers.
 */
class LayerPropertiesTest {

  /**
   * One convolution or pooling layer on one input.
   *
   * @param framework counting conventions and axis order
   * @param pooling a max pooling layer instead of a convolution
   * @param spatial the input's spatial sizes
   * @param window the sliding window
   * @param groups convolution groups, which divide the channels and filters
   * @param perGroup input channels and filters per group
   */
  record WindowLayer(Framework framework, boolean pooling, List<Long> spatial, Window window,
      long groups, long perGroup) {

    Layer layer() {
      return pooling ? new Pooling(PoolOp.MAX, window)
          : new Conv(groups * (perGroup + 1), window, groups, true, Optional.empty());
    }

    Shape input() {
      List<Long> dims = new ArrayList<>(spatial);
      long channels = groups * perGroup;
      switch (framework) {
        case KERAS -> dims.add(channels);
        case PYTORCH -> dims.add(0, channels);
      }
      return new Shape(dims);
    }

    Exercise exercise() {
      return new Exercise("p", "p", Optional.empty(), new Network(framework, input(),
          List.of(new LayerNode("layer", List.of(Network.INPUT), true, layer()))));
    }

    /** What the frameworks refuse whatever the sizes. */
    boolean refusedByTheFramework() {
      boolean strided = window.strides().stream().anyMatch(s -> s > 1);
      boolean same = window.padding().mode() == PaddingMode.SAME;
      return switch (framework) {
        case KERAS -> strided && window.dilated();
        case PYTORCH -> same && (pooling || strided) || pooling && halfWindowExceeded();
      };
    }

    /** PyTorch's pooling pads at most half its window on each side. */
    private boolean halfWindowExceeded() {
      if (window.padding().mode() != PaddingMode.EXPLICIT) {
        return false;
      }
      for (int i = 0; i < window.rank(); i++) {
        if (2 * window.padding().pads().get(i).before() > window.kernel().get(i)) {
          return true;
        }
      }
      return false;
    }

    /** Window positions per axis, counted one by one. */
    List<Long> bruteForce() {
      List<Long> out = new ArrayList<>();
      for (int i = 0; i < window.rank(); i++) {
        long x = spatial.get(i);
        long k = window.kernel().get(i);
        long s = window.strides().get(i);
        long d = window.dilation().get(i);
        Padding p = window.padding();
        out.add(switch (p.mode()) {
          case SAME -> BruteForce.sameWindows(x, k, s, d);
          case VALID -> BruteForce.windows(x, k, s, 0, 0, d);
          case EXPLICIT -> BruteForce.windows(x, k, s, p.pads().get(i).before(),
              p.pads().get(i).after(), d);
        });
      }
      return out;
    }
  }

  @Provide
  Arbitrary<WindowLayer> windowLayers() {
    return Arbitraries.integers().between(1, 3).flatMap(rank -> {
      Arbitrary<List<Long>> sizes = Arbitraries.longs().between(1, 40).list().ofSize(rank);
      Arbitrary<List<Long>> kernels = Arbitraries.longs().between(1, 7).list().ofSize(rank);
      Arbitrary<List<Long>> strides = Arbitraries.longs().between(1, 4).list().ofSize(rank);
      Arbitrary<List<Long>> dilations = Arbitraries.frequencyOf(
          net.jqwik.api.Tuple.of(3, Arbitraries.just(Collections.nCopies(rank, 1L))),
          net.jqwik.api.Tuple.of(1, Arbitraries.longs().between(1, 3).list().ofSize(rank)));
      Arbitrary<Padding> padding = Arbitraries.oneOf(Arbitraries.just(Padding.VALID),
          Arbitraries.just(Padding.SAME),
          Arbitraries.longs().between(0, 3).list().ofSize(rank)
              .map(p -> Padding.explicit(p.stream().map(Pad::symmetric).toList())),
          Combinators.combine(Arbitraries.longs().between(0, 3), Arbitraries.longs().between(0, 3))
              .as(Pad::new).list().ofSize(rank).map(Padding::explicit));
      return Combinators.combine(Arbitraries.of(Framework.class), Arbitraries.of(true, false),
          sizes, kernels, strides, dilations, padding,
          Combinators.combine(Arbitraries.longs().between(1, 3), Arbitraries.longs().between(1, 4))
              .as(List::of))
          .as((fw, pool, x, k, s, d, p, g) -> {
            // pooling has no dilation, and PyTorch pads both sides alike
            List<Long> dilation = pool ? Collections.nCopies(rank, 1L) : d;
            Padding pad = fw == Framework.PYTORCH && p.mode() == PaddingMode.EXPLICIT
                ? Padding.explicit(p.pads().stream().map(q -> Pad.symmetric(q.before())).toList())
                : p;
            if (pool && fw == Framework.KERAS && pad.mode() == PaddingMode.EXPLICIT) {
              pad = Padding.VALID;
            }
            return new WindowLayer(fw, pool, x, new Window(k, s, pad, dilation),
                pool ? 1 : g.get(0), g.get(1));
          });
    });
  }

  @Property
  void outputSizesAreTheWindowsThatFitAndOnlyImpossibleLayersAreRefused(
      @ForAll("windowLayers") WindowLayer c) {
    List<Long> expected = c.bruteForce();
    boolean fits = expected.stream().allMatch(n -> n > 0) && !c.refusedByTheFramework();
    Statistics.collect(fits ? "fits" : "refused");
    Statistics.coverage(cover -> {
      cover.check("fits").percentage(p -> p > 30);
      cover.check("refused").percentage(p -> p > 5);
    });
    if (!fits) {
      EngineException e = catchThrowableOfType(EngineException.class,
          () -> Engine.analyze(c.exercise()));
      assertThat(e).as("an impossible layer is refused").isNotNull();
      assertThat(e.problems()).allSatisfy(p -> assertThat(p.message()).contains("layer '"));
      return;
    }
    Analysis a = analyze(c.exercise());
    LayerResult l = a.layers().get(0);
    List<Long> spatial = c.framework() == Framework.KERAS
        ? l.output().dims().subList(0, c.window().rank())
        : l.output().dims().subList(1, c.window().rank() + 1);
    assertThat(spatial).isEqualTo(expected);
  }

  @Property
  void parametersAreTheWeightTensorsSizesAndDerivationsEvaluateToTheirResults(
      @ForAll("windowLayers") WindowLayer c) {
    Analysis a;
    try {
      a = Engine.analyze(c.exercise());
    } catch (EngineException e) {
      return;
    }
    LayerResult l = a.layers().get(0);
    assertThat(l.params()).isEqualTo(WeightShapes.count(WeightShapes.of(c.framework(), l)));
    DerivationConsistency.check(a);
  }

  @Property(tries = 300)
  void randomNetworksFromAnySeedKeepTheProperties(@ForAll long seed) {
    Exercise ex = new RandomNetworks(seed).next();
    Analysis a;
    try {
      a = Engine.analyze(ex);
    } catch (EngineException e) {
      assertThat(e.problems()).isNotEmpty()
          .allSatisfy(p -> assertThat(p.message()).contains("layer '"));
      return;
    }
    DerivationConsistency.check(a);
    for (LayerResult l : a.layers()) {
      assertThat(l.params()).as(l.name())
          .isEqualTo(WeightShapes.count(WeightShapes.of(ex.framework(), l)));
    }
  }

  private static Analysis analyze(Exercise ex) {
    try {
      return Engine.analyze(ex);
    } catch (EngineException e) {
      throw new AssertionError("refused: " + e.problems(), e);
    }
  }
}
