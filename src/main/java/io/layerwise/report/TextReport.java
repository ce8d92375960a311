package io.layerwise.report;

import io.layerwise.TerminalText;
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
import java.util.stream.Collectors;

/**
 * The terminal report of {@code explain}: a table in the style of Keras' {@code model.summary()},
 * the totals, then every layer's derivations, one equation per line with its explanation.
 */
public final class TextReport {

  private static final String NL = "\n";

  private TextReport() {}

  /** The report, with any control character from the exercise file made visible. */
  public static String render(Analysis a) {
    return TerminalText.safe(unsafe(a));
  }

  private static String unsafe(Analysis a) {
    StringBuilder sb = new StringBuilder();
    Network net = a.exercise().network();
    Framework fw = a.exercise().framework();
    sb.append(a.exercise().title()).append(NL);
    sb.append("Framework: ").append(label(fw)).append(" · input ")
        .append(net.input().batched(fw)).append(NL).append(NL);
    summary(sb, a);
    sb.append(NL).append("Conventions").append(NL);
    sb.append("  ").append(convention(fw)).append(NL);
    sb.append("  MACs count the multiply–accumulates of convolutions and dense layers for one"
        + " sample; bias additions, normalisation, pooling and activations are not counted.")
        .append(NL);
    sb.append(NL).append("Derivations").append(NL);
    for (LayerResult l : a.layers()) {
      sb.append(NL).append(l.name()).append(" (").append(l.className(fw))
          .append(")  ");
      sb.append(l.inputShapes().stream().map(Shape::toString).collect(Collectors.joining(" + ")))
          .append(" → ").append(l.output()).append(NL);
      for (Derivation d : l.derivations()) {
        sb.append("  ").append(d.equation(Notation.TEXT)).append(NL);
        sb.append("      ").append(d.explanation().text()).append(NL);
      }
    }
    return sb.toString();
  }

  private static void summary(StringBuilder sb, Analysis a) {
    Framework fw = a.exercise().framework();
    boolean graph = isGraph(a.exercise().network());
    List<String[]> rows = new ArrayList<>();
    rows.add(graph
        ? new String[] {"Layer (type)", "Output Shape", "Param #", "Connected to"}
        : new String[] {"Layer (type)", "Output Shape", "Param #"});
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
    for (int w : width) {
      total += w + 3;
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
    sb.append("Total params: ").append(Notation.TEXT.number(t.params())).append(NL);
    sb.append("Trainable params: ").append(Notation.TEXT.number(t.trainable())).append(NL);
    sb.append("Non-trainable params: ").append(Notation.TEXT.number(t.nonTrainable())).append(NL);
    sb.append("MACs per sample: ").append(Notation.TEXT.number(t.macs())).append(NL);
    sb.append("Activations per sample: ").append(Notation.TEXT.number(t.activations()))
        .append(NL);
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

  private static String label(Framework fw) {
    return switch (fw) {
      case KERAS -> "Keras (channels last)";
      case PYTORCH -> "PyTorch (channels first)";
    };
  }

  private static String convention(Framework fw) {
    return switch (fw) {
      case KERAS -> "Parameters are counted as Keras’ model.summary() counts them:"
          + " BatchNormalization’s moving mean and variance are non-trainable parameters.";
      case PYTORCH -> "Parameters are counted as PyTorch’s sum(p.numel() for p in"
          + " model.parameters()): running statistics are buffers and are not counted.";
    };
  }
}
