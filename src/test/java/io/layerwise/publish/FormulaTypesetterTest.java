package io.layerwise.publish;

import static org.assertj.core.api.Assertions.assertThat;

import io.layerwise.Bundled;
import io.layerwise.Layerwise;
import io.layerwise.engine.Analysis;
import io.layerwise.engine.Comparison;
import io.layerwise.engine.Derivation;
import io.layerwise.engine.LayerResult;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class FormulaTypesetterTest {

  private static final FormulaTypesetter TYPESETTER = new FormulaTypesetter();
  private static final Pattern TEXT = Pattern.compile("<text [^>]*>([^<]*)</text>");

  /** The characters of a formula's text runs, in drawing order. */
  private static String text(String svg) {
    Matcher m = TEXT.matcher(svg);
    StringBuilder sb = new StringBuilder();
    while (m.find()) {
      sb.append(m.group(1));
    }
    return sb.toString();
  }

  @Test
  void setsAFormulaAsUnicodeTextInTheEmbeddedFonts() {
    String svg = TYPESETTER.svg("\\mathrm{params} = K_{h} \\cdot C_{\\mathrm{in}} + F = 5 \\cdot 5"
        + " \\cdot 3 \\cdot 8 + 8 = 50{,}608");
    assertThat(svg).doesNotContain("<path").contains("font-family=\"lw-cmr10\"")
        .contains("font-family=\"lw-cmmi10\"").contains("font-family=\"lw-cmsy10\"");
    assertThat(text(svg)).isEqualTo("params=Kh·Cin+F=5·5·3·8+8=50,608");
  }

  @Test
  void floorBracketsAndFractionBarsAreTextAndRules() {
    String svg = TYPESETTER.svg("H_{\\mathrm{out}} = \\left\\lfloor \\frac{H_{\\mathrm{in}} + 2P"
        + " - K}{S} \\right\\rfloor + 1 = \\left\\lceil \\frac{100 - 7}{2} \\right\\rceil");
    assertThat(svg).doesNotContain("<path").contains("<rect ");
    assertThat(text(svg)).contains("⌊").contains("⌋").contains("⌈").contains("⌉")
        .contains("Hin+2P−K").contains("100−7");
  }

  /** Every formula of every bundled exercise is set as text: none falls back to outlines. */
  @Test
  void everyBundledDerivationIsSetAsText() throws Exception {
    Set<String> latex = new LinkedHashSet<>();
    for (Path p : Bundled.files()) {
      Analysis a = Layerwise.explain(p);
      for (LayerResult l : a.layers()) {
        l.derivations().forEach(d -> latex.add(d.latex()));
      }
      Comparison.of(a).ifPresent(c -> {
        c.convention().ifPresent(v -> v.steps().forEach(d -> latex.add(d.latex())));
        c.counterpart().ifPresent(v -> v.steps().forEach(d -> latex.add(d.latex())));
      });
    }
    assertThat(latex).hasSizeGreaterThan(100);
    List<String> outlined = new ArrayList<>();
    for (String l : latex) {
      String svg = TYPESETTER.svg(l);
      if (svg.contains("<path") || !svg.contains("<text")) {
        outlined.add(l);
      }
      assertThat(text(svg)).as(l).doesNotContainPattern("[\\x{E000}-\\x{F8FF}¡¢]");
    }
    assertThat(outlined).isEmpty();
  }

  @Test
  void aDerivationsTextReadsAsItsPlainForm() {
    Derivation conv1 = Bundled.analyze("course-example").layer("conv1").orElseThrow()
        .derivationsOf(io.layerwise.engine.Derived.Count.PARAMS).get(0);
    assertThat(text(TYPESETTER.svg(conv1.latex())))
        .isEqualTo(conv1.equation(io.layerwise.engine.Notation.TEXT).replace(" ", "")
            .replace("_", ""));
  }

  /** The printer embeds every family the formulas are set in. */
  @Test
  void thePrintersCatalogHasEveryFormulaFont() {
    assertThat(PdfPrinter.families()).containsAll(MathFonts.get().families())
        .contains("DejaVu Serif Condensed", "DejaVu Sans", "DejaVu Sans Mono");
  }

  /** Without GSUB, PDFBox sets no ligature: "flatten" stays five letters in the PDF's text. */
  @Test
  void aDroppedTableIsGoneAndTheRestReadsBack() {
    byte[] font = MathFonts.get().files().get("lw-cmr10.ttf");
    byte[] without = TrueTypeCmap.without(font, "cmap");
    assertThat(without.length).isLessThan(font.length);
    assertThat(TrueTypeCmap.advances(without)).isEqualTo(TrueTypeCmap.advances(font));
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> TrueTypeCmap.read(without))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void replacedCharacterMapReadsBack() {
    byte[] font = MathFonts.get().files().get("lw-cmsy10.ttf");
    Map<Integer, Integer> cmap = TrueTypeCmap.read(font);
    assertThat(cmap).containsKeys(0x2212, 0x00B7, 0x230A, 0x230B, 0x2308, 0x2309);
    Map<Integer, Integer> two = Map.of(0x41, cmap.get(0x2212), 0x42, cmap.get(0x00B7));
    assertThat(TrueTypeCmap.read(TrueTypeCmap.replace(font, two))).isEqualTo(two);
  }
}
