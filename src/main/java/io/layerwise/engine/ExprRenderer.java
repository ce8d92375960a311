package io.layerwise.engine;

import java.util.List;

/**
 * Writes an {@link Expr} in a {@link Notation}, either with its symbols ({@code ⌊(H_in + 2P −
 * K)/S⌋ + 1}) or with their values substituted ({@code ⌊(100 + 2·0 − 7)/1⌋ + 1}). Parentheses
 * appear exactly where precedence needs them, so the substituted text evaluates to the result.
 */
final class ExprRenderer implements Expr.Visitor<String> {

  private static final int SUM = 1;
  private static final int PRODUCT = 2;
  private static final int ATOM = 3;

  private final Notation notation;
  private final Bindings bindings;
  private final boolean substitute;

  private ExprRenderer(Notation notation, Bindings bindings, boolean substitute) {
    this.notation = notation;
    this.bindings = bindings;
    this.substitute = substitute;
  }

  static String symbolic(Expr e, Notation notation) {
    return e.accept(new ExprRenderer(notation, Bindings.of(), false));
  }

  static String substituted(Expr e, Notation notation, Bindings bindings) {
    return e.accept(new ExprRenderer(notation, bindings, true));
  }

  private int precedence(Expr e) {
    return e.accept(
        new Expr.Visitor<Integer>() {
          @Override
          public Integer num(Expr.Num n) {
            return ATOM;
          }

          @Override
          public Integer var(Expr.Var v) {
            return ATOM;
          }

          @Override
          public Integer add(Expr.Add a) {
            return SUM;
          }

          @Override
          public Integer sub(Expr.Sub s) {
            return SUM;
          }

          @Override
          public Integer mul(Expr.Mul m) {
            return PRODUCT;
          }

          @Override
          public Integer div(Expr.Div d) {
            boolean inline = d.rounding() == Rounding.EXACT && notation == Notation.TEXT;
            return inline ? PRODUCT : ATOM;
          }

          @Override
          public Integer max(Expr.Max m) {
            return ATOM;
          }

          @Override
          public Integer min(Expr.Min m) {
            return ATOM;
          }
        });
  }

  private String operand(Expr e, int minimum) {
    String s = e.accept(this);
    return precedence(e) < minimum ? notation.parens(s) : s;
  }

  @Override
  public String num(Expr.Num e) {
    return notation.number(e.value());
  }

  @Override
  public String var(Expr.Var e) {
    return substitute
        ? notation.number(bindings.value(e.symbol()))
        : notation.symbol(e.symbol());
  }

  @Override
  public String add(Expr.Add e) {
    return operand(e.left(), SUM) + notation.plus() + operand(e.right(), SUM);
  }

  @Override
  public String sub(Expr.Sub e) {
    String minus = switch (notation) {
      case TEXT, LATEX -> " " + notation.minus() + " ";
      case MATHML -> notation.minus();
    };
    return operand(e.left(), SUM) + minus + operand(e.right(), PRODUCT);
  }

  @Override
  public String mul(Expr.Mul e) {
    List<Expr> factors = e.factors();
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < factors.size(); i++) {
      Expr f = factors.get(i);
      if (i > 0) {
        boolean juxtapose = !substitute && factors.get(i - 1) instanceof Expr.Num
            && f instanceof Expr.Var v && v.symbol().letter();
        sb.append(juxtapose ? invisibleTimes() : notation.times());
      }
      boolean inlineQuotient = precedence(f) == PRODUCT && f instanceof Expr.Div;
      sb.append(inlineQuotient ? notation.parens(f.accept(this)) : operand(f, PRODUCT));
    }
    return sb.toString();
  }

  /** Nothing between a coefficient and its symbol ({@code 2P}); MathML says it is a product. */
  private String invisibleTimes() {
    return switch (notation) {
      case TEXT, LATEX -> "";
      case MATHML -> "<mo>\u2062</mo>";
    };
  }

  @Override
  public String div(Expr.Div e) {
    String quotient =
        switch (notation) {
          case TEXT -> operand(e.numerator(), ATOM) + "/" + operand(e.denominator(), ATOM);
          case LATEX ->
              "\\frac{" + e.numerator().accept(this) + "}{" + e.denominator().accept(this) + "}";
          case MATHML -> "<mfrac><mrow>" + e.numerator().accept(this) + "</mrow><mrow>"
              + e.denominator().accept(this) + "</mrow></mfrac>";
        };
    return switch (e.rounding()) {
      case FLOOR -> notation.brackets("\u230a", "\u230b", quotient);
      case CEIL -> notation.brackets("\u2308", "\u2309", quotient);
      case EXACT -> quotient;
    };
  }

  @Override
  public String max(Expr.Max e) {
    return function("max", e.left(), e.right());
  }

  @Override
  public String min(Expr.Min e) {
    return function("min", e.left(), e.right());
  }

  private String function(String name, Expr left, Expr right) {
    String shown =
        switch (notation) {
          case TEXT -> name;
          case LATEX -> "\\" + name;
          case MATHML -> "<mi>" + name + "</mi>";
        };
    return shown + notation.parens(left.accept(this) + notation.comma() + right.accept(this));
  }
}
