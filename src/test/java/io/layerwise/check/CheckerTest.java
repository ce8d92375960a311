package io.layerwise.check;

import io.layerwise.Layerwise;
import io.layerwise.diagnostic.ExerciseException;
import static io.layerwise.check.MistakesTest.COURSE;
import static org.assertj.core.api.Assertions.assertThat;

import io.layerwise.engine.Analysis;
import io.layerwise.engine.Mistake;
import io.layerwise.exercise.AnswersReader;
import io.layerwise.model.Quantity;
import io.layerwise.model.Value;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/** Carried errors, totals, scores, and the bundled answer files. */
class CheckerTest {

  private static CheckResult check(String exercise, String answers) throws ExerciseException {
    Analysis a = Layerwise.explain("ex.yaml", exercise);
    return Checker.check(a, AnswersReader.read("answers.yaml", answers, a.exercise()));
  }

  @Test
  void laterNumbersComputedFromAWrongShapeAreCarriedNotMistakes() throws ExerciseException {
    CheckResult r = check(COURSE, """
        layers:
          conv1: {output_shape: 32x32x8}
          pool1: {output_shape: 16x16x8}
          conv2: {output_shape: 12x12x16, activations: 2304}
          pool2: {output_shape: 6x6x16}
          flatten: {output_shape: 576}
          fc3: {params: 69240}
        """);
    List<Finding> f = r.findings();
    assertThat(f.get(0).mistake()).contains(Mistake.SAME_INSTEAD_OF_VALID);
    for (Finding later : f.subList(1, f.size())) {
      assertThat(later.correct()).as(later.layer()).isFalse();
      assertThat(later.verdict()).as(later.layer()).isEqualTo(Verdict.CARRIED);
      assertThat(later.mistake()).isEmpty();
      assertThat(later.carriedFrom()).contains(new Source("conv1", Quantity.OUTPUT_SHAPE));
    }
    // 576·120 + 120 from the student's own flatten size
    assertThat(new Feedback(Locale.ENGLISH, r.exercise()).text(f.get(6)))
        .contains("576·120 + 120 = 69,240").contains("the method is right");
    assertThat(r.correct()).isZero();
  }

  @Test
  void aMistakeOnTopOfACarriedValueNamesBoth() throws ExerciseException {
    // flatten carried from pool2's wrong (6, 6, 16), then one bias per layer: 576·120 + 1
    CheckResult r = check(COURSE, """
        layers:
          pool2: {output_shape: [6, 6, 16]}
          fc3: {params: 69121}
        """);
    Finding fc3 = r.findings().get(1);
    assertThat(fc3.mistake()).contains(Mistake.ONE_BIAS_PER_LAYER);
    assertThat(fc3.carriedFrom()).contains(new Source("pool2", Quantity.OUTPUT_SHAPE));
  }

  @Test
  void aRightAnswerAfterAWrongShapeStaysRight() throws ExerciseException {
    CheckResult r = check(COURSE, """
        layers:
          conv1: {output_shape: 32x32x8}
          conv2: {params: 3216}
        """);
    assertThat(r.findings().get(1).correct()).isTrue();
    assertThat(r.correct()).isEqualTo(1);
  }

  @Test
  void aTotalThatAddsTheStudentsOwnNumbersIsCarried() throws ExerciseException {
    // 208 + 416 + 48,001 + 10,081 + 841 = 59,547: the article's numbers added up
    CheckResult r = check(COURSE, """
        layers:
          conv1: {params: 208}
          conv2: {params: 416}
          fc3: {params: 48001}
          fc4: {params: 10081}
          softmax: {params: 841}
        total: {params: 59547}
        """);
    Finding total = r.findings().get(5);
    assertThat(total.verdict()).isEqualTo(Verdict.CARRIED);
    assertThat(total.carriedFrom()).contains(new Source("conv1", Quantity.PARAMS));
  }

  @Test
  void aTotalWithTheSameMistakeInEveryLayerIsDiagnosed() throws ExerciseException {
    // every layer with one bias: 600+1 + 3,200+1 + 48,000+1 + 10,080+1 + 840+1 = 62,725
    Finding total = check(COURSE, "total: 62725\n").findings().get(0);
    assertThat(total.mistake()).contains(Mistake.ONE_BIAS_PER_LAYER);
  }

  @Test
  void aPositionNamesALayerAndANumberOfTheNextRowIsRecognised() throws ExerciseException {
    CheckResult r = check(COURSE, """
        layers:
          conv1: {output_shape: [28, 28, 8], params: 208}
          fc3: {params: 48001}
          "6": {params: 10081}
        total: {params: 62958}
        """);
    assertThat(r.findings()).extracting(Finding::layer)
        .containsExactly("conv1", "conv1", "fc3", "fc3", "total");
    Finding six = r.findings().get(3);
    assertThat(six.verdict()).isEqualTo(Verdict.WRONG_LAYER);
    assertThat(six.otherLayer()).contains("fc4");
    assertThat(six.otherMistake()).contains(Mistake.ONE_BIAS_PER_LAYER);
    assertThat(r.correct()).isEqualTo(2);
    assertThat(r.total()).isEqualTo(5);
  }

  @Test
  void theScoreCreditsCarriedAnswersBesideTheRightOnes() throws ExerciseException {
    CheckResult r = Layerwise.check(Path.of("exercises/course-example.yaml"),
        Path.of("exercises/answers/course-example.student-a.yaml"));
    assertThat(r.correct()).isEqualTo(3);
    assertThat(r.carried()).isEqualTo(6);
    assertThat(r.wrong()).isEqualTo(3);
    assertThat(r.credited()).isEqualTo(9);
    assertThat(r.total()).isEqualTo(12);
    assertThat(io.layerwise.report.CheckReport.text(r, Locale.ENGLISH))
        .contains("Score: 3 of 12 right, 6 more credited as carried errors");
    assertThat(io.layerwise.report.CheckReport.json(r, Locale.ENGLISH))
        .contains("\"credited\": 9");
  }

  @Test
  void aBatchNormalizationAfterTheStudentsOwnWrongConvolutionIsCarried()
      throws ExerciseException {
    CheckResult r = check("""
        title: conv and batch norm
        input: [32, 32, 3]
        layers:
          - {type: Conv2D, name: conv, filters: 16, kernel_size: 3}
          - {type: BatchNormalization, name: bn}
        """, """
        layers:
          conv: {output_shape: 32x32x16}
          bn: {output_shape: 32x32x16, params: 64}
        """);
    assertThat(r.findings()).extracting(f -> f.verdict().name())
        .containsExactly("MISTAKE", "CARRIED", "RIGHT");
  }

  @Test
  void aResidualAddOfShapesThatCannotAgreeNamesTheEarlierAnswer() throws ExerciseException {
    CheckResult r = check(MistakesTest.RESIDUAL, """
        layers:
          branch: {output_shape: 30x30x16}
          add: {output_shape: 30x30x16}
        """);
    Finding add = r.findings().get(1);
    assertThat(add.mistake()).contains(Mistake.MERGE_SHAPE_MISMATCH);
    assertThat(add.carriedFrom()).contains(new Source("branch", Quantity.OUTPUT_SHAPE));
    assertThat(new Feedback(Locale.ENGLISH, r.exercise()).text(add))
        .contains("the shapes of the merged inputs do not agree")
        .contains("your own output_shape of branch");
  }

  @Test
  void aConcatenateOfShapesThatDisagreeOffItsAxisNamesTheEarlierAnswer()
      throws ExerciseException {
    // add given 30×30×16 by the student cannot be joined to the 32×32×16 input along channels
    CheckResult r = check(MistakesTest.RESIDUAL, """
        layers:
          add: {output_shape: 30x30x16}
          concat: {output_shape: 30x30x32}
        """);
    Finding concat = r.findings().get(1);
    assertThat(concat.mistake()).contains(Mistake.MERGE_SHAPE_MISMATCH);
    assertThat(concat.carriedFrom()).contains(new Source("add", Quantity.OUTPUT_SHAPE));
  }

  @Test
  void theArticlesTableIsDiagnosedByName() throws ExerciseException {
    CheckResult r = Layerwise.check(Path.of("exercises/course-example.yaml"),
        Path.of("exercises/answers/course-example.article.yaml"));
    List<Finding> wrong = r.findings().stream().filter(f -> !f.correct()).toList();
    assertThat(wrong).extracting(f -> f.layer() + " " + f.answer().given().canonical() + " "
        + f.mistake().map(Mistake::id).orElse("?"))
        .containsExactly(
            "conv1 208 forgot-input-channels",
            "conv2 416 forgot-input-channels",
            "fc3 48001 one-bias-per-layer",
            "fc4 10081 one-bias-per-layer",
            "softmax 841 one-bias-per-layer");
  }

  @Test
  void everyBundledAnswersFileChecksWithoutErrors() throws Exception {
    try (var files = java.nio.file.Files.list(Path.of("exercises/answers"))) {
      List<Path> all = files.filter(p -> p.toString().endsWith(".yaml")).sorted().toList();
      assertThat(all).hasSizeGreaterThanOrEqualTo(3);
      for (Path answers : all) {
        String name = answers.getFileName().toString();
        Path exercise = Path.of("exercises", name.substring(0, name.indexOf('.')) + ".yaml");
        CheckResult r = Layerwise.check(exercise, answers);
        assertThat(r.findings()).as(name).isNotEmpty();
        assertThat(r.findings().stream().filter(f -> !f.correct()))
            .as(name + ": every wrong answer is explained")
            .allMatch(f -> f.verdict() != Verdict.UNEXPLAINED);
      }
    }
  }

  @Test
  void memoryAnswersNeedATrainingSection() throws ExerciseException {
    Analysis a = Layerwise.explain("ex.yaml", COURSE);
    ExerciseException e = org.junit.jupiter.api.Assertions.assertThrows(ExerciseException.class,
        () -> AnswersReader.read("answers.yaml",
            "layers:\n  conv1: {activation_bytes: 12544}\nmemory: {total_bytes: 5}\n",
            a.exercise()));
    assertThat(e.diagnostics()).extracting(d -> d.location().line() + ": " + d.message())
        .containsExactly("2: 'activation_bytes' is a memory quantity, but the exercise has no"
            + " 'training:' section", "3: 'memory' answers the memory of a training step, but"
            + " the exercise has no 'training:' section");
  }

  /** Memory totals are findings of the total; MiB and MB are decimals in the JSON report. */
  @Test
  void memoryAnswersInTheJsonReport() throws ExerciseException {
    CheckResult r = check(MistakesTest.MEGABYTES, """
        layers:
          conv: {activation_bytes: "8,388,608"}
        memory: {total_mib: "11.53", total_mb: 11.53}
        """);
    assertThat(r.correct()).isEqualTo(2);
    String json = io.layerwise.report.CheckReport.json(r, Locale.ENGLISH);
    assertThat(json).contains("\"layer\": \"total\"").contains("\"quantity\": \"total_mib\"")
        .contains("\"given\": 11.53").contains("\"expected\": 11.00")
        .contains("\"mistake\": \"mib-vs-mb\"");
  }

  /**
   * conv given 'valid' (6×6×4 instead of 8×8×4): its activation bytes from that shape, 4 samples
   * of 6·6·4 values of 4 bytes = 2,304, are carried, not a mistake.
   */
  @Test
  void activationBytesFromTheStudentsOwnShapeAreCarried() throws ExerciseException {
    CheckResult r = check(MistakesTest.MEMORY, """
        layers:
          conv: {output_shape: 6x6x4, activation_bytes: 2304}
        """);
    Finding f = r.findings().get(1);
    assertThat(f.verdict()).isEqualTo(Verdict.CARRIED);
    assertThat(f.carriedFrom()).contains(new Source("conv", Quantity.OUTPUT_SHAPE));
  }

  /**
   * conv's activations in bits (32,768 instead of 4,096 bytes): its total 32,768 + 448 + 448 +
   * 896 = 34,560 and the network's activations 32,768 + 160 = 32,928 follow from it; the input
   * for one sample (768): the total 768 + 32,928 + 10,728 + 10,728 + 21,456 = 76,608 follows
   * from the student's own parts. Carried, from the earliest wrong answer.
   */
  @Test
  void memorySumsOfTheStudentsOwnPartsAreCarried() throws ExerciseException {
    CheckResult r = check(MistakesTest.MEMORY, """
        layers:
          conv: {total_bytes: 34560, activation_bytes: 32768}
        memory: {total_bytes: 76608, input_bytes: 768, activation_bytes: 32928}
        """);
    List<Finding> f = r.findings();
    assertThat(f.get(1).mistake()).contains(Mistake.BITS_INSTEAD_OF_BYTES);
    assertThat(f.get(0).verdict()).isEqualTo(Verdict.CARRIED);
    assertThat(f.get(0).carriedFrom()).contains(new Source("conv", Quantity.ACTIVATION_BYTES));
    assertThat(f.get(4).verdict()).isEqualTo(Verdict.CARRIED);
    assertThat(f.get(4).carriedFrom()).contains(new Source("conv", Quantity.ACTIVATION_BYTES));
    assertThat(f.get(3).mistake()).contains(Mistake.FORGOT_BATCH);
    assertThat(f.get(2).verdict()).isEqualTo(Verdict.CARRIED);
    assertThat(f.get(2).carriedFrom()).contains(new Source("total", Quantity.INPUT_BYTES));
    assertThat(new Feedback(Locale.ENGLISH, r.exercise()).text(f.get(2)))
        .startsWith("76,608 is wrong, but it follows correctly from your own input_bytes of the"
            + " network");
  }

  /**
   * 12,534,464 bytes (the right 11,534,464 with one digit wrong) are 11.95 MiB and 12.53 MB:
   * right conversions of a slipped total, credited.
   */
  @Test
  void mibAndMbOfTheStudentsOwnTotalAreCarried() throws ExerciseException {
    CheckResult r = check(MistakesTest.MEGABYTES, """
        memory: {total_mib: 11.95, total_mb: 12.53, total_bytes: 12534464}
        """);
    List<Finding> f = r.findings();
    assertThat(f.get(2).verdict()).isEqualTo(Verdict.UNEXPLAINED);
    for (Finding mib : f.subList(0, 2)) {
      assertThat(mib.verdict()).isEqualTo(Verdict.CARRIED);
      assertThat(mib.carriedFrom()).contains(new Source("total", Quantity.TOTAL_BYTES));
    }
    assertThat(r.credited()).isEqualTo(2);
  }

  /**
   * 12,000,000 bytes, a round number no mistake or slip gives: its 11.44 MiB and 12.00 MB follow
   * from it, but earn nothing (unexplained, carried from the total in bytes).
   */
  @Test
  void mibAndMbOfAnUnexplainedTotalAreNotCredited() throws ExerciseException {
    CheckResult r = check(MistakesTest.MEGABYTES, """
        memory: {total_mib: 11.44, total_mb: 12.00, total_bytes: 12000000}
        """);
    for (Finding mib : r.findings().subList(0, 2)) {
      assertThat(mib.verdict()).isEqualTo(Verdict.UNEXPLAINED);
      assertThat(mib.carriedFrom()).contains(new Source("total", Quantity.TOTAL_BYTES));
    }
    assertThat(r.credited()).isZero();
  }

  /**
   * The gaming answers file: every shape 1×1×1 (a flat 1 after Flatten) and every later number
   * worked out from it. Without the gate conv1's activations, flatten's shape and fc3's
   * parameters (1·120 + 120 = 240) were credited as carried; now each is unexplained, still
   * naming the answer it follows from, and nothing but the right answers scores.
   */
  @Test
  void aChainFromAOneByOneByOneShapeEarnsNoCarriedCredit() throws ExerciseException {
    CheckResult r = check(COURSE, """
        layers:
          conv1: {output_shape: 1x1x1, activations: 1, params: 608}
          pool1: {output_shape: 1x1x1, activations: 1}
          conv2: {output_shape: 1x1x1, activations: 1}
          pool2: {output_shape: 1x1x1, activations: 1}
          flatten: {output_shape: 1}
          fc3: {params: 240, activations: 120}
        total: {params: 15078}
        """);
    List<Finding> f = r.findings();
    assertThat(f.get(2).correct()).isTrue(); // conv1's parameters do not depend on its shape
    assertThat(f.get(11).correct()).isTrue(); // fc3's 120 units
    assertThat(r.carried()).isZero();
    assertThat(r.credited()).isEqualTo(r.correct()).isEqualTo(2);
    assertThat(f.get(0).verdict()).isEqualTo(Verdict.UNEXPLAINED);
    assertThat(f.get(0).carriedFrom()).isEmpty();
    // what was credited before: each now names where it follows from, and is unexplained
    for (int i : new int[] {1, 9, 10}) {
      assertThat(f.get(i).verdict()).as(f.get(i).layer()).isEqualTo(Verdict.UNEXPLAINED);
      assertThat(f.get(i).carriedFrom()).as(f.get(i).layer()).isPresent();
    }
    assertThat(f.get(1).carriedFrom()).contains(new Source("conv1", Quantity.OUTPUT_SHAPE));
    assertThat(f.get(10).carriedFrom()).contains(new Source("pool2", Quantity.OUTPUT_SHAPE));
    // the total adds up the student’s own numbers, fc3’s 240 among them (62,958 − 48,120 + 240):
    // not credited either
    assertThat(f.get(12).verdict()).isEqualTo(Verdict.UNEXPLAINED);
    assertThat(f.get(12).carriedFrom()).contains(new Source("fc3", Quantity.PARAMS));
    String json = io.layerwise.report.CheckReport.json(r, Locale.ENGLISH);
    assertThat(json).contains("\"carried\": 0").contains("\"credited\": 2");
    assertThat(io.layerwise.report.CheckReport.text(r, Locale.ENGLISH))
        .startsWith("course\nScore: 2 of 13 right\n")
        .contains("WRONG  fc3 params: 240   [follows from pool2 output_shape, not credited]");
    assertThat(new Feedback(Locale.ENGLISH, r.exercise()).text(f.get(10)))
        .startsWith("240 is wrong; it follows from your output_shape of pool2, but no credit is"
            + " given for it");
  }

  private static final String DENSE = """
      title: dense
      input: [784]
      layers:
        - {type: Dense, name: fc1, units: 128}
        - {type: Dense, name: fc2, units: 64}
        - {type: Dense, name: out, units: 10}
      """;

  /**
   * fc1's 128 units written 218 (two digits swapped), or 129: fc2's parameters from it,
   * 218·64 + 64 = 14,016, are credited as carried; from a 1 (1·64 + 64 = 128) they are not.
   */
  @Test
  void aChainFromAnHonestSlipIsCreditedOneFromAOneIsNot() throws ExerciseException {
    for (String slip : new String[] {"218", "129", "138"}) {
      long fc2 = Long.parseLong(slip) * 64 + 64;
      CheckResult r = check(DENSE, "layers:\n  fc1: {output_shape: " + slip + "}\n"
          + "  fc2: {params: " + fc2 + "}\n");
      assertThat(r.findings().get(0).verdict()).as(slip).isEqualTo(Verdict.UNEXPLAINED);
      assertThat(r.findings().get(1).verdict()).as(slip).isEqualTo(Verdict.CARRIED);
      assertThat(r.credited()).as(slip).isEqualTo(1);
    }
    for (String gamed : new String[] {"1", "1280", "12"}) {
      long fc2 = Long.parseLong(gamed) * 64 + 64;
      CheckResult r = check(DENSE, "layers:\n  fc1: {output_shape: " + gamed + "}\n"
          + "  fc2: {params: " + fc2 + "}\n");
      assertThat(r.findings().get(1).verdict()).as(gamed).isEqualTo(Verdict.UNEXPLAINED);
      assertThat(r.findings().get(1).carriedFrom()).as(gamed)
          .contains(new Source("fc1", Quantity.OUTPUT_SHAPE));
      assertThat(r.credited()).as(gamed).isZero();
    }
  }

  /**
   * A total of the student's own layer numbers is credited when each wrong one is explained
   * (conv1's 608 written 680, two digits swapped: 62,958 + 72 = 63,030), not when one is a 0
   * no mistake gives (62,958 − 608 = 62,350).
   */
  @Test
  void aTotalOfTheStudentsOwnNumbersIsCreditedOnlyWhenEachIsExplained()
      throws ExerciseException {
    CheckResult slipped = check(COURSE, """
        layers:
          conv1: {params: 680}
        total: {params: 63030}
        """);
    assertThat(slipped.findings().get(1).verdict()).isEqualTo(Verdict.CARRIED);
    CheckResult zero = check(COURSE, """
        layers:
          conv1: {params: 0}
        total: {params: 62350}
        """);
    assertThat(zero.findings().get(1).verdict()).isEqualTo(Verdict.UNEXPLAINED);
    assertThat(zero.findings().get(1).carriedFrom())
        .contains(new Source("conv1", Quantity.PARAMS));
    // the first wrong part is explained, the second is not: the finding names the second
    CheckResult both = check(COURSE, """
        layers:
          conv1: {params: 680}
          conv2: {params: 0}
        total: {params: 59814}
        """);
    assertThat(both.findings().get(2).verdict()).isEqualTo(Verdict.UNEXPLAINED);
    assertThat(both.findings().get(2).carriedFrom())
        .contains(new Source("conv2", Quantity.PARAMS));
  }

  /** conv given 6×6×4: its total 2,304 + 448 + 448 + 896 = 4,096 follows from that shape. */
  @Test
  void aLayersMemoryFromTheStudentsOwnShapeIsCarried() throws ExerciseException {
    CheckResult r = check(MistakesTest.MEMORY, """
        layers:
          conv: {output_shape: 6x6x4, total_bytes: 4096}
        """);
    Finding f = r.findings().get(1);
    assertThat(f.verdict()).isEqualTo(Verdict.CARRIED);
    assertThat(f.carriedFrom()).contains(new Source("conv", Quantity.OUTPUT_SHAPE));
  }

  /**
   * A layer after the wrong shape, whose shape the student did not give: fc on a 6·6·4 = 144
   * flat input has 144·10 + 10 = 1,450 parameters, so (batch 4, float32, Adam) 4·10·4 = 160 bytes
   * of output, 5,800 of parameters, 5,800 of gradients and 11,600 of optimizer state: 23,360
   * bytes, credited as carried from conv's shape (the right fc has 2,570 parameters: 41,280).
   */
  @Test
  void aLaterLayersMemoryFromTheStudentsOwnShapeIsCarried() throws ExerciseException {
    CheckResult r = check(MistakesTest.MEMORY, """
        layers:
          conv: {output_shape: 6x6x4}
          fc: {param_bytes: 5800, total_bytes: 23360}
        """);
    assertThat(r.findings().get(1).verdict()).isEqualTo(Verdict.CARRIED);
    Finding total = r.findings().get(2);
    assertThat(total.expected()).isEqualTo(Value.of(41_280));
    assertThat(total.verdict()).isEqualTo(Verdict.CARRIED);
    assertThat(total.carriedFrom()).contains(new Source("conv", Quantity.OUTPUT_SHAPE));
  }
}
