package io.layerwise;

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
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Real HTML and PDF through Asciidoctor (one JRuby for the class): typeset math, totals, no
 * external reference, no injected markup, reproducible bytes, a handout. PDF text is read with
 * poppler's {@code pdftotext}, which {@code .ci/run} installs.
 */
class PublishedSheetsTest {

  private static final Path INJECTION = Path.of("src/test/resources/sheets/injection.yaml");
  private static final Publisher PUBLISHER = new Publisher();
  @TempDir static Path tmp;
  private static BuildReport first;

  private static BuildReport build(Path out, Optional<String> handout, Set formats,
      Path... inputs) {
    BuildRequest r = new BuildRequest(List.of(inputs), out, formats.set,
        EnumSet.allOf(SheetKind.class), handout, Optional.empty(), Locale.ENGLISH);
    return Layerwise.build(r, BuildListener.NONE, PUBLISHER);
  }

  /** The formats of a build. */
  private enum Set {
    HTML_PDF(EnumSet.of(OutputFormat.HTML, OutputFormat.PDF)),
    HTML(EnumSet.of(OutputFormat.HTML));

    final EnumSet<OutputFormat> set;

    Set(EnumSet<OutputFormat> set) {
      this.set = set;
    }
  }

  @BeforeAll
  static void buildOnce() {
    first = build(tmp.resolve("a"), Optional.empty(), Set.HTML_PDF,
        Bundled.DIR.resolve("two-class-cnn.yaml"), INJECTION);
  }

  @AfterAll
  static void close() {
    PUBLISHER.close();
  }

  private static String html(String name) throws IOException {
    return Files.readString(tmp.resolve("a").resolve(name));
  }

  static String pdfText(Path pdf) throws IOException, InterruptedException {
    Process p = new ProcessBuilder("pdftotext", "-enc", "UTF-8", pdf.toString(), "-")
        .redirectErrorStream(true).start();
    String text = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(p.exitValue()).as("pdftotext (poppler-utils) must be installed: " + text)
        .isZero();
    return text;
  }

  @Test
  void buildsEverySheetInBothFormats() {
    assertThat(first.diagnostics()).isEmpty();
    assertThat(first.ok()).isTrue();
    assertThat(first.built()).isEqualTo(2);
    assertThat(first.written()).hasSize(8);
    assertThat(first.startedAsciidoctor()).isTrue();
  }

  @Test
  void answerSheetShowsTheTotalAndTypesetFormulas() throws Exception {
    String html = html("two-class-cnn-answers.html");
    assertThat(html).contains("50,828,751").contains("data:image/svg+xml;base64,");
    String pdf = pdfText(tmp.resolve("a").resolve("two-class-cnn-answers.pdf"));
    assertThat(pdf).contains("50,828,751").contains("Derivations")
        .doesNotContain("\\frac").doesNotContain("\\left");
  }

  @Test
  void htmlFetchesNothing() throws IOException {
    for (String name : List.of("two-class-cnn-answers.html", "two-class-cnn-questions.html")) {
      String html = html(name).replaceAll("(?s)/\\*.*?\\*/", "");
      assertThat(html).doesNotContainPattern("(src|href)\\s*=\\s*\"(https?:)?//")
          .doesNotContainPattern("url\\(\\s*['\"]?(https?:)?//")
          .doesNotContain("@import")
          .doesNotContain("<script");
    }
  }

  @Test
  void exerciseTextCannotInjectMarkup() throws Exception {
    String html = html("injection-answers.html");
    assertThat(html).doesNotContain("<script").doesNotContain("<img src=x")
        .doesNotContain("<b>raw</b>").doesNotContain("<i>").doesNotContain("root:x:0");
    assertThat(html).doesNotContain("modelVersion");
    String pdf = pdfText(tmp.resolve("a").resolve("injection-answers.pdf"));
    assertThat(pdf).contains("include::/etc/passwd[]")
        .contains("pass:[<script>alert(1)</script>]")
        .contains("${7*7}")
        .contains("<img src=x onerror=alert(2)>")
        .contains("a<b>&c")
        .doesNotContain("modelVersion");
  }

  @Test
  void sameInputsGiveTheSameHtmlAndPdf() throws IOException {
    BuildReport again = build(tmp.resolve("b"), Optional.empty(), Set.HTML_PDF,
        Bundled.DIR.resolve("two-class-cnn.yaml"));
    assertThat(again.ok()).isTrue();
    for (String kind : List.of("answers", "questions")) {
      String base = "two-class-cnn-" + kind;
      assertThat(html(base + ".html"))
          .isEqualTo(Files.readString(tmp.resolve("b").resolve(base + ".html")));
      assertThat(pdfWithoutDates(tmp.resolve("a").resolve(base + ".pdf")))
          .isEqualTo(pdfWithoutDates(tmp.resolve("b").resolve(base + ".pdf")));
    }
  }

  /** HTML with numeric character references decoded, as a browser shows its text. */
  private static String decoded(String html) {
    java.util.regex.Matcher m = java.util.regex.Pattern.compile("&#(\\d+);").matcher(html);
    StringBuilder sb = new StringBuilder();
    while (m.find()) {
      m.appendReplacement(sb, java.util.regex.Matcher.quoteReplacement(
          String.valueOf((char) Integer.parseInt(m.group(1)))));
    }
    return m.appendTail(sb).toString();
  }

  /** The PDF bytes less what the format forces to differ (dates and the file identifier). */
  private static String pdfWithoutDates(Path pdf) throws IOException {
    String s = new String(Files.readAllBytes(pdf), StandardCharsets.ISO_8859_1);
    return s.replaceAll("/(CreationDate|ModDate) \\([^)]*\\)", "")
        .replaceAll("/ID \\[<[0-9a-fA-F]+> ?<[0-9a-fA-F]+>\\]", "");
  }

  @Test
  void handoutHasATitlePageAndContents() throws IOException {
    BuildReport r = build(tmp.resolve("h"), Optional.of("lecture-3"), Set.HTML,
        Bundled.DIR.resolve("course-example.yaml"), Bundled.DIR.resolve("lenet5-keras.yaml"));
    assertThat(r.ok()).isTrue();
    String html = decoded(Files.readString(tmp.resolve("h").resolve("lecture-3-answers.html")));
    assertThat(html).contains("id=\"toc\"").contains("<h1>lecture-3</h1>")
        .contains("LeNet-5 as Keras users build it").contains("62,958").contains("61,706");
  }
}
