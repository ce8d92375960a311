package io.layerwise.variant;

import io.layerwise.Layerwise;
import io.layerwise.diagnostic.ExerciseException;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.layerwise.variant.Variants.VariantFile;
import io.layerwise.variant.Variants.VariantSet;
import io.layerwise.engine.Analysis;
import io.layerwise.engine.LayerResult;
import io.layerwise.model.Variant;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class VariantsTest {

  private static final Path COURSE = Path.of("exercises/course-example.yaml");

  @Test
  void thirtyVariantsOfTheCourseExampleAreReproducibleDistinctAndValid(@TempDir Path dir)
      throws Exception {
    VariantSet first = Variants.generate(COURSE, Optional.of(30), 7, Optional.empty());
    VariantSet again = Variants.generate(COURSE, Optional.of(30), 7, Optional.empty());
    assertThat(again.files()).extracting(VariantFile::yaml)
        .containsExactlyElementsOf(first.files().stream().map(VariantFile::yaml).toList());
    assertThat(first.files()).hasSize(30);
    assertThat(first.files().get(0).fileName()).isEqualTo("course-example-v01.yaml");
    Set<Object> values = new HashSet<>();
    for (VariantFile f : first.files()) {
      Path p = dir.resolve(f.fileName());
      Files.writeString(p, f.yaml());
      // every file is a complete exercise on its own, and every window tiles its input
      Analysis a = Layerwise.explain(p);
      Variant v = a.exercise().variant().orElseThrow();
      assertThat(v.of()).isEqualTo("course-example");
      assertThat(values.add(v.values())).as("distinct values").isTrue();
      LayerResult pool2 = a.layer("pool2").orElseThrow();
      long side = pool2.output().dims().get(0);
      long size = Long.parseLong(v.values().get("size"));
      long k1 = Long.parseLong(v.values().get("k1"));
      long k2 = Long.parseLong(v.values().get("k2"));
      // independent arithmetic: valid conv, 2×2 pool, valid conv, 2×2 pool, all exact
      assertThat((size - k1 + 1) % 2).isZero();
      assertThat(((size - k1 + 1) / 2 - k2 + 1) % 2).isZero();
      assertThat(side).isEqualTo(((size - k1 + 1) / 2 - k2 + 1) / 2);
      long c1 = Long.parseLong(v.values().get("c1"));
      assertThat(a.layer("conv1").orElseThrow().params()).isEqualTo(k1 * k1 * 3 * c1 + c1);
    }
    VariantSet other = Variants.generate(COURSE, Optional.of(30), 8, Optional.empty());
    assertThat(other.files().stream().map(VariantFile::yaml).toList())
        .isNotEqualTo(first.files().stream().map(VariantFile::yaml).toList());
  }

  @Test
  void combinationsThatBreakTheNetworkAreNeverEmittedAndTooFewAreCounted(@TempDir Path dir)
      throws Exception {
    Path file = dir.resolve("small.yaml");
    Files.writeString(file, """
        title: small
        vary:
          size: [8, 4]
          k: [3, 5]
        input: [$size, $size, 1]
        layers:
          - {type: Conv2D, filters: 2, kernel_size: $k}
        """);
    VariantSet set = Variants.generate(file, Optional.of(3), 1, Optional.empty());
    assertThat(set.valid()).isEqualTo(3);
    assertThat(set.files()).extracting(f -> f.analysis().exercise().variant().orElseThrow()
        .values().toString()).doesNotContain("{size=4, k=5}");
    assertThatThrownBy(() -> Variants.generate(file, Optional.of(4), 1, Optional.empty()))
        .isInstanceOfSatisfying(ExerciseException.class, e -> assertThat(
            e.diagnostics().get(0).message())
            .startsWith("only 3 distinct valid variants exist, not 4: of the 4 combinations")
            .contains("size=4, k=5: kernel 5 exceeds"));
  }

  @Test
  void exactWindowsRejectsVariantsThatRoundASizeAway(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("exact.yaml");
    Files.writeString(file, """
        title: exact
        vary:
          size: [8, 9, 10, 11]
        exact_windows: true
        input: [$size, $size, 1]
        layers:
          - {type: MaxPooling2D, pool_size: 2}
        """);
    VariantSet set = Variants.generate(file, Optional.of(2), 5, Optional.empty());
    assertThat(set.files()).extracting(f -> f.analysis().exercise().network().input().dims()
        .get(0)).containsExactlyInAnyOrder(8L, 10L);
    assertThat(set.valid()).isEqualTo(2);
  }

  /**
   * Inside a block, its own parameters ({@code $width}, {@code $input}) are the block's; vary's
   * parameters reach into blocks and into instances' arguments, and a variant keeps its blocks.
   */
  @Test
  void variantsOfAnExerciseWithBlocks(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("blocks.yaml");
    Files.writeString(file, """
        title: blocks
        vary:
          w: [8, 16]
          k: [3, 5]
        blocks:
          stage:
            params: {width: ~}
            layers:
              - {type: Conv2D, name: conv, inputs: [$input], filters: $width, kernel_size: $k}
              - {type: MaxPooling2D, name: pool, pool_size: 2}
        input: [32, 32, 3]
        layers:
          - {use: stage, name: s1, width: $w}
          - {use: stage, name: s2, width: 32}
        """);
    VariantSet set = Variants.generate(file, Optional.of(4), 3, Optional.empty());
    assertThat(set.files()).hasSize(4);
    for (var f : set.files()) {
      assertThat(f.yaml()).contains("blocks:").contains("$width");
      Map<String, String> v = f.analysis().exercise().variant().orElseThrow().values();
      long w = Long.parseLong(v.get("w"));
      long k = Long.parseLong(v.get("k"));
      var conv = Layerwise.explain(file.toString().replace("blocks.yaml", "v.yaml"), f.yaml())
          .layer("s1_conv").orElseThrow();
      assertThat(conv.params()).isEqualTo(k * k * 3 * w + w);
      assertThat(conv.output().dims()).containsExactly(32 - k + 1, 32 - k + 1, w);
    }
  }

  @Test
  void aRosterNamesTheFilesAfterTheStudents(@TempDir Path dir) throws Exception {
    VariantSet set = Variants.generate(COURSE, Optional.empty(), 7,
        Optional.of(Path.of("exercises/rosters/demo-class.csv")));
    assertThat(set.files()).extracting(VariantFile::fileName).containsExactly(
        "course-example-s1001.yaml", "course-example-s1002.yaml", "course-example-s1003.yaml",
        "course-example-s1004.yaml", "course-example-s1005.yaml", "course-example-s1006.yaml");
    assertThat(set.files().get(2).analysis().exercise().variant().orElseThrow().student())
        .contains("Hopper, Grace");
    List<Path> written = Variants.write(set, dir.resolve("out"));
    assertThat(written).hasSize(6).allSatisfy(p -> assertThat(p).exists());
    // a smaller set later removes the files of the earlier one it no longer has
    Variants.write(Variants.generate(COURSE, Optional.of(2), 7, Optional.empty()),
        dir.resolve("out"));
    try (var files = Files.list(dir.resolve("out"))) {
      assertThat(files.map(p -> p.getFileName().toString()).sorted().toList())
          .containsExactly("course-example-v1.yaml", "course-example-v2.yaml");
    }
  }

  @Test
  void slugsAreAsciiFileNames() {
    assertThat(Variants.slug("Jürgen O'Neil", 3)).isEqualTo("jurgen-o-neil");
    assertThat(Variants.slug("李", 3)).isEqualTo("student-3");
  }

  @Test
  void anExerciseWithoutVaryHasNoVariants() {
    assertThatThrownBy(() -> Variants.generate(Path.of("exercises/vgg16.yaml"), Optional.of(2), 1,
        Optional.empty())).isInstanceOfSatisfying(ExerciseException.class,
            e -> assertThat(e.diagnostics().get(0).message()).contains("declares no 'vary:'"));
  }

  /**
   * A roster name or id with a control character (C0 or C1) or a noncharacter is refused at its
   * row, naming the code point, instead of breaking the variant file written from it.
   */
  @org.junit.jupiter.params.ParameterizedTest
  @org.junit.jupiter.params.provider.ValueSource(strings = {"Ada\u0085Lovelace", "Ada\u009b",
      "Ada\ufffe", "Ada\u0007", "Ada\ufdd0", "Ada\udbff\udfff"})
  void aRosterNameThatAVariantFileCannotCarryIsRefusedAtItsRow(String name) {
    String text = "name,id\nGrace Hopper,s1\n" + name + ",s2\n";
    var e = org.assertj.core.api.Assertions.catchThrowableOfType(
        io.layerwise.diagnostic.ExerciseException.class,
        () -> io.layerwise.variant.RosterReader.read("class.csv", text));
    assertThat(e).isNotNull();
    assertThat(e.diagnostics()).singleElement().satisfies(d -> {
      assertThat(d.location().line()).isEqualTo(3);
      assertThat(d.message()).startsWith("the name in row 3 contains U+").endsWith("; remove it");
    });
    var id = org.assertj.core.api.Assertions.catchThrowableOfType(
        io.layerwise.diagnostic.ExerciseException.class,
        () -> io.layerwise.variant.RosterReader.read("class.csv",
            "name,id\nGrace Hopper,s1\nAda," + name.substring(3) + "\n"));
    assertThat(id.diagnostics()).singleElement()
        .satisfies(d -> assertThat(d.message()).startsWith("the id in row 3 contains U+"));
  }

  /**
   * The draws have a time budget: spent, they stop with what they found and what to do, rather
   * than holding the CPU (an 84 KB exercise with 10¹² mostly invalid choices took 35 minutes).
   */
  @Test
  void drawsStopWhenTheirBudgetIsSpent() {
    assertThatThrownBy(() -> Variants.generate(Path.of("exercises/course-example.yaml"),
        Optional.of(5), 7, Optional.empty(), java.time.Duration.ZERO))
        .isInstanceOf(io.layerwise.diagnostic.ExerciseException.class)
        .hasMessageContaining("found only 0 valid variants in 0 draws (not 5; the draws stopped"
            + " after their budget of 0 s")
        .hasMessageContaining("widen the choices or lower --count");
  }
}
