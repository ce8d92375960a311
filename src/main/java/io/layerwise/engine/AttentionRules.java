package io.layerwise.engine;

import static io.layerwise.engine.Expr.add;
import static io.layerwise.engine.Expr.mul;
import static io.layerwise.engine.Expr.var;

import io.layerwise.model.MultiHeadAttention;
import io.layerwise.model.Shape;
import io.layerwise.model.TorchAttention;
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

  private static final Symbol E = Symbol.of("E");
  private static final Symbol EK = Symbol.sub("E", "k");
  private static final Symbol EV = Symbol.sub("E", "v");

  /**
   * PyTorch's {@code nn.MultiheadAttention}: the input projection (one packed 3E×E weight, or
   * E×E, E×E_k and E×E_v where key or value have other sizes) and the output projection E×E;
   * biases 3E and E, and bias_k and bias_v of E each with {@code add_bias_kv}.
   */
  static void torch(LayerCalc calc, TorchAttention layer) {
    Shape query = calc.inputs.get(0);
    Shape key = calc.inputs.size() > 1 ? calc.inputs.get(1) : query;
    Shape value = calc.inputs.size() > 2 ? calc.inputs.get(2) : key;
    if (query.rank() != 2 || key.rank() != 2 || value.rank() != 2) {
      throw calc.fail("inputs", "MultiheadAttention needs query, key and value as sequences of"
          + " vectors, (L, E), but gets " + query + ", " + key + " and " + value);
    }
    long e = layer.embedDim();
    if (query.last() != e) {
      calc.problem("embed_dim", "the query " + query + " has " + query.last() + " features, but"
          + " embed_dim is " + e + " (PyTorch: \"was expecting embedding dimension of " + e
          + ", but got " + query.last() + "\")");
    }
    if (key.last() != layer.keySize()) {
      calc.problem(layer.kdim().isPresent() ? "kdim" : "embed_dim", "the key " + key + " has "
          + key.last() + " features, but " + (layer.kdim().isPresent() ? "kdim" : "embed_dim")
          + " is " + layer.keySize() + (layer.kdim().isPresent() ? "" : "; give kdim: "
          + key.last()));
    }
    if (value.last() != layer.valueSize()) {
      calc.problem(layer.vdim().isPresent() ? "vdim" : "embed_dim", "the value " + value
          + " has " + value.last() + " features, but "
          + (layer.vdim().isPresent() ? "vdim" : "embed_dim") + " is " + layer.valueSize()
          + (layer.vdim().isPresent() ? "" : "; give vdim: " + value.last()));
    }
    if (key.dim(0) != value.dim(0)) {
      calc.problem("inputs", "key " + key + " and value " + value + " must have the same length");
    }
    calc.stopIfFailed();
    calc.output(query);
    calc.dropGeometry();
    Bindings.Builder b = Bindings.builder().bind(E, e);
    Expr in;
    if (layer.packed()) {
      in = mul(Expr.num(3), var(E), var(E));
    } else {
      b.bind(EK, layer.keySize()).bind(EV, layer.valueSize());
      in = add(add(mul(var(E), var(E)), mul(var(E), var(EK))), mul(var(E), var(EV)));
    }
    Bindings bindings = b.build();
    Formula weights = new Formula(add(in, mul(var(E), var(E))), bindings);
    calc.weights(weights, Explanation.of(layer.packed() ? "attention.torch.weights.packed"
        : "attention.torch.weights"));
    Expr biases = null;
    if (layer.bias()) {
      biases = add(mul(Expr.num(3), var(E)), var(E));
    }
    if (layer.addBiasKv()) {
      Expr kv = mul(Expr.num(2), var(E));
      biases = biases == null ? kv : add(biases, kv);
    }
    calc.biasesAndParams(weights, biases != null,
        biases == null ? Formulas.constant(0) : new Formula(biases, bindings),
        Explanation.of(layer.bias() ? (layer.addBiasKv() ? "attention.torch.biases.kv"
            : "attention.torch.biases") : "attention.torch.biases.kvOnly"));
  }
}
