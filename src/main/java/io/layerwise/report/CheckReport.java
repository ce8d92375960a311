package io.layerwise.report;

import io.layerwise.diagnostic.TerminalText;
import io.layerwise.check.CheckResult;
import io.layerwise.check.Feedback;
import io.layerwise.check.Finding;
import io.layerwise.check.Verdict;
import io.layerwise.model.Shape;
import io.layerwise.model.Value;
import java.util.Locale;

/**
 * The reports of {@code check}: text for the terminal and the JSON contract {@code {"score":
 * {"correct", "carried", "wrong", "credited", "total"}, "findings": [{"layer", "quantity", "given", "expected", "correct",
 * "mistake", "carried_from", "explanation"}]}}.
 */
public final class CheckReport {

  private static final String NL = "\n";

  private CheckReport() {}

  /** The terminal report: the score, then one block per answer. */
  public static String text(CheckResult r, Locale locale) {
    Feedback words = new Feedback(locale, r.exercise());
    ReportWords w = new ReportWords(locale);
    String ok = pad(w.get("ok"), w.get("wrong"));
    String wrong = pad(w.get("wrong"), w.get("ok"));
    StringBuilder sb = new StringBuilder();
    sb.append(r.exercise().title()).append(NL);
    sb.append(r.carried() > 0 ? w.get("score.carried", r.correct(), r.total(), r.carried())
        : w.get("score", r.correct(), r.total())).append(NL);
    for (Finding f : r.findings()) {
      sb.append(NL).append("  ").append(f.correct() ? ok : wrong).append("  ").append(f.layer())
          .append(' ').append(f.answer().quantity().id()).append(": ")
          .append(f.answer().given().text());
      f.mistake().ifPresent(m -> sb.append("   [").append(m.id()).append(']'));
      // unexplained yet following from an earlier answer: the gate gave it no carried credit
      String from = f.verdict() == Verdict.UNEXPLAINED ? "uncredited" : "carriedFrom";
      f.carriedFrom().ifPresent(c -> sb.append("   [")
          .append(w.get(from, c.layer(), c.quantity().id())).append(']'));
      sb.append(NL);
      sb.append("         ").append(words.text(f)).append(NL);
    }
    return TerminalText.safe(sb.toString());
  }

  /** The word, padded to the width of the other. */
  private static String pad(String word, String other) {
    return word + " ".repeat(Math.max(0, other.length() - word.length()));
  }

  /** The JSON contract, one object. */
  public static String json(CheckResult r, Locale locale) {
    Feedback words = new Feedback(locale, r.exercise());
    JsonWriter w = new JsonWriter();
    w.beginObject();
    w.name("exercise").value(r.exercise().id());
    w.name("score").beginObject();
    w.name("correct").value(r.correct());
    w.name("carried").value(r.carried());
    w.name("wrong").value(r.wrong());
    w.name("credited").value(r.credited());
    w.name("total").value(r.total());
    w.endObject();
    w.name("findings").beginArray();
    for (Finding f : r.findings()) {
      w.beginObject();
      w.name("layer").value(f.layer());
      w.name("quantity").value(f.answer().quantity().id());
      w.name("given");
      value(w, f.answer().given());
      w.name("expected");
      value(w, f.expected());
      w.name("correct").value(f.correct());
      w.name("mistake").value(f.mistake().map(m -> m.id()).orElse(null));
      w.name("carried_from");
      if (f.carriedFrom().isPresent()) {
        w.beginObject();
        w.name("layer").value(f.carriedFrom().get().layer());
        w.name("quantity").value(f.carriedFrom().get().quantity().id());
        w.endObject();
      } else {
        w.value((String) null);
      }
      w.name("explanation").value(words.text(f));
      w.name("verdict").value(f.verdict().name().toLowerCase(Locale.ROOT));
      if (f.otherLayer().isPresent()) {
        w.name("other_layer").value(f.otherLayer().get());
        w.name("other_mistake").value(f.otherMistake().map(m -> m.id()).orElse(null));
      }
      w.endObject();
    }
    w.endArray();
    w.endObject();
    return w + NL;
  }

  private static void value(JsonWriter w, Value v) {
    if (v instanceof Value.Dims d) {
      shape(w, d.shape());
    } else if (v instanceof Value.Count c) {
      w.value(c.value());
    } else if (v instanceof Value.Decimal d) {
      w.raw(d.canonical());
    }
  }

  private static void shape(JsonWriter w, Shape s) {
    w.beginArray();
    for (long d : s.dims()) {
      w.value(d);
    }
    w.endArray();
  }
}
