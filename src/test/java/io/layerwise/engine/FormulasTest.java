package io.layerwise.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.layerwise.model.Pad;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class FormulasTest {

  /** One window configuration; every combination of small sizes is tried. */
  private record Case(long in, long k, long s, long p, long d) {}

  private static List<Case> cases() {
    List<Case> cases = new ArrayList<>();
    for (long in = 1; in <= 24; in++) {
      for (long k = 1; k <= 7; k++) {
        for (long s = 1; s <= 4; s++) {
          for (long p = 0; p <= 3; p++) {
            for (long d = 1; d <= 3; d++) {
              cases.add(new Case(in, k, s, p, d));
            }
          }
        }
      }
    }
    return cases;
  }

  /** Asserts a property on every case, listing the cases where it fails. */
  private static void forAll(Predicate<Case> property) {
    List<Case> failures = cases().stream().filter(property.negate()).toList();
    assertThat(failures).as("cases that break the property").isEmpty();
  }

  @Test
  void windowOutputCountsEveryWindowThatFits() {
    forAll(c -> {
      long expected = BruteForce.windows(c.in, c.k, c.s, c.p, c.p, c.d);
      long actual = Formulas.windowOutput("H", c.in, c.k, c.s, Pad.symmetric(c.p), c.d).eval();
      return expected > 0 ? actual == expected : actual <= 0;
    });
  }

  @Test
  void asymmetricPaddingCountsWindowsOverBothSides() {
    forAll(c -> {
      long after = (c.p * 7 + c.k) % 4;
      long expected = BruteForce.windows(c.in, c.k, c.s, c.p, after, c.d);
      long actual = Formulas.windowOutput("W", c.in, c.k, c.s, new Pad(c.p, after), c.d).eval();
      return Math.max(actual, 0) == expected;
    });
  }

  @Test
  void sameOutputEqualsWindowsOverTensorflowPadding() {
    forAll(c -> Formulas.sameOutput("H", c.in, c.s).eval()
        == BruteForce.sameWindows(c.in, c.k, c.s, c.d));
  }

  @Test
  void transposedValidInvertsTheForwardConvolution() {
    forAll(c -> {
      long out = Formulas.transposedOutput("H", c.in, c.k, c.s, 1, false).eval();
      return out == BruteForce.transposedValid(c.in, c.k, c.s)
          && BruteForce.windows(out, c.k, c.s, 0, 0, 1) == c.in;
    });
  }

  @Test
  void transposedPytorchFormulaMatchesScatteredPositions() {
    forAll(c -> {
      long op = (c.in + c.k) % c.s;
      return Formulas.transposedOutput("H", c.in, c.k, c.s, c.d, c.p, op, true).eval()
          == BruteForce.transposedScatter(c.in, c.k, c.s, c.p, c.d, op);
    });
  }

  @Test
  void ceilModeCountsPartialWindowsThatStartInsideTheInput() {
    forAll(c -> {
      long span = c.d * (c.k - 1) + 1;
      if (c.p > span / 2) {
        return true; // PyTorch refuses padding beyond half the window
      }
      long expected = BruteForce.ceilWindows(c.in, c.k, c.s, c.p, c.d);
      long actual = Formulas.ceilModeOutput("H", c.in, c.k, c.s, Pad.symmetric(c.p), c.d).eval();
      return expected > 0 ? actual == expected : actual <= 0;
    });
  }

  @Test
  void ceilModeDropsAWindowThatWouldStartInTheRightPadding() {
    // 5 + 2·1 padded, K = 2, S = 2: ⌈(5 + 2 − 2)/2⌉ + 1 = 4, but the 4th window would start at 6,
    // past the input and the left padding (5 + 1): PyTorch keeps 3.
    Formula f = Formulas.ceilModeOutput("H", 5, 2, 2, Pad.symmetric(1), 1);
    assertThat(f.eval()).isEqualTo(3);
    assertThat(new Derivation(new Derived.OutputAxis(0), Symbol.sub("H", "out"), f.expr(), f.bindings(),
        Explanation.of("window.ceil")).equation(Notation.TEXT))
        .isEqualTo("H_out = min(⌈(H_in + 2P − K)/S⌉ + 1, ⌊(H_in + P − 1)/S⌋ + 1)"
            + " = min(⌈(5 + 2·1 − 2)/2⌉ + 1, ⌊(5 + 1 − 1)/2⌋ + 1) = 3");
  }

  @Test
  void sameTransposedMultipliesByStride() {
    assertThat(Formulas.transposedOutput("H", 7, 3, 2, 1, true).eval()).isEqualTo(14);
  }

  @ParameterizedTest
  @CsvSource({"1, 3, 1, 1, 3", "5, 3, 1, 2, 9", "6, 2, 1, 2, 8", "212, 3, 32, 1, 276"})
  void receptiveFieldGrowsByKernelSpanTimesJump(long r, long k, long d, long j, long expected) {
    assertThat(Formulas.receptiveField(r, k, d, j).eval()).isEqualTo(expected);
  }

  @Test
  void productAndSumBindEverySymbol() {
    Formula p = Formulas.product(List.of(Symbol.of("A"), Symbol.of("B")), List.of(6L, 7L));
    Formula s = Formulas.sum(List.of(Symbol.of("A"), Symbol.of("B")), List.of(6L, 7L));
    assertThat(p.eval()).isEqualTo(42);
    assertThat(s.eval()).isEqualTo(13);
    assertThat(Formulas.plus(p, Formulas.value(Symbol.of("C"), 8)).eval()).isEqualTo(50);
  }
}
