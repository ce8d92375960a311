package io.layerwise.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.layerwise.Bundled;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The memory of a training step, checked against arithmetic written out in the test: VGG16's
 * pinned figures, VGG16 at batch 32 with Adam, mixed precision, and torchinfo's estimate.
 */
class MemoryRulesTest {

  /** VGG16's layers: output values for one sample, parameters, MACs, written out by hand. */
  private record Row(String name, long values, long params, long macs) {}

  private static List<Row> vgg16() {
    List<Row> rows = new ArrayList<>();
    long[][] blocks = {{224, 3, 64, 2}, {112, 64, 128, 2}, {56, 128, 256, 3}, {28, 256, 512, 3},
        {14, 512, 512, 3}};
    for (int b = 0; b < blocks.length; b++) {
      long size = blocks[b][0];
      long in = blocks[b][1];
      long out = blocks[b][2];
      for (int c = 1; c <= blocks[b][3]; c++) {
        long cin = c == 1 ? in : out;
        rows.add(new Row("block" + (b + 1) + "_conv" + c, size * size * out,
            (3 * 3 * cin + 1) * out, size * size * out * 3 * 3 * cin));
      }
      rows.add(new Row("block" + (b + 1) + "_pool", (size / 2) * (size / 2) * out, 0, 0));
    }
    rows.add(new Row("flatten", 7 * 7 * 512, 0, 0));
    rows.add(new Row("fc1", 4096, (25088 + 1) * 4096, 25088L * 4096));
    rows.add(new Row("fc2", 4096, (4096 + 1) * 4096, 4096L * 4096));
    rows.add(new Row("predictions", 1000, (4096 + 1) * 1000, 4096L * 1000));
    return rows;
  }

  private static String vgg16Text(String training) throws IOException {
    String text = Files.readString(Path.of("exercises/vgg16.yaml"));
    assertThat(text).contains("training: {batch: 1, dtype: float32}\n");
    return text.replace("training: {batch: 1, dtype: float32}", training);
  }

  @Test
  void bundledVgg16PinsTheFiguresOfTheLectures() {
    Analysis a = Bundled.analyze("vgg16");
    Memory m = a.memory().orElseThrow();
    assertThat(a.totals().activations()).isEqualTo(15_112_168L);
    assertThat(m.viewValues()).isEqualTo(25_088L);
    assertThat(m.storedValues().result()).isEqualTo(15_112_168L - 25_088L);
    assertThat(m.input().result()).isEqualTo(150_528L * 4);
    assertThat(m.params().result()).isEqualTo(553_430_176L);
    assertThat(m.activations().result()).isEqualTo((15_112_168L - 25_088L) * 4);
    assertThat(m.gradients().result()).isZero();
    assertThat(m.optimizerState().result()).isZero();
    assertThat(m.total().result()).isEqualTo(150_528L * 4 + (15_112_168L - 25_088L) * 4
        + 553_430_176L);
    assertThat(m.trainingFlops()).as("inference has no training step").isEmpty();
    assertThat(m.torchinfo()).as("Keras prints no estimate").isEmpty();
    LayerMemory flatten = m.layers().get(18);
    assertThat(flatten.name()).isEqualTo("flatten");
    assertThat(flatten.view()).isTrue();
    assertThat(flatten.activations().result()).as("a view stores nothing of its own").isZero();
  }

  @Test
  void vgg16AtBatch32WithAdamAgreesWithHandArithmetic() throws IOException {
    Analysis a = Bundled.analyzeText(vgg16Text("training: {batch: 32, optimizer: adam}"));
    Memory m = a.memory().orElseThrow();
    List<Row> rows = vgg16();
    assertThat(m.layers()).hasSize(rows.size());
    long stored = 0;
    long params = 0;
    long macs = 0;
    for (int i = 0; i < rows.size(); i++) {
      Row r = rows.get(i);
      LayerMemory l = m.layers().get(i);
      assertThat(l.name()).isEqualTo(r.name());
      boolean view = r.name().equals("flatten");
      long act = view ? 0 : 32 * r.values() * 4;
      assertThat(l.activations().result()).as(r.name()).isEqualTo(act);
      assertThat(l.params().result()).as(r.name()).isEqualTo(r.params() * 4);
      assertThat(l.gradients().result()).as(r.name()).isEqualTo(r.params() * 4);
      assertThat(l.optimizerState().result()).as(r.name()).isEqualTo(2 * r.params() * 4);
      assertThat(l.total()).isEqualTo(act + r.params() * 4 * (1 + 1 + 2));
      stored += view ? 0 : r.values();
      params += r.params();
      macs += r.macs();
    }
    assertThat(params).isEqualTo(138_357_544L);
    assertThat(m.storedValues().result()).isEqualTo(stored);
    long input = 32L * 224 * 224 * 3 * 4;
    long activations = 32 * stored * 4;
    long weights = params * 4;
    long gradients = params * 4;
    long adam = 2 * params * 4;
    assertThat(m.input().result()).isEqualTo(input).isEqualTo(19_267_584L);
    assertThat(m.activations().result()).isEqualTo(activations).isEqualTo(1_931_146_240L);
    assertThat(m.params().result()).isEqualTo(weights);
    assertThat(m.gradients().result()).isEqualTo(gradients);
    assertThat(m.optimizerState().result()).isEqualTo(adam).isEqualTo(1_106_860_352L);
    assertThat(m.total().result()).isEqualTo(input + activations + weights + gradients + adam)
        .isEqualTo(4_164_134_528L);
    assertThat(m.flops().result()).isEqualTo(2 * 32 * macs);
    assertThat(m.trainingFlops().orElseThrow().result()).isEqualTo(3 * 2 * 32 * macs);
    everyFormulaEvaluatesToItsResult(m);
  }

  @Test
  void mixedPrecisionKeepsFloat32MasterWeightsAndState() {
    Analysis a = Bundled.analyzeText("""
        title: t
        input: [10]
        layers:
          - {type: Dense, name: d, units: 4}
          - {type: BatchNormalization, name: bn}
        training: {batch: 8, dtype: bfloat16, optimizer: adam, mixed_precision: true}
        """);
    Memory m = a.memory().orElseThrow();
    long all = (10 + 1) * 4 + 4 * 4;
    long trainable = (10 + 1) * 4 + 2 * 4;
    assertThat(m.params().result()).isEqualTo(all * 2);
    assertThat(m.gradients().result()).as("BN's moving statistics get no gradient")
        .isEqualTo(trainable * 2);
    assertThat(m.optimizerState().result()).as("two moments and the master copy, float32")
        .isEqualTo((2 + 1) * trainable * 4);
    assertThat(m.activations().result()).isEqualTo(8L * (4 + 4) * 2);
    assertThat(m.input().result()).isEqualTo(8L * 10 * 2);
    everyFormulaEvaluatesToItsResult(m);
  }

  @Test
  void momentumKeepsOneStateAndSgdNone() {
    String net = """
        title: t
        input: [10]
        layers:
          - {type: Dense, name: d, units: 4}
        """;
    Memory momentum = Bundled.analyzeText(net + "training: {optimizer: momentum, dtype: float16}")
        .memory().orElseThrow();
    assertThat(momentum.optimizerState().result()).isEqualTo(44L * 2);
    assertThat(momentum.gradients().result()).isEqualTo(44L * 2);
    Memory sgd = Bundled.analyzeText(net + "training: {optimizer: sgd, batch: 3}")
        .memory().orElseThrow();
    assertThat(sgd.optimizerState().result()).isZero();
    assertThat(sgd.gradients().result()).isEqualTo(44L * 4);
    assertThat(sgd.activations().result()).isEqualTo(3L * 4 * 4);
    assertThat(Bundled.analyzeText(net).memory()).as("no training: section, no memory").isEmpty();
  }

  @Test
  void torchinfoDoublesTheOutputsOfLayersWithParametersOnly() {
    Analysis a = Bundled.analyzeText("""
        title: t
        framework: pytorch
        input: [3, 8, 8]
        layers:
          - {type: Conv2d, name: conv, in_channels: 3, out_channels: 4, kernel_size: 3}
          - {type: ReLU, name: relu}
          - {type: Flatten, name: flat}
          - {type: Linear, name: fc, in_features: 144, out_features: 10}
        training: {batch: 2}
        """);
    Memory m = a.memory().orElseThrow();
    TorchinfoEstimate e = m.torchinfo().orElseThrow();
    long input = 2L * 3 * 8 * 8 * 4;
    long pass = 2 * (2L * (4 * 6 * 6 + 10) * 4);
    long params = ((3 * 3 * 3 + 1) * 4 + (144 + 1) * 10) * 4L;
    assertThat(e.input().result()).isEqualTo(input);
    assertThat(e.forwardBackward().result()).isEqualTo(pass);
    assertThat(e.params().result()).isEqualTo(params);
    assertThat(e.total().result()).isEqualTo(input + pass + params);
    assertThat(m.activations().result()).as("ReLU stored, Flatten a view")
        .isEqualTo(2L * (4 * 6 * 6 + 4 * 6 * 6 + 10) * 4);
    everyFormulaEvaluatesToItsResult(m);
  }

  @Test
  void varyChoosesBatchAndOptimizer() {
    Analysis a = Bundled.analyzeText("""
        title: t
        vary:
          batch: [16, 64]
          opt: [momentum, sgd]
        input: [10]
        layers:
          - {type: Dense, name: d, units: 4}
        training: {batch: $batch, optimizer: $opt}
        """);
    Memory m = a.memory().orElseThrow();
    assertThat(m.training().batch()).isEqualTo(16);
    assertThat(m.activations().result()).isEqualTo(16L * 4 * 4);
    assertThat(m.optimizerState().result()).isEqualTo(44L * 4);
  }

  /** Every derivation's substituted text, parsed independently, gives its result. */
  private static void everyFormulaEvaluatesToItsResult(Memory m) {
    List<Derivation> all = new ArrayList<>(m.parts());
    all.add(m.storedValues());
    all.add(m.total());
    all.add(m.flops());
    m.trainingFlops().ifPresent(all::add);
    m.torchinfo().ifPresent(e -> all.addAll(List.of(e.input(), e.forwardBackward(), e.params(),
        e.total())));
    for (LayerMemory l : m.layers()) {
      all.addAll(List.of(l.activations(), l.params(), l.gradients(), l.optimizerState()));
    }
    for (Derivation d : all) {
      assertThat(TextEvaluator.eval(d.substituted(Notation.TEXT))).as(d.equation(Notation.TEXT))
          .isEqualTo(d.result());
    }
  }
}
