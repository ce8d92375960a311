package io.layerwise.engine;

import static io.layerwise.engine.Expr.add;
import static io.layerwise.engine.Expr.mul;
import static io.layerwise.engine.Expr.num;
import static io.layerwise.engine.Expr.sub;
import static io.layerwise.engine.Expr.var;

import io.layerwise.model.Framework;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Where two counts of a network's parameters part, derived: the network counted by the other
 * framework's conventions (each layer's {@code params_keras} or {@code params_pytorch}
 * derivation: BatchNorm statistics, recurrent bias vectors), and, when the exercise names one
 * ({@code compare_with}), another network — Keras' ResNet-50 for torchvision's — compared group
 * by group (convolution biases, normalisation statistics, …) so that the difference of the totals
 * is explained, not typed in. Pure; the sheets print what it finds.
 *
 * @param convention this network as the other framework counts it, where that differs
 * @param counterpart the comparison with the named network, if any
 */
public record Comparison(Optional<Convention> convention, Optional<Counterpart> counterpart) {

  /**
   * This network counted by the other framework.
   *
   * @param other the other framework
   * @param params this framework's total
   * @param otherParams the other framework's total for the same network
   * @param steps the differences by kind of layer, then the other total
   */
  public record Convention(Framework other, long params, long otherParams,
      List<Derivation> steps) {

    public Convention {
      steps = List.copyOf(steps);
    }
  }

  /**
   * This network against another.
   *
   * @param title the other exercise's title
   * @param ownLabel what this network is called in the comparison ("PyTorch")
   * @param otherLabel what the other is called ("Keras")
   * @param params this network's total
   * @param otherParams the other's total
   * @param groups the parameter groups whose counts differ
   * @param steps each group's sums and difference, their sum, and the difference of the totals
   */
  public record Counterpart(String title, String ownLabel, String otherLabel, long params,
      long otherParams, List<Group> groups, List<Derivation> steps) {

    public Counterpart {
      groups = List.copyOf(groups);
      steps = List.copyOf(steps);
    }
  }

  /**
   * One group of parameters whose counts differ.
   *
   * @param label what the group is ("convolution biases")
   * @param own this network's count
   * @param other the other network's
   */
  public record Group(Explanation label, long own, long other) {}

  /** Weights, biases, or statistics (what a count holds beyond both). */
  private enum Part {
    WEIGHTS("W", "weights"),
    BIASES("B", "biases"),
    STATISTICS("S", "statistics");

    private final String letter;
    private final String id;

    Part(String letter, String id) {
      this.letter = letter;
      this.id = id;
    }
  }

  /** A family's part: convolution biases. @param family the layers @param part which count */
  private record Category(ParamFamily family, Part part) {

    String id() {
      return family.symbol() + "." + part.id;
    }
  }

  /** Per-category layer counts of one network. */
  private static Map<Category, List<Long>> categories(Analysis a) {
    Map<Category, List<Long>> out = new LinkedHashMap<>();
    for (ParamFamily f : ParamFamily.values()) {
      for (Part p : Part.values()) {
        out.put(new Category(f, p), new ArrayList<>());
      }
    }
    for (LayerResult l : a.layers()) {
      ParamFamily f = ParamFamily.of(l.node().layer());
      long statistics = l.params() - l.weights() - l.biases();
      Map<Part, Long> parts = new EnumMap<>(Part.class);
      parts.put(Part.WEIGHTS, l.weights());
      parts.put(Part.BIASES, l.biases());
      parts.put(Part.STATISTICS, statistics);
      parts.forEach((p, v) -> {
        if (v != 0) {
          out.get(new Category(f, p)).add(v);
        }
      });
    }
    return out;
  }

  /** What the sheets show for an analysis: empty when both counts agree and none is named. */
  public static Optional<Comparison> of(Analysis a) {
    Optional<Convention> convention = convention(a);
    Optional<Counterpart> counterpart = a.counterpart().map(c -> counterpart(a, c));
    if (convention.isEmpty() && counterpart.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(new Comparison(convention, counterpart));
  }

  private static String label(Framework f) {
    return switch (f) {
      case KERAS -> "Keras";
      case PYTORCH -> "PyTorch";
    };
  }

  private static Optional<Convention> convention(Analysis a) {
    Framework own = a.exercise().framework();
    Framework other = Symbols.other(own);
    Derived quantity = Symbols.otherParams(own);
    Map<String, List<Long>> byKind = new LinkedHashMap<>();
    Map<String, Derivation> first = new LinkedHashMap<>();
    for (LayerResult l : a.layers()) {
      for (Derivation d : l.derivationsOf(quantity)) {
        String kind =
            ParamFamily.of(l.node().layer()) == ParamFamily.NORMALIZATION ? "bn" : "rnn";
        byKind.computeIfAbsent(kind, k -> new ArrayList<>()).add(d.result() - l.params());
        first.putIfAbsent(kind, d);
      }
    }
    if (byKind.isEmpty()) {
      return Optional.empty();
    }
    List<Derivation> steps = new ArrayList<>();
    Bindings.Builder total = Bindings.builder();
    Symbol params = Symbols.PARAMS;
    total.bind(params, a.totals().params());
    Expr sum = var(params);
    long otherTotal = a.totals().params();
    for (Map.Entry<String, List<Long>> e : byKind.entrySet()) {
      List<Long> sizes = e.getValue().stream().map(Math::abs).toList();
      Symbol delta = Symbols.delta(e.getKey().equals("bn") ? "BN" : "RNN");
      Expr grouped = grouped(sizes);
      Bindings values = Bindings.of();
      Derivation only = first.get(e.getKey());
      if (sizes.size() == 1 && only.formula() instanceof Expr.Add add) {
        grouped = add.right();
        values = only.bindings();
      } else if (sizes.size() == 1 && only.formula() instanceof Expr.Sub minus) {
        grouped = minus.right();
        values = only.bindings();
      }
      long amount = grouped.eval(values);
      boolean more = e.getValue().get(0) > 0;
      steps.add(new Derivation(Derived.ComparisonStep.CONVENTION_KIND, delta, grouped, values,
          Explanation.of("compare." + other.id() + "." + e.getKey(), sizes.size())));
      total.bind(delta, amount);
      sum = more ? add(sum, var(delta)) : sub(sum, var(delta));
      otherTotal = more ? Math.addExact(otherTotal, amount) : Math.subtractExact(otherTotal, amount);
    }
    steps.add(new Derivation(Derived.ComparisonStep.CONVENTION_TOTAL, Symbols.otherParamsSymbol(own), sum,
        total.build(), Explanation.of("compare." + other.id() + ".total")));
    return Optional.of(new Convention(other, a.totals().params(), otherTotal, steps));
  }

  private static Counterpart counterpart(Analysis a, Analysis b) {
    Framework ownFw = a.exercise().framework();
    Framework otherFw = b.exercise().framework();
    boolean frameworks = ownFw != otherFw;
    String own = frameworks ? label(ownFw) : a.exercise().id();
    String other = frameworks ? label(otherFw) : b.exercise().id();
    Map<Category, List<Long>> mine = categories(a);
    Map<Category, List<Long>> theirs = categories(b);
    List<Group> groups = new ArrayList<>();
    List<Derivation> steps = new ArrayList<>();
    Bindings.Builder deltas = Bindings.builder();
    Expr sum = null;
    for (Category c : mine.keySet()) {
      long x = mine.get(c).stream().mapToLong(Long::longValue).sum();
      long y = theirs.get(c).stream().mapToLong(Long::longValue).sum();
      if (x == y) {
        continue;
      }
      groups.add(new Group(Explanation.of("compare.group." + c.id()), x, y));
      String sub = c.family().symbol();
      Symbol mineSym = new Symbol(c.part().letter + "_" + sub + "," + own,
          c.part().letter + "_{\\mathrm{" + sub + "}}^{\\mathrm{" + own + "}}");
      Symbol theirSym = new Symbol(c.part().letter + "_" + sub + "," + other,
          c.part().letter + "_{\\mathrm{" + sub + "}}^{\\mathrm{" + other + "}}");
      for (boolean ours : new boolean[] {false, true}) {
        List<Long> values = ours ? mine.get(c) : theirs.get(c);
        String side = ours ? own : other;
        Expr grouped = values.isEmpty() ? num(0) : grouped(values);
        long layers = (ours ? a : b).layers().stream()
            .filter(l -> ParamFamily.of(l.node().layer()) == c.family()).count();
        steps.add(new Derivation(Derived.ComparisonStep.COUNTERPART_SIDE, ours ? mineSym : theirSym,
            grouped, Bindings.of(), values.isEmpty()
                ? Explanation.of("compare.side.none." + c.part().id, side, layers,
                    c.family().words())
                : Explanation.of("compare.side." + c.part().id, side, values.size(), layers,
                    c.family().words())));
      }
      boolean more = y >= x;
      Symbol delta = new Symbol("\u0394" + c.part().letter + "_" + sub,
          "\\Delta " + c.part().letter + "_{\\mathrm{" + sub + "}}");
      Bindings pair = Bindings.builder().bind(mineSym, x).bind(theirSym, y).build();
      String why = "compare.why." + c.id();
      steps.add(new Derivation(Derived.ComparisonStep.COUNTERPART_CATEGORY, delta,
          more ? sub(var(theirSym), var(mineSym)) : sub(var(mineSym), var(theirSym)), pair,
          Explanation.exists(why) ? Explanation.of(why, other, own)
              : Explanation.of("compare.why.architecture", other, own)));
      deltas.bind(delta, Math.abs(y - x));
      sum = sum == null ? (more ? var(delta) : sub(num(0), var(delta)))
          : more ? add(sum, var(delta)) : sub(sum, var(delta));
    }
    Symbol total = Symbols.delta("");
    if (sum != null) {
      steps.add(new Derivation(Derived.ComparisonStep.COUNTERPART_SUM, total, sum, deltas.build(),
          Explanation.of("compare.sum", other, own)));
    }
    Symbol ownParams = Symbols.paramsOf(own);
    Symbol otherParams = Symbols.paramsOf(other);
    steps.add(new Derivation(Derived.ComparisonStep.COUNTERPART_TOTAL, total, sub(var(otherParams), var(ownParams)),
        Bindings.builder().bind(otherParams, b.totals().params())
            .bind(ownParams, a.totals().params()).build(),
        Explanation.of("compare.total", other, own)));
    return new Counterpart(b.exercise().title(), own, other, a.totals().params(),
        b.totals().params(), groups, steps);
  }

  /**
   * A sum of per-layer counts with equal counts grouped, smallest first: {@code 7·64 + 8·128 +
   * 16·256}, which reads as "7 layers of 64".
   */
  private static Expr grouped(List<Long> values) {
    SortedMap<Long, Long> counts = new TreeMap<>();
    for (long v : values) {
      counts.merge(v, 1L, Long::sum);
    }
    Expr sum = null;
    for (Map.Entry<Long, Long> e : counts.entrySet()) {
      Expr term = e.getValue() == 1 ? num(e.getKey()) : mul(num(e.getValue()), num(e.getKey()));
      sum = sum == null ? term : add(sum, term);
    }
    return sum;
  }
}
