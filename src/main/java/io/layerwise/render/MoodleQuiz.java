package io.layerwise.render;

import io.layerwise.diagnosis.Diagnosis;
import io.layerwise.diagnosis.LayerDiagnosis;
import io.layerwise.diagnosis.MemoryAnswers;
import io.layerwise.diagnosis.Prediction;
import io.layerwise.diagnosis.TotalPrediction;
import io.layerwise.engine.Analysis;
import io.layerwise.engine.Derivation;
import io.layerwise.engine.LayerResult;
import io.layerwise.engine.Mistake;
import io.layerwise.model.Exercise;
import io.layerwise.model.Framework;
import io.layerwise.model.Quantity;
import io.layerwise.model.Shape;
import io.layerwise.model.Value;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import io.layerwise.text.Xml;

/**
 * The questions of a Moodle XML quiz: per exercise and asked quantity, one {@code numerical}
 * question (a shape: one {@code shortanswer} question, since Moodle's numerical questions take
 * one number), the right answer at 100 %, and every different number a catalogued mistake gives
 * at 0 % with the diagnosis as its feedback. Variants of one exercise share categories, one per
 * question, so that a quiz can draw one variant at random per student.
 *
 * <p>Every string here is finished HTML (exercise text escaped by {@link Xml#text}); the
 * template XML-escapes it. The same model, its HTML written in another {@link Markup}, is what
 * the QTI 2.1 package ({@link QtiPackage}) and the Canvas zip ({@link CanvasPackage}) are made
 * of, so that the three banks ask, accept and diagnose alike.
 */
public final class MoodleQuiz {

  /**
   * A question category and its questions.
   *
   * @param path the category path, {@code $course$/top/Layerwise/...}
   * @param info what the category holds
   * @param questions its questions
   */
  public record Category(String path, String info, List<Question> questions) {}

  /**
   * One question.
   *
   * @param type {@code numerical} or {@code shortanswer}
   * @param name the question's name in the question bank
   * @param idnumber unique within its category
   * @param text the question as HTML
   * @param general the general feedback as HTML: the right derivation
   * @param answers the graded answers, the right ones first
   */
  public record Question(String type, String name, String idnumber, String text, String general,
      List<Answer> answers) {
    /** Whether Moodle compares the answer as a number. */
    public boolean numerical() {
      return type.equals("numerical");
    }
  }

  /**
   * One answer Moodle grades.
   *
   * @param fraction 100 right, 0 wrong
   * @param text the number or text matched ({@code *} matches anything else)
   * @param feedback what the student sees when they give it, as HTML
   * @param tolerance how far from the number an answer still matches: 0, or half a hundredth
   *     for a number asked to two decimals (a total in MiB or MB)
   */
  public record Answer(int fraction, String text, String feedback, String tolerance) {
    /** An answer matched exactly. */
    public Answer(int fraction, String text, String feedback) {
      this(fraction, text, feedback, "0");
    }
  }

  private final Locale locale;
  private final Words words;
  private final Markup markup;

  MoodleQuiz(Locale locale) {
    this(locale, Markup.MOODLE);
  }

  /** The quiz with its texts in the HTML of a QTI or Canvas package rather than Moodle's. */
  MoodleQuiz(Locale locale, Markup markup) {
    this.locale = locale;
    this.words = new Words(locale);
    this.markup = markup;
  }

  /** One exercise, or the variants of one: categories in order. */
  List<Category> categories(List<Diagnosis> diagnoses) {
    List<Analysis> analyses = diagnoses.stream().map(Diagnosis::analysis).toList();
    boolean variants = analyses.size() > 1
        || analyses.get(0).exercise().variant().isPresent();
    String base = analyses.get(0).exercise().variant().map(v -> v.of())
        .orElse(analyses.get(0).exercise().id());
    Map<String, List<Question>> byCategory = new LinkedHashMap<>();
    Map<String, String> infos = new LinkedHashMap<>();
    String root = "$course$/top/Layerwise/" + base;
    for (Diagnosis d : diagnoses) {
      for (Item item : items(d)) {
        String path = variants ? root + "/" + item.slot() : root;
        infos.putIfAbsent(path, variants ? words.get("moodle.category.variants", base,
            item.slotLabel()) : words.get("moodle.category", base));
        byCategory.computeIfAbsent(path, k -> new ArrayList<>()).add(item.question());
      }
    }
    List<Category> out = new ArrayList<>();
    byCategory.forEach((path, qs) -> out.add(new Category(path, Xml.text(infos.get(path)),
        qs)));
    return out;
  }

  /** A question and the slot it fills in a quiz ({@code conv1-params}). */
  private record Item(String slot, String slotLabel, Question question) {}

  private List<Item> items(Diagnosis diagnosis) {
    Analysis a = diagnosis.analysis();
    Exercise e = a.exercise();
    Framework fw = e.framework();
    String intro = intro(a);
    List<Item> items = new ArrayList<>();
    for (LayerDiagnosis l : diagnosis.layers()) {
      LayerResult r = l.result();
      // what the question sheet asks, of every layer or of some (Asked, as the sheet's grid)
      for (Quantity q : new Asked(e, words).columns()) {
        if (q == Quantity.RECEPTIVE_FIELD || !e.asks(q, r.name())) {
          continue;
        }
        Value right = l.value(q).orElseThrow();
        String label = words.get("column." + q.id());
        String slot = r.name() + "-" + q.id();
        String ask = words.get("moodle.ask." + (q == Quantity.OUTPUT_SHAPE ? "shape" : "count"),
            label, r.name(), r.className(a.exercise().framework()))
            + (q.memory() ? " " + setup(e) : "");
        String general = "<p>" + Xml.text(words.get("moodle.right", right.text())) + "</p>"
            + math(l.derivations(q));
        List<Answer> answers = new ArrayList<>();
        boolean shape = q == Quantity.OUTPUT_SHAPE;
        for (String form : shape ? spellings(right, fw) : List.of(right.canonical())) {
          answers.add(new Answer(100, form, Xml.text(words.get("moodle.correct"))));
        }
        Set<String> given = new LinkedHashSet<>();
        answers.forEach(x -> given.add(x.text()));
        Map<String, List<Prediction>> wrong = new LinkedHashMap<>();
        for (Prediction p : l.predictions(q)) {
          wrong.computeIfAbsent(p.value().canonical(), k -> new ArrayList<>()).add(p);
        }
        for (Map.Entry<String, List<Prediction>> w : wrong.entrySet()) {
          String feedback = diagnosis(w.getValue(), right);
          Value v = w.getValue().get(0).value();
          for (String form : shape ? spellings(v, fw) : List.of(w.getKey())) {
            if (given.add(form)) {
              answers.add(new Answer(0, form, feedback));
            }
          }
        }
        answers.add(new Answer(0, "*", Xml.text(words.get("moodle.unknown"))));
        String name = e.id() + " · " + r.name() + " · " + label;
        items.add(new Item(slot, r.name() + " · " + label, new Question(
            shape ? "shortanswer" : "numerical", Xml.text(name), e.id() + "-" + slot,
            intro + "<p><strong>" + Xml.text(ask) + "</strong></p>"
                + (shape ? "<p>" + Xml.text(words.get("moodle.shapeHint")) + "</p>" : ""),
            general, answers)));
      }
    }
    if (e.asks(Quantity.TOTAL)) {
      items.add(new Item("total-params", words.get("total.params"), total(diagnosis, intro)));
    }
    for (Quantity q : new Asked(e, words).memoryTotals()) {
      items.add(new Item("memory-" + q.id(), words.get("total.memory." + q.id()),
          memory(diagnosis, q, intro)));
    }
    return items;
  }

  /**
   * A memory total ({@code memory} asked, with {@code training:}): the right number at 100 %,
   * each number a memory mistake gives at 0 % with its diagnosis; a total in MiB or MB matches
   * to two decimals.
   */
  private Question memory(Diagnosis diagnosis, Quantity q, String intro) {
    Exercise e = diagnosis.analysis().exercise();
    MemoryAnswers m = diagnosis.memory().orElseThrow();
    Value right = m.value(q).orElseThrow();
    String tolerance = q.decimal() ? "0.005" : "0";
    List<Answer> answers = new ArrayList<>();
    answers.add(new Answer(100, right.canonical(), Xml.text(words.get("moodle.correct")),
        tolerance));
    Set<String> given = new LinkedHashSet<>();
    given.add(right.canonical());
    Map<String, List<Prediction>> wrong = new LinkedHashMap<>();
    for (Prediction p : m.predictions(q)) {
      wrong.computeIfAbsent(p.value().canonical(), k -> new ArrayList<>()).add(p);
    }
    for (Map.Entry<String, List<Prediction>> w : wrong.entrySet()) {
      if (given.add(w.getKey())) {
        answers.add(new Answer(0, w.getKey(), diagnosis(w.getValue(), right), tolerance));
      }
    }
    answers.add(new Answer(0, "*", Xml.text(words.get("moodle.unknown"))));
    String label = words.get("total.memory." + q.id());
    return new Question("numerical", Xml.text(e.id() + " · " + label),
        e.id() + "-memory-" + q.id(),
        intro + "<p><strong>" + Xml.text(words.get("moodle.ask.memory", label) + " "
            + setup(e)) + "</strong></p>",
        "<p>" + Xml.text(words.get("moodle.right", right.text())) + "</p>"
            + math(m.derivations(q)),
        answers);
  }

  /** What the memory is counted for: batch, format, optimizer, and the convention. */
  private String setup(Exercise e) {
    io.layerwise.model.Training t = e.training().orElseThrow();
    return words.get(t.mixedPrecision() ? "moodle.setup.mixed" : "moodle.setup",
        io.layerwise.engine.Notation.TEXT.number(t.batch()), t.dtype().id(),
        Integer.toString(t.dtype().bytes()), words.get("memory.optimizer." + t.optimizer().id()));
  }

  private Question total(Diagnosis diagnosis, String intro) {
    Exercise e = diagnosis.analysis().exercise();
    Value right = diagnosis.total(Quantity.PARAMS);
    List<Answer> answers = new ArrayList<>();
    answers.add(new Answer(100, right.canonical(), Xml.text(words.get("moodle.correct"))));
    Set<String> given = new LinkedHashSet<>();
    given.add(right.canonical());
    for (TotalPrediction p : diagnosis.totals(Quantity.PARAMS)) {
      if (!given.add(p.value().canonical())) {
        continue;
      }
      String feedback = p.mistake() == Mistake.TOTAL_TRAINABLE_ONLY
          ? feedbackFor(p.mistake(), List.of())
          : Xml.text(words.get("moodle.everyLayer", p.mistake().title().text(locale))) + " "
              + Xml.text(p.mistake().why().text(locale));
      answers.add(new Answer(0, p.value().canonical(), feedback));
    }
    answers.add(new Answer(0, "*", Xml.text(words.get("moodle.unknown"))));
    String label = words.get("total.params");
    return new Question("numerical", Xml.text(e.id() + " · " + label), e.id() + "-total",
        intro + "<p><strong>" + Xml.text(words.get("moodle.ask.total")) + "</strong></p>",
        "<p>" + Xml.text(words.get("moodle.right", right.text())) + "</p>",
        answers);
  }

  /** The question's common part: the exercise, its description and the network table. */
  private String intro(Analysis a) {
    Exercise e = a.exercise();
    Framework fw = e.framework();
    StringBuilder sb = new StringBuilder();
    sb.append("<p><em>").append(Xml.text(e.title())).append("</em></p>");
    e.variant().flatMap(v -> v.student()).ifPresent(s -> sb.append("<p>")
        .append(Xml.text(words.get("moodle.student", s))).append("</p>"));
    e.description().ifPresent(d -> {
      for (String para : d.strip().split("\n\\s*\n")) {
        sb.append("<p>").append(para.strip().lines().map(Xml::text)
            .collect(Collectors.joining(markup.lineBreak()))).append("</p>");
      }
    });
    sb.append("<p>").append(Xml.text(words.get("inputLine", e.network().input().batched(fw),
        words.get("framework." + fw.id())))).append("</p>");
    Map<String, String> t = words.templateWords();
    sb.append(markup.table())
        .append("<thead><tr><th>#</th><th>").append(Xml.text(t.get("layer")))
        .append("</th><th>").append(Xml.text(t.get("type"))).append("</th><th>")
        .append(Xml.text(t.get("hyperparameters"))).append("</th><th>")
        .append(Xml.text(t.get("input"))).append("</th></tr></thead><tbody>");
    Hyperparameters hp = new Hyperparameters(words, fw);
    int position = 1;
    for (LayerResult r : a.layers()) {
      sb.append("<tr><td>").append(position++).append("</td><td>").append(Xml.text(r.name()))
          .append("</td><td>").append(Xml.text(r.className(fw)))
          .append("</td><td>").append(Xml.text(hp.of(r))).append("</td><td>")
          .append(Xml.text(String.join(", ", r.node().inputs()))).append("</td></tr>");
    }
    sb.append("</tbody></table>");
    if (markup.carriesFiles()) {
      sb.append(markup.images(List.copyOf(Diagram.pages(a, words, false).files().keySet()),
          t.get("diagramAlt")));
    }
    return sb.toString();
  }

  /** What a wrong answer's feedback says: the mistake, the student's way, and why. */
  /**
   * The feedback on a wrong answer: the mistake, the student's way and why. A step of that way
   * whose result is the right answer (the other framework's parameter count of a
   * BatchNormalization layer, 2·C, when its non-trainable count is asked) is left out: the
   * feedback never gives the answer away.
   */
  private String diagnosis(List<Prediction> predictions, Value right) {
    Prediction first = predictions.get(0);
    List<Derivation> yours = first.yours().stream()
        .filter(d -> !Long.toString(d.result()).equals(right.canonical())).toList();
    String html = feedbackFor(first.mistake(), yours);
    List<String> others = predictions.stream().skip(1).map(Prediction::mistake)
        .filter(m -> m != first.mistake()).distinct()
        .map(m -> m.title().text(locale)).toList();
    if (!others.isEmpty()) {
      html += " " + Xml.text(words.get("moodle.alternatives", String.join("; ", others)));
    }
    return html;
  }

  private String feedbackFor(Mistake m, List<Derivation> shown) {
    String said = words.get(shown.isEmpty() ? "moodle.mistake.alone" : "moodle.mistake",
        m.title().text(locale));
    return "<p>" + Xml.text(said) + "</p>" + math(shown) + "<p>"
        + Xml.text(m.why().text(locale)) + "</p>";
  }

  /** Derivations as display formulas: TeX for Moodle's MathJax filter, MathML for QTI. */
  private String math(List<Derivation> derivations) {
    return markup.math(derivations);
  }

  /** The ways a student may write a shape; Moodle's short answers match text exactly. */
  private static List<String> spellings(Value v, Framework fw) {
    Shape s = ((Value.Dims) v).shape();
    List<String> dims = s.dims().stream().map(String::valueOf).toList();
    Set<String> forms = new LinkedHashSet<>();
    forms.add(String.join("x", dims));
    forms.add(String.join(" x ", dims));
    forms.add(String.join("×", dims));
    forms.add(String.join(" × ", dims));
    forms.add("(" + String.join(", ", dims) + (dims.size() == 1 ? ",)" : ")"));
    forms.add("(" + String.join(",", dims) + ")");
    forms.add("[" + String.join(", ", dims) + "]");
    forms.add(String.join(", ", dims));
    forms.add(s.batched(fw));
    forms.add(s.batched(fw).replace(" ", ""));
    return List.copyOf(forms);
  }
}
