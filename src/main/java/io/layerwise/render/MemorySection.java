package io.layerwise.render;

import io.layerwise.engine.Derivation;
import io.layerwise.engine.LayerMemory;
import io.layerwise.engine.Memory;
import io.layerwise.engine.Notation;
import io.layerwise.engine.TorchinfoEstimate;
import io.layerwise.model.Framework;
import io.layerwise.model.Training;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/**
 * The answer sheet's section "Memory of a training step", for an exercise with {@code
 * training:}: what is computed for, a table of every layer's bytes, the totals in bytes, MiB and
 * MB, the conventions (and how torchinfo's and Keras' figures relate), and the derivations of
 * the totals. Reads the analysis' {@link Memory}; computes nothing but units.
 */
final class MemorySection {

  private MemorySection() {}

  static SheetView.MemoryView of(Memory m, Framework framework, Words words,
      Function<Derivation, SheetView.Step> step) {
    Training t = m.training();
    String intro = words.get(t.mixedPrecision() ? "memory.intro.mixed" : "memory.intro",
        n(t.batch()), t.dtype().id(), t.dtype().bytes(), words.get("memory.optimizer."
            + t.optimizer().id()));
    List<String> columns = List.of(words.get("t.layer"),
        words.get("memory.column.activations"), words.get("memory.column.params"),
        words.get("memory.column.gradients"), words.get("memory.column.optimizer"),
        words.get("memory.column.total"));
    List<List<String>> rows = new ArrayList<>();
    for (LayerMemory l : m.layers()) {
      rows.add(List.of(l.name() + (l.view() ? " " + words.get("memory.view") : ""),
          n(l.activations().result()), n(l.params().result()), n(l.gradients().result()),
          n(l.optimizerState().result()), n(l.total())));
    }
    String[] labels = {"input", "activations", "params", "gradients", "optimizer"};
    List<List<String>> totals = new ArrayList<>();
    for (int i = 0; i < labels.length; i++) {
      totals.add(sized(words.get("memory.total." + labels[i]), m.parts().get(i).result()));
    }
    totals.add(sized(words.get("memory.total.total"), m.total().result()));
    List<String> notes = new ArrayList<>();
    notes.add(words.get("memory.note.stored", n(m.viewValues())));
    notes.add(words.get("memory.note.units"));
    notes.add(words.get("memory.note.flops", n(m.flops().result())));
    m.trainingFlops().ifPresent(d -> notes.add(words.get("memory.note.step", n(d.result()))));
    notes.add(switch (framework) {
      case KERAS -> words.get("memory.note.keras");
      case PYTORCH -> torchinfo(m.torchinfo().orElseThrow(), words);
    });
    List<Derivation> derived = new ArrayList<>(List.of(m.storedValues()));
    derived.addAll(m.parts());
    derived.add(m.total());
    derived.add(m.flops());
    m.trainingFlops().ifPresent(derived::add);
    m.torchinfo().ifPresent(e -> derived.addAll(List.of(e.input(), e.forwardBackward(),
        e.params(), e.total())));
    // the first layer with parameters shows every kind of part; else the first layer
    LayerMemory example = m.layers().stream().filter(l -> l.params().result() > 0).findFirst()
        .orElse(m.layers().get(0));
    List<Derivation> exampleSteps = List.of(example.activations(), example.params(),
        example.gradients(), example.optimizerState());
    return new SheetView.MemoryView(
        AsciiDoc.text(words.get("memory.heading")),
        AsciiDoc.text(intro),
        columns.stream().map(AsciiDoc::text).toList(),
        rows.stream().map(r -> r.stream().map(AsciiDoc::text).toList()).toList(),
        totals.stream().map(r -> r.stream().map(AsciiDoc::text).toList()).toList(),
        notes.stream().map(AsciiDoc::text).toList(),
        AsciiDoc.text(words.get("memory.example", example.name())),
        exampleSteps.stream().map(step).toList(),
        AsciiDoc.text(words.get("memory.totals")),
        derived.stream().map(step).toList());
  }

  private static String torchinfo(TorchinfoEstimate e, Words words) {
    return words.get("memory.note.torchinfo", mb(e.input().result()),
        mb(e.forwardBackward().result()), mb(e.params().result()), mb(e.total().result()));
  }

  private static List<String> sized(String label, long bytes) {
    return List.of(label, n(bytes), twoPlaces(Memory.mib(bytes)), twoPlaces(Memory.mb(bytes)));
  }

  private static String mb(long bytes) {
    return twoPlaces(Memory.mb(bytes));
  }

  /** Two decimals with a point, as every count on the sheets is written with commas. */
  private static String twoPlaces(double v) {
    return String.format(Locale.ROOT, "%,.2f", v);
  }

  private static String n(long v) {
    return Notation.TEXT.number(v);
  }
}
