package io.layerwise.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.layerwise.Bundled;
import io.layerwise.model.Shape;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The figures Keras' {@code model.summary()} and published papers give for bundled networks. */
class PublishedFiguresTest {

  private static List<Long> params(Analysis a) {
    return a.layers().stream().map(LayerResult::params).toList();
  }

  @ParameterizedTest(name = "{0}: {1}")
  @CsvSource({
    "two-class-cnn, 50828751",
    "two-class-cnn-subsampling, 50828951",
    "two-class-cnn-keras-snippet, 228550",
    "course-example, 62958",
    "lenet5-keras, 61706",
    "alexnet-2012, 60965224",
    "vgg16, 138357544",
    "resnet50, 25636712",
    "lstm-text-classifier, 1329473",
    "transformer-encoder-block, 789760",
    "zoo/alexnet-torchvision, 61100840",
    "zoo/resnet18-torchvision, 11689512",
    "zoo/resnet50-torchvision, 25557032",
    "zoo/mobilenetv2, 3538984",
    "zoo/lenet5-1998, 60840"
  })
  void totalsMatchPublishedFigures(String id, long total) {
    assertThat(Bundled.analyze(id).totals().params()).isEqualTo(total);
  }

  @Test
  void twoClassClassifierAsTheTextStatesIt() {
    Analysis a = Bundled.analyze("two-class-cnn");
    assertThat(params(a)).containsExactly(3_000L, 150_100L, 0L, 0L, 50_625_250L, 50_200L, 201L);
    assertThat(a.layer("conv1").orElseThrow().output()).isEqualTo(Shape.of(94, 94, 60));
    assertThat(a.layer("conv2").orElseThrow().output()).isEqualTo(Shape.of(90, 90, 100));
    assertThat(a.layer("pool").orElseThrow().output()).isEqualTo(Shape.of(45, 45, 100));
    assertThat(a.layer("flatten").orElseThrow().output()).isEqualTo(Shape.of(202_500));
  }

  @Test
  void trainableSubsamplingAddsTwoParametersPerChannel() {
    LayerResult s = Bundled.analyze("two-class-cnn-subsampling").layer("subsample").orElseThrow();
    assertThat(s.params()).isEqualTo(200);
    assertThat(s.weights()).isEqualTo(100);
    assertThat(s.biases()).isEqualTo(100);
  }

  @Test
  void kerasSnippetAppliesDenseToTheLastAxis() {
    Analysis a = Bundled.analyze("two-class-cnn-keras-snippet");
    assertThat(params(a)).containsExactly(3_000L, 150_100L, 0L, 25_250L, 50_200L);
    assertThat(a.layers().get(3).output()).isEqualTo(Shape.of(50, 50, 250));
    assertThat(a.layers().get(4).output()).isEqualTo(Shape.of(50, 50, 200));
    assertThat(a.layers().stream().map(l -> l.name()).toList())
        .containsExactly("conv2d", "conv2d_1", "max_pooling2d", "dense", "dense_1");
  }

  @Test
  void courseExampleCountsInputChannelsAndOneBiasPerUnit() {
    Analysis a = Bundled.analyze("course-example");
    assertThat(params(a)).containsExactly(608L, 0L, 3_216L, 0L, 0L, 48_120L, 10_164L, 850L);
    assertThat(a.layers().stream().map(LayerResult::activations).toList())
        .containsExactly(6_272L, 1_568L, 1_600L, 400L, 400L, 120L, 84L, 10L);
  }

  @Test
  void micrographSecondConvolutionHas36928Parameters() {
    Analysis a = Bundled.analyze("micrograph-classifier");
    assertThat(a.layer("conv2d_1").orElseThrow().params()).isEqualTo(36_928);
    assertThat(a.layer("conv2d").orElseThrow().params()).isEqualTo(640);
  }

  @Test
  void alexNetGroupedConvolutions() {
    Analysis a = Bundled.analyze("alexnet-2012");
    assertThat(a.layer("conv2").orElseThrow().params()).isEqualTo(307_456);
    assertThat(a.layer("conv4").orElseThrow().params()).isEqualTo(663_936);
    assertThat(a.layer("conv5").orElseThrow().params()).isEqualTo(442_624);
    assertThat(a.layer("flatten").orElseThrow().output()).isEqualTo(Shape.of(9_216));
  }

  @Test
  void resNet50CountsBatchNormStatisticsAsNonTrainable() {
    Totals t = Bundled.analyze("resnet50").totals();
    assertThat(t.nonTrainable()).isEqualTo(53_120);
    assertThat(t.trainable()).isEqualTo(25_636_712 - 53_120);
  }

  @Test
  void vgg16MacsMatchTorchvisionsPublishedFigure() {
    // torchvision lists VGG16 at 15.47 GMACs (convolutions and linear layers, 224×224).
    long macs = Bundled.analyze("vgg16").totals().macs();
    assertThat(Math.round(macs / 1e7) / 100.0).isEqualTo(15.47);
  }

  @ParameterizedTest(name = "{0}: {1} GMACs")
  @CsvSource({
    "zoo/resnet18-torchvision, 1.81",
    "zoo/resnet50-torchvision, 4.09",
    "zoo/alexnet-torchvision, 0.71"
  })
  void macsMatchTorchvisionsPublishedFigures(String id, double gmacs) {
    long macs = Bundled.analyze(id).totals().macs();
    assertThat(Math.round(macs / 1e7) / 100.0).isEqualTo(gmacs);
  }

  @Test
  void mobileNetV2KeepsBatchNormStatisticsNonTrainable() {
    assertThat(Bundled.analyze("zoo/mobilenetv2").totals().nonTrainable()).isEqualTo(34_112);
  }

  @Test
  void resNet50KerasAndTorchvisionDifferBy79680() {
    // Keras: biased convolutions and 4 BatchNorm parameters per channel; torchvision neither.
    assertThat(Bundled.analyze("resnet50").totals().params()
        - Bundled.analyze("zoo/resnet50-torchvision").totals().params()).isEqualTo(79_680);
  }

  @Test
  void vgg16ReceptiveFieldAtBlock5Pool() {
    Geometry g = Bundled.analyze("vgg16").layer("block5_pool").orElseThrow().geometry()
        .orElseThrow();
    assertThat(g.receptiveField()).containsExactly(Fraction.of(212), Fraction.of(212));
    assertThat(g.stride()).containsExactly(Fraction.of(32), Fraction.of(32));
  }

  @Test
  void vgg16DenseLayersHaveNoGeometry() {
    assertThat(Bundled.analyze("vgg16").layer("fc1").orElseThrow().geometry()).isEmpty();
  }

  @Test
  void lenetKerasPerLayer() {
    assertThat(params(Bundled.analyze("lenet5-keras")))
        .containsExactly(156L, 0L, 2_416L, 0L, 0L, 48_120L, 10_164L, 850L);
  }

  @Test
  void lenet1998PerLayerAsThePaperCountsThem() {
    // LeCun et al. 1998, section II.B: C1 156, S2 12, C3 1,516, S4 32, C5 48,120, F6 10,164;
    // the RBF centres (84 per unit) are fixed by hand: 60,000 trainable parameters in all.
    Analysis a = Bundled.analyze("zoo/lenet5-1998");
    assertThat(params(a)).containsExactly(156L, 12L, 1_516L, 32L, 48_120L, 0L, 10_164L, 840L);
    assertThat(a.totals().trainable()).isEqualTo(60_000);
    assertThat(a.totals().nonTrainable()).isEqualTo(840);
    LayerResult c3 = a.layer("C3").orElseThrow();
    assertThat(c3.weights()).isEqualTo(25 * 60);
    assertThat(c3.output()).isEqualTo(Shape.of(10, 10, 16));
    assertThat(c3.derivationsOf(Derived.Count.WEIGHTS).get(0).equation(Notation.TEXT))
        .isEqualTo("weights = K_h·K_w·(6·3 + 9·4 + 6) = 5·5·(6·3 + 9·4 + 6) = 1,500");
  }

  @Test
  void c3WithFullConnectionsWouldHave2416() {
    // Without the table every C3 map would see all 6 S2 maps: 5·5·6·16 + 16.
    String full = """
        title: t
        input: [14, 14, 6]
        layers:
          - {type: Conv2D, filters: 16, kernel_size: 5}
        """;
    assertThat(Bundled.analyzeText(full).totals().params()).isEqualTo(2_416);
  }
}
