package io.layerwise.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.layerwise.model.Conv;
import io.layerwise.model.DepthwiseConv;
import io.layerwise.model.Exercise;
import io.layerwise.model.Framework;
import io.layerwise.model.Layer;
import io.layerwise.model.Pad;
import io.layerwise.model.PaddingMode;
import io.layerwise.model.Pooling;
import io.layerwise.model.SeparableConv;
import io.layerwise.model.Shape;
import io.layerwise.model.Window;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Properties over hundreds of random networks: window outputs equal a brute-force count,
 * parameters equal the weight tensors' sizes, derivations evaluate to their results, and an
 * impossible network is reported, never thrown as anything else.
 */
class RandomNetworksTest {

  private static final int NETWORKS = 600;

  @Test
  void randomNetworksObeyTheProperties() {
    RandomNetworks gen = new RandomNetworks(20261121);
    int valid = 0;
    for (int n = 0; n < NETWORKS; n++) {
      Exercise ex = gen.next();
      Analysis a;
      try {
        a = Engine.analyze(ex);
      } catch (EngineException e) {
        assertThat(e.problems()).isNotEmpty();
        for (Problem p : e.problems()) {
          assertThat(p.message()).as("network %d", n).contains("layer '");
        }
        continue;
      }
      valid++;
      DerivationConsistency.check(a);
      for (LayerResult l : a.layers()) {
        assertThat(l.params()).as("network %d layer %s", n, l.name())
            .isEqualTo(WeightShapes.count(WeightShapes.of(ex.framework(), l)));
        windowWindowsMatchBruteForce(ex.framework(), l);
        for (Slip slip : Engine.slips(l, ex.framework())) {
          // a mistake changes something, and every mistaken derivation is its own arithmetic
          assertThat(slip.changesAnything()).isTrue();
          for (Derivation d : slip.wrong().derivations()) {
            assertThat(TextEvaluator.eval(d.substituted(Notation.TEXT)))
                .as("network %d layer %s %s %s", n, l.name(), slip.mistake(), d.quantity())
                .isEqualTo(d.result());
          }
        }
      }
    }
    assertThat(valid).as("enough valid networks to mean something").isGreaterThan(NETWORKS / 4);
  }

  private static void windowWindowsMatchBruteForce(Framework fw, LayerResult l) {
    Layer layer = l.node().layer();
    Window w;
    if (layer instanceof Conv c) {
      w = c.window();
    } else if (layer instanceof Pooling p) {
      w = p.window();
    } else if (layer instanceof DepthwiseConv d) {
      w = d.window();
    } else if (layer instanceof SeparableConv s) {
      w = s.window();
    } else {
      return;
    }
    Shape in = l.inputShapes().get(0);
    List<Long> expected = new ArrayList<>();
    for (int i = 0; i < w.rank(); i++) {
      long x = in.dim(fw == Framework.KERAS ? i : i + 1);
      long k = w.kernel().get(i);
      long s = w.strides().get(i);
      long d = w.dilation().get(i);
      if (w.padding().mode() == PaddingMode.SAME) {
        expected.add(BruteForce.sameWindows(x, k, s, d));
      } else if (layer instanceof Pooling p && p.ceilMode()) {
        long pad = w.padding().mode() == PaddingMode.EXPLICIT
            ? w.padding().pads().get(i).before() : 0;
        expected.add(BruteForce.ceilWindows(x, k, s, pad, d));
      } else {
        Pad p = w.padding().mode() == PaddingMode.EXPLICIT ? w.padding().pads().get(i)
            : Pad.symmetric(0);
        expected.add(BruteForce.windows(x, k, s, p.before(), p.after(), d));
      }
    }
    List<Long> actual = new ArrayList<>();
    for (int i = 0; i < w.rank(); i++) {
      actual.add(l.output().dim(fw == Framework.KERAS ? i : i + 1));
    }
    assertThat(actual).as(l.name()).isEqualTo(expected);
  }
}
