package io.layerwise.exercise;

import io.layerwise.Bundled;
import io.layerwise.diagnostic.Problems;
import io.layerwise.diagnostic.ExerciseException;
import io.layerwise.diagnostic.Diagnostic;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.layerwise.model.Conv;
import io.layerwise.model.Exercise;
import io.layerwise.model.Variant;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class VariationTest {

  private static final String VARIED = """
      title: "Net for ${size}x${size} images, costs $$5"
      vary:
        size: [28, 32]
        f: {from: 4, to: 12, step: 4}
        k: [3, [3, 5]]
        pad: [valid, same]
      input: [$size, $size, 1]
      layers:
        - {type: Conv2D, name: c, filters: $f, kernel_size: $k, padding: $pad}
      """;

  private static List<String> messages(ExerciseException e) {
    return e.diagnostics().stream().map(Diagnostic::message).toList();
  }

  @Test
  void theExerciseItselfUsesTheFirstChoiceOfEveryParameter() throws ExerciseException {
    Exercise e = ExerciseReader.read("v.yaml", VARIED).exercise();
    assertThat(e.title()).isEqualTo("Net for 28x28 images, costs $5");
    assertThat(e.network().input().dims()).containsExactly(28L, 28L, 1L);
    Conv c = (Conv) e.network().layers().get(0).layer();
    assertThat(c.filters()).isEqualTo(4);
    assertThat(c.window().kernel()).containsExactly(3L, 3L);
  }

  @Test
  void choicesAndRangesMultiplyAndEveryCombinationReadsWithItsValues() throws Exception {
    Variation v = Variation.of("v.yaml", VARIED).orElseThrow();
    assertThat(v.parameters()).extracting(Variation.Parameter::name)
        .containsExactly("size", "f", "k", "pad");
    assertThat(v.parameters().get(1).choices()).containsExactly("4", "8", "12");
    assertThat(v.combinations()).isEqualTo(BigInteger.valueOf(2 * 3 * 2 * 2));
    // the last parameter changes fastest: 23 = ((1·3 + 2)·2 + 1)·2 + 1
    int[] choice = v.combination(BigInteger.valueOf(23));
    assertThat(choice).containsExactly(1, 2, 1, 1);
    assertThat(v.values(choice)).containsExactly(Map.entry("size", "32"), Map.entry("f", "12"),
        Map.entry("k", "[3, 5]"), Map.entry("pad", "same"));
    Variant meta = new Variant("v", 1, 7, Optional.of("Ada"), v.values(choice));
    Exercise e = v.read(choice, "v-ada", meta).exercise();
    Conv c = (Conv) e.network().layers().get(0).layer();
    assertThat(c.filters()).isEqualTo(12);
    assertThat(c.window().kernel()).containsExactly(3L, 5L);
    assertThat(e.id()).isEqualTo("v-ada");
    assertThat(e.variant()).contains(meta);
  }

  @Test
  void aVariantFileReadsBackAsTheSameExercise() throws Exception {
    Variation v = Variation.of("v.yaml", VARIED).orElseThrow();
    for (int i = 0; i < v.combinations().intValueExact(); i++) {
      int[] choice = v.combination(BigInteger.valueOf(i));
      Variant meta = new Variant("v", i + 1, 3, Optional.empty(), v.values(choice));
      String yaml = v.yaml(choice, "v-" + i, meta);
      assertThat(yaml).doesNotContain("vary").doesNotContain("$size").contains("costs $5");
      Exercise written = ExerciseReader.read("v-" + i + ".yaml", yaml).exercise();
      assertThat(written).isEqualTo(v.read(choice, "v-" + i, meta).exercise());
    }
  }

  static List<Path> bundled() {
    return Bundled.files();
  }

  /** The writer's YAML reads as the same exercise, for every bundled file. */
  @ParameterizedTest
  @MethodSource("bundled")
  void writtenTreesReadBackUnchanged(Path file) throws Exception {
    String text = Files.readString(file);
    Node.MapNode tree = (Node.MapNode) YamlTree.parse(file.toString(), text);
    Optional<Variation> v = Variation.parse(file.toString(), tree, new Problems());
    Node.MapNode substituted = v.map(Variation::defaults).orElse(tree);
    Node.MapNode plain = new Node.MapNode(substituted.location(), substituted.entries().stream()
        .filter(e -> !e.key().equals("vary")).toList());
    Exercise original = ExerciseReader.read(file.toString(), text).exercise();
    String written = YamlWriter.write(plain);
    assertThat(ExerciseReader.read(file.toString(), written).exercise()).isEqualTo(original);
  }

  @Test
  void textsThatYamlWouldReadAsSomethingElseAreQuoted() throws Exception {
    String text = """
        title: "yes"
        id: t
        description: "  leading spaces\\nand a \\"quote\\", a tab\\t, 08, null: #x"
        input: [4]
        layers:
          - {type: Dense, name: "on", units: 2}
          - {type: Dense, name: "a: b # c", units: 2}
        """;
    Exercise original = ExerciseReader.read("t.yaml", text).exercise();
    String written = YamlWriter.write((Node.MapNode) YamlTree.parse("t.yaml", text));
    assertThat(ExerciseReader.read("t.yaml", written).exercise()).isEqualTo(original);
  }

  @Test
  void everyProblemOfVaryIsReportedWhereItIsWritten() {
    String text = """
        title: t
        vary:
          size: []
          f: {from: 8, to: 4}
          k: [3, 3]
          unused: [1, 2]
        input: [$sise, 8, 1]
        layers:
          - {type: Conv2D, filters: $f, kernel_size: $k}
        """;
    assertThatThrownBy(() -> ExerciseReader.read("v.yaml", text))
        .isInstanceOfSatisfying(ExerciseException.class, e -> {
          assertThat(messages(e)).anySatisfy(m -> assertThat(m)
              .contains("parameter 'size' needs at least one choice"));
          assertThat(messages(e)).anySatisfy(m -> assertThat(m)
              .contains("the range ends (4) before it starts (8)"));
          assertThat(messages(e)).anySatisfy(m -> assertThat(m)
              .contains("choice 3 of parameter 'k' is listed twice"));
          assertThat(messages(e)).anySatisfy(m -> assertThat(m)
              .contains("parameter 'unused' is never used"));
          assertThat(messages(e)).anySatisfy(m -> assertThat(m)
              .contains("unknown parameter '$sise'"));
          assertThat(e.diagnostics()).allSatisfy(d -> assertThat(d.location().line())
              .isGreaterThan(1));
        });
  }

  @Test
  void aMisspeltReferenceGetsTheNearestParameter() {
    String text = """
        title: t
        vary:
          filters: [4, 8]
        input: [8, 8, 1]
        layers:
          - {type: Conv2D, filters: $filter, kernel_size: 3}
          - {type: Conv2D, filters: $filters, kernel_size: 3}
        """;
    assertThatThrownBy(() -> ExerciseReader.read("v.yaml", text))
        .isInstanceOfSatisfying(ExerciseException.class, e -> assertThat(messages(e))
            .containsExactly("unknown parameter '$filter'; did you mean '$filters'?"));
  }

  @Test
  void aFileWithoutVaryHasNoVariation() throws ExerciseException {
    assertThat(Variation.of("t.yaml", "title: t\ninput: [4]\nlayers: [{type: Dense, units: 2}]\n"))
        .isEmpty();
  }
}
