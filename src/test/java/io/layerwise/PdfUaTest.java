package io.layerwise;

import static org.assertj.core.api.Assertions.assertThat;

import io.layerwise.build.BuildListener;
import io.layerwise.build.BuildReport;
import io.layerwise.build.BuildRequest;
import io.layerwise.build.SheetBuild;
import io.layerwise.publish.OutputFormat;
import io.layerwise.publish.Publisher;
import io.layerwise.render.SheetKind;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.documentinterchange.logicalstructure.PDStructureElement;
import org.apache.pdfbox.pdmodel.documentinterchange.logicalstructure.PDStructureNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.verapdf.gf.foundry.VeraGreenfieldFoundryProvider;
import org.verapdf.pdfa.Foundries;
import org.verapdf.pdfa.PDFAParser;
import org.verapdf.pdfa.PDFAValidator;
import org.verapdf.pdfa.VeraPDFFoundry;
import org.verapdf.pdfa.flavours.PDFAFlavour;
import org.verapdf.pdfa.results.TestAssertion;
import org.verapdf.pdfa.results.ValidationResult;

/**
 * Every printed sheet of every bundled exercise (questions, answers and the key, in English) and
 * a German answer sheet is valid PDF/UA-1 as veraPDF, the validator openhtmltopdf's own tests
 * use, reads it: tagged, titled, in a language, every font embedded, every figure (the diagram,
 * each formula) with alternative text.
 */
@Tag("publish")
class PdfUaTest {

  private static final Publisher PUBLISHER = new Publisher();
  @TempDir static Path out;

  @BeforeAll
  static void build() {
    VeraGreenfieldFoundryProvider.initialise();
    BuildReport report = SheetBuild.run(new BuildRequest(Bundled.files(), out,
        EnumSet.of(OutputFormat.PDF), EnumSet.allOf(SheetKind.class), Optional.empty(),
        Optional.empty(), Locale.ENGLISH), BuildListener.NONE, PUBLISHER);
    assertThat(report.diagnostics()).isEmpty();
    BuildReport german = SheetBuild.run(new BuildRequest(
        List.of(Bundled.DIR.resolve("course-example.yaml")), out.resolve("de"),
        EnumSet.of(OutputFormat.PDF), EnumSet.of(SheetKind.ANSWERS), Optional.empty(),
        Optional.empty(), Locale.GERMAN), BuildListener.NONE, PUBLISHER);
    assertThat(german.diagnostics()).isEmpty();
  }

  @AfterAll
  static void close() {
    PUBLISHER.close();
  }

  static Stream<Path> pdfs() throws Exception {
    try (Stream<Path> files = Files.walk(out)) {
      List<Path> pdfs = files.filter(p -> p.toString().endsWith(".pdf")).sorted().toList();
      assertThat(pdfs).hasSizeGreaterThan(3 * Bundled.files().size());
      return pdfs.stream();
    }
  }

  @ParameterizedTest
  @MethodSource("pdfs")
  void everyPrintedSheetIsPdfUa1(Path pdf) throws Exception {
    Set<String> failed = new LinkedHashSet<>();
    ValidationResult result;
    try (VeraPDFFoundry foundry = Foundries.defaultInstance();
        InputStream in = Files.newInputStream(pdf);
        PDFAValidator validator = foundry.createValidator(PDFAFlavour.PDFUA_1, false);
        PDFAParser parser = foundry.createParser(in, PDFAFlavour.PDFUA_1)) {
      result = validator.validate(parser);
    }
    for (TestAssertion a : result.getTestAssertions()) {
      if (a.getStatus() == TestAssertion.Status.FAILED) {
        failed.add(a.getRuleId().getClause() + "-" + a.getRuleId().getTestNumber() + ": "
            + a.getMessage().replaceAll("\\s+", " "));
      }
    }
    assertThat(failed).as(pdf.getFileName().toString()).isEmpty();
    assertThat(result.isCompliant()).as(pdf.getFileName().toString()).isTrue();
  }

  /** The validator is not lenient: an untagged PDF of the same sheet fails it. */
  @Test
  void anUntaggedPdfFails() throws Exception {
    Path pdf = out.resolve("course-example-answers.pdf");
    byte[] untagged;
    try (PDDocument doc = Loader.loadPDF(pdf.toFile())) {
      doc.getDocumentCatalog().setStructureTreeRoot(null);
      doc.getDocumentCatalog().setMarkInfo(null);
      java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
      doc.save(bytes);
      untagged = bytes.toByteArray();
    }
    try (VeraPDFFoundry foundry = Foundries.defaultInstance();
        InputStream in = new java.io.ByteArrayInputStream(untagged);
        PDFAValidator validator = foundry.createValidator(PDFAFlavour.PDFUA_1, false);
        PDFAParser parser = foundry.createParser(in, PDFAFlavour.PDFUA_1)) {
      assertThat(validator.validate(parser).isCompliant()).isFalse();
    }
  }

  /**
   * Each formula is a Formula element whose alternative text is its plain form, the diagram a
   * Figure whose alternative text lists its boxes, and the document says its language and title.
   */
  @Test
  void formulasAreFormulasWithTheirPlainFormAsAlternativeText() throws Exception {
    try (PDDocument doc = Loader.loadPDF(out.resolve("course-example-answers.pdf").toFile())) {
      assertThat(doc.getDocumentCatalog().getLanguage()).isEqualTo("en");
      assertThat(doc.getDocumentInformation().getTitle()).startsWith("The course example");
      List<String> alts = new java.util.ArrayList<>();
      collect(doc.getDocumentCatalog().getStructureTreeRoot(), alts);
      assertThat(alts).contains("Formula: params = K_h·K_w·C_in·F + F = 5·5·3·8 + 8 = 608");
      // the diagram says in words what it shows: every layer with its kind and settings
      assertThat(alts).anySatisfy(alt -> assertThat(alt).startsWith("Figure: Network diagram: ")
          .contains("conv1: Conv2D · 8 filters, 5×5, stride 1, valid padding, relu")
          .contains("softmax: Dense · 10 units, softmax"));
    }
  }

  private static void collect(PDStructureNode node, List<String> alts) {
    for (Object kid : node.getKids()) {
      if (kid instanceof PDStructureElement e) {
        if (("Figure".equals(e.getStructureType()) || "Formula".equals(e.getStructureType()))
            && e.getAlternateDescription() != null) {
          alts.add(e.getStructureType() + ": " + e.getAlternateDescription());
        }
        collect(e, alts);
      }
    }
  }
}
