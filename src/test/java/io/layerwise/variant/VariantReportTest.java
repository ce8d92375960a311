package io.layerwise.variant;

import static org.assertj.core.api.Assertions.assertThat;

import io.layerwise.model.Quantity;
import io.layerwise.model.Value;
import io.layerwise.variant.Variants.VariantSet;
import io.layerwise.variant.VariantReport.Shared;
import io.layerwise.variant.VariantReport.Span;
import io.layerwise.variant.VariantReport.Spread;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class VariantReportTest {

  private static final Path COURSE = Path.of("exercises/course-example.yaml");

  private static Spread question(VariantReport r, String layer, Quantity q) {
    return r.questions().stream().filter(s -> s.layer().equals(layer) && s.quantity() == q)
        .findFirst().orElseThrow();
  }

  /**
   * The course example asks shapes, activations and parameters of its eight layers and the
   * total: 25 questions. conv1's parameters, k1·k1·3·c1 + c1, counted from the variants' own
   * values, have as many distinct answers, the same range and the same groups as the report.
   */
  @Test
  void conv1sParametersAcrossThirtyVariantsAsCountedFromTheirValues() throws Exception {
    VariantSet set = Variants.generate(COURSE, Optional.of(30), 7, Optional.empty());
    VariantReport r = set.report();
    assertThat(r.variants()).hasSize(30).startsWith("v01", "v02");
    assertThat(r.questions()).hasSize(8 * 3 + 1);
    assertThat(r.questions().get(24).layer()).isEqualTo("total");
    Map<Long, List<Integer>> byParams = new TreeMap<>();
    for (int i = 0; i < 30; i++) {
      Map<String, String> v = set.files().get(i).analysis().exercise().variant().orElseThrow()
          .values();
      long k = Long.parseLong(v.get("k1"));
      long c = Long.parseLong(v.get("c1"));
      byParams.computeIfAbsent(k * k * 3 * c + c, x -> new java.util.ArrayList<>()).add(i);
    }
    Spread conv1 = question(r, "conv1", Quantity.PARAMS);
    assertThat(conv1.distinct()).isEqualTo(byParams.size());
    assertThat(conv1.spans()).containsExactly(new Span(((TreeMap<Long, List<Integer>>) byParams)
        .firstKey(), ((TreeMap<Long, List<Integer>>) byParams).lastKey()));
    assertThat(conv1.shared()).extracting(Shared::variants).containsExactlyInAnyOrderElementsOf(
        byParams.values().stream().filter(g -> g.size() > 1).toList());
    assertThat(conv1.shared().get(0).variants().size()).isEqualTo(
        byParams.values().stream().mapToInt(List::size).max().orElseThrow());
    // pooling has no parameters: one answer, shared by all
    Spread pool = question(r, "pool1", Quantity.PARAMS);
    assertThat(pool.distinct()).isEqualTo(1);
    assertThat(pool.shared()).singleElement().satisfies(s -> {
      assertThat(s.answer()).isEqualTo(Value.of(0));
      assertThat(s.variants()).hasSize(30);
    });
    // a shape's range is per axis: 24–44 for a size of 28 to 48 with a 5×5 or 3×3 kernel
    Spread shape = question(r, "conv1", Quantity.OUTPUT_SHAPE);
    assertThat(shape.spans()).hasSize(3);
    Set<List<Long>> sides = new HashSet<>();
    set.files().forEach(f -> sides.add(f.analysis().layer("conv1").orElseThrow().output()
        .dims()));
    assertThat(shape.distinct()).isEqualTo(sides.size());
    assertThat(shape.spans().get(0).min()).isEqualTo(sides.stream().mapToLong(s -> s.get(0))
        .min().orElseThrow());
  }

  /** The variants of this set differ in their values, so no two have every answer alike. */
  @Test
  void distinctValuesOfTheCourseExampleMakeNoAnswerIdenticalVariants() throws Exception {
    VariantReport r = Variants.generate(COURSE, Optional.of(30), 7, Optional.empty()).report();
    assertThat(r.identical()).isEmpty();
    assertThat(r.answerIdentical()).isZero();
    assertThat(question(r, "total", Quantity.PARAMS).distinct()).isEqualTo(30);
  }

  /**
   * An activation is a value of its own but changes no number: the variants with relu and tanh
   * are answer-identical in pairs, a student could copy the other's sheet.
   */
  @Test
  void variantsThatDifferOnlyInWhatChangesNoNumberAreAnswerIdentical(@TempDir Path dir)
      throws Exception {
    Path file = dir.resolve("act.yaml");
    Files.writeString(file, """
        title: act
        vary:
          act: [relu, tanh]
          units: [8, 16]
        input: [4]
        layers:
          - {type: Dense, name: fc, units: $units, activation: $act}
        """);
    VariantSet set = Variants.generate(file, Optional.of(4), 1, Optional.empty());
    VariantReport r = set.report();
    assertThat(r.answerIdentical()).isEqualTo(4);
    assertThat(r.identical()).hasSize(2).allSatisfy(g -> {
      assertThat(g).hasSize(2);
      Set<String> units = g.stream().map(i -> set.files().get(i).analysis().exercise().variant()
          .orElseThrow().values().get("units")).collect(Collectors.toSet());
      assertThat(units).hasSize(1);
    });
  }

  /**
   * The gaming answers file gets no carried credit on any variant: the numbers it works out
   * from the all-ones shapes (conv1's 1 activation, fc3's parameters from a flat 1, …) are
   * refused, and what it scores is what is right whatever the shapes (conv1's parameters, and
   * what the recomputation from the ones cannot reach is not answered).
   */
  @Test
  void aGamedChainOfCarriedAnswersEarnsNoCarriedCreditOnAnyVariant() throws Exception {
    VariantReport r = Variants.generate(COURSE, Optional.of(30), 7, Optional.empty()).report();
    VariantReport.Gaming g = r.gaming();
    assertThat(g.mostCarried()).isZero();
    assertThat(g.leastRefused()).isGreaterThanOrEqualTo(8);
    assertThat(g.mostCredited()).isLessThanOrEqualTo(3);
    assertThat(g.answers()).isGreaterThan(20);
    assertThat(g.variants()).isEqualTo(VariantReport.GAMED);
  }

  /** With a roster the variants are named by the students' ids, as their files are. */
  @Test
  void aRostersVariantsAreLabelledWithTheStudentsIds() throws Exception {
    VariantReport r = Variants.generate(COURSE, Optional.empty(), 7,
        Optional.of(Path.of("exercises/rosters/demo-class.csv"))).report();
    assertThat(r.variants()).containsExactly("s1001", "s1002", "s1003", "s1004", "s1005",
        "s1006");
  }
}
