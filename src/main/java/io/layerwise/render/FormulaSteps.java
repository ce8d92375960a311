package io.layerwise.render;

import io.layerwise.engine.Derivation;
import io.layerwise.engine.Symbol;
import java.util.List;
import java.util.Locale;

/**
 * Turns derivations into the formulas a document shows: MathML, with the explanation in the
 * document's language. Shared by answer sheets and feedback sheets.
 */
final class FormulaSteps {

  private final Locale locale;

  FormulaSteps(Locale locale) {
    this.locale = locale;
  }

  /** One derivation as MathML, with its explanation. */
  SheetView.Step step(Derivation d) {
    return step(d, List.of(), true);
  }

  /**
   * One derivation that also stands for others with the same numbers ({@code H_out = W_out =
   * …}), with its explanation or, where the sheet has just given that sentence, without.
   */
  SheetView.Step step(Derivation d, List<Symbol> alsoLhs, boolean explain) {
    return new SheetView.Step(d.mathml(alsoLhs),
        explain ? AsciiDoc.prose(d.explanation().text(locale)) : "");
  }
}
