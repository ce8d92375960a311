package io.layerwise;

import io.layerwise.diagnosis.Carried;
import io.layerwise.diagnosis.Diagnosis;
import io.layerwise.diagnosis.LayerDiagnosis;
import io.layerwise.diagnosis.Prediction;
import io.layerwise.diagnosis.TotalPrediction;
import io.layerwise.model.Quantity;
import io.layerwise.model.Shape;
import io.layerwise.model.Value;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Answers files written from an exercise's diagnosis, as students would: all right; each
 * layer's predicted mistakes; a wrong shape carried on through every later layer, with a
 * mistake made on top of it; a neighbour's number; a number nothing explains; and every
 * predicted wrong total. Each file is YAML for {@code AnswersReader}.
 */
final class GeneratedAnswers {

  private final Diagnosis diagnosis;
  private final List<Quantity> asked = new ArrayList<>();
  private final boolean total;

  GeneratedAnswers(Diagnosis diagnosis) {
    this.diagnosis = diagnosis;
    for (Quantity q : diagnosis.analysis().exercise().ask()) {
      if (q.ofLayer() && q != Quantity.RECEPTIVE_FIELD && !q.memory()) {
        asked.add(q);
      }
    }
    this.total = diagnosis.analysis().exercise().asks(Quantity.TOTAL);
  }

  /** Every generated file: a name and its YAML. */
  Map<String, String> files() {
    Map<String, String> out = new LinkedHashMap<>();
    out.put("right", yaml(rightAnswers(), total ? Optional.of(diagnosis.total(Quantity.PARAMS))
        : Optional.empty()));
    for (LayerDiagnosis l : diagnosis.layers()) {
      for (int round = 0; ; round++) {
        Map<String, Map<Quantity, Value>> answers = new LinkedHashMap<>();
        for (Quantity q : asked) {
          List<Value> distinct = l.predictions(q).stream().map(Prediction::value).distinct()
              .toList();
          if (round < distinct.size()) {
            answers.computeIfAbsent(l.name(), k -> new LinkedHashMap<>()).put(q,
                distinct.get(round));
          }
        }
        if (answers.isEmpty()) {
          break;
        }
        out.put(l.name() + "-mistakes-" + round, yaml(answers, Optional.empty()));
      }
      carried(l).ifPresent(y -> out.put(l.name() + "-carried", y));
    }
    out.put("neighbours-and-unexplained", neighbours());
    if (total) {
      for (TotalPrediction p : diagnosis.totals(Quantity.PARAMS)) {
        out.putIfAbsent("total-" + p.mistake().id(), yaml(Map.of(), Optional.of(p.value())));
      }
    }
    return out;
  }

  private Map<String, Map<Quantity, Value>> rightAnswers() {
    Map<String, Map<Quantity, Value>> answers = new LinkedHashMap<>();
    for (LayerDiagnosis l : diagnosis.layers()) {
      for (Quantity q : asked) {
        answers.computeIfAbsent(l.name(), k -> new LinkedHashMap<>())
            .put(q, l.value(q).orElseThrow());
      }
    }
    return answers;
  }

  /**
   * The layer's first predicted wrong shape, and every later answer computed from it (the
   * layer after it with a mistake on top), and the total of the student's own parameters.
   */
  private Optional<String> carried(LayerDiagnosis wrong) {
    if (!asked.contains(Quantity.OUTPUT_SHAPE)) {
      return Optional.empty();
    }
    List<Prediction> shapes = wrong.predictions(Quantity.OUTPUT_SHAPE);
    if (shapes.isEmpty()) {
      return Optional.empty();
    }
    Shape shape = ((Value.Dims) shapes.get(0).value()).shape();
    Carried carried = diagnosis.carry(Map.of(wrong.name(), shape));
    Map<String, Map<Quantity, Value>> answers = new LinkedHashMap<>();
    answers.computeIfAbsent(wrong.name(), k -> new LinkedHashMap<>())
        .put(Quantity.OUTPUT_SHAPE, shapes.get(0).value());
    boolean after = false;
    boolean slipped = false;
    long own = 0;
    for (LayerDiagnosis l : diagnosis.layers()) {
      Optional<LayerDiagnosis> mine = after ? carried.layer(l.name()) : Optional.of(l);
      LayerDiagnosis use = mine.orElse(l);
      for (Quantity q : asked) {
        if (l == wrong && q == Quantity.OUTPUT_SHAPE) {
          continue;
        }
        Value v = use.value(q).orElseThrow();
        if (after && !slipped && mine.isPresent() && !use.predictions(q).isEmpty()) {
          v = use.predictions(q).get(0).value();
          slipped = true;
        }
        answers.computeIfAbsent(l.name(), k -> new LinkedHashMap<>()).put(q, v);
      }
      Value params = answers.getOrDefault(l.name(), Map.of()).getOrDefault(Quantity.PARAMS,
          l.value(Quantity.PARAMS).orElseThrow());
      own += ((Value.Count) params).value();
      after |= l == wrong;
    }
    return Optional.of(yaml(answers, total ? Optional.of(Value.of(own)) : Optional.empty()));
  }

  /** Each layer's parameters given the next layer's number, its shape one too wide. */
  private String neighbours() {
    List<LayerDiagnosis> layers = diagnosis.layers();
    Map<String, Map<Quantity, Value>> answers = new LinkedHashMap<>();
    for (int i = 0; i < layers.size(); i++) {
      LayerDiagnosis l = layers.get(i);
      Map<Quantity, Value> mine = answers.computeIfAbsent(l.name(), k -> new LinkedHashMap<>());
      for (Quantity q : asked) {
        Value right = l.value(q).orElseThrow();
        if (q == Quantity.OUTPUT_SHAPE) {
          List<Long> dims = new ArrayList<>(((Value.Dims) right).shape().dims());
          dims.set(0, dims.get(0) + 97);
          mine.put(q, Value.of(new Shape(dims)));
        } else {
          Value next = layers.get((i + 1) % layers.size()).value(q).orElseThrow();
          mine.put(q, next.equals(right) ? Value.of(((Value.Count) right).value() + 9973) : next);
        }
      }
    }
    return yaml(answers, total ? Optional.of(Value.of(
        ((Value.Count) diagnosis.total(Quantity.PARAMS)).value() + 1)) : Optional.empty());
  }

  private static String yaml(Map<String, Map<Quantity, Value>> answers, Optional<Value> total) {
    StringBuilder sb = new StringBuilder("layers:\n");
    answers.forEach((layer, qs) -> {
      sb.append("  \"").append(layer).append("\": {");
      List<String> parts = new ArrayList<>();
      qs.forEach((q, v) -> parts.add(q.id() + ": \"" + v.canonical() + "\""));
      sb.append(String.join(", ", parts)).append("}\n");
    });
    if (answers.isEmpty()) {
      sb.setLength(0);
    }
    total.ifPresent(t -> sb.append("total: {params: \"").append(t.canonical()).append("\"}\n"));
    return sb.toString();
  }
}
