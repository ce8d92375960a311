package io.layerwise.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.layerwise.Bundled;
import io.layerwise.model.BatchNorm;
import io.layerwise.model.Conv;
import io.layerwise.model.Framework;
import java.util.List;
import org.junit.jupiter.api.Test;

class ComparisonTest {

  @Test
  void torchvisionResNet50DerivesTheDifferenceFromKeras() {
    Comparison.Counterpart c = Comparison.of(Bundled.analyze("zoo/resnet50-torchvision"))
        .orElseThrow().counterpart().orElseThrow();
    assertThat(c.groups()).extracting(g -> g.label().text(), Comparison.Group::own,
        Comparison.Group::other).containsExactly(
            org.assertj.core.groups.Tuple.tuple("convolution biases", 0L, 26_560L),
            org.assertj.core.groups.Tuple.tuple("BatchNorm moving mean and variance", 0L,
                53_120L));
    List<Derivation> steps = c.steps();
    Derivation sum = steps.get(steps.size() - 2);
    Derivation total = steps.get(steps.size() - 1);
    assertThat(sum.equation(Notation.TEXT))
        .isEqualTo("Δ = ΔB_conv + ΔS_norm = 26,560 + 53,120 = 79,680");
    assertThat(total.equation(Notation.TEXT))
        .isEqualTo("Δ = params_Keras − params_PyTorch = 25,636,712 − 25,557,032 = 79,680");
    assertThat(steps.get(0).equation(Notation.TEXT)).isEqualTo("B_conv,Keras = 7·64 + 8·128"
        + " + 16·256 + 11·512 + 7·1,024 + 4·2,048 = 26,560");
  }

  @Test
  void kerasResNet50BiasesAndStatisticsByIndependentArithmetic() {
    // Every convolution of keras.applications' ResNet-50 has one bias per filter, and every
    // BatchNormalization two statistics per channel: add them up from the model itself.
    Analysis keras = Bundled.analyze("resnet50");
    long biases = keras.exercise().network().layers().stream()
        .filter(n -> n.layer() instanceof Conv).mapToLong(n -> ((Conv) n.layer()).filters())
        .sum();
    long statistics = keras.layers().stream()
        .filter(l -> l.node().layer() instanceof BatchNorm)
        .mapToLong(l -> 2 * l.output().last()).sum();
    assertThat(biases).isEqualTo(26_560);
    assertThat(statistics).isEqualTo(53_120);
    assertThat(biases + statistics).isEqualTo(keras.totals().params()
        - Bundled.analyze("zoo/resnet50-torchvision").totals().params());
  }

  @Test
  void aPytorchNetworkCountedByKerasAddsTheBatchNormStatistics() {
    Comparison.Convention k = Comparison.of(Bundled.analyze("zoo/resnet18-torchvision"))
        .orElseThrow().convention().orElseThrow();
    assertThat(k.other()).isEqualTo(Framework.KERAS);
    // one stem BatchNorm2d of 64, four in layer1 of 64, five in each later stage
    assertThat(k.otherParams() - k.params())
        .isEqualTo(2 * (64 + 4 * 64 + 5 * 128 + 5 * 256 + 5 * 512));
    assertThat(k.steps().get(k.steps().size() - 1).equation(Notation.TEXT))
        .startsWith("params_Keras = params + Δ_BN = 11,689,512 + ");
  }

  @Test
  void kerasLstmCountedByPytorchGainsTheSecondBiasVector() {
    Analysis a = Bundled.analyzeText("""
        title: t
        input: [10, 16]
        layers:
          - {type: LSTM, units: 32}
          - {type: GRU, units: 8, inputs: [input]}
        """);
    Comparison.Convention k = Comparison.of(a).orElseThrow().convention().orElseThrow();
    assertThat(k.otherParams() - k.params()).isEqualTo(4 * 32);
    assertThat(a.layers().get(0).derivationsOf(new Derived.OtherParams(Framework.PYTORCH)).get(0).equation(Notation.TEXT))
        .isEqualTo("params_PyTorch = params + 4U = 6,272 + 4·32 = 6,400");
    assertThat(a.layers().get(1).derivationsOf(new Derived.OtherParams(Framework.PYTORCH))).isEmpty();
  }

  @Test
  void aNetworkCountedAlikeByBothHasNoComparison() {
    assertThat(Comparison.of(Bundled.analyze("vgg16"))).isEmpty();
  }
}
