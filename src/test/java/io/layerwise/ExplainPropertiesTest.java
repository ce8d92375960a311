package io.layerwise;

import io.layerwise.diagnostic.ExerciseException;
import static org.assertj.core.api.Assertions.assertThat;

import io.layerwise.engine.Analysis;
import io.layerwise.model.LayerType;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;

/**
 * {@code explain} on structured random exercise files (every layer kind, known and misspelt
 * keys, values of every YAML type, sizes from negative to beyond the limits, names that
 * collide, inputs that point anywhere): the only exception it throws is the documented {@link
 * ExerciseException}, whose every diagnostic names the file and a line of it. The byte-level
 * fuzzer ({@link ExplainFuzzTest}) finds what this grammar cannot write.
 */
class ExplainPropertiesTest {

  private static final List<String> KEYS = List.of("filters", "units", "kernel_size", "strides",
      "padding", "pool_size", "rate", "axis", "target_shape", "cropping", "size", "groups",
      "dilation_rate", "use_bias", "return_sequences", "num_heads", "key_dim", "input_dim",
      "output_dim", "merge_mode", "depth_multiplier", "output_padding", "keepdims", "trainable",
      "activation", "center", "scale", "reset_after", "value_dim", "unitz", "kernal_size");
  private static final List<String> NAMES = List.of("a", "b", "c", "input", "conv", "A");

  @Provide
  Arbitrary<String> values() {
    Arbitrary<String> ints = Arbitraries.oneOf(
        Arbitraries.longs().between(-2, 40).map(String::valueOf),
        Arbitraries.of("0", "2147483648", "2147483649", "1099511627776", "0x10", "1e3", "2.5"));
    Arbitrary<String> words = Arbitraries.of("same", "valid", "\"sixty\"", "relu", "true",
        "false", "null", "concat", "ave", "'<b>&'", "\"${x}\"");
    Arbitrary<String> lists = ints.list().ofMinSize(0).ofMaxSize(3)
        .map(l -> "[" + String.join(", ", l) + "]");
    Arbitrary<String> pairs = lists.list().ofSize(2).map(l -> "[" + String.join(", ", l) + "]");
    Arbitrary<String> wrapped = Combinators.combine(Arbitraries.of("LSTM", "GRU", "Dense",
        "SimpleRNN"), Arbitraries.longs().between(0, 9))
        .as((t, u) -> "{type: " + t + ", units: " + u + "}");
    return Arbitraries.frequencyOf(net.jqwik.api.Tuple.of(6, ints), net.jqwik.api.Tuple.of(2,
        words), net.jqwik.api.Tuple.of(3, lists), net.jqwik.api.Tuple.of(1, pairs),
        net.jqwik.api.Tuple.of(1, wrapped));
  }

  @Provide
  Arbitrary<String> layers() {
    List<String> types = new ArrayList<>();
    for (LayerType t : LayerType.values()) {
      types.add(t.className());
    }
    types.addAll(List.of("conv2d", "max_pooling2d", "Conv2x", "\"Dense\"", "7"));
    Arbitrary<String> field = Combinators.combine(Arbitraries.of(KEYS), values())
        .as((k, v) -> k + ": " + v);
    Arbitrary<String> inputs = Arbitraries.of(NAMES).list().ofMinSize(0).ofMaxSize(3)
        .map(l -> "inputs: [" + String.join(", ", l) + "]");
    return Combinators.combine(Arbitraries.of(types), Arbitraries.of(NAMES).optional(),
        inputs.optional(0.3), field.list().ofMaxSize(4))
        .as((type, name, in, fields) -> {
          List<String> parts = new ArrayList<>();
          parts.add("type: " + type);
          name.ifPresent(n -> parts.add("name: " + n));
          in.ifPresent(parts::add);
          parts.addAll(fields);
          return "  - {" + String.join(", ", parts) + "}";
        });
  }

  /** Networks that mostly make sense: convolutions and pooling, then a flat head. */
  private static Arbitrary<String> plausible() {
    Arbitrary<String> spatial = Arbitraries.oneOf(
        Combinators.combine(Arbitraries.longs().between(1, 16), Arbitraries.longs().between(1, 5),
            Arbitraries.of("same", "valid"))
            .as((f, k, p) -> "  - {type: Conv2D, filters: " + f + ", kernel_size: " + k
                + ", padding: " + p + "}"),
        Arbitraries.of("  - {type: MaxPooling2D, padding: same}", "  - {type: BatchNormalization}",
            "  - {type: Activation, activation: relu}", "  - {type: Dropout, rate: 0.5}",
            "  - {type: DepthwiseConv2D, kernel_size: 3, padding: same}"));
    Arbitrary<String> head = Arbitraries.longs().between(1, 64)
        .map(u -> "  - {type: Flatten}\n  - {type: Dense, units: " + u + "}");
    return Combinators.combine(Arbitraries.longs().between(8, 40),
        Arbitraries.longs().between(1, 4),
        spatial.list().ofMaxSize(6), head)
        .as((x, c, ls, h) -> "title: Plausible\ninput: [" + x + ", " + x + ", " + c
            + "]\nlayers:\n" + String.join("\n", ls) + (ls.isEmpty() ? "" : "\n") + h + "\n");
  }

  @Provide
  Arbitrary<String> exercises() {
    return Arbitraries.oneOf(plausible(), anything());
  }

  private Arbitrary<String> anything() {
    Arbitrary<String> input = Arbitraries.longs().between(-1, 40).list().ofMinSize(1).ofMaxSize(4)
        .map(l -> l.stream().map(String::valueOf).collect(Collectors.joining(", ", "[", "]")));
    return Combinators.combine(Arbitraries.of("keras", "pytorch", "caffe"), input,
        layers().list().ofMinSize(1).ofMaxSize(8))
        .as((fw, in, ls) -> "title: Random\nframework: " + fw + "\ninput: " + in
            + "\nlayers:\n" + String.join("\n", ls) + "\n");
  }

  @Property(tries = 1000)
  void explainAnswersEveryFileWithAnAnalysisOrLocatedDiagnostics(
      @ForAll("exercises") String text) {
    int lines = text.split("\n", -1).length;
    try {
      Analysis a = Layerwise.explain("p.yaml", text);
      Statistics.collect("valid");
      assertThat(a.totals().params()).isNotNegative();
    } catch (ExerciseException e) {
      Statistics.collect("invalid");
      assertThat(e.diagnostics()).isNotEmpty().allSatisfy(d -> {
        assertThat(d.location().file()).isEqualTo("p.yaml");
        assertThat(d.location().line()).isBetween(1, lines);
        assertThat(d.message()).isNotBlank().doesNotContain("Exception");
      });
    }
    Statistics.coverage(cover -> cover.check("valid").percentage(p -> p > 2));
  }
}
