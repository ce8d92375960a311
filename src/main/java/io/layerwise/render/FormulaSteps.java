package io.layerwise.render;

import io.layerwise.engine.Derivation;
import io.layerwise.engine.Notation;
import io.layerwise.engine.Symbol;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Turns derivations into the formula images a document shows, collecting each distinct formula
 * once for the publishing stage to typeset. Shared by answer sheets and feedback sheets.
 */
final class FormulaSteps {

  private final Locale locale;
  private final Map<String, Formula> formulas = new LinkedHashMap<>();

  FormulaSteps(Locale locale) {
    this.locale = locale;
  }

  /** The formulas to typeset, each once, in first-use order. */
  List<Formula> formulas() {
    return List.copyOf(formulas.values());
  }

  /** One derivation as MathML and as an image, with its plain text and its explanation. */
  SheetView.Step step(Derivation d) {
    return step(d, List.of(), true);
  }

  /**
   * One derivation that also stands for others with the same numbers ({@code H_out = W_out =
   * …}), with its explanation or, where the sheet has just given that sentence, without.
   */
  SheetView.Step step(Derivation d, List<Symbol> alsoLhs, boolean explain) {
    Formula f = formulas.computeIfAbsent(d.display(Notation.LATEX, alsoLhs), Formula::of);
    String alt = d.equation(Notation.TEXT, alsoLhs).replaceAll("[\"\\[\\]{}\\\\]", " ");
    return new SheetView.Step(f.file(), alt, d.mathml(alsoLhs),
        explain ? AsciiDoc.prose(d.explanation().text(locale)) : "");
  }
}
