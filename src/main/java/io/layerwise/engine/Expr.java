package io.layerwise.engine;

import java.util.List;

/**
 * An integer formula as a tree. Evaluation is exact: any step beyond 64 bits throws {@link
 * ArithmeticException}, never wraps. Rendering lives in {@link ExprRenderer}; a formula can be
 * evaluated under other {@link Bindings}, which is how mistake models recompute a quantity the
 * wrong way.
 */
public sealed interface Expr {

  long eval(Bindings bindings);

  <R> R accept(Visitor<R> visitor);

  /** One method per node kind. */
  interface Visitor<R> {
    R num(Num e);

    R var(Var e);

    R add(Add e);

    R sub(Sub e);

    R mul(Mul e);

    R div(Div e);

    R max(Max e);

    R min(Min e);
  }

  static Num num(long value) {
    return new Num(value);
  }

  static Var var(Symbol symbol) {
    return new Var(symbol);
  }

  static Add add(Expr left, Expr right) {
    return new Add(left, right);
  }

  static Sub sub(Expr left, Expr right) {
    return new Sub(left, right);
  }

  static Mul mul(Expr... factors) {
    return new Mul(List.of(factors));
  }

  static Mul mul(List<Expr> factors) {
    return new Mul(factors);
  }

  static Div div(Expr numerator, Expr denominator, Rounding rounding) {
    return new Div(numerator, denominator, rounding);
  }

  static Max max(Expr left, Expr right) {
    return new Max(left, right);
  }

  static Min min(Expr left, Expr right) {
    return new Min(left, right);
  }

  /** A constant. @param value the number */
  record Num(long value) implements Expr {
    @Override
    public long eval(Bindings bindings) {
      return value;
    }

    @Override
    public <R> R accept(Visitor<R> visitor) {
      return visitor.num(this);
    }
  }

  /** A symbol, whose value comes from the bindings. @param symbol the name */
  record Var(Symbol symbol) implements Expr {
    @Override
    public long eval(Bindings bindings) {
      return bindings.value(symbol);
    }

    @Override
    public <R> R accept(Visitor<R> visitor) {
      return visitor.var(this);
    }
  }

  /** left + right. @param left augend @param right addend */
  record Add(Expr left, Expr right) implements Expr {
    @Override
    public long eval(Bindings bindings) {
      return Math.addExact(left.eval(bindings), right.eval(bindings));
    }

    @Override
    public <R> R accept(Visitor<R> visitor) {
      return visitor.add(this);
    }
  }

  /** left − right. @param left minuend @param right subtrahend */
  record Sub(Expr left, Expr right) implements Expr {
    @Override
    public long eval(Bindings bindings) {
      return Math.subtractExact(left.eval(bindings), right.eval(bindings));
    }

    @Override
    public <R> R accept(Visitor<R> visitor) {
      return visitor.sub(this);
    }
  }

  /** The product of two or more factors. @param factors in the order they are written */
  record Mul(List<Expr> factors) implements Expr {
    public Mul {
      factors = List.copyOf(factors);
      if (factors.isEmpty()) {
        throw new IllegalArgumentException("a product needs a factor");
      }
    }

    @Override
    public long eval(Bindings bindings) {
      long product = 1;
      for (Expr f : factors) {
        product = Math.multiplyExact(product, f.eval(bindings));
      }
      return product;
    }

    @Override
    public <R> R accept(Visitor<R> visitor) {
      return visitor.mul(this);
    }
  }

  /**
   * A rounded quotient.
   *
   * @param numerator the dividend
   * @param denominator the divisor, positive
   * @param rounding floor, ceiling or exact
   */
  record Div(Expr numerator, Expr denominator, Rounding rounding) implements Expr {
    @Override
    public long eval(Bindings bindings) {
      long n = numerator.eval(bindings);
      long d = denominator.eval(bindings);
      return switch (rounding) {
        case FLOOR -> Math.floorDiv(n, d);
        case CEIL -> -Math.floorDiv(Math.negateExact(n), d);
        case EXACT -> {
          if (n % d != 0) {
            throw new IllegalStateException(n + " is not divisible by " + d);
          }
          yield n / d;
        }
      };
    }

    @Override
    public <R> R accept(Visitor<R> visitor) {
      return visitor.div(this);
    }
  }

  /** The larger of two values. @param left one @param right the other */
  record Max(Expr left, Expr right) implements Expr {
    @Override
    public long eval(Bindings bindings) {
      return Math.max(left.eval(bindings), right.eval(bindings));
    }

    @Override
    public <R> R accept(Visitor<R> visitor) {
      return visitor.max(this);
    }
  }

  /** The smaller of two values. @param left one @param right the other */
  record Min(Expr left, Expr right) implements Expr {
    @Override
    public long eval(Bindings bindings) {
      return Math.min(left.eval(bindings), right.eval(bindings));
    }

    @Override
    public <R> R accept(Visitor<R> visitor) {
      return visitor.min(this);
    }
  }
}
