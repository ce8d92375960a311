package io.layerwise.report;

import io.layerwise.engine.Derivation;
import io.layerwise.engine.LayerMemory;
import io.layerwise.engine.Memory;
import io.layerwise.engine.Notation;
import io.layerwise.engine.TorchinfoEstimate;
import io.layerwise.model.Training;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The memory part of {@code explain}'s text report, for an exercise with {@code training:}: a
 * table of every layer's bytes, the totals in bytes, MiB and MB, FLOPs, and the derivations of
 * the totals.
 */
final class MemoryText {

  private static final String NL = "\n";

  private MemoryText() {}

  static void append(StringBuilder sb, Memory m, ReportWords w, Locale locale) {
    Training t = m.training();
    sb.append(NL).append(w.get(t.mixedPrecision() ? "memory.mixed" : "memory",
        Notation.TEXT.number(t.batch()), t.dtype().id(), t.optimizer().id())).append(NL);
    List<String[]> rows = new ArrayList<>();
    rows.add(new String[] {w.get("column.layer"), w.get("memory.column.activations"),
        w.get("memory.column.params"), w.get("memory.column.gradients"),
        w.get("memory.column.optimizer"), w.get("memory.column.total")});
    for (LayerMemory l : m.layers()) {
      rows.add(new String[] {l.name() + (l.view() ? " " + w.get("memory.view") : ""),
          n(l.activations().result()), n(l.params().result()), n(l.gradients().result()),
          n(l.optimizerState().result()), n(l.total())});
    }
    table(sb, rows);
    String[] labels = {"input", "activations", "params", "gradients", "optimizer"};
    List<Derivation> parts = m.parts();
    List<String[]> totals = new ArrayList<>();
    for (int i = 0; i < parts.size(); i++) {
      totals.add(sized(w.get("memory.total." + labels[i]), parts.get(i).result()));
    }
    totals.add(sized(w.get("memory.total.total"), m.total().result()));
    table(sb, totals);
    sb.append(w.get("memory.flops", n(m.flops().result()))).append(NL);
    m.trainingFlops().ifPresent(d -> sb.append(w.get("memory.flops.step", n(d.result())))
        .append(NL));
    sb.append(w.get("memory.conventions")).append(NL);
    m.torchinfo().ifPresent(e -> sb.append(torchinfo(e, w)).append(NL));
    sb.append(NL).append(w.get("memory.derivations")).append(NL);
    List<Derivation> all = new ArrayList<>(List.of(m.storedValues()));
    all.addAll(parts);
    all.add(m.total());
    all.add(m.flops());
    m.trainingFlops().ifPresent(all::add);
    m.torchinfo().ifPresent(e -> all.addAll(List.of(e.input(), e.forwardBackward(), e.params(),
        e.total())));
    for (Derivation d : all) {
      sb.append("  ").append(d.equation(Notation.TEXT)).append(NL);
      sb.append("      ").append(d.explanation().text(locale)).append(NL);
    }
  }

  private static String torchinfo(TorchinfoEstimate e, ReportWords w) {
    return w.get("memory.torchinfo", twoPlaces(Memory.mb(e.input().result())),
        twoPlaces(Memory.mb(e.forwardBackward().result())),
        twoPlaces(Memory.mb(e.params().result())), twoPlaces(Memory.mb(e.total().result())));
  }

  private static String[] sized(String label, long bytes) {
    return new String[] {label, n(bytes) + " B", twoPlaces(Memory.mib(bytes)) + " MiB",
        twoPlaces(Memory.mb(bytes)) + " MB"};
  }

  /** Two decimals with a point, as the counts are written with commas in every language. */
  static String twoPlaces(double v) {
    return String.format(Locale.ROOT, "%,.2f", v);
  }

  private static String n(long v) {
    return Notation.TEXT.number(v);
  }

  /** The first column left-aligned, the others right-aligned. */
  private static void table(StringBuilder sb, List<String[]> rows) {
    int cols = rows.get(0).length;
    int[] width = new int[cols];
    for (String[] r : rows) {
      for (int c = 0; c < cols; c++) {
        width[c] = Math.max(width[c], r[c].length());
      }
    }
    for (String[] r : rows) {
      StringBuilder line = new StringBuilder();
      for (int c = 0; c < cols; c++) {
        String fill = " ".repeat(width[c] - r[c].length());
        line.append(c == 0 ? r[c] + fill : fill + r[c]).append("   ");
      }
      sb.append(line.toString().stripTrailing()).append(NL);
    }
  }
}
