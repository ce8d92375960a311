package io.layerwise.diagnosis;

import io.layerwise.engine.Bindings;
import io.layerwise.engine.Derivation;
import io.layerwise.engine.Derived;
import io.layerwise.engine.Explanation;
import io.layerwise.engine.Formula;
import io.layerwise.engine.Formulas;
import io.layerwise.engine.LayerMemory;
import io.layerwise.engine.Memory;
import io.layerwise.engine.Mistake;
import io.layerwise.engine.Symbol;
import io.layerwise.model.Quantity;
import io.layerwise.model.Training;
import io.layerwise.model.Value;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The memory quantities of one layer, or of the whole network, with their right values and
 * derivations (read from the analysis' {@link Memory}) and every wrong value a memory mistake of
 * the catalogue gives. Each mistake is the right derivations with one change, so the student's
 * way is shown with their numbers:
 *
 * <ul>
 *   <li>{@code bits-instead-of-bytes}: every b (and b_master) 8 times as large;
 *   <li>{@code forgot-batch}: N = 1, where the batch is larger (activations and input);
 *   <li>{@code mib-vs-mb}: the right total divided by the other unit (MiB and MB answers only);
 *   <li>{@code forgot-gradients}, {@code forgot-optimizer-state}: the total without that term;
 *   <li>{@code adam-moments-once}: Adam's or AdamW's state with s = 1 instead of 2;
 *   <li>{@code params-as-activations}: the parameters' bytes added to the activations (so a
 *       total counts them twice).
 * </ul>
 *
 * A mistake that gives the right value is no prediction.
 */
public final class MemoryAnswers {

  /** The memory mistakes, in the order a marker considers them. */
  public static final List<Mistake> MISTAKES = List.of(Mistake.BITS_INSTEAD_OF_BYTES,
      Mistake.FORGOT_BATCH, Mistake.MIB_VS_MB, Mistake.FORGOT_GRADIENTS,
      Mistake.FORGOT_OPTIMIZER_STATE, Mistake.ADAM_MOMENTS_ONCE,
      Mistake.PARAMS_AS_ACTIVATIONS);

  private static final Symbol TOTAL = Symbol.sub("M", "total");

  private final Training training;
  private final boolean network;
  private final List<Derivation> parts;
  private final Derivation total;
  private final List<Derivation> before;

  private MemoryAnswers(Training training, boolean network, List<Derivation> parts,
      Derivation total, List<Derivation> before) {
    this.training = training;
    this.network = network;
    this.parts = List.copyOf(parts);
    this.total = total;
    this.before = List.copyOf(before);
  }

  /** A layer's memory: activations, parameters, gradients, optimizer state, and their sum. */
  static MemoryAnswers of(Training training, LayerMemory layer) {
    List<Derivation> parts = List.of(layer.activations(), layer.params(), layer.gradients(),
        layer.optimizerState());
    return new MemoryAnswers(training, false, parts, sum(parts, Explanation.of(
        "memory.total.layer")), List.of());
  }

  /** The network's memory: input, stored activations, parameters, gradients, state, total. */
  static MemoryAnswers of(Memory memory) {
    return new MemoryAnswers(memory.training(), true, memory.parts(), memory.total(),
        List.of(memory.storedValues()));
  }

  /** The right value; empty for a quantity this is not about. */
  public Optional<Value> value(Quantity q) {
    return bytesOf(parts, total.result(), q);
  }

  /** The right derivations of a quantity. */
  public List<Derivation> derivations(Quantity q) {
    Optional<Derived.Memory> part = part(q);
    if (part.isPresent()) {
      List<Derivation> out = new ArrayList<>();
      if (part.get() == Derived.Memory.ACTIVATION_BYTES) {
        out.addAll(before);
      }
      parts.stream().filter(d -> d.quantity() == part.get()).forEach(out::add);
      return out;
    }
    if (value(q).isEmpty()) {
      return List.of();
    }
    List<Derivation> out = new ArrayList<>(parts);
    out.add(total);
    return out;
  }

  /** Every wrong value of a quantity a memory mistake gives, in catalogue order. */
  public List<Prediction> predictions(Quantity q) {
    Optional<Value> right = value(q);
    if (right.isEmpty()) {
      return List.of();
    }
    List<Prediction> out = new ArrayList<>();
    for (Mistake m : MISTAKES) {
      Optional<Value> wrong;
      List<Derivation> yours;
      if (m == Mistake.MIB_VS_MB) {
        // the bytes divided by the other unit: 10^6 where MiB was asked, 2^20 where MB was
        wrong = !network || !q.decimal() ? Optional.empty()
            : Optional.of(Value.Decimal.of(total.result(),
                q == Quantity.TOTAL_MIB ? Memory.MB : Memory.MIB));
        yours = List.of();
      } else {
        Optional<Prediction> p = slip(m, q);
        wrong = p.map(Prediction::value);
        yours = p.map(Prediction::yours).orElse(List.of());
      }
      if (wrong.isPresent() && !wrong.get().equals(right.get())) {
        out.add(new Prediction(m, 0, q, wrong.get(), yours));
      }
    }
    return out;
  }

  /**
   * The value and the student's way a mistake other than MiB vs MB gives; empty where it cannot
   * be made, or where its number does not fit in 64 bits (no student gives that one).
   */
  private Optional<Prediction> slip(Mistake m, Quantity q) {
    try {
      Optional<List<Derivation>> slipped = slipped(m);
      if (slipped.isEmpty()) {
        return Optional.empty();
      }
      List<Derivation> ps = slipped.get();
      Derivation sum = sum(ps, Explanation.of("slip." + m.id()));
      Optional<Value> wrong = bytesOf(ps, sum.result(), q);
      List<Derivation> yours = new ArrayList<>();
      Optional<Derived.Memory> part = part(q);
      for (Derivation d : ps) {
        boolean changed = parts.stream().noneMatch(r -> r.equals(d));
        if (changed && (part.isEmpty() || part.get() == d.quantity())) {
          yours.add(d);
        }
      }
      if (part.isEmpty()) {
        yours.add(sum);
      }
      return wrong.map(w -> new Prediction(m, 0, q, w, yours));
    } catch (ArithmeticException e) {
      return Optional.empty();
    }
  }

  /**
   * The parts as the mistake computes them, those left out missing; empty when the mistake
   * cannot be made here (no batch to forget, no gradients, …).
   */
  private Optional<List<Derivation>> slipped(Mistake m) {
    String slip = "slip." + m.id();
    List<Derivation> out = new ArrayList<>();
    boolean changed = false;
    for (Derivation d : parts) {
      Derived kind = d.quantity();
      Derivation w;
      if (m == Mistake.BITS_INSTEAD_OF_BYTES) {
        w = rebind(d, slip, "b", 8, true);
      } else if (m == Mistake.FORGOT_BATCH) {
        w = rebind(d, slip, "N", 1, false);
      } else if (m == Mistake.FORGOT_GRADIENTS) {
        w = kind == Derived.Memory.GRADIENT_BYTES ? null : d;
      } else if (m == Mistake.FORGOT_OPTIMIZER_STATE) {
        w = kind == Derived.Memory.OPTIMIZER_STATE_BYTES ? null : d;
      } else if (m == Mistake.ADAM_MOMENTS_ONCE) {
        w = kind == Derived.Memory.OPTIMIZER_STATE_BYTES ? oneMoment(d, slip) : d;
      } else if (m == Mistake.PARAMS_AS_ACTIVATIONS) {
        w = kind == Derived.Memory.ACTIVATION_BYTES ? withParams(d, slip) : d;
      } else {
        throw new IllegalArgumentException("not a memory mistake: " + m);
      }
      if (w == null) {
        changed |= d.result() != 0;
        continue;
      }
      changed |= w.result() != d.result();
      out.add(w);
    }
    return changed ? Optional.of(out) : Optional.empty();
  }

  /**
   * The derivation with a symbol's value changed: {@code b} (and {@code b_master}) times the
   * factor when {@code times}, else {@code N} set to the value.
   */
  private static Derivation rebind(Derivation d, String slip, String symbol, long value,
      boolean times) {
    Bindings b = d.bindings();
    boolean changed = false;
    for (Symbol s : d.bindings().asMap().keySet()) {
      boolean match = s.text().equals(symbol) || (times && s.text().startsWith(symbol + "_"));
      if (match) {
        long v = times ? Math.multiplyExact(b.value(s), value) : value;
        changed |= v != b.value(s);
        b = b.with(s, v);
      }
    }
    return changed ? new Derivation(d.quantity(), d.lhs(), d.formula(), b,
        Explanation.of(slip)) : d;
  }

  /** Adam's state with one moment: s = 1 (plus the master copy under mixed precision). */
  private Derivation oneMoment(Derivation d, String slip) {
    if (training.optimizer().states() != 2) {
      return d;
    }
    List<Symbol> symbols = new ArrayList<>(d.bindings().asMap().keySet());
    List<Long> values = symbols.stream().map(s -> d.bindings().value(s)).toList();
    Formula one = Formulas.product(symbols, values);
    Formula f = training.mixedPrecision() ? Formulas.times(2, one) : one;
    return new Derivation(d.quantity(), d.lhs(), f.expr(), f.bindings(), Explanation.of(slip));
  }

  /** The activations with the parameters' bytes added. */
  private Derivation withParams(Derivation act, String slip) {
    Derivation params = parts.stream()
        .filter(d -> d.quantity() == Derived.Memory.PARAM_BYTES).findFirst().orElseThrow();
    if (params.result() == 0) {
      return act;
    }
    Formula f = Formulas.plus(new Formula(act.formula(), act.bindings()),
        new Formula(params.formula(), params.bindings()));
    return new Derivation(act.quantity(), act.lhs(), f.expr(), f.bindings(),
        Explanation.of(slip));
  }

  /** {@code M_total = M_act + M_params + …} over the given parts. */
  private static Derivation sum(List<Derivation> ps, Explanation why) {
    Formula f = Formulas.sum(ps.stream().map(Derivation::lhs).toList(),
        ps.stream().map(Derivation::result).toList());
    return new Derivation(Derived.Memory.TOTAL_BYTES, TOTAL, f.expr(), f.bindings(), why);
  }

  /** The value of a quantity from parts and their total. */
  private Optional<Value> bytesOf(List<Derivation> ps, long sum, Quantity q) {
    if (q == Quantity.TOTAL_BYTES) {
      return Optional.of(Value.of(sum));
    }
    if (network && q == Quantity.TOTAL_MIB) {
      return Optional.of(Value.Decimal.of(sum, Memory.MIB));
    }
    if (network && q == Quantity.TOTAL_MB) {
      return Optional.of(Value.Decimal.of(sum, Memory.MB));
    }
    Optional<Derived.Memory> part = part(q);
    if (part.isEmpty()) {
      return Optional.empty();
    }
    long v = 0;
    boolean found = false;
    for (Derivation d : ps) {
      if (d.quantity() == part.get()) {
        v = d.result();
        found = true;
      }
    }
    if (!found) {
      // a part the mistake leaves out keeps its value: only the total changes
      return parts.stream().filter(d -> d.quantity() == part.get()).findFirst()
          .map(d -> Value.of(d.result()));
    }
    return Optional.of(Value.of(v));
  }

  /** The part a quantity names, if it names one this holds. */
  private Optional<Derived.Memory> part(Quantity q) {
    Derived.Memory kind = switch (q) {
      case INPUT_BYTES -> network ? Derived.Memory.INPUT_BYTES : null;
      case ACTIVATION_BYTES -> Derived.Memory.ACTIVATION_BYTES;
      case PARAM_BYTES -> Derived.Memory.PARAM_BYTES;
      case GRADIENT_BYTES -> Derived.Memory.GRADIENT_BYTES;
      case OPTIMIZER_STATE_BYTES -> Derived.Memory.OPTIMIZER_STATE_BYTES;
      case OUTPUT_SHAPE, ACTIVATIONS, WEIGHTS, BIASES, PARAMS, TRAINABLE_PARAMS,
          NON_TRAINABLE_PARAMS, MACS, RECEPTIVE_FIELD, TOTAL, TOTAL_BYTES, TOTAL_MIB, TOTAL_MB,
          MEMORY -> null;
    };
    return Optional.ofNullable(kind);
  }
}
