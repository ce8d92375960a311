package io.layerwise.cli;

import io.layerwise.model.Value;
import io.layerwise.variant.VariantReport;
import io.layerwise.variant.VariantReport.Spread;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * A {@link VariantReport} as a teacher reads it in a terminal: one row per question (distinct
 * answers, their range, how many variants share theirs with another, the most shared answer),
 * then the answer-identical variants and what a gamed chain of carried answers scores; with
 * {@code --report}, every shared answer and the variants that share it.
 */
final class VariantReportText {

  private VariantReportText() {}

  static String render(VariantReport r, boolean details) {
    int n = r.variants().size();
    List<String[]> rows = new ArrayList<>();
    rows.add(new String[] {"question", "distinct", "range", "shared", "most shared"});
    for (Spread s : r.questions()) {
      String most = s.shared().isEmpty() ? "-"
          : compact(s.shared().get(0).answer()) + " ×" + s.shared().get(0).variants().size();
      rows.add(new String[] {s.layer() + " " + s.quantity().id(),
          Integer.toString(s.distinct()), range(s), Integer.toString(s.sharing()), most});
    }
    int[] width = new int[5];
    for (String[] row : rows) {
      for (int i = 0; i < row.length; i++) {
        width[i] = Math.max(width[i], row[i].length());
      }
    }
    StringBuilder sb = new StringBuilder();
    sb.append("Answers of the ").append(n).append(" variants, per question the sheets ask (")
        .append("shared: variants whose answer another variant also has):\n");
    for (String[] row : rows) {
      String line = String.format(Locale.ROOT, "  %-" + width[0] + "s  %" + width[1] + "s  %-"
          + width[2] + "s  %" + width[3] + "s  %s", (Object[]) row);
      sb.append(line.stripTrailing()).append('\n');
    }
    int twins = r.answerIdentical();
    sb.append("Answer-identical: ").append(twins).append(" of ").append(n)
        .append(" variants share every answer with another variant");
    if (twins > 0) {
      sb.append(" (").append(r.identical().stream().map(g -> labels(r, g))
          .collect(Collectors.joining("; "))).append(')');
    }
    sb.append(".\n");
    VariantReport.Gaming g = r.gaming();
    sb.append("Carried credit is gated: a gaming answers file (every shape 1×1×1 or all ones,")
        .append(" every other number worked out from those shapes; ").append(g.answers())
        .append(" answers) scores at most ").append(g.mostCredited()).append(" of ")
        .append(g.answers()).append(g.variants() == n ? " on any variant, "
            : " on any of the first " + g.variants() + " variants, ").append(g.mostCarried())
        .append(" of them as carried; at least ").append(g.leastRefused())
        .append(" that follow from the ones get no credit.\n");
    if (details) {
      sb.append("Shared answers:\n");
      for (Spread s : r.questions()) {
        if (s.shared().isEmpty()) {
          continue;
        }
        sb.append("  ").append(s.layer()).append(' ').append(s.quantity().id()).append(": ")
            .append(s.shared().stream().map(x -> compact(x.answer()) + " (" + labels(r,
                x.variants()) + ")").collect(Collectors.joining("; "))).append('\n');
      }
    }
    return sb.toString();
  }

  private static String labels(VariantReport r, List<Integer> variants) {
    return variants.stream().map(r.variants()::get).collect(Collectors.joining(", "));
  }

  private static String range(Spread s) {
    if (s.spans().isEmpty()) {
      return "-";
    }
    return s.spans().stream().map(x -> x.min() == x.max() ? number(x.min(), s.decimal())
        : number(x.min(), s.decimal()) + "–" + number(x.max(), s.decimal()))
        .collect(Collectors.joining(" × "));
  }

  private static String number(long n, boolean decimal) {
    return decimal ? String.format(Locale.ROOT, "%,d.%02d", n / 100, n % 100)
        : String.format(Locale.ROOT, "%,d", n);
  }

  /** A shape as 28×28×8, a number with its commas. */
  private static String compact(Value v) {
    return v instanceof Value.Dims d ? d.canonical().replace("x", "×") : v.text();
  }
}
