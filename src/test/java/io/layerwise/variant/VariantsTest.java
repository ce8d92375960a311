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
  /** A clock for the draws that advances by a fixed step on every reading. */
  private static java.util.function.LongSupplier clock(java.time.Duration step) {
    java.util.concurrent.atomic.AtomicLong now = new java.util.concurrent.atomic.AtomicLong();
    return () -> now.getAndAdd(step.toNanos());
  }

  /**
   * The 2,013-layer exercise whose draws are all but one in 10⁵ invalid: with draws of 1 s each
   * (a clock that reads one second later each time it is read), the 60 s budget allows about
   * 60; after 10 draws without a valid one the rule of three says at most 30 % are valid, and of
   * the 1.5·(60 − 11) = 73 draws the time left takes at that pace with its margin that is at
   * most 21, far short of 200: the draws stop after 10 rather than after the budget.
   */
  @Test
  void aHopelessSpaceIsRefusedAfterAFewDrawsNotAfterTheBudget(@TempDir Path dir)
      throws Exception {
    Path file = dir.resolve("hopeless.yaml");
    Files.writeString(file, VaryFiles.hopeless());
    assertThat(Layerwise.explain(file).layers()).hasSize(VaryFiles.HOPELESS_LAYERS);
    assertThatThrownBy(() -> Variants.generate(file, Optional.of(200), 7, Optional.empty(),
        Variants.BUDGET, clock(java.time.Duration.ofSeconds(1))))
        .isInstanceOfSatisfying(ExerciseException.class, e -> assertThat(
            e.diagnostics().get(0).message())
            .startsWith("stopped after 10 draws (11.0 s): none made a valid network, so at most"
                + " 30 % of the draws are valid (95 % confidence, the rule of three: 3/10), and"
                + " the 73 draws the budget still allows (60 s) would find at most 21 of the 200"
                + " variants asked for; widen the choices in 'vary:' (e.g. k1=")
            .endsWith(" or lower --count"));
  }

  private static final String FEW_VALID = """
      title: few valid
      vary:
        k: [3, 65, 66, 67, 68, 69, 70, 71, 72, 73]
        a: [1, 2, 3, 4, 5, 6, 7, 8, 9, 10]
        b: [1, 2, 3, 4, 5, 6, 7, 8, 9, 10]
        c: [1, 2, 3, 4, 5, 6, 7, 8, 9, 10]
        d: [1, 2, 3, 4, 5, 6, 7, 8, 9, 10]
      input: [32, 32, 1]
      layers:
        - {type: Conv2D, name: c1, filters: $a, kernel_size: 3}
        - {type: Conv2D, name: c2, filters: $b, kernel_size: 3}
        - {type: Conv2D, name: c3, filters: $c, kernel_size: 3}
        - {type: Conv2D, name: c4, filters: $d, kernel_size: 3}
        - {type: Conv2D, name: c5, filters: 2, kernel_size: $k}
      """;

  /**
   * 10⁵ combinations, one in ten valid, 30 wanted, and draws of 150 ms: the 60 s budget allows
   * 400 draws, about 40 valid ones, so a slow start must not be taken for a hopeless space. The
   * files are those of the same draws without a clock.
   */
  @Test
  void aFeasibleButSlowSpaceIsNotRefused(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("few.yaml");
    Files.writeString(file, FEW_VALID);
    VariantSet slow = Variants.generate(file, Optional.of(30), 7, Optional.empty(),
        Variants.BUDGET, clock(java.time.Duration.ofMillis(150)));
    assertThat(slow.files()).hasSize(30);
    assertThat(slow.checked()).isGreaterThan(100);
    VariantSet fast = Variants.generate(file, Optional.of(30), 7, Optional.empty());
    assertThat(slow.files()).extracting(VariantFile::yaml)
        .containsExactlyElementsOf(fast.files().stream().map(VariantFile::yaml).toList());
  }

  /**
   * A space small enough to check whole is checked in a seeded random order, so its first draws
   * say what the rest hold: pooling by 2 with exact windows takes only the even size 16, so the
   * numbers 1 to 39 (pool 2, an odd size) are all invalid and 40 to 79 (pool 1) all valid.
   * Checked in number order, 1 valid in the first 39 would look hopeless for 38.
   */
  @Test
  void aSmallSpaceIsCheckedInARandomOrderSoItsFirstDrawsAreFair(@TempDir Path dir)
      throws Exception {
    Path file = dir.resolve("half.yaml");
    StringBuilder sizes = new StringBuilder("16");
    for (int i = 0; i < 39; i++) {
      sizes.append(", ").append(17 + 2 * i);
    }
    Files.writeString(file, "title: half\nvary:\n  p: [2, 1]\n  size: [" + sizes
        + "]\nexact_windows: true\ninput: [$size, $size, 1]\nlayers:\n"
        + "  - {type: MaxPooling2D, pool_size: $p}\n");
    // 80 draws of 0.5 s: 40 s, within the budget; the bound must not refuse on the way
    VariantSet set = Variants.generate(file, Optional.of(38), 1, Optional.empty(),
        Variants.BUDGET, clock(java.time.Duration.ofMillis(500)));
    assertThat(set.valid()).isEqualTo(41);
    assertThat(set.files()).hasSize(38);
  }

  /**
   * The hopeless fixture is also a file, to run by hand ({@code ./layerwise variants
   * src/test/resources/io/layerwise/variant/hopeless.yaml --count 200 --seed 7}): it is the
   * text {@link VaryFiles#hopeless} makes.
   */
  @Test
  void theHopelessFixtureFileIsTheGeneratedOne() throws Exception {
    assertThat(Files.readString(Path.of("src/test/resources/io/layerwise/variant/hopeless.yaml")))
        .isEqualTo(VaryFiles.hopeless());
  }
}
