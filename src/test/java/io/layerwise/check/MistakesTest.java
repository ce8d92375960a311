package io.layerwise.check;

import io.layerwise.Layerwise;
import io.layerwise.diagnostic.ExerciseException;
import static org.assertj.core.api.Assertions.assertThat;

import io.layerwise.engine.Analysis;
import io.layerwise.engine.Mistake;
import io.layerwise.exercise.AnswersReader;
import io.layerwise.model.Answers;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every mistake of the catalogue: a wrong answer it must diagnose (the number worked out by hand
 * in the comment, independently of the engine) and the right answer, which it must not flag.
 */
class MistakesTest {

  static final String COURSE = """
      title: course
      input: [32, 32, 3]
      layers:
        - {type: Conv2D, name: conv1, filters: 8, kernel_size: 5}
        - {type: MaxPooling2D, name: pool1, pool_size: 2}
        - {type: Conv2D, name: conv2, filters: 16, kernel_size: 5}
        - {type: MaxPooling2D, name: pool2, pool_size: 2}
        - {type: Flatten, name: flatten}
        - {type: Dense, name: fc3, units: 120}
        - {type: Dense, name: fc4, units: 84}
        - {type: Dense, name: softmax, units: 10}
      """;

  static final String WINDOWS = """
      title: windows
      input: [32, 32, 8]
      layers:
        - {type: Conv2D, name: grouped, filters: 8, kernel_size: 3, groups: 2, padding: same}
        - {type: Conv2D, name: padded, filters: 4, kernel_size: 5, padding: 2}
        - {type: Conv2D, name: strided, filters: 4, kernel_size: 5, strides: 2}
        - {type: MaxPooling2D, name: pool, pool_size: 3, strides: 2}
        - {type: Conv2DTranspose, name: up, filters: 2, kernel_size: 3, strides: 2}
        - {type: BatchNormalization, name: bn}
        - {type: Dense, name: dense, units: 10}
      """;

  static final String SEQUENCES = """
      title: sequences
      input: [10, 16]
      layers:
        - {type: LSTM, name: lstm, units: 32, return_sequences: true}
        - {type: GRU, name: gru, units: 32}
      """;

  static final String RESIDUAL = """
      title: residual
      input: [32, 32, 16]
      layers:
        - {type: Conv2D, name: branch, filters: 16, kernel_size: 3, padding: same, use_bias: false}
        - {type: Add, name: add, inputs: [branch, input]}
        - {type: Concatenate, name: concat, inputs: [add, input]}
        - {type: Conv2D, name: wide, filters: 32, kernel_size: 3, padding: same, use_bias: false}
        - {type: GlobalAveragePooling2D, name: gap}
      """;

  /**
   * Adam on a batch of 4 in float32 (b = 4). conv: 8·8·4 = 256 values, 3·3·3·4 + 4 = 112
   * parameters; flat: a view of conv's 256 values (stores nothing); fc: 10 values, 256·10 + 10 =
   * 2,570 parameters. All 2,682 parameters trainable. Input 4·8·8·3·4 = 3,072 bytes; stored
   * activations (256 + 10)·4·4 = 4,256; parameters 2,682·4 = 10,728; gradients 10,728; Adam's
   * state 2·2,682·4 = 21,456; total 3,072 + 4,256 + 10,728 + 10,728 + 21,456 = 50,240.
   */
  static final String MEMORY = """
      title: memory
      input: [8, 8, 3]
      training: {batch: 4, dtype: float32, optimizer: adam}
      layers:
        - {type: Conv2D, name: conv, filters: 4, kernel_size: 3, padding: same}
        - {type: Flatten, name: flat}
        - {type: Dense, name: fc, units: 10}
      """;

  /**
   * Inference, batch 1, float32: input 512·512·3·4 = 3,145,728 bytes; conv's output
   * 512·512·8·4 = 8,388,608; its 3·8 + 8 = 32 parameters 128 bytes; total 11,534,464 bytes =
   * 11 MiB + 128 bytes (11.00 MiB) = 11.534464 MB (11.53 MB).
   */
  static final String MEGABYTES = """
      title: megabytes
      input: [512, 512, 3]
      training: {batch: 1}
      layers:
        - {type: Conv2D, name: conv, filters: 8, kernel_size: 1}
      """;

  static Stream<Arguments> cases() {
    return Stream.of(
        // conv's output 4·8·8·4 = 1,024 values of 4 bytes = 4,096 bytes, counted as 32 bits each
        Arguments.of(Mistake.BITS_INSTEAD_OF_BYTES, MEMORY, "conv", "activation_bytes",
            "32768", "4096"),
        // the stored activations for one sample: 266·4 = 1,064 instead of 4·266·4
        Arguments.of(Mistake.FORGOT_BATCH, MEMORY, "memory", "activation_bytes", "1064",
            "4256"),
        // 11,534,464 / 10^6 = 11.53 given where MiB (2^20) were asked: 11.00
        Arguments.of(Mistake.MIB_VS_MB, MEGABYTES, "memory", "total_mib", "11.53", "11.00"),
        // and the other way round: 11.00 where MB were asked
        Arguments.of(Mistake.MIB_VS_MB, MEGABYTES, "memory", "total_mb", "11.00", "11.53"),
        // 50,240 − 10,728 (Adam's state with one moment gives the same number, named beside it)
        Arguments.of(Mistake.FORGOT_GRADIENTS, MEMORY, "memory", "total_bytes", "39512",
            "50240"),
        // 50,240 − 21,456
        Arguments.of(Mistake.FORGOT_OPTIMIZER_STATE, MEMORY, "memory", "total_bytes", "28784",
            "50240"),
        // 1·2,682·4 instead of 2·2,682·4
        Arguments.of(Mistake.ADAM_MOMENTS_ONCE, MEMORY, "memory", "optimizer_state_bytes",
            "10728", "21456"),
        // fc's output 4·10·4 = 160 bytes plus its 2,570·4 = 10,280 parameter bytes
        Arguments.of(Mistake.PARAMS_AS_ACTIVATIONS, MEMORY, "fc", "activation_bytes", "10440",
            "160"),
        // 5·5·3·16 + 16: conv2 counted with the image's 3 channels instead of pool1's 8
        Arguments.of(Mistake.CHANNELS_OF_NETWORK_INPUT, COURSE, "conv2", "params", "1216",
            "3216"),
        // 3·3·32·32 + 32 on a layer without biases: 9,216 + 32
        Arguments.of(Mistake.BIAS_DESPITE_NO_BIAS, RESIDUAL, "wide", "params", "9248", "9216"),
        // 32·32·32 values flattened instead of the 32 channels
        Arguments.of(Mistake.GLOBAL_POOL_AS_FLATTEN, RESIDUAL, "gap", "output_shape", "32768",
            "32"),
        // 5·5·3 + 8: one kernel for all eight filters
        Arguments.of(Mistake.FORGOT_FILTERS, COURSE, "conv1", "params", "83", "608"),
        // 28×28 with the image's 3 channels instead of the 8 filters
        Arguments.of(Mistake.CHANNELS_KEPT, COURSE, "conv1", "output_shape", "28x28x3",
            "28x28x8"),
        // 16 + 16 channels stacked, where Add keeps 16
        Arguments.of(Mistake.ADD_AS_CONCATENATE, RESIDUAL, "add", "output_shape", "32x32x32",
            "32x32x16"),
        // 16 kept, where Concatenate stacks 16 + 16
        Arguments.of(Mistake.CONCATENATE_AS_ADD, RESIDUAL, "concat", "output_shape", "32x32x16",
            "32x32x32"),
        // the branch given 'valid' (30×30) cannot be added to the 32×32 shortcut
        Arguments.of(Mistake.MERGE_SHAPE_MISMATCH, RESIDUAL, "branch:output_shape=30x30x16;add",
            "output_shape", "30x30x16", "32x32x16"),
        // 5·5·8 + 8: the article's CONV1
        Arguments.of(Mistake.FORGOT_INPUT_CHANNELS, COURSE, "conv1", "params", "208", "608"),
        // 120·84, no biases
        Arguments.of(Mistake.FORGOT_BIAS, COURSE, "fc4", "params", "10080", "10164"),
        // 400·120 + 1: the article's FC3
        Arguments.of(Mistake.ONE_BIAS_PER_LAYER, COURSE, "fc3", "params", "48001", "48120"),
        // 28·28·(5·5·3·8) + 28·28·8
        Arguments.of(Mistake.NO_WEIGHT_SHARING, COURSE, "conv1", "params", "476672", "608"),
        // 3·3·8·8 + 8 where each filter sees 8/2 channels: 3·3·4·8 + 8 = 296
        Arguments.of(Mistake.IGNORED_GROUPS, WINDOWS, "grouped", "params", "584", "296"),
        // 5·3·8 + 8
        Arguments.of(Mistake.KERNEL_ONE_SIDE, COURSE, "conv1", "params", "128", "608"),
        // ⌈32/1⌉ = 32 instead of 32 − 5 + 1 = 28
        Arguments.of(Mistake.SAME_INSTEAD_OF_VALID, COURSE, "conv1", "output_shape", "32x32x8",
            "28x28x8"),
        // 32 − 3 + 1 = 30 instead of ⌈32/1⌉ = 32
        Arguments.of(Mistake.VALID_INSTEAD_OF_SAME, WINDOWS, "grouped", "output_shape",
            "30x30x8", "32x32x8"),
        // 32 − 5 = 27
        Arguments.of(Mistake.FORGOT_PLUS_ONE, COURSE, "conv1", "output_shape", "27x27x8",
            "28x28x8"),
        // ⌈27/2⌉ + 1 = 15 against ⌊27/2⌋ + 1 = 14
        Arguments.of(Mistake.CEIL_INSTEAD_OF_FLOOR, WINDOWS, "strided", "output_shape",
            "15x15x4", "14x14x4"),
        // 32 + 2 − 5 + 1 = 30 against 32 + 4 − 5 + 1 = 32
        Arguments.of(Mistake.PADDING_ONE_SIDE, WINDOWS, "padded", "output_shape", "30x30x4",
            "32x32x4"),
        // 32 − 5 + 1 = 28 against ⌊27/2⌋ + 1 = 14
        Arguments.of(Mistake.FORGOT_STRIDE, WINDOWS, "strided", "output_shape", "28x28x4",
            "14x14x4"),
        // pool on 14: ⌊(14 − 3)/2⌋ + 1 = 6; transposed on 6: 6·2 + max(3 − 2, 0) = 13; forward
        // formula: ⌊(6 − 3)/2⌋ + 1 = 2
        Arguments.of(Mistake.TRANSPOSED_AS_FORWARD, WINDOWS, "up", "output_shape", "2x2x2",
            "13x13x2"),
        // one coefficient and one bias per channel: 2·8
        Arguments.of(Mistake.POOLING_HAS_PARAMS, COURSE, "pool1", "params", "16", "0"),
        // a 2×2 window per channel and a bias: 2·2·8 + 8
        Arguments.of(Mistake.POOLING_HAS_PARAMS, COURSE, "pool1", "params", "40", "0"),
        // a convolution with 8 filters: 2·2·8·8 + 8
        Arguments.of(Mistake.POOLING_HAS_PARAMS, COURSE, "pool1", "params", "264", "0"),
        // 5·5 without the 16 channels
        Arguments.of(Mistake.FLATTEN_FORGOT_CHANNELS, COURSE, "flatten", "output_shape", "25",
            "400"),
        // Dense on (13, 13, 2): flattened 338·10 + 10 against 2·10 + 10
        Arguments.of(Mistake.DENSE_ON_LAST_AXIS, WINDOWS, "dense", "params", "3390", "30"),
        // PyTorch's 2·2 against Keras' 4·2
        Arguments.of(Mistake.BN_CONVENTION, WINDOWS, "bn", "params", "4", "8"),
        // all 4·2 trainable against γ and β only
        Arguments.of(Mistake.BN_STATISTICS_TRAINABLE, WINDOWS, "bn", "trainable_params", "8",
            "4"),
        // one transform: 16·32 + 32·32 + 32 = 1,568 against 4·1,568
        Arguments.of(Mistake.FORGOT_GATES, SEQUENCES, "lstm", "params", "1568", "6272"),
        // 4·(16·32 + 32)
        Arguments.of(Mistake.FORGOT_RECURRENT_WEIGHTS, SEQUENCES, "lstm", "params", "2176",
            "6272"),
        // GRU on 32 features: 3·(32·32 + 32·32 + 32) = 6,240 against 3·(2,048 + 2·32) = 6,336
        Arguments.of(Mistake.GRU_RESET_AFTER, SEQUENCES, "gru", "params", "6240", "6336"),
        // PyTorch's two bias vectors: 4·(16·32 + 32·32 + 2·32)
        Arguments.of(Mistake.RNN_BIAS_CONVENTION, SEQUENCES, "lstm", "params", "6400", "6272"),
        // every step's state (10, 32) where the GRU returns the last one only
        Arguments.of(Mistake.RETURN_SEQUENCES, SEQUENCES, "gru", "output_shape", "10x32", "32"),
        // 2·28·28·5·5·3·8
        Arguments.of(Mistake.FLOPS_INSTEAD_OF_MACS, COURSE, "conv1", "macs", "940800", "470400"),
        // fc4's right number given for fc3
        Arguments.of(Mistake.WRONG_LAYER, COURSE, "fc3", "params", "10164", "48120"),
        // 8 + 8 (BN's γ, β) + the rest, trainable only; see totalTrainableOnly
        Arguments.of(Mistake.TOTAL_TRAINABLE_ONLY, """
            title: bn
            input: [8]
            layers:
              - {type: Dense, name: d, units: 4}
              - {type: BatchNormalization, name: bn}
            """, "total", "params", "44", "52"));
  }

  @ParameterizedTest(name = "{0}: {2} {3} {4}")
  @MethodSource("cases")
  void diagnosesTheMistakeAndAcceptsTheRightAnswer(Mistake mistake, String exercise,
      String layer, String quantity, String wrong, String right) throws ExerciseException {
    Finding bad = judge(exercise, layer, quantity, wrong);
    assertThat(bad.correct()).isFalse();
    assertThat(bad.mistake()).as(bad.toString()).contains(mistake);

    Finding good = judge(exercise, layer, quantity, right);
    assertThat(good.correct()).as(good.toString()).isTrue();
    assertThat(good.mistake()).isEmpty();
    assertThat(good.expected().canonical()).isEqualTo(right);
  }

  @Test
  void everyMistakeHasACase() {
    Set<Mistake> covered = EnumSet.noneOf(Mistake.class);
    cases().forEach(a -> covered.add((Mistake) a.get()[0]));
    assertThat(covered).containsExactlyInAnyOrderElementsOf(Arrays.asList(Mistake.values()));
  }

  @Test
  void everyMistakeHasWords() {
    for (Mistake m : Mistake.values()) {
      assertThat(m.title().text()).isNotBlank();
      assertThat(m.why().text()).isNotBlank();
      assertThat(Mistake.byId(m.id())).contains(m);
    }
  }

  @Test
  void aNumberTwoMistakesGiveNamesBoth() throws ExerciseException {
    String ex = """
        title: ambiguous
        input: [32, 32, 1]
        layers:
          - {type: Conv2D, name: c, filters: 4, kernel_size: 3, strides: 2}
        """;
    // ⌈32/2⌉ = 16 (same padding) and ⌈29/2⌉ + 1 = 16 (rounded up); right ⌊29/2⌋ + 1 = 15
    Finding f = judge(ex, "c", "output_shape", "16x16x4");
    assertThat(f.mistake()).contains(Mistake.SAME_INSTEAD_OF_VALID);
    assertThat(f.alternatives()).containsExactly(Mistake.CEIL_INSTEAD_OF_FLOOR);
    assertThat(new Feedback(java.util.Locale.ENGLISH, analysis(ex).exercise()).text(f))
        .contains("also comes from: rounded up instead of down");
  }

  @Test
  void aNumberNoMistakeGivesIsUnexplained() throws ExerciseException {
    Finding f = judge(COURSE, "conv1", "params", "609");
    assertThat(f.verdict()).isEqualTo(Verdict.UNEXPLAINED);
    assertThat(f.mistake()).isEmpty();
    assertThat(new Feedback(java.util.Locale.ENGLISH, analysis(COURSE).exercise()).text(f))
        .contains("no mistake Layerwise knows gives it")
        .contains("5·5·3·8 + 8 = 608");
  }

  @Test
  void theMistakenFormulaIsShownWithTheStudentsNumbers() throws ExerciseException {
    Finding f = judge(COURSE, "conv1", "params", "208");
    String text = new Feedback(java.util.Locale.ENGLISH, analysis(COURSE).exercise()).text(f);
    assertThat(text).contains("params = K_h·K_w·F + F = 5·5·8 + 8 = 208")
        .contains("params = K_h·K_w·C_in·F + F = 5·5·3·8 + 8 = 608");
  }

  @Test
  void aMemoryMistakeShowsTheStudentsWayWithTheirNumbers() throws ExerciseException {
    Finding f = judge(MEMORY, "conv", "activation_bytes", "32768");
    String text = new Feedback(java.util.Locale.ENGLISH, analysis(MEMORY).exercise()).text(f);
    assertThat(text).contains("32,768 is wrong: counted bits instead of bytes")
        .contains("M_act = N·H_out·W_out·C_out·b = 4·8·8·4·32 = 32,768")
        .contains("Right: M_act = N·H_out·W_out·C_out·b = 4·8·8·4·4 = 4,096");
    Finding total = judge(MEMORY, "memory", "total_bytes", "28784");
    assertThat(new Feedback(java.util.Locale.GERMAN, analysis(MEMORY).exercise()).text(total))
        .contains("den Optimiererzustand vergessen")
        // 3,072 + 4,256 + 10,728 + 10,728 without the 21,456 of Adam's state
        .contains("= 3,072 + 4,256 + 10,728 + 10,728 = 28,784");
  }

  /** Adam's one moment is as large as the gradients: both mistakes give the same total. */
  @Test
  void forgottenGradientsAndOneAdamMomentGiveTheSameTotal() throws ExerciseException {
    Finding f = judge(MEMORY, "memory", "total_bytes", "39512");
    assertThat(f.mistake()).contains(Mistake.FORGOT_GRADIENTS);
    assertThat(f.alternatives()).containsExactly(Mistake.ADAM_MOMENTS_ONCE);
  }

  /** Every memory mistake on the totals and a layer's sum, each number worked out by hand. */
  @ParameterizedTest(name = "{0}: {1} {2}")
  @MethodSource("memoryCases")
  void memoryMistakesOnEveryQuantity(Mistake mistake, String layer, String quantity,
      String wrong) throws ExerciseException {
    Finding f = judge(MEMORY, layer, quantity, wrong);
    assertThat(f.mistake()).as(f.toString()).contains(mistake);
  }

  static Stream<Arguments> memoryCases() {
    return Stream.of(
        // input 4·8·8·3 values in bits: 3,072·8
        Arguments.of(Mistake.BITS_INSTEAD_OF_BYTES, "memory", "input_bytes", "24576"),
        // 50,240·8
        Arguments.of(Mistake.BITS_INSTEAD_OF_BYTES, "memory", "total_bytes", "401920"),
        // input and activations for one sample: 768 + 1,064 + 10,728 + 10,728 + 21,456
        Arguments.of(Mistake.FORGOT_BATCH, "memory", "total_bytes", "44744"),
        Arguments.of(Mistake.FORGOT_BATCH, "memory", "input_bytes", "768"),
        // the parameters counted twice: 50,240 + 10,728
        Arguments.of(Mistake.PARAMS_AS_ACTIVATIONS, "memory", "total_bytes", "60968"),
        // 4,256 + 10,728
        Arguments.of(Mistake.PARAMS_AS_ACTIVATIONS, "memory", "activation_bytes", "14984"),
        // conv's sum: 4,096 + 448 + 448 + 896 = 5,888; without its gradients 5,440
        Arguments.of(Mistake.FORGOT_GRADIENTS, "conv", "total_bytes", "5440"),
        // without its state: 4,992
        Arguments.of(Mistake.FORGOT_OPTIMIZER_STATE, "conv", "total_bytes", "4992"),
        // one moment: 4,096 + 448 + 448 + 448
        Arguments.of(Mistake.FORGOT_GRADIENTS, "conv", "total_bytes", "5440"),
        // 112·4 for conv's state
        Arguments.of(Mistake.ADAM_MOMENTS_ONCE, "conv", "optimizer_state_bytes", "448"),
        // conv's output for one sample: 256·4
        Arguments.of(Mistake.FORGOT_BATCH, "conv", "activation_bytes", "1024"),
        // fc's 2,570 parameters in bits: 2,570·32
        Arguments.of(Mistake.BITS_INSTEAD_OF_BYTES, "fc", "param_bytes", "82240"));
  }

  /**
   * VGG16 as bundled (batch 1, float32, inference): 614,380,608 bytes are 585.92 MiB
   * (÷ 1,048,576 = 585.919…) and 614.38 MB; the answers are compared to two decimals.
   */
  @Test
  void vgg16sTotalInMibAndMb() throws Exception {
    String vgg = java.nio.file.Files.readString(java.nio.file.Path.of("exercises/vgg16.yaml"));
    assertThat(judge(vgg, "memory", "total_mib", "585.92").correct()).isTrue();
    assertThat(judge(vgg, "memory", "total_mib", "585,919").correct()).isTrue();
    assertThat(judge(vgg, "memory", "total_mb", "614.38").correct()).isTrue();
    assertThat(judge(vgg, "memory", "total_bytes", "614,380,608").correct()).isTrue();
    Finding mib = judge(vgg, "memory", "total_mib", "614.38");
    assertThat(mib.mistake()).contains(Mistake.MIB_VS_MB);
    assertThat(new Feedback(java.util.Locale.ENGLISH, analysis(vgg).exercise()).text(mib))
        .contains("614.38 is wrong: mixed up MiB (2²⁰ bytes) and MB (10⁶ bytes).")
        .endsWith("= 614,380,608. 614,380,608 bytes are 585.92 MiB.");
    // 8·614,380,608 = 4,915,044,864 bytes = 4,687.35 MiB
    assertThat(judge(vgg, "memory", "total_mib", "4687.35").mistake())
        .contains(Mistake.BITS_INSTEAD_OF_BYTES);
    assertThat(judge(vgg, "memory", "total_mib", "585.9").verdict())
        .isEqualTo(Verdict.UNEXPLAINED);
  }

  /**
   * Mixed precision with Adam keeps (2 + 1) float32 values per trainable parameter; one moment
   * gives (1 + 1). Dense 4 → 2: 4·2 + 2 = 10 parameters: 3·10·4 = 120 bytes, not 2·10·4 = 80.
   */
  @Test
  void oneAdamMomentUnderMixedPrecision() throws ExerciseException {
    String ex = """
        title: mixed
        input: [4]
        training: {batch: 2, dtype: float16, optimizer: adamw, mixed_precision: true}
        layers:
          - {type: Dense, name: d, units: 2}
        """;
    assertThat(judge(ex, "d", "optimizer_state_bytes", "120").correct()).isTrue();
    assertThat(judge(ex, "d", "optimizer_state_bytes", "80").mistake())
        .contains(Mistake.ADAM_MOMENTS_ONCE);
    // float16 counted as 16 bits: the 2 values of each of the 2 samples, 2·2·16
    assertThat(judge(ex, "d", "activation_bytes", "64").mistake())
        .contains(Mistake.BITS_INSTEAD_OF_BYTES);
  }

  /**
   * 10⁹·3·10⁸ input values of 4 bytes are 1.2·10¹⁸ bytes: in bits 9.6·10¹⁸, beyond 64 bits, so
   * no student gives that number and the mistake predicts none; the rest still work.
   */
  @Test
  void aMistakeWhoseNumberDoesNotFitPredictsNothing() throws ExerciseException {
    String ex = """
        title: huge
        input: [1000000000, 300000000]
        training: {batch: 1}
        layers:
          - {type: Dense, name: d, units: 1}
        """;
    assertThat(judge(ex, "memory", "input_bytes", "5").verdict())
        .isEqualTo(Verdict.UNEXPLAINED);
    assertThat(judge(ex, "memory", "param_bytes", "1200000004").correct()).isTrue();
    // Dense on the last axis: d's 10⁹ output values, 4·10⁹ bytes, with its 3·10⁸ + 1
    // parameters' 1,200,000,004 bytes added
    assertThat(judge(ex, "d", "activation_bytes", "5200000004").mistake())
        .contains(Mistake.PARAMS_AS_ACTIVATIONS);
  }

  @Test
  void memoryMistakesHaveGermanWords() {
    for (Mistake m : List.of(Mistake.BITS_INSTEAD_OF_BYTES, Mistake.FORGOT_BATCH,
        Mistake.MIB_VS_MB, Mistake.FORGOT_GRADIENTS, Mistake.FORGOT_OPTIMIZER_STATE,
        Mistake.ADAM_MOMENTS_ONCE, Mistake.PARAMS_AS_ACTIVATIONS)) {
      assertThat(m.title().text(java.util.Locale.GERMAN)).isNotBlank()
          .isNotEqualTo(m.title().text(java.util.Locale.ENGLISH));
      assertThat(m.why().text(java.util.Locale.GERMAN))
          .isNotEqualTo(m.why().text(java.util.Locale.ENGLISH));
    }
  }

  static Analysis analysis(String exercise) throws ExerciseException {
    return Layerwise.explain("ex.yaml", exercise);
  }

  static Finding judge(String exercise, String layer, String quantity, String given)
      throws ExerciseException {
    Analysis a = analysis(exercise);
    // "earlier:quantity=value;layer" gives an earlier answer first
    String earlier = "";
    if (layer.contains(";")) {
      String[] before = layer.substring(0, layer.indexOf(';')).split("[:=]");
      earlier = "  " + before[0] + ": {" + before[1] + ": \"" + before[2] + "\"}\n";
      layer = layer.substring(layer.indexOf(';') + 1);
    }
    String yaml = layer.equals("total") || layer.equals("memory")
        ? layer + ": {" + quantity + ": \"" + given + "\"}\n"
        : "layers:\n" + earlier + "  " + layer + ": {" + quantity + ": \"" + given + "\"}\n";
    Answers answers = AnswersReader.read("answers.yaml", yaml, a.exercise());
    List<Finding> findings = Checker.check(a, answers).findings();
    assertThat(findings).hasSize(earlier.isEmpty() ? 1 : 2);
    return findings.get(findings.size() - 1);
  }
}
