package io.layerwise.report;

import io.layerwise.diagnostic.TerminalText;
import io.layerwise.engine.Analysis;
import io.layerwise.engine.Derivation;
import io.layerwise.engine.LayerResult;
import io.layerwise.engine.Notation;
import io.layerwise.engine.Totals;
import io.layerwise.model.Framework;
import io.layerwise.model.LayerNode;
import io.layerwise.model.Network;
import io.layerwise.model.Shape;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The terminal report of {@code explain}: a table in the style of Keras' {@code model.summary()},
 * the totals, then every layer's derivations, one equation per line with its explanation.
 */
public final class TextReport {

  private static final String NL = "\n";

  private TextReport() {}

  /** The report in English, with any control character from the file made visible. */
  public static String render(Analysis a) {
    return render(a, Locale.ENGLISH);
  }

  /** The report in a language, with any control character from the file made visible. */
  public static String render(Analysis a, Locale locale) {
    return TerminalText.safe(unsafe(a, new ReportWords(locale), locale));
  }

  private static String unsafe(Analysis a, ReportWords w, Locale locale) {
    StringBuilder sb = new StringBuilder();
    Network net = a.exercise().network();
    Framework fw = a.exercise().framework();
    sb.append(a.exercise().title()).append(NL);
    sb.append(w.get("header", w.get("framework." + fw.id()), net.input().batched(fw)))
        .append(NL).append(NL);
    summary(sb, a, w);
    sb.append(NL).append(w.get("conventions")).append(NL);
    sb.append("  ").append(w.get("convention." + fw.id())).append(NL);
    sb.append("  ").append(w.get("convention.macs")).append(NL);
    a.memory().ifPresent(m -> MemoryText.append(sb, m, w, locale));
    sb.append(NL).append(w.get("derivations")).append(NL);
    for (LayerResult l : a.layers()) {
      sb.append(NL).append(l.name()).append(" (").append(l.className(fw))
          .append(")  ");
      sb.append(l.inputShapes().stream().map(Shape::toString).collect(Collectors.joining(" + ")))
          .append(" → ").append(l.output()).append(NL);
      for (Derivation d : l.derivations()) {
        sb.append("  ").append(d.equation(Notation.TEXT)).append(NL);
        sb.append("      ").append(d.explanation().text(locale)).append(NL);
      }
    }
    return sb.toString();
  }

  private static void summary(StringBuilder sb, Analysis a, ReportWords w) {
    Framework fw = a.exercise().framework();
    boolean graph = isGraph(a.exercise().network());
    List<String[]> rows = new ArrayList<>();
    String[] head = {w.get("column.layer"), w.get("column.shape"), w.get("column.params"),
        w.get("column.inputs")};
    rows.add(graph ? head : new String[] {head[0], head[1], head[2]});
    for (LayerResult l : a.layers()) {
      String name = l.name() + " (" + l.className(fw) + ")";
      String shape = l.output().batched(fw);
      String params = Notation.TEXT.number(l.params());
      rows.add(graph
          ? new String[] {name, shape, params, String.join(", ", l.node().inputs())}
          : new String[] {name, shape, params});
    }
    int cols = rows.get(0).length;
    int[] width = new int[cols];
    for (String[] r : rows) {
      for (int c = 0; c < cols; c++) {
        width[c] = Math.max(width[c], r[c].length());
      }
    }
    int total = 0;
    for (int columnWidth : width) {
      total += columnWidth + 3;
    }
    String rule = "─".repeat(total - 3);
    for (int i = 0; i < rows.size(); i++) {
      String[] r = rows.get(i);
      StringBuilder line = new StringBuilder();
      for (int c = 0; c < cols; c++) {
        boolean right = c == 2;
        String cell = right ? pad(r[c], width[c], true) : pad(r[c], width[c], false);
        line.append(cell);
        if (c < cols - 1) {
          line.append("   ");
        }
      }
      sb.append(line.toString().stripTrailing()).append(NL);
      if (i == 0) {
        sb.append(rule).append(NL);
      }
    }
    sb.append(rule).append(NL);
    Totals t = a.totals();
    sb.append(w.get("total.params", Notation.TEXT.number(t.params()))).append(NL);
    sb.append(w.get("total.trainable", Notation.TEXT.number(t.trainable()))).append(NL);
    sb.append(w.get("total.nonTrainable", Notation.TEXT.number(t.nonTrainable()))).append(NL);
    sb.append(w.get("total.macs", Notation.TEXT.number(t.macs()))).append(NL);
    sb.append(w.get("total.activations", Notation.TEXT.number(t.activations()))).append(NL);
  }

  private static boolean isGraph(Network net) {
    String previous = Network.INPUT;
    for (LayerNode n : net.layers()) {
      if (!n.inputs().equals(List.of(previous))) {
        return true;
      }
      previous = n.name();
    }
    return false;
  }

  private static String pad(String s, int width, boolean right) {
    String fill = " ".repeat(Math.max(0, width - s.length()));
    return right ? fill + s : s + fill;
  }
}
