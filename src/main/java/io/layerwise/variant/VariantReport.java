package io.layerwise.variant;

import io.layerwise.check.CheckResult;
import io.layerwise.check.Checker;
import io.layerwise.check.Verdict;
import io.layerwise.diagnosis.Carried;
import io.layerwise.diagnosis.Diagnosis;
import io.layerwise.diagnosis.LayerDiagnosis;
import io.layerwise.model.Answers;
import io.layerwise.model.Answers.Answer;
import io.layerwise.model.Exercise;
import io.layerwise.model.LayerAsk;
import io.layerwise.model.Quantity;
import io.layerwise.model.Shape;
import io.layerwise.model.Value;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What a teacher needs to trust a drawn set of variants: per question (each layer's quantity the
 * sheets ask, and the totals), how many distinct answers the set has, their range, and which
 * variants share an answer; which variants are answer-identical to another (a student could copy
 * a neighbour's whole sheet); and what a student gaming carried-error credit would score on
 * {@code check}. Computed once from the variants' diagnoses; {@code cli} prints it.
 *
 * @param variants each variant's label, in order: its file name's part after the exercise's id,
 *     {@code v01}, … or the student's id ({@code s1003}, or from the name: {@code grace-hopper})
 * @param questions one per question, in the order of the answer grid, then the totals
 * @param identical groups of variants (indices into {@code variants}) whose every answer is the
 *     same, each of two or more
 * @param gaming what a chain from all-ones shapes scores
 */
public record VariantReport(List<String> variants, List<Spread> questions,
    List<List<Integer>> identical, Gaming gaming) {

  public VariantReport {
    variants = List.copyOf(variants);
    questions = List.copyOf(questions);
    identical = identical.stream().map(List::copyOf).toList();
  }

  /**
   * One question across the set.
   *
   * @param layer the layer's name, or {@code total}
   * @param quantity what is asked
   * @param distinct how many distinct answers the variants have
   * @param spans the least and greatest answer: one span for a number, one per axis for a shape
   *     (empty when the variants' shapes differ in rank)
   * @param decimal whether the numbers are hundredths (a total in MiB or MB)
   * @param shared each answer two or more variants have, with those variants, most shared first
   */
  public record Spread(String layer, Quantity quantity, int distinct, List<Span> spans,
      boolean decimal, List<Shared> shared) {

    public Spread {
      spans = List.copyOf(spans);
      shared = List.copyOf(shared);
    }

    /** How many variants share their answer with another variant. */
    public int sharing() {
      return shared.stream().mapToInt(s -> s.variants().size()).sum();
    }
  }

  /**
   * A range of numbers.
   *
   * @param min the least
   * @param max the greatest
   */
  public record Span(long min, long max) {}

  /**
   * An answer several variants have.
   *
   * @param answer the answer
   * @param variants indices into the report's variants, in order
   */
  public record Shared(Value answer, List<Integer> variants) {

    public Shared {
      variants = List.copyOf(variants);
    }
  }

  /**
   * The answers file of a student who games carried credit on each variant: every asked shape
   * all ones (1×1×1), every other asked number worked out from those shapes (as check would
   * recompute it), the total their own sum; judged by {@code check}, whose gate gives no carried
   * credit to a chain that starts from an answer no mistake or honest slip gives.
   *
   * @param variants on how many variants it was judged: every one, up to {@link #GAMED}
   * @param answers how many answers such a file gives (on the first variant)
   * @param mostCredited the most it scores on any variant: right plus carried
   * @param mostCarried the most of those credited as carried on any variant (0: the gate holds)
   * @param leastRefused the fewest answers on any variant that follow from the all-ones shapes
   *     and are refused credit
   */
  public record Gaming(int variants, int answers, long mostCredited, long mostCarried,
      long leastRefused) {}

  /**
   * On how many variants at most the gaming answers file is judged: each judgement recomputes
   * the network from the all-ones shapes (half a second for 2,000 layers), and the gate does not
   * depend on the numbers.
   */
  static final int GAMED = 20;

  /** How many variants share every answer with another variant. */
  public int answerIdentical() {
    return identical.stream().mapToInt(List::size).sum();
  }

  /** The report of a set: its variants' labels and diagnoses, in order. */
  static VariantReport of(List<String> labels, List<Diagnosis> diagnoses) {
    Exercise first = diagnoses.get(0).analysis().exercise();
    List<Question> asked = questions(first);
    List<Spread> spreads = new ArrayList<>();
    List<List<String>> rows = new ArrayList<>();
    for (int v = 0; v < diagnoses.size(); v++) {
      rows.add(new ArrayList<>());
    }
    for (Question q : asked) {
      List<Optional<Value>> values = diagnoses.stream().map(d -> q.value(d)).toList();
      for (int v = 0; v < values.size(); v++) {
        rows.get(v).add(values.get(v).map(Value::canonical).orElse(""));
      }
      spreads.add(spread(q, values));
    }
    Map<List<String>, List<Integer>> same = new LinkedHashMap<>();
    for (int v = 0; v < rows.size(); v++) {
      same.computeIfAbsent(rows.get(v), k -> new ArrayList<>()).add(v);
    }
    List<List<Integer>> identical = same.values().stream().filter(g -> g.size() > 1).toList();
    int answers = 0;
    long credited = 0;
    long carried = 0;
    long refused = Long.MAX_VALUE;
    List<Diagnosis> gamed = diagnoses.subList(0, Math.min(GAMED, diagnoses.size()));
    for (Diagnosis d : gamed) {
      Answers gaming = gaming(d, asked);
      answers = answers == 0 ? gaming.answers().size() : answers;
      CheckResult r = Checker.check(d, gaming);
      credited = Math.max(credited, r.credited());
      carried = Math.max(carried, r.carried());
      refused = Math.min(refused, r.findings().stream()
          .filter(f -> f.verdict() == Verdict.UNEXPLAINED && f.carriedFrom().isPresent())
          .count());
    }
    return new VariantReport(labels, spreads, identical,
        new Gaming(gamed.size(), answers, credited, carried, refused));
  }

  /** One question: a layer's quantity, or a total ({@code total}). */
  private record Question(String layer, Quantity quantity) {

    Optional<Value> value(Diagnosis d) {
      if (!layer.equals(Answers.TOTAL)) {
        return d.find(layer).flatMap(l -> l.value(quantity));
      }
      return quantity == Quantity.PARAMS ? Optional.of(d.total(Quantity.PARAMS))
          : d.memory().flatMap(m -> m.value(quantity));
    }
  }

  /**
   * What the sheets ask, as their answer grid and the Moodle bank list it: per layer in network
   * order each quantity asked of every layer or of that one (the receptive field aside, which
   * check does not take), then the total of the parameters and, with {@code memory}, the memory
   * totals.
   */
  private static List<Question> questions(Exercise e) {
    List<Quantity> columns = new ArrayList<>();
    for (Quantity q : e.ask()) {
      if (q.ofLayer() && !columns.contains(q)) {
        columns.add(q);
      }
    }
    for (LayerAsk a : e.layerAsks()) {
      if (!columns.contains(a.quantity())) {
        columns.add(a.quantity());
      }
    }
    columns.remove(Quantity.RECEPTIVE_FIELD);
    List<Question> out = new ArrayList<>();
    for (var node : e.network().layers()) {
      for (Quantity q : columns) {
        if (e.asks(q, node.name())) {
          out.add(new Question(node.name(), q));
        }
      }
    }
    if (e.asks(Quantity.TOTAL)) {
      out.add(new Question(Answers.TOTAL, Quantity.PARAMS));
    }
    if (e.asks(Quantity.MEMORY) && e.training().isPresent()) {
      boolean trains = e.training().get().optimizer().trains();
      for (Quantity q : Quantity.MEMORY_TOTALS) {
        if (trains || (q != Quantity.GRADIENT_BYTES && q != Quantity.OPTIMIZER_STATE_BYTES)) {
          out.add(new Question(Answers.TOTAL, q));
        }
      }
    }
    return out;
  }

  private static Spread spread(Question q, List<Optional<Value>> values) {
    Map<String, List<Integer>> byAnswer = new LinkedHashMap<>();
    Map<String, Value> shown = new LinkedHashMap<>();
    for (int v = 0; v < values.size(); v++) {
      if (values.get(v).isPresent()) {
        Value value = values.get(v).get();
        byAnswer.computeIfAbsent(value.canonical(), k -> new ArrayList<>()).add(v);
        shown.putIfAbsent(value.canonical(), value);
      }
    }
    List<Shared> shared = new ArrayList<>();
    byAnswer.forEach((k, vs) -> {
      if (vs.size() > 1) {
        shared.add(new Shared(shown.get(k), vs));
      }
    });
    // most shared first, then in the order of their first variant (a stable sort)
    shared.sort((a, b) -> Integer.compare(b.variants().size(), a.variants().size()));
    List<Value> present = values.stream().flatMap(Optional::stream).toList();
    return new Spread(q.layer(), q.quantity(), byAnswer.size(), spans(present),
        q.quantity().decimal(), shared);
  }

  private static List<Span> spans(List<Value> values) {
    if (values.isEmpty()) {
      return List.of();
    }
    if (values.get(0) instanceof Value.Dims first) {
      int rank = first.shape().rank();
      List<Span> out = new ArrayList<>();
      for (int axis = 0; axis < rank; axis++) {
        long min = Long.MAX_VALUE;
        long max = Long.MIN_VALUE;
        for (Value v : values) {
          Shape s = ((Value.Dims) v).shape();
          if (s.rank() != rank) {
            return List.of();
          }
          min = Math.min(min, s.dim(axis));
          max = Math.max(max, s.dim(axis));
        }
        out.add(new Span(min, max));
      }
      return out;
    }
    List<Long> numbers = values.stream().map(VariantReport::number).toList();
    return List.of(new Span(Collections.min(numbers), Collections.max(numbers)));
  }

  private static long number(Value v) {
    if (v instanceof Value.Count c) {
      return c.value();
    }
    if (v instanceof Value.Decimal d) {
      return d.hundredths();
    }
    throw new IllegalArgumentException("not a number: " + v);
  }

  /**
   * The gaming answers file of one variant: every asked shape all ones, every other asked
   * number of a layer as check recomputes it from those shapes (where it can), the total the
   * sum of the file's own parameter counts.
   */
  private static Answers gaming(Diagnosis d, List<Question> questions) {
    // the questions of the first variant: another may name its layers otherwise (${x} in a name)
    List<Question> asked = questions.stream()
        .filter(q -> q.layer().equals(Answers.TOTAL) || d.find(q.layer()).isPresent()).toList();
    Map<String, Shape> ones = new LinkedHashMap<>();
    for (Question q : asked) {
      if (q.quantity() == Quantity.OUTPUT_SHAPE) {
        Shape right = d.layer(q.layer()).result().output();
        long[] dims = new long[right.rank()];
        java.util.Arrays.fill(dims, 1);
        Shape s = Shape.of(dims);
        if (!s.equals(right)) {
          ones.put(q.layer(), s);
        }
      }
    }
    Carried carried = d.carry(ones);
    List<Answer> answers = new ArrayList<>();
    long params = d.total(Quantity.PARAMS) instanceof Value.Count c ? c.value() : 0;
    for (Question q : asked) {
      if (q.layer().equals(Answers.TOTAL)) {
        continue;
      }
      Optional<Value> value;
      if (q.quantity() == Quantity.OUTPUT_SHAPE) {
        value = Optional.of(Value.of(ones.getOrDefault(q.layer(),
            d.layer(q.layer()).result().output())));
      } else if (q.quantity() == Quantity.ACTIVATIONS && ones.containsKey(q.layer())) {
        value = Optional.of(Value.of(1));
      } else {
        value = carried.layer(q.layer()).flatMap(l -> l.value(q.quantity()))
            .or(() -> ones.isEmpty() ? d.layer(q.layer()).value(q.quantity())
                : Optional.empty());
      }
      if (value.isPresent()) {
        answers.add(new Answer(q.layer(), q.quantity(), value.get(), value.get().canonical()));
        if (q.quantity() == Quantity.PARAMS && params >= 0) {
          LayerDiagnosis right = d.layer(q.layer());
          try {
            params = Math.addExact(params, Math.subtractExact(
                ((Value.Count) value.get()).value(),
                ((Value.Count) right.value(Quantity.PARAMS).orElseThrow()).value()));
          } catch (ArithmeticException tooLarge) {
            params = -1;
          }
        }
      }
    }
    if (asked.contains(new Question(Answers.TOTAL, Quantity.PARAMS)) && params >= 0) {
      answers.add(new Answer(Answers.TOTAL, Quantity.PARAMS, Value.of(params),
          Long.toString(params)));
    }
    return new Answers(answers);
  }
}
