package io.layerwise.render;

import io.layerwise.engine.Notation;
import io.layerwise.model.Exercise;
import io.layerwise.model.LayerAsk;
import io.layerwise.model.Quantity;
import java.util.ArrayList;
import java.util.List;

/**
 * What an exercise asks, in words and as the answer grid's columns, read from one place so that
 * the question text, the grid and the answer key agree: first what is asked of every layer, then
 * what is asked of some layers, then the total.
 */
final class Asked {

  private final Exercise exercise;
  private final Words words;

  Asked(Exercise exercise, Words words) {
    this.exercise = exercise;
    this.words = words;
  }

  /** The questions as sentences of a list, the last one closed by a full stop. */
  List<String> questions() {
    List<String> out = new ArrayList<>();
    for (Quantity q : exercise.ask()) {
      if (q.ofLayer()) {
        out.add(words.get("ask." + q.id()));
      }
    }
    for (LayerAsk a : exercise.layerAsks()) {
      out.add(words.get("askOf." + a.quantity().id(), which(a)));
    }
    if (exercise.asks(Quantity.TOTAL)) {
      out.add(words.get("ask.total"));
    }
    if (exercise.asks(Quantity.MEMORY)) {
      boolean trains = exercise.training().map(t -> t.optimizer().trains()).orElse(false);
      out.add(words.get(trains ? "ask.memory" : "ask.memory.inference"));
    }
    exercise.training().filter(t -> asksMemory()).ifPresent(t -> out.add(words.get(
        t.mixedPrecision() ? "ask.setup.mixed" : "ask.setup",
        Notation.TEXT.number(t.batch()), t.dtype().id(), Integer.toString(t.dtype().bytes()),
        words.get("memory.optimizer." + t.optimizer().id()))));
    // a list of clauses: each closed by a semicolon, the last by a full stop
    for (int i = 0; i < out.size(); i++) {
      String s = out.get(i);
      boolean last = i == out.size() - 1;
      if (last && s.endsWith(";") || !last && s.endsWith(".")) {
        out.set(i, s.substring(0, s.length() - 1) + (last ? "." : ";"));
      }
    }
    return out;
  }

  /** Whether anything about memory is asked, of a layer or of the network. */
  boolean asksMemory() {
    return exercise.ask().stream().anyMatch(Quantity::memory)
        || exercise.layerAsks().stream().anyMatch(a -> a.quantity().memory());
  }

  /**
   * The memory totals {@code memory} asks: input, activations, parameters, then gradients and
   * optimizer state when the network is trained, and the total in bytes, MiB and MB. Empty when
   * it is not asked.
   */
  List<Quantity> memoryTotals() {
    if (!exercise.asks(Quantity.MEMORY) || exercise.training().isEmpty()) {
      return List.of();
    }
    boolean trains = exercise.training().get().optimizer().trains();
    return Quantity.MEMORY_TOTALS.stream().filter(q -> trains
        || (q != Quantity.GRADIENT_BYTES && q != Quantity.OPTIMIZER_STATE_BYTES)).toList();
  }

  /** The quantities asked of any layer, each once: the grid's columns. */
  List<Quantity> columns() {
    List<Quantity> out = new ArrayList<>();
    for (Quantity q : exercise.ask()) {
      if (q.ofLayer() && !out.contains(q)) {
        out.add(q);
      }
    }
    for (LayerAsk a : exercise.layerAsks()) {
      if (!out.contains(a.quantity())) {
        out.add(a.quantity());
      }
    }
    return out;
  }

  private String which(LayerAsk a) {
    if (a.type().isPresent()) {
      return words.get("askOf.type", a.type().get());
    }
    List<String> names = a.layers();
    if (names.size() == 1) {
      return words.get("askOf.layer", names.get(0));
    }
    String list = String.join(", ", names.subList(0, names.size() - 1)) + " "
        + words.get("askOf.and") + " " + names.get(names.size() - 1);
    return words.get("askOf.layers", list);
  }
}
