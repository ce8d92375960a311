package io.layerwise.render;

import io.layerwise.engine.Analysis;
import io.layerwise.engine.Derivation;
import io.layerwise.engine.Engine;
import io.layerwise.engine.LayerResult;
import io.layerwise.engine.Mistake;
import io.layerwise.engine.Notation;
import io.layerwise.engine.Slip;
import io.layerwise.model.Answers;
import io.layerwise.model.Quantity;
import io.layerwise.model.Value;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The data of the offline self-check page: one question per layer and asked quantity, the salted
 * hashes of the right answers, and the diagnoses of the wrong answers the mistake catalogue
 * predicts, keyed by the salted hashes of those wrong values. The page's script hashes what the
 * student types the same way ({@code salt|layer|quantity|canonical value}); no right value
 * appears in the page.
 */
final class SelfCheckPage {

  /**
   * One input of the page.
   *
   * @param layer the layer's name, or {@code total}
   * @param quantity the quantity's id
   * @param quantityLabel the quantity in the page's language
   * @param label the input's accessible name: layer and quantity
   * @param shape whether the answer is a shape
   */
  record Question(String layer, String quantity, String quantityLabel, String label,
      boolean shape) {}

  /** What the script says, from {@code js.*} words. */
  private static final List<String> MESSAGES =
      List.of("writeShape", "writeNumber", "right", "wrong", "unknown");

  private final Analysis analysis;
  private final Locale locale;
  private final Words words;
  private final String salt;
  private final List<Question> questions = new ArrayList<>();
  private final List<String> right = new ArrayList<>();
  private final Map<String, String> diagnoses = new LinkedHashMap<>();

  SelfCheckPage(Analysis analysis, Locale locale) {
    this.analysis = analysis;
    this.locale = locale;
    this.words = new Words(locale);
    this.salt = Hashes.sha256("layerwise-selfcheck|" + analysis.exercise().id() + "|"
        + analysis.exercise().title()).substring(0, 24);
    build();
  }

  /** The salted hash the page's script computes for an answer. */
  static String hash(String salt, String layer, String quantity, String canonical) {
    return Hashes.sha256(salt + "|" + layer + "|" + quantity + "|" + canonical);
  }

  String salt() {
    return salt;
  }

  List<Question> questions() {
    return List.copyOf(questions);
  }

  /** The page's data as JSON, safe inside a {@code <script>} element. */
  String json() {
    StringBuilder sb = new StringBuilder("{\"salt\":").append(string(salt));
    sb.append(",\"right\":[");
    sb.append(right.stream().map(SelfCheckPage::string).collect(Collectors.joining(",")));
    sb.append("],\"diagnoses\":{");
    sb.append(diagnoses.entrySet().stream()
        .map(e -> string(e.getKey()) + ":" + string(e.getValue()))
        .collect(Collectors.joining(",")));
    sb.append("},\"messages\":{");
    sb.append(MESSAGES.stream()
        .map(k -> string(k) + ":" + string(words.get("js." + k)))
        .collect(Collectors.joining(",")));
    return sb.append("}}").toString();
  }

  private void build() {
    List<Quantity> asked = analysis.exercise().ask();
    for (LayerResult r : analysis.layers()) {
      List<Slip> slips = Engine.slips(r, analysis.exercise().framework());
      for (Quantity q : asked) {
        if (q == Quantity.TOTAL || q == Quantity.RECEPTIVE_FIELD) {
          continue;
        }
        Value value = r.value(q).orElseThrow();
        questions.add(question(r.name(), q));
        right.add(hash(salt, r.name(), q.id(), value.canonical()));
        for (Slip s : slips) {
          if (s.changes(q)) {
            String key = hash(salt, r.name(), q.id(), s.value(q).orElseThrow().canonical());
            diagnoses.putIfAbsent(key, diagnosis(s.mistake(), s.shown(q)));
          }
        }
      }
    }
    if (asked.contains(Quantity.TOTAL)) {
      String q = Quantity.PARAMS.id();
      questions.add(question(Answers.TOTAL, Quantity.PARAMS));
      right.add(hash(salt, Answers.TOTAL, q, Long.toString(analysis.totals().params())));
      if (analysis.totals().trainable() != analysis.totals().params()) {
        diagnoses.putIfAbsent(hash(salt, Answers.TOTAL, q,
            Long.toString(analysis.totals().trainable())),
            diagnosis(Mistake.TOTAL_TRAINABLE_ONLY, List.of()));
      }
    }
  }

  private Question question(String layer, Quantity q) {
    String label = words.get("column." + q.id());
    return new Question(layer, q.id(), label, words.get("selfcheck.label", layer, label),
        q == Quantity.OUTPUT_SHAPE);
  }

  /** What the page says for a predicted wrong answer: the mistake, its formula, and why. */
  private String diagnosis(Mistake m, List<Derivation> shown) {
    StringBuilder sb = new StringBuilder(m.title().text(locale)).append('.');
    for (Derivation d : shown) {
      sb.append(' ').append(d.equation(Notation.TEXT)).append('.');
    }
    return sb.append(' ').append(m.why().text(locale)).toString();
  }

  /** A JSON string that cannot end a script element or open a comment. */
  private static String string(String s) {
    StringBuilder sb = new StringBuilder("\"");
    for (char c : s.toCharArray()) {
      if (c == '"' || c == '\\') {
        sb.append('\\').append(c);
      } else if (c < 0x20 || c == '<' || c == '>' || c == '&' || c == '\u2028' || c == '\u2029') {
        sb.append(String.format("\\u%04x", (int) c));
      } else {
        sb.append(c);
      }
    }
    return sb.append('"').toString();
  }
}
