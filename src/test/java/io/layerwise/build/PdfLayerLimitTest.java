package io.layerwise.build;

import static org.assertj.core.api.Assertions.assertThat;

import io.layerwise.diagnostic.Diagnostic;
import io.layerwise.diagnostic.Location;
import io.layerwise.publish.OutputFormat;
import io.layerwise.publish.Publisher;
import io.layerwise.render.SheetKind;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A network deeper than {@link Publisher#PDF_LAYERS} gets no PDF: refused at once, before any
 * conversion, with one diagnostic at its {@code layers:} key that says why and what to do.
 */
class PdfLayerLimitTest {

  @TempDir Path tmp;

  private Path exercise(int layers) throws Exception {
    StringBuilder sb = new StringBuilder("title: deep\nid: deep\ninput: [4]\nlayers:\n");
    for (int i = 0; i < layers; i++) {
      sb.append("  - {type: Dense, name: d").append(i).append(", units: 4}\n");
    }
    Path file = tmp.resolve("deep.yaml");
    Files.writeString(file, sb.toString());
    return file;
  }

  @Test
  void aNetworkDeeperThanTheLimitGetsNoPdfAndSaysWhy() throws Exception {
    Path file = exercise(Publisher.PDF_LAYERS + 1);
    long start = System.nanoTime();
    BuildReport report;
    try (Publisher publisher = new Publisher()) {
      report = SheetBuild.run(new BuildRequest(List.of(file), tmp.resolve("out"),
          Set.of(OutputFormat.PDF), Set.of(SheetKind.QUESTIONS), Optional.empty(),
          Optional.empty(), Locale.ENGLISH), BuildListener.NONE, publisher);
    }
    assertThat(System.nanoTime() - start).as("refused at once").isLessThan(30_000_000_000L);
    assertThat(report.failed()).isEqualTo(1);
    assertThat(report.written()).isEmpty();
    assertThat(report.diagnostics()).hasSize(1);
    Diagnostic d = report.diagnostics().get(0);
    assertThat(d.location()).isEqualTo(new Location(file.toString(), 4, 1));
    assertThat(d.message()).startsWith("2,001 layers are more than a PDF sheet takes (at most"
        + " 2,000)").contains("--format html");
    assertThat(tmp.resolve("out").resolve("deep-questions.pdf")).doesNotExist();
  }

  @Test
  void theRefusalNamesTheLimit() {
    assertThat(Publisher.pdfRefusal(20_000)).startsWith("20,000 layers are more than a PDF sheet"
        + " takes (at most 2,000)");
  }

  /** Its HTML is still written, and the build says once why the PDF is not. */
  @Test
  @Tag("publish")
  void aNetworkDeeperThanTheLimitStillGetsItsHtml() throws Exception {
    Path file = exercise(Publisher.PDF_LAYERS + 1);
    BuildReport report;
    try (Publisher publisher = new Publisher()) {
      report = SheetBuild.run(new BuildRequest(List.of(file), tmp.resolve("out"),
          Set.of(OutputFormat.HTML, OutputFormat.PDF), Set.of(SheetKind.QUESTIONS),
          Optional.empty(), Optional.empty(), Locale.ENGLISH), BuildListener.NONE, publisher);
    }
    assertThat(report.diagnostics()).singleElement()
        .satisfies(d -> assertThat(d.message()).contains("--format html"));
    assertThat(tmp.resolve("out").resolve("deep-questions.html")).exists();
    assertThat(tmp.resolve("out").resolve("deep-questions.pdf")).doesNotExist();
  }
}
