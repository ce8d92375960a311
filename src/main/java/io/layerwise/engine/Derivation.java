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
    String rest = values(notation);
    return head(notation, alsoLhs) + notation.equalsSign() + ExprRenderer.symbolic(formula,
        notation) + (rest.isEmpty() ? "" : notation.equalsSign() + rest);
  }

  /** The left-hand sides, {@code H_out = W_out}. */
  private String head(Notation notation, List<Symbol> alsoLhs) {
    StringBuilder sb = new StringBuilder(notation.symbol(lhs));
    for (Symbol s : alsoLhs) {
      sb.append(notation.equalsSign()).append(notation.symbol(s));
    }
    return sb.toString();
  }

  /**
   * What follows the formula: the substituted form and the result, each left out where it reads
   * as the step before it; empty when both are.
   */
  private String values(Notation notation) {
    String symbolic = ExprRenderer.symbolic(formula, notation);
    String substituted = substituted(notation);
    String result = resultText(notation);
    List<String> steps = new java.util.ArrayList<>();
    if (!substituted.equals(symbolic)) {
      steps.add(substituted);
    }
    if (!result.equals(substituted)) {
      steps.add(result);
    }
    return String.join(notation.equalsSign(), steps);
  }

  /**
   * The most characters of plain text a display formula has on one line; a longer one puts its
   * numbers on a second line, aligned at its equals sign, so that a printed sheet need not set it
   * smaller than the others.
   */
  public static final int DISPLAY_LINE = 90;

  /** Whether {@link #display} sets the equation on two lines. */
  public boolean twoLines(List<Symbol> alsoLhs) {
    return equation(Notation.TEXT, alsoLhs).length() > DISPLAY_LINE
        && !values(Notation.TEXT).isEmpty();
  }

  /**
   * The equation as a sheet displays it: {@link #equation} on one line, or, when longer than
   * {@link #DISPLAY_LINE}, the formula on the first line and {@code = substituted = result} on
   * the second, aligned at the equals sign ({@code LATEX} and {@code MATHML} only).
   */
  public String display(Notation notation, List<Symbol> alsoLhs) {
    if (!twoLines(alsoLhs)) {
      return equation(notation, alsoLhs);
    }
    String head = head(notation, alsoLhs);
    String symbolic = ExprRenderer.symbolic(formula, notation);
    String is = notation.equalsSign();
    return switch (notation) {
      case TEXT -> equation(notation, alsoLhs);
      case LATEX -> "\\begin{array}{rl}" + head + " & = " + symbolic + " \\\\ & = "
          + values(notation) + "\\end{array}";
      case MATHML -> "<mtable><mtr><mtd style=\"text-align:right\"><mrow>" + head
          + "</mrow></mtd><mtd style=\"text-align:left\"><mrow>" + is + symbolic
          + "</mrow></mtd></mtr><mtr><mtd></mtd><mtd style=\"text-align:left\"><mrow>" + is
          + values(notation) + "</mrow></mtd></mtr></mtable>";
    };
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
   * alttext} for screen readers and search, and its LaTeX as an {@code application/x-tex}
   * annotation, which browsers do not show and from which the PDF typesets it.
   */
  public String mathml() {
    return mathml(List.of());
  }

  /** The MathML of {@link #display(Notation, List)}: on two lines when it is long. */
  public String mathml(List<Symbol> alsoLhs) {
    String alt = equation(Notation.TEXT, alsoLhs).replace("&", "&amp;").replace("\"", "&quot;")
        .replace("<", "&lt;").replace(">", "&gt;");
    String tex = display(Notation.LATEX, alsoLhs).replace("&", "&amp;").replace("<", "&lt;")
        .replace(">", "&gt;");
    return "<math display=\"block\" alttext=\"" + alt + "\"><semantics><mrow>"
        + display(Notation.MATHML, alsoLhs) + "</mrow><annotation encoding=\"application/x-tex\">"
        + tex + "</annotation></semantics></math>";
  }
}
