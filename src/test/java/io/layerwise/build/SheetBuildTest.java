package io.layerwise.build;

import io.layerwise.Bundled;
import io.layerwise.variant.Variants;
import static org.assertj.core.api.Assertions.assertThat;

import io.layerwise.publish.OutputFormat;
import io.layerwise.publish.Publisher;
import io.layerwise.render.SheetKind;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Builds of AsciiDoc sources, which need neither FreeMarker's output checked by hand nor JRuby:
 * incremental builds, failures that spare the rest and earlier output, reproducible bytes.
 */
class SheetBuildTest {

  private static final Publisher PUBLISHER = new Publisher();

  @AfterAll
  static void close() {
    PUBLISHER.close();
  }

  private static BuildReport build(Path out, Path... inputs) {
    return build(out, Optional.empty(), inputs);
  }

  private static BuildReport build(Path out, Optional<Path> templates, Path... inputs) {
    BuildRequest r = new BuildRequest(List.of(inputs), out, EnumSet.of(OutputFormat.ADOC),
        EnumSet.allOf(SheetKind.class), Optional.empty(), templates, Locale.ENGLISH);
    return SheetBuild.run(r, BuildListener.NONE, PUBLISHER);
  }

  private static Path copy(Path dir, String id) throws IOException {
    Path p = dir.resolve(id + ".yaml");
    Files.createDirectories(dir);
    Files.copy(Bundled.DIR.resolve(id + ".yaml"), p);
    return p;
  }

  @Test
  void writesBothSheetsWithTheirImages(@TempDir Path tmp) throws IOException {
    Path out = tmp.resolve("out");
    BuildReport r = build(out, copy(tmp.resolve("in"), "two-class-cnn"));
    assertThat(r.ok()).isTrue();
    assertThat(r.built()).isEqualTo(1);
    assertThat(out.resolve("two-class-cnn-answers.adoc")).exists();
    assertThat(out.resolve("two-class-cnn-questions.adoc")).exists();
    assertThat(out.resolve("two-class-cnn-network.svg")).exists();
    assertThat(Files.readString(out.resolve("two-class-cnn-answers.adoc")))
        .contains("|Total parameters |").contains("|50,828,751 |");
    // the formulas are MathML that carries its LaTeX: no images to copy beside the AsciiDoc
    assertThat(Files.readString(out.resolve("two-class-cnn-answers.adoc")))
        .contains("<annotation encoding=\"application/x-tex\">");
    assertThat(out.resolve("formulas")).doesNotExist();
  }

  @Test
  void anUnchangedExerciseIsNotRebuiltAndStartsNothing(@TempDir Path tmp) throws IOException {
    Path out = tmp.resolve("out");
    Path ex = copy(tmp.resolve("in"), "course-example");
    assertThat(build(out, ex).built()).isEqualTo(1);
    BuildReport again = build(out, ex);
    assertThat(again.built()).isZero();
    assertThat(again.upToDate()).isEqualTo(1);
    assertThat(again.startedAsciidoctor()).isFalse();

    Files.writeString(ex, Files.readString(ex).replace("fc4: [84,", "fc4: [80,"));
    BuildReport changed = build(out, ex);
    assertThat(changed.built()).isEqualTo(1);
    assertThat(Files.readString(out.resolve("course-example-answers.adoc")))
        .contains("weights = N_in·U = 80·10 = 800");
  }

  @Test
  void aDeletedOutputIsRebuilt(@TempDir Path tmp) throws IOException {
    Path out = tmp.resolve("out");
    Path ex = copy(tmp.resolve("in"), "lenet5-keras");
    build(out, ex);
    Files.delete(out.resolve("lenet5-keras-questions.adoc"));
    assertThat(build(out, ex).built()).isEqualTo(1);
    assertThat(out.resolve("lenet5-keras-questions.adoc")).exists();
  }

  @Test
  void aBrokenExerciseFailsAloneAndKeepsItsEarlierOutput(@TempDir Path tmp) throws IOException {
    Path out = tmp.resolve("out");
    Path in = tmp.resolve("in");
    Path good = copy(in, "course-example");
    Path other = copy(in, "lenet5-keras");
    assertThat(build(out, in).built()).isEqualTo(2);
    byte[] before = Files.readAllBytes(out.resolve("course-example-answers.adoc"));

    Files.writeString(good, Files.readString(good).replace("k1: [5,", "k1: [50,"));
    Files.writeString(other, Files.readString(other).replace("units: 84", "units: 42"));
    BuildReport r = build(out, in);

    assertThat(r.ok()).isFalse();
    assertThat(r.failed()).isEqualTo(1);
    assertThat(r.built()).isEqualTo(1);
    assertThat(r.diagnostics()).anySatisfy(d -> {
      assertThat(d.location().file()).isEqualTo(good.toString());
      assertThat(d.message()).contains("kernel 50 exceeds padded input");
    });
    assertThat(Files.readAllBytes(out.resolve("course-example-answers.adoc"))).isEqualTo(before);
    try (Stream<Path> files = Files.list(out)) {
      assertThat(files.map(p -> p.getFileName().toString()))
          .noneMatch(n -> n.endsWith(".tmp"));
    }
  }

  @Test
  void sameInputsGiveTheSameBytes(@TempDir Path tmp) throws IOException {
    Path ex = copy(tmp.resolve("in"), "alexnet-2012");
    build(tmp.resolve("a"), ex);
    build(tmp.resolve("b"), ex);
    for (String f : List.of("alexnet-2012-answers.adoc", "alexnet-2012-questions.adoc",
        "alexnet-2012-network-1.svg")) {
      assertThat(Files.readAllBytes(tmp.resolve("a").resolve(f)))
          .isEqualTo(Files.readAllBytes(tmp.resolve("b").resolve(f)));
    }
  }

  @Test
  void aTemplateDirectoryReplacesTheBundledTemplateOfTheSameName(@TempDir Path tmp)
      throws IOException {
    Path templates = tmp.resolve("templates");
    Files.createDirectories(templates);
    Files.writeString(templates.resolve("answers.adoc.ftl"), """
        <#import "sheet.ftl" as s>
        = Lösungen: ${sheet.title}
        <@s.attributes/>

        <@s.answers sheet "="/>
        """);
    Path ex = copy(tmp.resolve("in"), "course-example");
    BuildReport r = build(tmp.resolve("out"), Optional.of(templates), ex);
    assertThat(r.ok()).isTrue();
    assertThat(Files.readString(tmp.resolve("out/course-example-answers.adoc")))
        .startsWith("= Lösungen: The course example&#58;");
    assertThat(Files.readString(tmp.resolve("out/course-example-questions.adoc")))
        .as("the other sheet keeps the bundled template").contains("Question sheet");

    Files.writeString(templates.resolve("answers.adoc.ftl"), "${sheet.nosuchthing}");
    BuildReport broken = build(tmp.resolve("out"), Optional.of(templates), ex);
    assertThat(broken.ok()).isFalse();
    assertThat(broken.diagnostics().get(0).message()).startsWith("template answers.adoc.ftl");
  }

  @Test
  void noExerciseFilesIsAnError(@TempDir Path tmp) throws IOException {
    Files.createDirectories(tmp.resolve("empty"));
    BuildReport r = build(tmp.resolve("out"), tmp.resolve("empty"));
    assertThat(r.ok()).isFalse();
    assertThat(r.diagnostics().get(0).message()).contains("no exercise files");
  }

  @Test
  void aRosterGivesPerStudentSheetsAnAnswerKeyAndOneMoodleBank(@TempDir Path tmp)
      throws Exception {
    Variants.VariantSet set = Variants.generate(Bundled.DIR.resolve("course-example.yaml"),
        Optional.empty(), 7, Optional.of(Bundled.DIR.resolve("rosters/demo-class.csv")));
    Variants.write(set, tmp.resolve("class"));
    Path out = tmp.resolve("out");
    BuildRequest r = new BuildRequest(List.of(tmp.resolve("class")), out,
        EnumSet.of(OutputFormat.ADOC, OutputFormat.MOODLE), EnumSet.allOf(SheetKind.class),
        Optional.empty(), Optional.empty(), Locale.ENGLISH);
    BuildReport report = SheetBuild.run(r, BuildListener.NONE, PUBLISHER);
    assertThat(report.ok()).as(report.diagnostics().toString()).isTrue();
    assertThat(out.resolve("course-example-s1003-questions.adoc")).content()
        .contains("Variant 3 for Hopper, Grace");
    assertThat(out.resolve("course-example-moodle.xml")).exists();
    assertThat(out.resolve("course-example-s1001-moodle.xml")).doesNotExist();
    String key = Files.readString(out.resolve("course-example-key.adoc"));
    for (Variants.VariantFile f : set.files()) {
      var a = f.analysis();
      String student = a.exercise().variant().orElseThrow().student().orElseThrow();
      assertThat(key).contains(io.layerwise.render.AsciiDoc.text(student))
          .contains(String.format(Locale.ROOT, "|Total parameters |%,d", a.totals().params()));
    }
    assertThat(key.indexOf("Ada Lovelace")).isLessThan(key.indexOf("Alan Turing"));
  }

  @Test
  void anUnwritableOutputDirectoryIsOneClearError(@TempDir Path tmp) throws IOException {
    Path blocker = tmp.resolve("not-a-directory");
    Files.writeString(blocker, "a file where the output directory should be");
    BuildReport r = build(blocker.resolve("out"), copy(tmp.resolve("in"), "course-example"),
        copy(tmp.resolve("in"), "lenet5-keras"));
    assertThat(r.ok()).isFalse();
    assertThat(r.failed()).isEqualTo(2);
    assertThat(r.written()).isEmpty();
    assertThat(r.diagnostics()).singleElement().satisfies(d -> {
      assertThat(d.location().file()).isEqualTo(blocker.resolve("out").toString());
      assertThat(d.message()).startsWith("cannot write to the output directory: ")
          .contains("Not a directory").doesNotContain("Exception");
    });
  }

  @Test
  void aWriteThatCannotLandLeavesTheOtherFilesAndNoTemporaryFile(@TempDir Path tmp)
      throws IOException {
    Path target = tmp.resolve("sheet.html");
    io.layerwise.publish.AtomicFiles.write(target, "good".getBytes(StandardCharsets.UTF_8));
    // a non-empty directory where the finished file must land makes the move fail
    Path blocked = tmp.resolve("blocked");
    Files.createDirectories(blocked.resolve("child"));
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> io.layerwise.publish.AtomicFiles
        .write(blocked, "new".getBytes(StandardCharsets.UTF_8))).isInstanceOf(IOException.class);
    assertThat(Files.readString(target)).isEqualTo("good");
    try (Stream<Path> files = Files.list(tmp)) {
      assertThat(files.map(p -> p.getFileName().toString())).noneMatch(n -> n.endsWith(".tmp"));
    }
  }

  /**
   * A variant file whose {@code variant.of} names a path (the answer key, the question bank and
   * the build state are named after it) is refused where it is read, and nothing lands outside
   * the output directory.
   */
  @Test
  void aVariantOfThatIsAPathWritesNothingOutsideTheOutput(@TempDir Path tmp) throws Exception {
    Variants.VariantSet set = Variants.generate(Bundled.DIR.resolve("course-example.yaml"),
        Optional.of(2), 7, Optional.empty());
    List<Path> files = Variants.write(set, tmp.resolve("work/class"));
    for (String of : List.of("../../escaped/owned", "/tmp/layerwise-owned-" + tmp.hashCode())) {
      for (Path f : files) {
        Files.writeString(f, Files.readString(f).replaceFirst("of: course-example",
            "of: \"" + of + "\""));
      }
      Path out = tmp.resolve("work/out");
      BuildRequest r = new BuildRequest(List.of(tmp.resolve("work/class")), out,
          EnumSet.of(OutputFormat.ADOC, OutputFormat.MOODLE), EnumSet.allOf(SheetKind.class),
          Optional.empty(), Optional.empty(), Locale.ENGLISH);
      BuildReport report = SheetBuild.run(r, BuildListener.NONE, PUBLISHER);
      assertThat(report.ok()).isFalse();
      assertThat(report.diagnostics()).isNotEmpty().allSatisfy(d -> {
        assertThat(d.location().line()).isPositive();
        assertThat(d.message()).startsWith("variant.of names the exercise's id");
      });
      assertThat(tmp.resolve("escaped")).doesNotExist();
      assertThat(Path.of(of + "-key.adoc")).doesNotExist();
      assertThat(Path.of(of + "-moodle.xml")).doesNotExist();
      try (Stream<Path> all = Files.walk(tmp)) {
        assertThat(all.filter(Files::isRegularFile))
            .allMatch(p -> p.startsWith(out) || p.startsWith(tmp.resolve("work/class")));
      }
    }
  }

  /**
   * A build killed with {@code kill -9} leaves its work directory; the next build removes it
   * (its process is gone), and keeps a running build's.
   */
  @Test
  void removesTheWorkLeftByAKilledBuild(@TempDir Path tmp) throws IOException {
    Path out = tmp.resolve("out");
    Path state = Publisher.stateDir(out);
    Path killed = Files.createDirectories(state.resolve("work-" + Long.MAX_VALUE / 2 + "-1"));
    Files.writeString(killed.resolve("sheet.adoc"), "half");
    Path older = Files.createDirectories(state.resolve("work-123456789"));
    Path running = Files.createDirectories(
        state.resolve("work-" + ProcessHandle.current().pid() + "-2"));
    assertThat(build(out, copy(tmp.resolve("in"), "two-class-cnn")).ok()).isTrue();
    assertThat(killed).doesNotExist();
    assertThat(older).doesNotExist();
    assertThat(running).isDirectory();
  }

  /**
   * An exercise's files replace the earlier ones together: when one of them cannot be replaced
   * (here a directory stands where the answers sheet goes), none is, and the build says so.
   */
  @Test
  void anOutputThatCannotBeReplacedLeavesTheWholeEarlierSet(@TempDir Path tmp)
      throws IOException {
    Path out = tmp.resolve("out");
    Path ex = copy(tmp.resolve("in"), "two-class-cnn");
    assertThat(build(out, ex).ok()).isTrue();
    Path questions = out.resolve("two-class-cnn-questions.adoc");
    Path answers = out.resolve("two-class-cnn-answers.adoc");
    String before = Files.readString(questions);
    Files.delete(answers);
    Files.createDirectories(answers.resolve("in-the-way"));
    Files.writeString(ex, Files.readString(ex).replaceFirst("title: .*", "title: Changed"));
    BuildReport r = build(out, ex);
    assertThat(r.ok()).isFalse();
    assertThat(r.failed()).isEqualTo(1);
    assertThat(r.written()).isEmpty();
    assertThat(r.diagnostics()).singleElement().satisfies(d -> assertThat(d.message())
        .contains("the earlier ones are kept").contains("is a directory"));
    assertThat(Files.readString(questions)).isEqualTo(before).doesNotContain("Changed");
    assertThat(answers.resolve("in-the-way")).isDirectory();
    try (Stream<Path> left = Files.list(Publisher.stateDir(out))) {
      assertThat(left.map(p -> p.getFileName().toString())).noneMatch(n -> n.startsWith("work-"));
    }
    // once the way is clear, the next build replaces the whole set
    Files.delete(answers.resolve("in-the-way"));
    Files.delete(answers);
    assertThat(build(out, ex).ok()).isTrue();
    assertThat(Files.readString(questions)).contains("Changed");
    assertThat(answers).isRegularFile();
  }

  /** A build of files that are not converted sheets (self-check page, question bank) stages too. */
  @Test
  void aBuildWithoutSheetFormatsWritesItsPagesAndBank(@TempDir Path tmp) throws IOException {
    Path out = tmp.resolve("out");
    BuildRequest r = new BuildRequest(List.of(copy(tmp.resolve("in"), "course-example")), out,
        EnumSet.of(OutputFormat.SELFCHECK, OutputFormat.MOODLE), EnumSet.allOf(SheetKind.class),
        Optional.empty(), Optional.empty(), Locale.ENGLISH);
    BuildReport report = SheetBuild.run(r, BuildListener.NONE, PUBLISHER);
    assertThat(report.diagnostics()).isEmpty();
    assertThat(report.built()).isEqualTo(1);
    assertThat(out.resolve("course-example-selfcheck.html")).isRegularFile();
    assertThat(out.resolve("course-example-moodle.xml")).isRegularFile();
  }
}
