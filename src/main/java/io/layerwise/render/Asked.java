package io.layerwise.render;

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
      if (q != Quantity.TOTAL) {
        out.add(words.get("ask." + q.id()));
      }
    }
    for (LayerAsk a : exercise.layerAsks()) {
      out.add(words.get("askOf." + a.quantity().id(), which(a)));
    }
    if (exercise.asks(Quantity.TOTAL)) {
      out.add(words.get("ask.total"));
    }
    int last = out.size() - 1;
    if (last >= 0 && out.get(last).endsWith(";")) {
      String s = out.get(last);
      out.set(last, s.substring(0, s.length() - 1) + ".");
    }
    return out;
  }

  /** The quantities asked of any layer, each once: the grid's columns. */
  List<Quantity> columns() {
    List<Quantity> out = new ArrayList<>();
    for (Quantity q : exercise.ask()) {
      if (q != Quantity.TOTAL && !out.contains(q)) {
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
