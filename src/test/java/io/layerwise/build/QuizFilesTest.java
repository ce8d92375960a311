package io.layerwise.build;

import static org.assertj.core.api.Assertions.assertThat;

import io.layerwise.Bundled;
import io.layerwise.publish.OutputFormat;
import io.layerwise.publish.Publisher;
import io.layerwise.render.SheetKind;
import io.layerwise.variant.Variants;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The question banks of a build ({@code --format moodle,qti,canvas}): one of each per exercise,
 * one per set of variants (none per variant), staged with the exercise's files, and the same
 * bytes for the same input.
 */
class QuizFilesTest {

  private static final Publisher PUBLISHER = new Publisher();

  private static final Set<OutputFormat> BANKS =
      EnumSet.of(OutputFormat.MOODLE, OutputFormat.QTI, OutputFormat.CANVAS);

  @AfterAll
  static void close() {
    PUBLISHER.close();
  }

  private static BuildReport build(Path out, Path... inputs) {
    BuildRequest r = new BuildRequest(List.of(inputs), out, BANKS,
        EnumSet.allOf(SheetKind.class), Optional.empty(), Optional.empty(), Locale.ENGLISH);
    BuildReport report = SheetBuild.run(r, BuildListener.NONE, PUBLISHER);
    assertThat(report.diagnostics()).isEmpty();
    return report;
  }

  private static List<String> entries(Path zip) throws IOException {
    List<String> names = new ArrayList<>();
    try (ZipInputStream in = new ZipInputStream(Files.newInputStream(zip))) {
      for (ZipEntry e; (e = in.getNextEntry()) != null; ) {
        names.add(e.getName());
      }
    }
    return names;
  }

  @Test
  void anExerciseGetsEachBankAndTheSameBytesAgain(@TempDir Path tmp) throws IOException {
    Path in = tmp.resolve("in");
    Files.createDirectories(in);
    Path file = Files.copy(Bundled.DIR.resolve("course-example.yaml"),
        in.resolve("course-example.yaml"));
    BuildReport first = build(tmp.resolve("a"), file);
    assertThat(first.built()).isEqualTo(1);
    assertThat(first.written()).extracting(p -> p.getFileName().toString())
        .containsExactlyInAnyOrder("course-example-moodle.xml", "course-example-qti.zip",
            "course-example-canvas.zip");
    assertThat(entries(tmp.resolve("a/course-example-qti.zip")))
        .startsWith("imsmanifest.xml", "course-example-test.xml")
        .contains("images/course-example-network.svg", "layerwise.css").hasSize(29);
    assertThat(entries(tmp.resolve("a/course-example-canvas.zip"))).containsExactly(
        "imsmanifest.xml", "course-example-quiz/course-example-quiz.xml",
        "course-example-quiz/assessment_meta.xml",
        "web_resources/Uploaded Media/course-example-network.svg");
    build(tmp.resolve("b"), file);
    for (String zip : List.of("course-example-qti.zip", "course-example-canvas.zip")) {
      assertThat(Files.readAllBytes(tmp.resolve("b").resolve(zip))).as(zip)
          .isEqualTo(Files.readAllBytes(tmp.resolve("a").resolve(zip)));
    }
  }

  /**
   * Thirty students' variants of the course example, written by {@code layerwise variants} and
   * built from their directory: one bank of each kind for the set, none per variant, and the
   * same bytes from a second build.
   */
  @Test
  void thirtyVariantsAreOneBankOfEachKind(@TempDir Path tmp) throws Exception {
    Variants.write(Variants.generate(Bundled.DIR.resolve("course-example.yaml"),
        Optional.of(30), 7, Optional.empty()), tmp.resolve("class"));
    Path out = tmp.resolve("out");
    build(out, tmp.resolve("class"));
    try (Stream<Path> files = Files.list(out)) {
      assertThat(files.map(p -> p.getFileName().toString())
          .filter(n -> n.endsWith(".zip") || n.endsWith(".xml")))
          .containsExactlyInAnyOrder("course-example-moodle.xml", "course-example-qti.zip",
              "course-example-canvas.zip");
    }
    List<String> qti = entries(out.resolve("course-example-qti.zip"));
    assertThat(qti).hasSize(2 + 25 * 30 + 1 + 30);
    Path again = tmp.resolve("again");
    build(again, tmp.resolve("class"));
    for (String zip : List.of("course-example-qti.zip", "course-example-canvas.zip")) {
      assertThat(Files.readAllBytes(again.resolve(zip))).as(zip)
          .isEqualTo(Files.readAllBytes(out.resolve(zip)));
    }
  }
}
