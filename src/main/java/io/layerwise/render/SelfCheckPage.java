package io.layerwise.render;

import io.layerwise.check.Feedback;
import io.layerwise.diagnosis.Diagnosis;
import io.layerwise.diagnosis.LayerDiagnosis;
import io.layerwise.diagnosis.Prediction;
import io.layerwise.diagnosis.Recipe;
import io.layerwise.diagnosis.Term;
import io.layerwise.diagnosis.TotalPrediction;
import io.layerwise.engine.Analysis;
import io.layerwise.engine.Derivation;
import io.layerwise.engine.Mistake;
import io.layerwise.engine.Notation;
import io.layerwise.model.Answers;
import io.layerwise.model.Quantity;
import io.layerwise.model.Value;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The data of the offline self-check page, read from the exercise's {@link Diagnosis}: one
 * question per layer and asked quantity, the salted hashes of the right answers, the predicted
 * wrong answers (keyed by their salted hashes, with the mistake and the student's way), and per
 * layer the recipes that give its numbers from its inputs, so that the page's script ({@code
 * selfcheck.js}) judges a later answer against the student's own earlier shapes as {@code check}
 * does. The script hashes what the student types the same way ({@code salt|layer|quantity|canonical
 * value}); no right value appears in the page as such.
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
      List.of("writeShape", "writeNumber", "right", "wrong", "unknown", "carried", "score",
          "scoreCarried");

  /** The verdict patterns the script fills in, from the self-check's own wording. */
  private static final List<String> PATTERNS = List.of("mistake", "mistake.carried", "carried",
      "carried.total", "total.mistake", "total.trainableOnly", "wrongLayer", "wrongLayer.mistake",
      "uncredited");

  private static final String SCRIPT = "/io/layerwise/render/selfcheck.js";

  private final Analysis analysis;
  private final Diagnosis diagnosis;
  private final Locale locale;
  private final Words words;
  private final String salt;
  private final List<Quantity> asked = new ArrayList<>();
  private final List<Question> questions = new ArrayList<>();
  private final List<String> right = new ArrayList<>();
  private final Map<String, String> diagnoses = new LinkedHashMap<>();

  SelfCheckPage(Diagnosis diagnosis, Locale locale) {
    this.analysis = diagnosis.analysis();
    this.diagnosis = diagnosis;
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

  /** The page's script, a resource; it reads the data block. */
  static String script() {
    try (InputStream in = SelfCheckPage.class.getResourceAsStream(SCRIPT)) {
      if (in == null) {
        throw new IllegalStateException("missing resource " + SCRIPT);
      }
      String js = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      if (js.toLowerCase(Locale.ROOT).contains("</script")) {
        throw new IllegalStateException(SCRIPT + " must not contain </script");
      }
      return js;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The page's data as JSON, safe inside a {@code <script>} element. */
  String json() {
    Feedback feedback = new Feedback(locale, analysis.exercise());
    StringBuilder sb = new StringBuilder("{\"salt\":").append(string(salt));
    sb.append(",\"input\":").append(dims(analysis.exercise().network().input().dims()));
    sb.append(",\"asked\":[").append(asked.stream().map(q -> string(q.id()))
        .collect(Collectors.joining(","))).append(']');
    sb.append(",\"right\":[");
    sb.append(right.stream().map(SelfCheckPage::string).collect(Collectors.joining(",")));
    sb.append("],\"diagnoses\":{");
    sb.append(diagnoses.entrySet().stream()
        .map(e -> string(e.getKey()) + ":" + e.getValue())
        .collect(Collectors.joining(",")));
    sb.append("},\"layers\":[");
    sb.append(diagnosis.layers().stream().map(this::layer).collect(Collectors.joining(",")));
    sb.append("],\"catalogue\":{");
    List<String> entries = new ArrayList<>();
    for (Mistake m : Mistake.values()) {
      entries.add(string(m.id()) + ":{\"title\":" + string(m.title().text(locale))
          + ",\"why\":" + string(m.why().text(locale)) + "}");
    }
    sb.append(String.join(",", entries));
    sb.append("},\"messages\":{");
    sb.append(MESSAGES.stream()
        .map(k -> string(k) + ":" + string(words.get("js." + k)))
        .collect(Collectors.joining(",")));
    sb.append("},\"patterns\":{");
    sb.append(PATTERNS.stream()
        .map(k -> string(k) + ":" + string(feedback.pattern(k)))
        .collect(Collectors.joining(",")));
    return sb.append("}}").toString();
  }

  private void build() {
    // what the question sheet asks, of every layer or of some (Asked, as the sheet's grid)
    // memory (training:) is judged by check and asked in the Moodle bank, not on this page
    for (Quantity q : new Asked(analysis.exercise(), words).columns()) {
      if (q != Quantity.RECEPTIVE_FIELD && !q.memory()) {
        asked.add(q);
      }
    }
    for (LayerDiagnosis l : diagnosis.layers()) {
      for (Quantity q : asked) {
        if (!analysis.exercise().asks(q, l.name())) {
          continue;
        }
        Value value = l.value(q).orElseThrow();
        questions.add(question(l.name(), q));
        right.add(hash(salt, l.name(), q.id(), value.canonical()));
        for (Prediction p : l.predictions(q)) {
          String key = hash(salt, l.name(), q.id(), p.value().canonical());
          diagnoses.putIfAbsent(key, entry(p.mistake(), p.yours()));
        }
      }
    }
    if (analysis.exercise().asks(Quantity.TOTAL)) {
      String q = Quantity.PARAMS.id();
      questions.add(question(Answers.TOTAL, Quantity.PARAMS));
      right.add(hash(salt, Answers.TOTAL, q, diagnosis.total(Quantity.PARAMS).canonical()));
      for (TotalPrediction p : diagnosis.totals(Quantity.PARAMS)) {
        diagnoses.putIfAbsent(hash(salt, Answers.TOTAL, q, p.value().canonical()),
            entry(p.mistake(), List.of()));
      }
    }
  }

  private Question question(String layer, Quantity q) {
    String label = words.get("column." + q.id());
    return new Question(layer, q.id(), label, words.get("selfcheck.label", layer, label),
        q == Quantity.OUTPUT_SHAPE);
  }

  /** A predicted wrong answer: the mistake's id and the student's way as text. */
  private static String entry(Mistake m, List<Derivation> yours) {
    return "{\"m\":" + string(m.id()) + ",\"yours\":" + string(yours.stream()
        .map(d -> d.equation(Notation.TEXT) + ".").collect(Collectors.joining(" "))) + "}";
  }

  /** One layer: its inputs, and the recipes of its right numbers and of its slips. */
  private String layer(LayerDiagnosis l) {
    StringBuilder sb = new StringBuilder("{\"name\":").append(string(l.name()));
    sb.append(",\"inputs\":[").append(l.result().node().inputs().stream()
        .map(SelfCheckPage::string).collect(Collectors.joining(","))).append(']');
    sb.append(",\"ranks\":[").append(l.result().inputShapes().stream()
        .map(s -> Integer.toString(s.rank())).collect(Collectors.joining(","))).append(']');
    sb.append(",\"agree\":[").append(diagnosis.mustAgree(l).stream().map(String::valueOf)
        .collect(Collectors.joining(","))).append(']');
    Recipe right = diagnosis.recipe(l);
    sb.append(",\"recipe\":").append(recipe(right, true));
    sb.append(",\"otherRanks\":{").append(diagnosis.otherRanks(l).entrySet().stream()
        .map(e -> string(Integer.toString(e.getKey())) + ":" + recipe(e.getValue(), true))
        .collect(Collectors.joining(","))).append('}');
    sb.append(",\"fixed\":[").append(right.fixed().stream().map(String::valueOf)
        .collect(Collectors.joining(","))).append(']');
    if (!right.fixed().isEmpty()) {
      List<String> values = new ArrayList<>();
      for (io.layerwise.model.Shape in : l.result().inputShapes()) {
        for (int a : right.fixed()) {
          if (a < in.rank()) {
            values.add(Long.toString(in.dim(a)));
          }
        }
      }
      sb.append(",\"fixedHash\":")
          .append(string(hash(salt, l.name(), "fixed", String.join("x", values))));
    }
    List<Recipe> recipes = diagnosis.slipRecipes(l);
    List<String> slips = new ArrayList<>();
    for (int i = 0; i < recipes.size(); i++) {
      io.layerwise.engine.Slip slip = l.slips().get(i);
      if (recipes.get(i).carries() && asked.stream().anyMatch(slip::changes)) {
        slips.add(recipe(recipes.get(i), false));
      }
    }
    sb.append(",\"slips\":[").append(String.join(",", slips)).append("]}");
    return sb.toString();
  }

  /**
   * A recipe as JSON: the output axes and the asked counts (and, for the right way, the
   * parameters, which a carried total needs).
   */
  private String recipe(Recipe r, boolean rightWay) {
    StringBuilder sb = new StringBuilder("{");
    if (r.mistake().isPresent()) {
      sb.append("\"m\":").append(string(r.mistake().get().id())).append(',');
    }
    sb.append("\"carries\":").append(r.carries());
    sb.append(",\"out\":[").append(r.output().stream().map(SelfCheckPage::term)
        .collect(Collectors.joining(","))).append(']');
    List<String> counts = new ArrayList<>();
    for (Quantity q : r.counts().keySet().stream().sorted().toList()) {
      if (asked.contains(q) || (rightWay && q == Quantity.PARAMS)) {
        counts.add(string(q.id()) + ":" + term(r.counts().get(q)));
      }
    }
    sb.append(",\"q\":{").append(String.join(",", counts)).append("}}");
    return sb.toString();
  }

  /** A term as JSON: a number as a string, ["in", i, a], or [op, args...]. */
  private static String term(Term t) {
    return t.accept(new Term.Visitor<String>() {
      @Override
      public String constant(Term.Const c) {
        return string(Long.toString(c.value()));
      }

      @Override
      public String input(Term.Input i) {
        return "[\"in\"," + i.input() + "," + i.axis() + "]";
      }

      @Override
      public String apply(Term.Apply a) {
        return "[" + string(a.op().id()) + "," + a.args().stream()
            .map(SelfCheckPage::term).collect(Collectors.joining(",")) + "]";
      }
    });
  }

  private static String dims(List<Long> dims) {
    return dims.stream().map(d -> string(Long.toString(d)))
        .collect(Collectors.joining(",", "[", "]"));
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
