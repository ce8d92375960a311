package io.layerwise.check;

import io.layerwise.diagnosis.Carried;
import io.layerwise.diagnosis.Diagnosis;
import io.layerwise.diagnosis.HonestSlips;
import io.layerwise.diagnosis.LayerDiagnosis;
import io.layerwise.diagnosis.MemoryAnswers;
import io.layerwise.diagnosis.Prediction;
import io.layerwise.diagnosis.TotalPrediction;
import io.layerwise.engine.Analysis;
import io.layerwise.engine.Derivation;
import io.layerwise.engine.Memory;
import io.layerwise.engine.Mistake;
import io.layerwise.model.Answers;
import io.layerwise.model.Answers.Answer;
import io.layerwise.model.LayerNode;
import io.layerwise.model.Network;
import io.layerwise.model.Quantity;
import io.layerwise.model.Shape;
import io.layerwise.model.Value;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Judges a student's answers against the diagnosis of the exercise. A wrong answer is, in this
 * order: carried (right when computed from the student's own earlier output shapes, as a fair
 * marker gives credit, unless the chain starts from an answer that no catalogued mistake, other
 * layer's number or {@linkplain HonestSlips honest slip} gives: then it is unexplained, with
 * {@code carriedFrom} naming where it follows from, and earns nothing), a merge or concatenation
 * of inputs whose shapes (the student's own) cannot agree, a
 * mistake of the catalogue (one prediction of the {@link Diagnosis} reproduces it exactly,
 * possibly from the student's earlier values), the number of a neighbouring layer, or
 * unexplained. Pure.
 */
public final class Checker {

  /** How far away (in layers) a number is still recognised as another layer's. */
  private static final int NEIGHBOURS = 2;

  /** Where findings of the network's totals point: {@code "total"}, as in the JSON report. */
  private static final String TOTAL = "total";

  /** The parts a layer's memory is the sum of. */
  private static final List<Quantity> LAYER_PARTS = List.of(Quantity.ACTIVATION_BYTES,
      Quantity.PARAM_BYTES, Quantity.GRADIENT_BYTES, Quantity.OPTIMIZER_STATE_BYTES);

  /** The parts the network's memory is the sum of. */
  private static final List<Quantity> NETWORK_PARTS = List.of(Quantity.INPUT_BYTES,
      Quantity.ACTIVATION_BYTES, Quantity.PARAM_BYTES, Quantity.GRADIENT_BYTES,
      Quantity.OPTIMIZER_STATE_BYTES);

  private final Diagnosis diagnosis;
  private final Analysis analysis;
  private final List<String> names;
  private final Map<String, List<String>> inputs = new HashMap<>();
  private final Map<String, Shape> overrides = new LinkedHashMap<>();
  private final Carried carried;
  private final Map<String, Finding> shapeFindings = new HashMap<>();
  /** The student's memory answers: per layer, and of the network under {@code "total"}. */
  private final Map<String, Map<Quantity, Value>> memoryGiven = new HashMap<>();
  private final Map<Source, Finding> judged = new HashMap<>();
  /** Each layer's position in the network. */
  private final Map<String, Integer> index = new HashMap<>();
  /** Per layer, in network order, whether the student's shapes up to it are {@link #credible}. */
  private final boolean[] credible;
  private int credibleUpTo;

  private Checker(Diagnosis diagnosis, Answers answers) {
    this.diagnosis = diagnosis;
    this.analysis = diagnosis.analysis();
    Network net = analysis.exercise().network();
    this.names = net.layers().stream().map(LayerNode::name).toList();
    for (LayerNode node : net.layers()) {
      inputs.putIfAbsent(node.name(), node.inputs());
      index.putIfAbsent(node.name(), index.size());
    }
    this.credible = new boolean[names.size()];
    for (Answer a : answers.answers()) {
      if (!a.isTotal() && a.quantity() == Quantity.OUTPUT_SHAPE
          && !a.given().equals(right(a.layer()).value(Quantity.OUTPUT_SHAPE).orElseThrow())) {
        overrides.put(a.layer(), ((Value.Dims) a.given()).shape());
      }
      if (a.quantity().memory()) {
        memoryGiven.computeIfAbsent(a.isTotal() ? TOTAL : a.layer(), k -> new HashMap<>())
            .put(a.quantity(), a.given());
      }
    }
    this.carried = diagnosis.carry(overrides);
  }

  /** Judges every answer; the findings come in the order of the answers. */
  public static CheckResult check(Analysis analysis, Answers answers) {
    return check(Diagnosis.of(analysis), answers);
  }

  /** Judges every answer against a diagnosis computed before. */
  public static CheckResult check(Diagnosis diagnosis, Answers answers) {
    return new Checker(diagnosis, answers).run(answers);
  }

  private CheckResult run(Answers answers) {
    List<Answer> ordered = new ArrayList<>(answers.answers());
    // a layer's shape before its other answers (they may be carried from it), a sum after its
    // parts: a layer's total_bytes after its other answers
    ordered.sort(Comparator.comparingInt(this::position).thenComparingInt(a ->
        a.quantity() == Quantity.OUTPUT_SHAPE ? 0 : a.quantity() == Quantity.TOTAL_BYTES ? 2 : 1));
    Map<Answer, Finding> byAnswer = new IdentityHashMap<>();
    for (Answer a : ordered) {
      Finding f = a.isTotal() ? judgeTotal(a, answers) : judge(a);
      if (a.quantity() == Quantity.OUTPUT_SHAPE) {
        shapeFindings.put(a.layer(), f);
      }
      byAnswer.put(a, f);
      judged.put(new Source(a.isTotal() ? TOTAL : a.layer(), a.quantity()), f);
    }
    List<Finding> findings = new ArrayList<>();
    for (Answer a : answers.answers()) {
      findings.add(byAnswer.get(a));
    }
    return new CheckResult(analysis.exercise(), findings);
  }

  /** Layers in network order, then the memory totals in the order they add up, then the rest. */
  private int position(Answer a) {
    if (!a.isTotal()) {
      return index.get(a.layer());
    }
    return a.quantity().memory()
        ? names.size() + Quantity.MEMORY_TOTALS.indexOf(a.quantity())
        : Integer.MAX_VALUE;
  }

  private LayerDiagnosis right(String layer) {
    return diagnosis.layer(layer);
  }

  // ---- one layer

  private Finding judge(Answer a) {
    Quantity q = a.quantity();
    LayerDiagnosis right = right(a.layer());
    Value expected = right.value(q).orElseThrow();
    List<Derivation> rightSteps = right.derivations(q);
    if (a.given().equals(expected)) {
      return finding(a, expected, Verdict.RIGHT, rightSteps, List.of());
    }
    Optional<Source> source = carriedSource(a.layer());
    Optional<LayerDiagnosis> mine = carried.layer(a.layer());
    if (source.isPresent() && mine.isPresent()) {
      Optional<Value> theirs = mine.get().value(q);
      if (theirs.isPresent() && theirs.get().equals(a.given())) {
        return new Finding(a, expected, inputsCredible(a.layer()) ? Verdict.CARRIED
            : Verdict.UNEXPLAINED, Optional.empty(), source, Optional.empty(), Optional.empty(),
            List.of(), rightSteps, mine.get().derivations(q));
      }
    }
    if (overrides.containsKey(a.layer())
        && ownSize(a.layer(), q).filter(a.given()::equals).isPresent()) {
      Source own = shapeFindings.containsKey(a.layer())
          && shapeFindings.get(a.layer()).carriedFrom().isPresent()
          ? shapeFindings.get(a.layer()).carriedFrom().get()
          : new Source(a.layer(), Quantity.OUTPUT_SHAPE);
      return new Finding(a, expected, credible(a.layer()) ? Verdict.CARRIED
          : Verdict.UNEXPLAINED, Optional.empty(), Optional.of(own), Optional.empty(),
          Optional.empty(), List.of(), rightSteps, List.of());
    }
    if (q == Quantity.TOTAL_BYTES) {
      Optional<Own> from = ownSum(a.layer(), LAYER_PARTS, a.given());
      if (from.isPresent()) {
        return new Finding(a, expected, from.get().verdict(), Optional.empty(),
            Optional.of(from.get().from()), Optional.empty(), Optional.empty(), List.of(),
            rightSteps, List.of());
      }
    }
    Optional<Finding> mismatch = mergeMismatch(a, expected, rightSteps);
    if (mismatch.isPresent()) {
      return mismatch.get();
    }
    List<Prediction> matches = right.giving(q, a.given());
    if (!matches.isEmpty()) {
      return new Finding(a, expected, Verdict.MISTAKE, Optional.of(matches.get(0).mistake()),
          Optional.empty(), Optional.empty(), Optional.empty(), alternatives(matches), rightSteps,
          matches.get(0).yours());
    }
    if (source.isPresent() && mine.isPresent()) {
      matches = mine.get().giving(q, a.given());
      if (!matches.isEmpty()) {
        return new Finding(a, expected, Verdict.MISTAKE, Optional.of(matches.get(0).mistake()),
            source, Optional.empty(), Optional.empty(), alternatives(matches), rightSteps,
            matches.get(0).yours());
      }
    }
    return otherLayer(a, expected, rightSteps)
        .orElseGet(() -> finding(a, expected, Verdict.UNEXPLAINED, rightSteps, List.of()));
  }

  /**
   * What a layer's size is from the student's own wrong output shape: its activations, or (with
   * {@code training:}) the bytes of its output for the batch, N·size·b, unless it is a view.
   */
  private Optional<Value> ownSize(String layer, Quantity q) {
    long size = overrides.get(layer).size();
    if (q == Quantity.ACTIVATIONS) {
      return Optional.of(Value.of(size));
    }
    if (q == Quantity.ACTIVATION_BYTES && analysis.memory().isPresent()
        && !isZero(right(layer).value(q).orElseThrow())) {
      io.layerwise.model.Training t = analysis.memory().get().training();
      return Optional.of(Value.of(Math.multiplyExact(Math.multiplyExact(t.batch(), size),
          (long) t.dtype().bytes())));
    }
    return Optional.empty();
  }

  /**
   * A shape (or its size) of an element-wise merge whose inputs, as the student computed them,
   * cannot be merged: the verdict names the earlier answer that breaks the agreement.
   */
  private Optional<Finding> mergeMismatch(Answer a, Value expected, List<Derivation> rightSteps) {
    LayerDiagnosis right = right(a.layer());
    List<Integer> agree = diagnosis.mustAgree(right);
    if (agree.isEmpty()
        || (a.quantity() != Quantity.OUTPUT_SHAPE && a.quantity() != Quantity.ACTIVATIONS)) {
      return Optional.empty();
    }
    List<String> ins = inputs.get(a.layer());
    List<Optional<Shape>> theirs = carried.inputs(a.layer());
    if (theirs.stream().anyMatch(Optional::isEmpty) || agrees(theirs, agree)) {
      return Optional.empty();
    }
    for (int i = 0; i < ins.size(); i++) {
      Shape should = right.result().inputShapes().get(i);
      if (theirs.get(i).isPresent() && !theirs.get(i).get().equals(should)) {
        Optional<Source> from = sourceOf(ins.get(i));
        if (from.isPresent()) {
          return Optional.of(new Finding(a, expected, Verdict.MISTAKE,
              Optional.of(Mistake.MERGE_SHAPE_MISMATCH), from, Optional.empty(),
              Optional.empty(), List.of(), rightSteps, List.of()));
        }
      }
    }
    return Optional.empty();
  }

  /** Whether shapes have one rank and the same size on every given axis. */
  private static boolean agrees(List<Optional<Shape>> shapes, List<Integer> axes) {
    Shape first = shapes.get(0).orElseThrow();
    for (Optional<Shape> s : shapes) {
      if (s.orElseThrow().rank() != first.rank()) {
        return false;
      }
      for (int a : axes) {
        if (a < first.rank() && s.get().dim(a) != first.dim(a)) {
          return false;
        }
      }
    }
    return true;
  }

  private static List<Mistake> alternatives(List<Prediction> matches) {
    return matches.stream().map(Prediction::mistake).distinct().skip(1).toList();
  }

  /** A number that belongs to a neighbouring layer, right or with a known mistake. */
  private Optional<Finding> otherLayer(Answer a, Value expected, List<Derivation> rightSteps) {
    int at = index.get(a.layer());
    for (int distance = 1; distance <= NEIGHBOURS; distance++) {
      for (int j : new int[] {at + distance, at - distance}) {
        if (j < 0 || j >= names.size()) {
          continue;
        }
        LayerDiagnosis other = right(names.get(j));
        Optional<Value> value = other.value(a.quantity());
        if (value.isPresent() && value.get().equals(a.given()) && !isZero(a.given())) {
          return Optional.of(new Finding(a, expected, Verdict.WRONG_LAYER,
              Optional.of(Mistake.WRONG_LAYER), Optional.empty(), Optional.of(other.name()),
              Optional.empty(), List.of(), rightSteps, other.derivations(a.quantity())));
        }
        List<Prediction> slips = other.giving(a.quantity(), a.given());
        if (!slips.isEmpty()) {
          return Optional.of(new Finding(a, expected, Verdict.WRONG_LAYER,
              Optional.of(Mistake.WRONG_LAYER), Optional.empty(), Optional.of(other.name()),
              Optional.of(slips.get(0).mistake()), List.of(), rightSteps, slips.get(0).yours()));
        }
      }
    }
    return Optional.empty();
  }

  private static boolean isZero(Value v) {
    return v instanceof Value.Count c && c.value() == 0;
  }

  /**
   * The wrong output shape this layer's inputs were computed from: the nearest ancestor whose
   * given shape is wrong, or, when that one was itself carried, where it was carried from.
   */
  private Optional<Source> carriedSource(String layer) {
    Deque<String> queue = new ArrayDeque<>(inputs.getOrDefault(layer, List.of()));
    Set<String> seen = new HashSet<>();
    while (!queue.isEmpty()) {
      String n = queue.removeFirst();
      if (!seen.add(n) || n.equals(Network.INPUT)) {
        continue;
      }
      if (overrides.containsKey(n)) {
        return sourceOf(n);
      }
      queue.addAll(inputs.getOrDefault(n, List.of()));
    }
    return Optional.empty();
  }

  /** The earlier answer a layer's wrong shape goes back to: its own, or where it was carried from. */
  private Optional<Source> sourceOf(String layer) {
    if (overrides.containsKey(layer)) {
      Finding f = shapeFindings.get(layer);
      if (f != null && f.carriedFrom().isPresent()) {
        return f.carriedFrom();
      }
      return Optional.of(new Source(layer, Quantity.OUTPUT_SHAPE));
    }
    return carriedSource(layer);
  }

  // ---- the gate on carried credit

  /**
   * Whether the student's shapes up to and including this layer start from nothing but
   * explained answers: every wrong output shape on the way is carried, a catalogued mistake,
   * another layer's number or an honest slip of the right one. A carried answer built on them
   * is credited; one built on {@code 1×1×1} is not. Layers are settled in network order, each
   * after its shape was judged.
   */
  private boolean credible(String layer) {
    if (layer.equals(Network.INPUT)) {
      return true;
    }
    int at = index.get(layer);
    while (credibleUpTo <= at) {
      String n = names.get(credibleUpTo);
      boolean ok = inputsCredible(n)
          && (!overrides.containsKey(n) || explained(shapeFindings.get(n)));
      credible[credibleUpTo++] = ok;
    }
    return credible[at];
  }

  /** Whether every input of a layer is {@link #credible}. */
  private boolean inputsCredible(String layer) {
    for (String in : inputs.getOrDefault(layer, List.of())) {
      if (!credible(in)) {
        return false;
      }
    }
    return true;
  }

  /**
   * Whether an answer is something a marker can follow: right, carried, a catalogued mistake,
   * another layer's number, or an honest slip of the right value (a digit off, two swapped, one
   * too many or few). Not given counts as right.
   */
  private static boolean explained(Finding f) {
    if (f == null) {
      return true;
    }
    return switch (f.verdict()) {
      case RIGHT, CARRIED, MISTAKE, WRONG_LAYER -> true;
      case UNEXPLAINED -> f.carriedFrom().isEmpty()
          && HonestSlips.explains(f.expected(), f.answer().given());
    };
  }

  /**
   * A sum that follows from the student's own parts.
   *
   * @param from the first wrong part (or where it was carried from); when a part is not
   *     {@link #explained}, the first such part
   * @param explained whether every wrong part is explained, so the sum is credited
   */
  private record Own(Source from, boolean explained) {
    Verdict verdict() {
      return explained ? Verdict.CARRIED : Verdict.UNEXPLAINED;
    }
  }

  private static Finding finding(Answer a, Value expected, Verdict verdict,
      List<Derivation> right, List<Derivation> shown) {
    return new Finding(a, expected, verdict, Optional.empty(), Optional.empty(),
        Optional.empty(), Optional.empty(), List.of(), right, shown);
  }

  // ---- totals

  private Finding judgeTotal(Answer a, Answers answers) {
    Quantity q = a.quantity();
    if (q.memory()) {
      return judgeMemory(a);
    }
    long own = 0;
    Optional<Source> firstWrong = Optional.empty();
    Optional<Source> unexplained = Optional.empty();
    Map<String, Value> given = new HashMap<>();
    for (Answer other : answers.answers()) {
      if (!other.isTotal() && other.quantity() == q) {
        given.put(other.layer(), other.given());
      }
    }
    for (LayerDiagnosis r : diagnosis.layers()) {
      long value = count(r.value(q).orElseThrow());
      Value theirs = given.getOrDefault(r.name(), Value.of(value));
      own = Math.addExact(own, count(theirs));
      if (count(theirs) != value) {
        Source part = new Source(r.name(), q);
        firstWrong = firstWrong.or(() -> Optional.of(part));
        if (!explained(judged.get(part))) {
          unexplained = unexplained.or(() -> Optional.of(part));
        }
      }
    }
    Value right = diagnosis.total(q);
    if (a.given().equals(right)) {
      return finding(a, right, Verdict.RIGHT, List.of(), List.of());
    }
    if (firstWrong.isPresent() && a.given().equals(Value.of(own))) {
      // no credit when a part is unexplained: the finding names that part
      return new Finding(a, right, unexplained.isEmpty() ? Verdict.CARRIED
          : Verdict.UNEXPLAINED, Optional.empty(), unexplained.isPresent() ? unexplained
          : firstWrong,
          Optional.empty(), Optional.empty(), List.of(), List.of(), List.of());
    }
    for (TotalPrediction p : diagnosis.totals(q)) {
      if (a.given().equals(p.value())) {
        return new Finding(a, right, Verdict.MISTAKE, Optional.of(p.mistake()), Optional.empty(),
            Optional.empty(), Optional.empty(), List.of(), List.of(), List.of());
      }
    }
    return finding(a, right, Verdict.UNEXPLAINED, List.of(), List.of());
  }

  /**
   * A memory total ({@code memory:} in the answers file): right, a memory mistake of the
   * catalogue, or unexplained.
   */
  private Finding judgeMemory(Answer a) {
    MemoryAnswers m = diagnosis.memory().orElseThrow();
    Quantity q = a.quantity();
    Value right = m.value(q).orElseThrow();
    List<Derivation> steps = m.derivations(q);
    if (a.given().equals(right)) {
      return finding(a, right, Verdict.RIGHT, steps, List.of());
    }
    Optional<Own> from = ownMemory(q, a.given());
    if (from.isPresent()) {
      return new Finding(a, right, from.get().verdict(), Optional.empty(),
          Optional.of(from.get().from()), Optional.empty(), Optional.empty(), List.of(), steps,
          List.of());
    }
    List<Prediction> matches = m.predictions(q).stream()
        .filter(p -> p.value().equals(a.given())).toList();
    if (!matches.isEmpty()) {
      return new Finding(a, right, Verdict.MISTAKE, Optional.of(matches.get(0).mistake()),
          Optional.empty(), Optional.empty(), Optional.empty(), alternatives(matches), steps,
          matches.get(0).yours());
    }
    return finding(a, right, Verdict.UNEXPLAINED, steps, List.of());
  }

  /**
   * The earlier wrong answer a memory total follows from, when it does: MiB and MB from the
   * student's own total in bytes, the total from their own parts, a part from their own layer
   * answers.
   */
  private Optional<Own> ownMemory(Quantity q, Value given) {
    Map<Quantity, Value> mine = memoryGiven.getOrDefault(TOTAL, Map.of());
    MemoryAnswers m = diagnosis.memory().orElseThrow();
    if (q.decimal()) {
      Value bytes = mine.get(Quantity.TOTAL_BYTES);
      if (bytes == null || bytes.equals(m.value(Quantity.TOTAL_BYTES).orElseThrow())
          || !given.equals(Value.Decimal.of(count(bytes),
              q == Quantity.TOTAL_MIB ? Memory.MIB : Memory.MB))) {
        return Optional.empty();
      }
      Source bytesAnswer = new Source(TOTAL, Quantity.TOTAL_BYTES);
      return Optional.of(new Own(earliest(bytesAnswer), explained(judged.get(bytesAnswer))));
    }
    if (q == Quantity.TOTAL_BYTES) {
      return ownSum(TOTAL, NETWORK_PARTS, given);
    }
    if (!q.ofLayer()) {
      return Optional.empty();
    }
    Optional<Source> first = Optional.empty();
    Optional<Source> unexplained = Optional.empty();
    long own = 0;
    try {
      for (String layer : names) {
        long value = count(right(layer).value(q).orElseThrow());
        Value theirs = memoryGiven.getOrDefault(layer, Map.of()).get(q);
        own = Math.addExact(own, theirs == null ? value : count(theirs));
        if (theirs != null && count(theirs) != value) {
          Source part = new Source(layer, q);
          first = first.or(() -> Optional.of(earliest(part)));
          if (!explained(judged.get(part))) {
            unexplained = unexplained.or(() -> Optional.of(part));
          }
        }
      }
    } catch (ArithmeticException tooLarge) {
      return Optional.empty();
    }
    return given.equals(Value.of(own)) ? own(first, unexplained) : Optional.empty();
  }

  /**
   * The first of the student's own wrong parts, when their sum with the right values of the
   * parts not given is the given total of a layer (or of the network, {@code "total"}).
   */
  private Optional<Own> ownSum(String layer, List<Quantity> parts, Value given) {
    Map<Quantity, Value> mine = memoryGiven.getOrDefault(layer, Map.of());
    Optional<Source> first = Optional.empty();
    Optional<Source> unexplained = Optional.empty();
    long own = 0;
    try {
      for (Quantity p : parts) {
        Value value = layer.equals(TOTAL)
            ? diagnosis.memory().orElseThrow().value(p).orElseThrow()
            : right(layer).value(p).orElseThrow();
        Value theirs = mine.getOrDefault(p, value);
        Source from = new Source(layer, p);
        boolean fromShape = false;
        if (!mine.containsKey(p) && overrides.containsKey(layer)) {
          // not given, but the student's own output shape says what it is
          Optional<Value> sized = ownSize(layer, p);
          if (sized.isPresent()) {
            theirs = sized.get();
            from = new Source(layer, Quantity.OUTPUT_SHAPE);
            fromShape = true;
          }
        }
        own = Math.addExact(own, count(theirs));
        if (!theirs.equals(value)) {
          Source part = from;
          first = first.or(() -> Optional.of(earliest(part)));
          if (fromShape ? !credible(layer) : !explained(judged.get(part))) {
            unexplained = unexplained.or(() -> Optional.of(part));
          }
        }
      }
    } catch (ArithmeticException tooLarge) {
      return Optional.empty();
    }
    return given.equals(Value.of(own)) ? own(first, unexplained) : Optional.empty();
  }

  /** A sum from the student's own parts: credited unless one of them is unexplained. */
  private static Optional<Own> own(Optional<Source> first, Optional<Source> unexplained) {
    return unexplained.isPresent() ? Optional.of(new Own(unexplained.get(), false))
        : first.map(f -> new Own(f, true));
  }

  /** Where an earlier answer was itself carried from, or that answer. */
  private Source earliest(Source s) {
    Finding f = judged.get(s);
    return f != null && f.verdict() == Verdict.CARRIED ? f.carriedFrom().orElseThrow() : s;
  }

  private static long count(Value v) {
    return ((Value.Count) v).value();
  }
}
