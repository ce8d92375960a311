package io.layerwise;

import io.layerwise.build.SheetBuild;
import io.layerwise.build.BuildListener;
import io.layerwise.build.BuildReport;
import io.layerwise.build.BuildRequest;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

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
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Real HTML and PDF through Asciidoctor (one JRuby for the class): typeset math, totals, no
 * external reference, no injected markup (in the AsciiDoc, the HTML and the PDF text), the same
 * bytes from the same inputs (PDF included), a handout. PDF text is read with
 * poppler's {@code pdftotext}, which {@code .ci/run} installs.
 */
@Tag("publish")
class PublishedSheetsTest {

  private static final Path INJECTION = Path.of("src/test/resources/sheets/injection.yaml");
  /** What {@code injection.yaml} writes, each of which must be shown exactly so. */
  private static final List<String> LITERALS = List.of("include::/etc/passwd[]",
      "<script>alert('title')</script>", "${7*7}", "<#list 1..2 as t>L${t}</#list>", "{docdir}",
      "pass:[<script>alert(1)</script>]", "+++<b>raw</b>+++", "<#list 1..3 as x>${x}</#list>",
      "[[anchor]] <<xref>> link:http://example.invalid[here] image::x.png[] footnote:[n] *bold*"
          + " _it_ (C) -- ...",
      "<img src=x onerror=alert(2)>", "include::../../pom.xml[]", "${7*7} <script>s</script> &amp;",
      "a<b>&c", "f${7*7}<#assign y=1>include::x[]", "pass:[<u>d</u>]++++");
  private static final Publisher PUBLISHER = new Publisher();
  @TempDir static Path tmp;
  private static BuildReport first;

  private static BuildReport build(Path out, Optional<String> handout, Set formats,
      Path... inputs) {
    BuildRequest r = new BuildRequest(List.of(inputs), out, formats.set,
        EnumSet.of(SheetKind.QUESTIONS, SheetKind.ANSWERS), handout, Optional.empty(),
        Locale.ENGLISH);
    return SheetBuild.run(r, BuildListener.NONE, PUBLISHER);
  }

  /** The formats of a build. */
  private enum Set {
    HTML_PDF(EnumSet.of(OutputFormat.HTML, OutputFormat.PDF)),
    ALL(EnumSet.of(OutputFormat.ADOC, OutputFormat.HTML, OutputFormat.PDF)),
    HTML(EnumSet.of(OutputFormat.HTML));

    final EnumSet<OutputFormat> set;

    Set(EnumSet<OutputFormat> set) {
      this.set = set;
    }
  }

  @BeforeAll
  static void buildOnce() {
    first = build(tmp.resolve("a"), Optional.empty(), Set.ALL,
        Bundled.DIR.resolve("two-class-cnn.yaml"), INJECTION);
  }

  @AfterAll
  static void close() {
    PUBLISHER.close();
  }

  private static String html(String name) throws IOException {
    return Files.readString(tmp.resolve("a").resolve(name));
  }

  /**
   * The text of a PDF, by poppler's {@code pdftotext}. In CI (environment variable {@code CI}
   * set) a missing {@code pdftotext} fails the test; elsewhere it skips it.
   */
  static String pdfText(Path pdf) throws IOException, InterruptedException {
    boolean present = java.util.Arrays.stream(System.getenv().getOrDefault("PATH", "")
        .split(java.io.File.pathSeparator))
        .anyMatch(d -> Files.isExecutable(Path.of(d, "pdftotext")));
    if (System.getenv("CI") != null) {
      assertThat(present).as("pdftotext (poppler-utils) is installed in CI (.ci/run)").isTrue();
    }
    assumeThat(present).as("pdftotext (poppler-utils) installed").isTrue();
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
    assertThat(first.written()).hasSize(12);
    assertThat(first.startedAsciidoctor()).isTrue();
  }

  @Test
  void answerSheetShowsTheTotalAndTypesetFormulas() throws Exception {
    String html = html("two-class-cnn-answers.html");
    assertThat(html).contains("50,828,751").contains("<math display=\"block\" alttext=\"params"
        + " = K_h·K_w·C_in·F + F = 7·7·1·60 + 60 = 3,000\">").doesNotContain("formulas/f-");
    String pdf = pdfText(tmp.resolve("a").resolve("two-class-cnn-answers.pdf"));
    assertThat(pdf).contains("50,828,751").contains("Derivations")
        .doesNotContain("\\frac").doesNotContain("\\left");
    // the formulas are text: pdftotext reads them as set, binary operators spaced as TeX
    // spaces them, in the embedded fonts' Unicode characters
    assertThat(pdf).contains("params = Kh · Kw · Cin · F + F = 7 · 7 · 1 · 60 + 60 = 3,000")
        .contains("5 · 5 · 60 · 100 + 100 = 150,100");
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
    for (String sheet : List.of("injection-answers", "injection-questions")) {
      String adoc = html(sheet + ".adoc");
      // the Keras code names the layers as typed, inside a source block without substitutions,
      // where only a directive at the start of a line would act: no code line starts with one
      java.util.regex.Matcher code = java.util.regex.Pattern
          .compile("(?ms)^\\[source,python,subs=\"specialchars\"]\n(-{4,})\n(.*?)\n\\1$")
          .matcher(adoc);
      int blocks = 0;
      while (code.find()) {
        blocks++;
        assertThat(code.group(2)).doesNotContainPattern("(?m)^\\\\?(include|ifdef|ifndef|ifeval"
            + "|endif)::").doesNotContainPattern("(?m)^-{4,}$");
      }
      assertThat(blocks).as("code blocks in %s", sheet).isEqualTo(sheet.endsWith("answers") ? 1 : 0);
      // the formulas' MathML, its style and the printed sheet's running footer (whose title is
      // the escaped text: no "<" in it), which come from the engine's trees and the template,
      // are the only passthrough blocks
      // (a layer's derivations share one passthrough block, one formula a line)
      adoc = code.replaceAll("").replaceAll("(?m)^\\+{4}\n((<math display=\"block\" [^\n]*</math>\n)+"
          + "|<style>math\\{[^\n]*</style>\n"
          + "|<div class=\"lw-running\" aria-hidden=\"true\">[^<\n]*</div>\n"
          + "<div class=\"lw-running-page\" aria-hidden=\"true\">[^<]*<span class=\"lw-n\"></span>"
          + "[^<]*<span class=\"lw-m\"></span></div>\n"
          + ")\\+{4}$", "");
      for (String markup : List.of("include::", "++++", "pass:[", "${", "<#", "<script", "<img",
          "{docdir}", "[[anchor]]", "link:http", "image::x.png", "footnote:[")) {
        assertThat(adoc).as("%s.adoc has no %s", sheet, markup).doesNotContain(markup);
      }
      String html = html(sheet + ".html");
      assertThat(html).doesNotContain("<script").doesNotContain("<img src=x")
          .doesNotContain("<b>raw</b>").doesNotContain("<i>").doesNotContain("<u>")
          .doesNotContain("root:x:0").doesNotContain("modelVersion")
          .doesNotContain("id=\"anchor\"").doesNotContain("href=\"http://example.invalid");
      String shown = visibleText(html);
      String pdf = pdfText(tmp.resolve("a").resolve(sheet + ".pdf")).replaceAll("\\s+", " ");
      assertThat(pdf).doesNotContain("modelVersion").doesNotContain("root:x:0");
      for (String literal : LITERALS) {
        assertThat(shown).as("%s.html shows %s", sheet, literal).contains(literal);
        // (the printer may break a line inside a literal: spaces aside)
        assertThat(pdf.replace(" ", "")).as("%s.pdf shows %s", sheet, literal)
            .contains(literal.replace(" ", ""));
      }
    }
  }

  /** The text a browser shows: the body without tags, references decoded once, spaces folded. */
  private static String visibleText(String html) {
    String body = html.substring(html.indexOf("<body"));
    String text = body.replaceAll("(?s)<style.*?</style>", "").replaceAll("<[^>]+>", "");
    java.util.regex.Matcher m = java.util.regex.Pattern
        .compile("&(#\\d+|#x[0-9a-fA-F]+|lt|gt|quot|amp|apos);").matcher(text);
    StringBuilder sb = new StringBuilder();
    while (m.find()) {
      String ref = m.group(1);
      String c = switch (ref) {
        case "lt" -> "<";
        case "gt" -> ">";
        case "quot" -> "\"";
        case "amp" -> "&";
        case "apos" -> "'";
        default -> new String(Character.toChars(ref.startsWith("#x")
            ? Integer.parseInt(ref.substring(2), 16) : Integer.parseInt(ref.substring(1))));
      };
      m.appendReplacement(sb, java.util.regex.Matcher.quoteReplacement(c));
    }
    return m.appendTail(sb).toString().replaceAll("\\s+", " ");
  }

  @Test
  void sameInputsGiveTheSameBytes() throws IOException {
    BuildReport again = build(tmp.resolve("b"), Optional.empty(), Set.ALL,
        Bundled.DIR.resolve("two-class-cnn.yaml"), INJECTION);
    assertThat(again.ok()).isTrue();
    List<Path> files;
    try (java.util.stream.Stream<Path> s = Files.list(tmp.resolve("a"))) {
      files = s.filter(p -> p.toString().matches(".*\\.(adoc|html|pdf|svg)")).sorted().toList();
    }
    // questions and answers in three formats, and each sheet's diagram, for two exercises
    assertThat(files).hasSize(16);
    for (Path a : files) {
      // the PDF too: `reproducible` leaves out its dates, and Prawn writes no file identifier
      assertThat(Files.readAllBytes(tmp.resolve("b").resolve(a.getFileName())))
          .as(a.getFileName().toString()).isEqualTo(Files.readAllBytes(a));
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
