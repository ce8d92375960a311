package io.layerwise.diagnosis;

import static org.assertj.core.api.Assertions.assertThat;

import io.layerwise.Bundled;
import io.layerwise.Layerwise;
import io.layerwise.engine.Mistake;
import io.layerwise.model.Quantity;
import io.layerwise.model.Shape;
import io.layerwise.model.Value;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The predictions, the carried recomputation, and the recipes the self-check page evaluates. */
class DiagnosisTest {

  private static Diagnosis course() throws Exception {
    return Diagnosis.of(Layerwise.explain(Path.of("exercises/course-example.yaml")));
  }

  @Test
  void eachPredictionCarriesTheStudentsWay() throws Exception {
    Prediction p = course().layer("conv1").giving(Quantity.PARAMS, Value.of(208)).get(0);
    assertThat(p.mistake()).isEqualTo(Mistake.FORGOT_INPUT_CHANNELS);
    assertThat(p.yours()).extracting(d -> d.equation(io.layerwise.engine.Notation.TEXT))
        .contains("params = K_h·K_w·F + F = 5·5·8 + 8 = 208");
  }

  @Test
  void theCourseExamplesSecondConvolutionCountedWithTheImagesChannels() throws Exception {
    // 5·5·3·16 + 16: the network input's 3 channels instead of pool1's 8
    assertThat(course().layer("conv2").giving(Quantity.PARAMS, Value.of(1216)))
        .extracting(Prediction::mistake).containsExactly(Mistake.CHANNELS_OF_NETWORK_INPUT);
  }

  @Test
  void theWrongTotalsComeInTheMarkersOrder() throws Exception {
    List<TotalPrediction> totals = course().totals(Quantity.PARAMS);
    // every layer with one bias: 600+1 + 3,200+1 + 48,000+1 + 10,080+1 + 840+1
    assertThat(totals).contains(new TotalPrediction(Mistake.ONE_BIAS_PER_LAYER,
        Value.of(62725)));
    assertThat(totals).extracting(TotalPrediction::mistake)
        .doesNotContain(Mistake.TOTAL_TRAINABLE_ONLY);
  }

  @Test
  void aCarriedLayerIsRecomputedFromTheStudentsShape() throws Exception {
    Carried c = course().carry(Map.of("conv1", new Shape(List.of(32L, 32L, 8L))));
    assertThat(c.layer("pool1").orElseThrow().value(Quantity.OUTPUT_SHAPE))
        .contains(Value.of(new Shape(List.of(16L, 16L, 8L))));
    assertThat(c.shape("conv1")).contains(new Shape(List.of(32L, 32L, 8L)));
  }

  static Stream<Path> bundled() {
    return Bundled.files().stream();
  }

  /** A recipe gives the engine's numbers on the right inputs and, where it carries, on others. */
  @ParameterizedTest
  @MethodSource("bundled")
  void recipesAgreeWithTheEngine(Path file) throws Exception {
    Diagnosis d = Diagnosis.of(Layerwise.explain(file));
    for (LayerDiagnosis l : d.layers()) {
      List<List<Long>> ins = l.result().inputShapes().stream().map(Shape::dims).toList();
      Recipe r = d.recipe(l);
      for (int a = 0; a < r.output().size(); a++) {
        assertThat(r.output().get(a).eval(ins)).as(l.name() + " axis " + a)
            .isEqualTo(l.result().output().dim(a));
      }
      for (Map.Entry<Quantity, Term> e : r.counts().entrySet()) {
        assertThat(Value.of(e.getValue().eval(ins))).as(l.name() + " " + e.getKey())
            .isEqualTo(l.value(e.getKey()).orElseThrow());
      }
    }
  }

  /** Only the diagnosis calls the engine's mistake and recompute functions. */
  @Test
  void onlyTheDiagnosisAsksTheEngineForMistakes() throws Exception {
    Pattern calls = Pattern.compile("Engine\\.(slips|recompute|layer)\\(");
    try (Stream<Path> files = Files.walk(Path.of("src/main/java/io/layerwise"))) {
      for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
        String text = Files.readString(f);
        boolean allowed = f.startsWith("src/main/java/io/layerwise/diagnosis")
            || f.startsWith("src/main/java/io/layerwise/engine");
        if (!allowed) {
          assertThat(calls.matcher(text).find()).as(f.toString()).isFalse();
        }
        if (f.startsWith("src/main/java/io/layerwise/check")
            || f.endsWith("SelfCheckPage.java") || f.endsWith("MoodleQuiz.java")) {
          assertThat(text).as(f.toString()).doesNotContain("import io.layerwise.engine.Engine;");
        }
      }
    }
  }

  /**
   * The memory quantities come from the analysis' Memory: a view (Flatten) stores nothing, so no
   * mistake changes its 0 bytes; a layer without memory quantities has none; an exercise without
   * training: has no memory at all. conv's output: 4 samples of 8·8·4 values, 4 bytes each.
   */
  @Test
  void memoryPredictionsReadTheAnalysisMemory() throws Exception {
    Diagnosis d = Diagnosis.of(Layerwise.explain("ex.yaml", """
        title: memory
        input: [8, 8, 3]
        training: {batch: 4, dtype: float32, optimizer: adam}
        layers:
          - {type: Conv2D, name: conv, filters: 4, kernel_size: 3, padding: same}
          - {type: Flatten, name: flat}
          - {type: Dense, name: fc, units: 10}
        """));
    assertThat(d.layer("flat").value(Quantity.ACTIVATION_BYTES)).contains(Value.of(0));
    assertThat(d.layer("flat").predictions(Quantity.ACTIVATION_BYTES)).isEmpty();
    assertThat(d.layer("conv").value(Quantity.ACTIVATION_BYTES)).contains(Value.of(4096));
    assertThat(d.layer("conv").value(Quantity.INPUT_BYTES)).isEmpty();
    assertThat(d.layer("conv").predictions(Quantity.ACTIVATION_BYTES))
        .extracting(Prediction::mistake).containsExactly(Mistake.BITS_INSTEAD_OF_BYTES,
            Mistake.FORGOT_BATCH, Mistake.PARAMS_AS_ACTIVATIONS);
    assertThat(d.memory().orElseThrow().value(Quantity.TOTAL_MIB))
        .contains(new Value.Decimal(5)); // 50,240 / 1,048,576 = 0.0479… → 0.05
    assertThat(course().memory()).isEmpty();
    assertThat(course().layer("conv1").value(Quantity.ACTIVATION_BYTES)).isEmpty();
  }
}
