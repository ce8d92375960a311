package io.layerwise.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.layerwise.model.Pad;
import java.util.List;
import org.junit.jupiter.api.Test;

class DerivationTest {

  private static Derivation validConv() {
    Formula f = Formulas.windowOutput("H", 100, 7, 1, Pad.symmetric(0), 1);
    return new Derivation(new Derived.OutputAxis(0), Symbols.out("H"), f.expr(), f.bindings(),
        Explanation.of("window.valid"));
  }

  @Test
  void rendersTheTextbookFormulaItsSubstitutionAndResult() {
    Derivation d = validConv();
    assertThat(d.formula(Notation.TEXT)).isEqualTo("H_out = ⌊(H_in + 2P − K)/S⌋ + 1");
    assertThat(d.substituted(Notation.TEXT)).isEqualTo("⌊(100 + 2·0 − 7)/1⌋ + 1");
    assertThat(d.result()).isEqualTo(94);
  }

  /** A coefficient stands right before a letter (2P) but is multiplied by a word with a dot. */
  @Test
  void aCoefficientOfAWordKeepsItsDot() {
    Expr e = Expr.mul(new Expr.Num(2), Expr.var(Symbol.word("trainable")), Expr.var(Symbol.of("b")));
    assertThat(ExprRenderer.symbolic(e, Notation.TEXT)).isEqualTo("2·trainable·b");
    assertThat(ExprRenderer.symbolic(e, Notation.LATEX))
        .isEqualTo("2 \\cdot \\mathrm{trainable} \\cdot b");
    Expr letter = Expr.mul(new Expr.Num(2), Expr.var(Symbol.sub("H", "in")));
    assertThat(ExprRenderer.symbolic(letter, Notation.TEXT)).isEqualTo("2H_in");
  }

  /** A sum of five memory parts of millions of bytes: longer than a display line. */
  private static Derivation longSum() {
    List<Symbol> parts = List.of(Symbol.sub("M", "in"), Symbol.sub("M", "act"),
        Symbol.sub("M", "params"), Symbol.sub("M", "grad"), Symbol.sub("M", "opt"));
    Expr sum = Expr.var(parts.get(0));
    Bindings b = Bindings.of().with(parts.get(0), 393_216);
    long[] values = {3_425_536, 271_272, 271_272, 542_544};
    for (int i = 1; i < parts.size(); i++) {
      sum = Expr.add(sum, Expr.var(parts.get(i)));
      b = b.with(parts.get(i), values[i - 1]);
    }
    return new Derivation(Derived.Count.PARAMS, Symbol.sub("M", "total"), sum, b,
        Explanation.of("window.valid"));
  }

  @Test
  void aLongEquationIsDisplayedOnTwoLinesAlignedAtItsEqualsSign() {
    Derivation d = longSum();
    assertThat(d.equation(Notation.TEXT).length()).isGreaterThan(Derivation.DISPLAY_LINE);
    assertThat(d.twoLines(List.of())).isTrue();
    assertThat(d.display(Notation.LATEX, List.of())).isEqualTo("\\begin{array}{rl}"
        + "M_{\\mathrm{total}} & = M_{\\mathrm{in}} + M_{\\mathrm{act}} + M_{\\mathrm{params}}"
        + " + M_{\\mathrm{grad}} + M_{\\mathrm{opt}} \\\\ & = 393{,}216 + 3{,}425{,}536"
        + " + 271{,}272 + 271{,}272 + 542{,}544 = 4{,}903{,}840\\end{array}");
    String m = d.mathml();
    assertThat(m).contains("<mtable><mtr><mtd style=\"text-align:right\"><mrow><msub><mi>M</mi>"
        + "<mi>total</mi></msub></mrow></mtd>")
        .contains("</mtr><mtr><mtd></mtd><mtd style=\"text-align:left\"><mrow><mo>=</mo>"
            + "<mn>393,216</mn>")
        .contains("<mn>4,903,840</mn></mrow></mtd></mtr></mtable></mrow><annotation")
        // the PDF typesets the annotation's LaTeX: the same two lines
        .endsWith("<annotation encoding=\"application/x-tex\">"
            + d.display(Notation.LATEX, List.of()).replace("&", "&amp;")
            + "</annotation></semantics></math>");
    // the plain text (terminal, alttext, JSON) stays one line
    assertThat(d.display(Notation.TEXT, List.of())).isEqualTo(d.equation(Notation.TEXT));
    assertThat(d.latex()).doesNotContain("array");
  }

  @Test
  void aShortEquationStaysOnOneLine() {
    Derivation d = validConv();
    assertThat(d.twoLines(List.of())).isFalse();
    assertThat(d.display(Notation.LATEX, List.of())).isEqualTo(d.latex());
    assertThat(d.mathml()).doesNotContain("mtable");
  }

  @Test
  void rendersLatexWithFloorBracketsAndFraction() {
    assertThat(validConv().latex())
        .isEqualTo("H_{\\mathrm{out}} = \\left\\lfloor \\frac{H_{\\mathrm{in}} + 2P - K}{S}"
            + " \\right\\rfloor + 1 = \\left\\lfloor \\frac{100 + 2 \\cdot 0 - 7}{1}"
            + " \\right\\rfloor + 1 = 94");
  }

  @Test
  void rendersMathMlFromTheSameTree() throws Exception {
    String m = validConv().mathml();
    assertThat(m).isEqualTo("<math display=\"block\" alttext=\"H_out = ⌊(H_in + 2P − K)/S⌋"
        + " + 1 = ⌊(100 + 2·0 − 7)/1⌋ + 1 = 94\"><semantics><mrow>"
        + "<msub><mi>H</mi><mi>out</mi></msub><mo>=</mo>"
        + "<mrow><mo fence=\"true\" stretchy=\"true\">⌊</mo><mfrac><mrow>"
        + "<msub><mi>H</mi><mi>in</mi></msub><mo>+</mo><mn>2</mn><mo>\u2062</mo><mi>P</mi>"
        + "<mo>−</mo><mi>K</mi></mrow><mrow><mi>S</mi></mrow></mfrac>"
        + "<mo fence=\"true\" stretchy=\"true\">⌋</mo></mrow><mo>+</mo><mn>1</mn><mo>=</mo>"
        + "<mrow><mo fence=\"true\" stretchy=\"true\">⌊</mo><mfrac><mrow>"
        + "<mn>100</mn><mo>+</mo><mn>2</mn><mo>·</mo><mn>0</mn><mo>−</mo><mn>7</mn></mrow>"
        + "<mrow><mn>1</mn></mrow></mfrac><mo fence=\"true\" stretchy=\"true\">⌋</mo></mrow>"
        + "<mo>+</mo><mn>1</mn><mo>=</mo><mn>94</mn></mrow>"
        + "<annotation encoding=\"application/x-tex\">" + validConv().latex()
        + "</annotation></semantics></math>");
    javax.xml.parsers.DocumentBuilderFactory.newInstance().newDocumentBuilder()
        .parse(new java.io.ByteArrayInputStream(
            m.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
  }

  @Test
  void mathMlSymbolsFollowTheirLatex() {
    assertThat(Notation.MATHML.symbol(new Symbol("ΔW_conv", "\\Delta W_{\\mathrm{conv}}^{k}")))
        .isEqualTo("<mrow><mi mathvariant=\"normal\">Δ</mi><msubsup><mi>W</mi><mi>conv</mi>"
            + "<mi>k</mi></msubsup></mrow>");
    assertThat(Notation.MATHML.symbol(Symbol.word("non_trainable")))
        .isEqualTo("<mi>non_trainable</mi>");
    assertThat(Notation.MATHML.symbol(Symbol.sub("K", "1")))
        .isEqualTo("<msub><mi>K</mi><mn>1</mn></msub>");
    assertThat(Notation.MATHML.number(-1234567))
        .isEqualTo("<mrow><mo>−</mo><mn>1,234,567</mn></mrow>");
  }

  @Test
  void groupsThousandsInBothNotations() {
    Formula f = Formulas.product(
        java.util.List.of(Symbol.sub("N", "in"), Symbols.U), java.util.List.of(202_500L, 250L));
    Derivation d = new Derivation(Derived.Count.WEIGHTS, Symbols.WEIGHTS, f.expr(), f.bindings(),
        Explanation.of("dense.weights"));
    assertThat(d.equation(Notation.TEXT)).isEqualTo("weights = N_in·U = 202,500·250 = 50,625,000");
    assertThat(d.resultText(Notation.LATEX)).isEqualTo("50{,}625{,}000");
  }

  @Test
  void equationLeavesOutStepsThatRepeat() {
    Derivation zero = new Derivation(Derived.Count.PARAMS, Symbols.PARAMS, Expr.num(0), Bindings.of(),
        Explanation.of("flatten.params"));
    assertThat(zero.equation(Notation.TEXT)).isEqualTo("params = 0");
  }

  @Test
  void reEvaluatesUnderOtherBindings() {
    Derivation d = validConv();
    assertThat(d.formula().eval(d.bindings().with(Symbols.P, 3))).isEqualTo(100);
  }

  @Test
  void exactArithmeticRefusesToWrap() {
    Expr big = Expr.mul(Expr.num(Long.MAX_VALUE / 2), Expr.num(3));
    assertThatThrownBy(() -> big.eval(Bindings.of())).isInstanceOf(ArithmeticException.class);
  }

  @Test
  void explanationsAreFormattedWithArguments() {
    assertThat(Explanation.of("dense.biases", 250L).text())
        .isEqualTo("One bias per unit: 250, not one per layer.");
  }
}
