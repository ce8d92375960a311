package io.layerwise;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import io.layerwise.build.BuildListener;
import io.layerwise.build.BuildReport;
import io.layerwise.build.BuildRequest;
import io.layerwise.build.SheetBuild;
import io.layerwise.publish.OutputFormat;
import io.layerwise.publish.Publisher;
import io.layerwise.render.SheetKind;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.io.TempDir;

/**
 * Sheets a teacher prints: the course example's question sheet takes at most 2 pages and its
 * answer sheet at most 4, ResNet-50's question sheet at most 8 (issue 16); no page ends with a
 * layer's heading whose derivations begin on the next page, and the first page is not left
 * nearly empty. Page counts are read with poppler's {@code pdfinfo}, the text of each page with
 * {@code pdftotext}; like {@link PublishedSheetsTest}, a missing poppler fails in CI and skips
 * elsewhere.
 */
@Tag("publish")
class PageBudgetTest {

  private static final Publisher PUBLISHER = new Publisher();
  /** A layer's heading in a derivations section: {@code conv1 (Conv2D): (32, 32, 3) → …}. */
  private static final Pattern LAYER_HEADING = Pattern.compile("^\\S+ \\([A-Za-z0-9]+\\): .*→.*$");
  /**
   * A section heading, the sentence that opens the list of what to find, or a table's header
   * row: none may end a page with what it heads on the next.
   */
  private static final Pattern SECTION = Pattern.compile("^(Question|Network|What to find|Give"
      + "|Your answers|Summary|Conventions|Derivations|Layer\\s+Output shape.*"
      + "|Layer \\(type\\)\\s+Output shape.*)$");
  /** The running footer's page number, at the end of the page's last line. */
  private static final Pattern FOOTER = Pattern.compile("Page \\d+ of \\d+$");
  @TempDir static Path out;

  @BeforeAll
  static void build() {
    BuildReport course = SheetBuild.run(new BuildRequest(
        List.of(Bundled.DIR.resolve("course-example.yaml")), out, EnumSet.of(OutputFormat.PDF),
        EnumSet.of(SheetKind.QUESTIONS, SheetKind.ANSWERS), Optional.empty(), Optional.empty(),
        Locale.ENGLISH), BuildListener.NONE, PUBLISHER);
    assertThat(course.diagnostics()).isEmpty();
    BuildReport resnet = SheetBuild.run(new BuildRequest(
        List.of(Bundled.DIR.resolve("resnet50.yaml"), Bundled.DIR.resolve("vgg16.yaml")), out,
        EnumSet.of(OutputFormat.PDF),
        EnumSet.of(SheetKind.QUESTIONS), Optional.empty(), Optional.empty(), Locale.ENGLISH),
        BuildListener.NONE, PUBLISHER);
    assertThat(resnet.diagnostics()).isEmpty();
  }

  @AfterAll
  static void close() {
    PUBLISHER.close();
  }

  @ParameterizedTest
  @CsvSource({"course-example-questions, 2", "course-example-answers, 4",
      "resnet50-questions, 8", "vgg16-questions, 4"})
  void aSheetKeepsItsPageBudget(String sheet, int budget) throws Exception {
    Path pdf = out.resolve(sheet + ".pdf");
    int pages = pages(pdf);
    assertThat(pages).as(sheet + " pages").isBetween(1, budget);
    List<String> firstPage = lines(pdf, 1);
    assertThat(firstPage).as("the first page is not nearly empty").hasSizeGreaterThan(12);
    for (int p = 1; p <= pages; p++) {
      List<String> lines = lines(pdf, p);
      assertThat(lines).as(sheet + ": page " + p + " has its running footer").isNotEmpty();
      assertThat(lines.get(lines.size() - 1)).as(sheet + ": the footer of page " + p)
          .containsPattern("Page " + p + " of " + pages + "$");
      List<String> text = lines.stream().filter(l -> !FOOTER.matcher(l).find()).toList();
      if (!text.isEmpty() && p < pages) {
        String foot = text.get(text.size() - 1);
        assertThat(foot).as(sheet + ": the foot of page " + p).doesNotMatch(LAYER_HEADING)
            .doesNotMatch(SECTION);
      }
    }
  }

  private static int pages(Path pdf) throws IOException, InterruptedException {
    String info = run("pdfinfo", pdf.toString());
    Matcher m = Pattern.compile("(?m)^Pages:\\s+(\\d+)$").matcher(info);
    assertThat(m.find()).as("pdfinfo reports the pages: " + info).isTrue();
    return Integer.parseInt(m.group(1));
  }

  /** The non-blank lines of one page, as pdftotext lays them out. */
  private static List<String> lines(Path pdf, int page) throws IOException, InterruptedException {
    String p = Integer.toString(page);
    return run("pdftotext", "-layout", "-enc", "UTF-8", "-f", p, "-l", p, pdf.toString(), "-")
        .lines().map(String::strip).filter(s -> !s.isEmpty()).toList();
  }

  private static String run(String... command) throws IOException, InterruptedException {
    boolean present = Arrays.stream(System.getenv().getOrDefault("PATH", "")
        .split(File.pathSeparator)).anyMatch(d -> Files.isExecutable(Path.of(d, command[0])));
    if (System.getenv("CI") != null) {
      assertThat(present).as(command[0] + " (poppler-utils) is installed in CI (.ci/run)")
          .isTrue();
    }
    assumeThat(present).as(command[0] + " (poppler-utils) installed").isTrue();
    Process proc = new ProcessBuilder(command).redirectErrorStream(true).start();
    String text = new String(proc.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(proc.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(proc.exitValue()).as(String.join(" ", command) + ": " + text).isZero();
    return text;
  }
}
