package io.layerwise.check;

import io.layerwise.engine.Analysis;
import io.layerwise.engine.Derivation;
import io.layerwise.engine.Engine;
import io.layerwise.engine.LayerResult;
import io.layerwise.engine.Mistake;
import io.layerwise.engine.Slip;
import io.layerwise.model.Answers;
import io.layerwise.model.Answers.Answer;
import io.layerwise.model.Framework;
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
 * Judges a student's answers against the analysis of the exercise. A wrong answer is, in this
 * order: carried (right when computed from the student's own earlier output shapes, as a fair
 * marker gives credit), a mistake of the catalogue (one of {@link Engine#slips} reproduces it
 * exactly, possibly from the student's earlier values), the number of a neighbouring layer, or
 * unexplained. Pure; a few engine runs per answers file.
 */
public final class Checker {

  /** How far away (in layers) a number is still recognised as another layer's. */
  private static final int NEIGHBOURS = 2;

  private final Analysis analysis;
  private final Framework framework;
  private final List<String> names;
  private final Map<String, List<String>> inputs = new HashMap<>();
  private final Map<String, Shape> overrides = new LinkedHashMap<>();
  private final Map<String, LayerResult> carried;
  private final Map<String, Finding> shapeFindings = new HashMap<>();
  private final Map<String, List<Slip>> slipCache = new HashMap<>();

  private Checker(Analysis analysis, Answers answers) {
    this.analysis = analysis;
    Network net = analysis.exercise().network();
    this.framework = net.framework();
    this.names = net.layers().stream().map(LayerNode::name).toList();
    for (LayerNode node : net.layers()) {
      inputs.putIfAbsent(node.name(), node.inputs());
    }
    for (Answer a : answers.answers()) {
      if (!a.isTotal() && a.quantity() == Quantity.OUTPUT_SHAPE
          && !a.given().equals(right(a.layer()).value(Quantity.OUTPUT_SHAPE).orElseThrow())) {
        overrides.put(a.layer(), ((Value.Dims) a.given()).shape());
      }
    }
    this.carried = overrides.isEmpty() ? Map.of()
        : Engine.recompute(analysis.exercise(), overrides);
  }

  /** Judges every answer; the findings come in the order of the answers. */
  public static CheckResult check(Analysis analysis, Answers answers) {
    return new Checker(analysis, answers).run(answers);
  }

  private CheckResult run(Answers answers) {
    List<Answer> ordered = new ArrayList<>(answers.answers());
    ordered.sort(Comparator.comparingInt(this::position));
    Map<Answer, Finding> byAnswer = new IdentityHashMap<>();
    for (Answer a : ordered) {
      Finding f = a.isTotal() ? judgeTotal(a, answers) : judge(a);
      if (a.quantity() == Quantity.OUTPUT_SHAPE) {
        shapeFindings.put(a.layer(), f);
      }
      byAnswer.put(a, f);
    }
    List<Finding> findings = new ArrayList<>();
    for (Answer a : answers.answers()) {
      findings.add(byAnswer.get(a));
    }
    return new CheckResult(analysis.exercise(), findings);
  }

  private int position(Answer a) {
    return a.isTotal() ? Integer.MAX_VALUE : names.indexOf(a.layer());
  }

  private LayerResult right(String layer) {
    return analysis.layer(layer).orElseThrow();
  }

  private List<Slip> slips(LayerResult r) {
    if (r == right(r.name())) {
      return slipCache.computeIfAbsent(r.name(), n -> Engine.slips(r, framework));
    }
    return Engine.slips(r, framework);
  }

  private static List<Derivation> derivations(LayerResult r, Quantity q) {
    return r.derivations().stream().filter(d -> LayerResult.feeds(d.quantity(), q)).toList();
  }

  // ---- one layer

  private Finding judge(Answer a) {
    Quantity q = a.quantity();
    LayerResult right = right(a.layer());
    Value expected = right.value(q).orElseThrow();
    List<Derivation> rightSteps = derivations(right, q);
    if (a.given().equals(expected)) {
      return finding(a, expected, Verdict.RIGHT, rightSteps, List.of());
    }
    Optional<Source> source = carriedSource(a.layer());
    LayerResult mine = carried.get(a.layer());
    if (source.isPresent() && mine != null) {
      Optional<Value> theirs = mine.value(q);
      if (theirs.isPresent() && theirs.get().equals(a.given())) {
        return new Finding(a, expected, Verdict.CARRIED, Optional.empty(), source,
            Optional.empty(), Optional.empty(), List.of(), rightSteps, derivations(mine, q));
      }
    }
    if (q == Quantity.ACTIVATIONS && overrides.containsKey(a.layer())
        && a.given().equals(Value.of(overrides.get(a.layer()).size()))) {
      Source own = shapeFindings.containsKey(a.layer())
          && shapeFindings.get(a.layer()).carriedFrom().isPresent()
          ? shapeFindings.get(a.layer()).carriedFrom().get()
          : new Source(a.layer(), Quantity.OUTPUT_SHAPE);
      return new Finding(a, expected, Verdict.CARRIED, Optional.empty(), Optional.of(own),
          Optional.empty(), Optional.empty(), List.of(), rightSteps, List.of());
    }
    List<Slip> matches = matching(slips(right), a);
    if (!matches.isEmpty()) {
      return new Finding(a, expected, Verdict.MISTAKE, Optional.of(matches.get(0).mistake()),
          Optional.empty(), Optional.empty(), Optional.empty(), alternatives(matches), rightSteps,
          matches.get(0).shown(q));
    }
    if (source.isPresent() && mine != null) {
      matches = matching(slips(mine), a);
      if (!matches.isEmpty()) {
        return new Finding(a, expected, Verdict.MISTAKE, Optional.of(matches.get(0).mistake()),
            source, Optional.empty(), Optional.empty(), alternatives(matches), rightSteps,
            matches.get(0).shown(q));
      }
    }
    return otherLayer(a, expected, rightSteps)
        .orElseGet(() -> finding(a, expected, Verdict.UNEXPLAINED, rightSteps, List.of()));
  }

  /** The slips that give exactly the answer, in the catalogue's order. */
  private static List<Slip> matching(List<Slip> slips, Answer a) {
    return slips.stream()
        .filter(s -> s.changes(a.quantity())
            && s.value(a.quantity()).orElseThrow().equals(a.given()))
        .toList();
  }

  private static List<Mistake> alternatives(List<Slip> matches) {
    return matches.stream().map(Slip::mistake).distinct().skip(1).toList();
  }

  /** A number that belongs to a neighbouring layer, right or with a known mistake. */
  private Optional<Finding> otherLayer(Answer a, Value expected, List<Derivation> rightSteps) {
    int at = names.indexOf(a.layer());
    for (int distance = 1; distance <= NEIGHBOURS; distance++) {
      for (int j : new int[] {at + distance, at - distance}) {
        if (j < 0 || j >= names.size()) {
          continue;
        }
        LayerResult other = right(names.get(j));
        Optional<Value> value = other.value(a.quantity());
        if (value.isPresent() && value.get().equals(a.given()) && !isZero(a.given())) {
          return Optional.of(new Finding(a, expected, Verdict.WRONG_LAYER,
              Optional.of(Mistake.WRONG_LAYER), Optional.empty(), Optional.of(other.name()),
              Optional.empty(), List.of(), rightSteps, derivations(other, a.quantity())));
        }
        for (Slip slip : slips(other)) {
          if (slip.changes(a.quantity())
              && slip.value(a.quantity()).orElseThrow().equals(a.given())) {
            return Optional.of(new Finding(a, expected, Verdict.WRONG_LAYER,
                Optional.of(Mistake.WRONG_LAYER), Optional.empty(), Optional.of(other.name()),
                Optional.of(slip.mistake()), List.of(), rightSteps, slip.shown(a.quantity())));
          }
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
        Finding f = shapeFindings.get(n);
        if (f != null && f.carriedFrom().isPresent()) {
          return f.carriedFrom();
        }
        return Optional.of(new Source(n, Quantity.OUTPUT_SHAPE));
      }
      queue.addAll(inputs.getOrDefault(n, List.of()));
    }
    return Optional.empty();
  }

  private static Finding finding(Answer a, Value expected, Verdict verdict,
      List<Derivation> right, List<Derivation> shown) {
    return new Finding(a, expected, verdict, Optional.empty(), Optional.empty(),
        Optional.empty(), Optional.empty(), List.of(), right, shown);
  }

  // ---- totals

  private Finding judgeTotal(Answer a, Answers answers) {
    Quantity q = a.quantity();
    long expected = 0;
    long own = 0;
    Optional<Source> firstWrong = Optional.empty();
    Map<String, Value> given = new HashMap<>();
    for (Answer other : answers.answers()) {
      if (!other.isTotal() && other.quantity() == q) {
        given.put(other.layer(), other.given());
      }
    }
    for (LayerResult r : analysis.layers()) {
      long value = count(r.value(q).orElseThrow());
      expected = Math.addExact(expected, value);
      Value theirs = given.getOrDefault(r.name(), Value.of(value));
      own = Math.addExact(own, count(theirs));
      if (firstWrong.isEmpty() && count(theirs) != value) {
        firstWrong = Optional.of(new Source(r.name(), q));
      }
    }
    Value right = Value.of(expected);
    if (a.given().equals(right)) {
      return finding(a, right, Verdict.RIGHT, List.of(), List.of());
    }
    if (firstWrong.isPresent() && a.given().equals(Value.of(own))) {
      return new Finding(a, right, Verdict.CARRIED, Optional.empty(), firstWrong,
          Optional.empty(), Optional.empty(), List.of(), List.of(), List.of());
    }
    if (q == Quantity.PARAMS && a.given().equals(Value.of(analysis.totals().trainable()))) {
      return new Finding(a, right, Verdict.MISTAKE, Optional.of(Mistake.TOTAL_TRAINABLE_ONLY),
          Optional.empty(), Optional.empty(), Optional.empty(), List.of(), List.of(), List.of());
    }
    for (Mistake m : Mistake.values()) {
      if (!m.perLayer()) {
        continue;
      }
      long sum = 0;
      boolean changed = false;
      for (LayerResult r : analysis.layers()) {
        long value = count(r.value(q).orElseThrow());
        for (Slip s : slips(r)) {
          if (s.mistake() == m && s.variant() == 0 && s.changes(q)) {
            value = count(s.value(q).orElseThrow());
            changed = true;
            break;
          }
        }
        sum = Math.addExact(sum, value);
      }
      if (changed && a.given().equals(Value.of(sum))) {
        return new Finding(a, right, Verdict.MISTAKE, Optional.of(m), Optional.empty(),
            Optional.empty(), Optional.empty(), List.of(), List.of(), List.of());
      }
    }
    return finding(a, right, Verdict.UNEXPLAINED, List.of(), List.of());
  }

  private static long count(Value v) {
    return ((Value.Count) v).value();
  }
}
