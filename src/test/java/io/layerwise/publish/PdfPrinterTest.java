package io.layerwise.publish;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The printer on its own: what it may read, what its text says, the same bytes twice. */
class PdfPrinterTest {

  private static final PdfPrinter PRINTER = new PdfPrinter(new FormulaTypesetter());

  private static final String PAGE = """
      <!DOCTYPE html><html lang="en"><head><title>T</title></head><body>
      <div id="header"><h1>Flatten</h1></div><p>ﬁ-free text: flatten, → ⌊ ⌋ × 2²⁰</p>
      <math display="block" alttext="params = 5·5·3·8 + 8 = 608"><semantics><mrow><mi>p</mi>
      </mrow><annotation encoding="application/x-tex">\\mathrm{params} = 5 \\cdot 5 \\cdot 3
      \\cdot 8 + 8 = 608</annotation></semantics></math></body></html>
      """;

  @Test
  void readsOnlyDataUrisAndTheWorkDirectorysOwnFiles(@TempDir Path work) throws Exception {
    Path jail = work.resolve("work");
    Files.createDirectories(jail);
    Files.writeString(jail.resolve("a.svg"), "<svg/>");
    Files.writeString(work.resolve("outside.svg"), "<svg/>");
    assertThat(PdfPrinter.allowed("data:image/svg+xml;base64,PHN2Zy8+", jail)).isTrue();
    assertThat(PdfPrinter.allowed(jail.resolve("a.svg").toUri().toString(), jail)).isTrue();
    assertThat(PdfPrinter.allowed(work.resolve("outside.svg").toUri().toString(), jail))
        .isFalse();
    assertThat(PdfPrinter.allowed(jail.toUri() + "..%2Foutside.svg", jail)).isFalse();
    assertThat(PdfPrinter.allowed(jail.toUri() + "%2e%2e/outside.svg", jail)).isFalse();
    assertThat(PdfPrinter.allowed("https://example.invalid/x.svg", jail)).isFalse();
    assertThat(PdfPrinter.allowed("file:///etc/passwd", jail)).isFalse();
    Files.createSymbolicLink(jail.resolve("link.svg"), work.resolve("outside.svg"));
    assertThat(PdfPrinter.allowed(jail.resolve("link.svg").toUri().toString(), jail)).isFalse();
  }

  @Test
  void printsTextAndFormulasAsTextWithoutLigaturesTheSameBytesTwice(@TempDir Path work)
      throws Exception {
    byte[] pdf = PRINTER.print(PAGE, work, Paper.A4);
    assertThat(PRINTER.print(PAGE, work, Paper.A4)).isEqualTo(pdf);
    try (PDDocument doc = Loader.loadPDF(pdf)) {
      String text = new PDFTextStripper().getText(doc).replace(" ", "");
      assertThat(text).contains("flatten,→⌊⌋×2²⁰").contains("params=5·5·3·8+8=608")
          .doesNotContain("ﬂ");
      assertThat(doc.getDocumentCatalog().getLanguage()).isEqualTo("en");
      assertThat(doc.getPage(0).getMediaBox().getWidth()).isBetween(595f, 596f);
    }
    try (PDDocument doc = Loader.loadPDF(PRINTER.print(PAGE, work, Paper.LETTER))) {
      assertThat(doc.getPage(0).getMediaBox().getWidth()).isEqualTo(612f);
    }
  }

  @Test
  void aFormulaWithoutItsLatexIsAnError(@TempDir Path work) {
    String page = PAGE.replaceAll("(?s)<annotation.*</annotation>", "");
    assertThatThrownBy(() -> PRINTER.print(page, work, Paper.A4))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("params = 5·5·3·8 + 8 = 608");
  }
}
