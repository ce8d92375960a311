package io.layerwise.engine;

import java.util.List;

/**
 * How one number was obtained: a formula, its symbols' values, and why it is that formula.
 *
 * <p>The formula, the substituted form and the result all come from the same tree, so they cannot
 * disagree. {@link #result()} is what the engine reports for the quantity.
 *
 * @param quantity what is derived: an output axis, a count, the receptive field along an axis, …
 * @param lhs the symbol on the left of the equation ({@code H_out}, {@code params})
 * @param formula the right-hand side
 * @param bindings the values of the formula's symbols
 * @param explanation the one-line why
 */
public record Derivation(
    Derived quantity, Symbol lhs, Expr formula, Bindings bindings, Explanation explanation) {

  public long result() {
    return formula.eval(bindings);
  }

  /** The equation with symbols: {@code H_out = ⌊(H_in + 2P − K)/S⌋ + 1}. */
  public String formula(Notation notation) {
    return notation.symbol(lhs) + notation.equalsSign()
        + ExprRenderer.symbolic(formula, notation);
  }

  /** The right-hand side with values: {@code ⌊(100 + 2·0 − 7)/1⌋ + 1}. */
  public String substituted(Notation notation) {
    return ExprRenderer.substituted(formula, notation, bindings);
  }

  /** The result in the notation: {@code 94}, {@code 50{,}625{,}250}. */
  public String resultText(Notation notation) {
    return notation.number(result());
  }

  /**
   * The whole chain, {@code lhs = formula = substituted = result}, leaving out a step that reads
   * the same as the one before it.
   */
  public String equation(Notation notation) {
    return equation(notation, List.of());
  }

  /**
   * The chain with more left-hand sides that have the same value, in one line: {@code H_out =
   * W_out = ⌊(H_in + 2P − K)/S⌋ + 1 = ⌊(32 + 2·0 − 5)/1⌋ + 1 = 28} for two axes with the same
   * numbers. Formula, substituted form and result are still this derivation's, from one tree.
   */
  public String equation(Notation notation, List<Symbol> alsoLhs) {
    String symbolic = ExprRenderer.symbolic(formula, notation);
    String is = notation.equalsSign();
    StringBuilder sb = new StringBuilder(notation.symbol(lhs)).append(is);
    for (Symbol s : alsoLhs) {
      sb.append(notation.symbol(s)).append(is);
    }
    sb.append(symbolic);
    String substituted = substituted(notation);
    String result = resultText(notation);
    if (!substituted.equals(symbolic)) {
      sb.append(is).append(substituted);
    }
    if (!result.equals(substituted)) {
      sb.append(is).append(result);
    }
    return sb.toString();
  }

  /**
   * Whether a rounded division in the formula drops a remainder: a window that does not tile its
   * input exactly ({@code ⌊(31 − 5)/2⌋}), or a {@code same} size rounded up.
   */
  public boolean dropsRemainder() {
    return dropsRemainder(formula);
  }

  private boolean dropsRemainder(Expr e) {
    return e.accept(new Expr.Visitor<Boolean>() {
      @Override
      public Boolean num(Expr.Num n) {
        return false;
      }

      @Override
      public Boolean var(Expr.Var v) {
        return false;
      }

      @Override
      public Boolean add(Expr.Add a) {
        return dropsRemainder(a.left()) || dropsRemainder(a.right());
      }

      @Override
      public Boolean sub(Expr.Sub s) {
        return dropsRemainder(s.left()) || dropsRemainder(s.right());
      }

      @Override
      public Boolean mul(Expr.Mul m) {
        return m.factors().stream().anyMatch(f -> dropsRemainder(f));
      }

      @Override
      public Boolean div(Expr.Div d) {
        return d.rounding() != Rounding.EXACT
            && Math.floorMod(d.numerator().eval(bindings), d.denominator().eval(bindings)) != 0
            || dropsRemainder(d.numerator()) || dropsRemainder(d.denominator());
      }

      @Override
      public Boolean max(Expr.Max m) {
        return dropsRemainder(m.left()) || dropsRemainder(m.right());
      }

      /** Only the side the minimum takes decides the size (ceil_mode's clamp). */
      @Override
      public Boolean min(Expr.Min m) {
        return dropsRemainder(m.left().eval(bindings) <= m.right().eval(bindings) ? m.left()
            : m.right());
      }
    });
  }

  /** The LaTeX of {@link #equation}. */
  public String latex() {
    return equation(Notation.LATEX);
  }

  /** The LaTeX of {@link #equation(Notation, List)}. */
  public String latex(List<Symbol> alsoLhs) {
    return equation(Notation.LATEX, alsoLhs);
  }

  /**
   * The {@link #equation} as a MathML Core display formula, with its plain text as {@code
   * alttext} for screen readers and search.
   */
  public String mathml() {
    return mathml(List.of());
  }

  /** The MathML of {@link #equation(Notation, List)}. */
  public String mathml(List<Symbol> alsoLhs) {
    String alt = equation(Notation.TEXT, alsoLhs).replace("&", "&amp;").replace("\"", "&quot;")
        .replace("<", "&lt;").replace(">", "&gt;");
    return "<math display=\"block\" alttext=\"" + alt + "\"><mrow>"
        + equation(Notation.MATHML, alsoLhs) + "</mrow></math>";
  }
}
