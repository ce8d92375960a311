package io.layerwise.engine;

/**
 * A right-hand side with its symbols' values: what {@link Formulas} builds and a {@link
 * Derivation} is made of. Built by pure functions of numbers, so a mistake model can build the same
 * formula from wrong numbers.
 *
 * @param expr the tree
 * @param bindings the values of its symbols
 */
public record Formula(Expr expr, Bindings bindings) {

  public long eval() {
    return expr.eval(bindings);
  }
}
