package io.layerwise.engine;

import static io.layerwise.engine.Expr.add;
import static io.layerwise.engine.Expr.mul;
import static io.layerwise.engine.Expr.var;

import io.layerwise.model.MultiHeadAttention;
import io.layerwise.model.Shape;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code MultiHeadAttention}: four dense projections (query, key, value, output), each with a
 * weight per input feature and head dimension and a bias per head dimension. Attention itself has
 * no parameters; the output has the query's shape.
 */
final class AttentionRules {

  private static final Symbol H = Symbol.of("H");
  private static final Symbol K = Symbol.sub("d", "k");
  private static final Symbol V = Symbol.sub("d", "v");
  private static final Symbol DQ = Symbol.sub("F", "q");
  private static final Symbol DK = Symbol.sub("F", "k");
  private static final Symbol DV = Symbol.sub("F", "v");
  private static final Symbol TQ = Symbol.sub("T", "q");
  private static final Symbol TV = Symbol.sub("T", "v");

  private AttentionRules() {}

  static void attention(LayerCalc calc, MultiHeadAttention layer) {
    Shape query = calc.inputs.get(0);
    Shape value = calc.inputs.size() > 1 ? calc.inputs.get(1) : query;
    Shape key = calc.inputs.size() > 2 ? calc.inputs.get(2) : value;
    if (query.rank() < 2 || value.rank() != query.rank() || key.rank() != query.rank()) {
      throw calc.fail("inputs", "MultiHeadAttention needs query, value and key of the same rank"
          + " with a sequence axis, such as (timesteps, features), but gets " + query + ", "
          + value + " and " + key);
    }
    if (value.size() / value.last() != key.size() / key.last()) {
      throw calc.fail("inputs", "key " + key + " and value " + value
          + " must have the same positions (all axes but the last)");
    }
    calc.output(query);
    calc.dropGeometry();
    long h = layer.numHeads();
    long dk = layer.keyDim();
    long dv = layer.valueSize();
    Bindings.Builder b = Bindings.builder().bind(DQ, query.last()).bind(DK, key.last())
        .bind(DV, value.last()).bind(H, h).bind(K, dk).bind(V, dv);
    Bindings bindings = b.build();
    Expr q = mul(var(DQ), var(H), var(K));
    Expr k = mul(var(DK), var(H), var(K));
    Expr v = mul(var(DV), var(H), var(V));
    Expr o = mul(var(H), var(V), var(DQ));
    Formula weights = new Formula(add(add(add(q, k), v), o), bindings);
    calc.weights(weights, Explanation.of("attention.weights"));
    Expr hk = mul(var(H), var(K));
    Formula biases = new Formula(add(add(add(hk, hk), mul(var(H), var(V))), var(DQ)), bindings);
    calc.biasesAndParams(weights, layer.useBias(), biases, Explanation.of("attention.biases"));

    long tq = query.size() / query.last();
    long tv = value.size() / value.last();
    Bindings mb = Bindings.builder().bind(TQ, tq).bind(TV, tv).bind(DQ, query.last())
        .bind(DK, key.last()).bind(DV, value.last()).bind(H, h).bind(K, dk).bind(V, dv).build();
    List<Expr> terms = new ArrayList<>();
    terms.add(mul(var(TQ), q));
    terms.add(mul(var(TV), k));
    terms.add(mul(var(TV), v));
    terms.add(mul(var(TQ), var(TV), var(H), var(K)));
    terms.add(mul(var(TQ), var(TV), var(H), var(V)));
    terms.add(mul(var(TQ), o));
    Expr macs = terms.get(0);
    for (int i = 1; i < terms.size(); i++) {
      macs = add(macs, terms.get(i));
    }
    calc.macs(new Formula(macs, mb), Explanation.of("attention.macs"));
  }
}
