package io.layerwise.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.layerwise.model.Pad;
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

  @Test
  void rendersLatexWithFloorBracketsAndFraction() {
    assertThat(validConv().latex())
        .isEqualTo("H_{\\mathrm{out}} = \\left\\lfloor \\frac{H_{\\mathrm{in}} + 2P - K}{S}"
            + " \\right\\rfloor + 1 = \\left\\lfloor \\frac{100 + 2 \\cdot 0 - 7}{1}"
            + " \\right\\rfloor + 1 = 94");
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
