package io.layerwise.render;

import io.layerwise.engine.Analysis;
import io.layerwise.engine.Comparison;
import io.layerwise.engine.Derivation;
import io.layerwise.engine.Derived;
import io.layerwise.engine.LayerResult;
import io.layerwise.engine.Notation;
import io.layerwise.engine.Pitfalls;
import io.layerwise.engine.Symbol;
import io.layerwise.engine.Totals;
import io.layerwise.model.Exercise;
import io.layerwise.model.Framework;
import io.layerwise.model.Quantity;
import io.layerwise.model.Shape;
import io.layerwise.model.Value;
import io.layerwise.model.Variant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Turns an analysis into the finished, escaped text a sheet template prints, and collects the
 * formulas the sheet needs typeset.
 */
final class SheetBuilder {

  private final Analysis analysis;
  private final Locale locale;
  private final Words words;
  private final FormulaSteps images;
  private final Diagram.Pages diagrams;

  /**
   * A builder for one sheet.
   *
   * @param answers whether the sheet gives the answers: only then does its diagram print each
   *     layer's output shape, which a question sheet asks for
   */
  SheetBuilder(Analysis analysis, Locale locale, boolean answers) {
    this.analysis = analysis;
    this.locale = locale;
    this.words = new Words(locale);
    this.images = new FormulaSteps(locale);
    this.diagrams = Diagram.pages(analysis, words, answers);
  }

  /** The diagram's pages by file name. */
  Map<String, String> diagrams() {
    return diagrams.files();
  }

  /**
   * The view of the sheet.
   *
   * @param withCode whether to write the Keras and PyTorch programs and the memory section
   *     (only answer sheets show them; writing the programs reruns every layer under the other
   *     framework's conventions)
   */
  SheetView build(boolean withCode) {
    Exercise e = analysis.exercise();
    Framework fw = e.framework();
    Hyperparameters hp = new Hyperparameters(words, fw);
    List<SheetView.LayerRow> rows = new ArrayList<>();
    int position = 1;
    for (LayerResult l : analysis.layers()) {
      String hyper = hp.of(l);
      rows.add(new SheetView.LayerRow(
          Integer.toString(position++),
          AsciiDoc.text(l.name()),
          AsciiDoc.text(l.className(fw)),
          AsciiDoc.text(hyper),
          AsciiDoc.text(String.join(", ", l.node().inputs())),
          AsciiDoc.text(l.output().batched(fw)),
          AsciiDoc.text(Notation.TEXT.number(l.params()))));
    }
    Asked asked = new Asked(e, words);
    List<String> questions = asked.questions().stream().map(AsciiDoc::text).toList();
    List<String> columns = asked.columns().stream()
        .map(q -> AsciiDoc.text(words.get("column." + q.id()))).toList();
    List<SheetView.AnswerRow> answerRows = new ArrayList<>();
    for (LayerResult l : analysis.layers()) {
      List<Boolean> cells = asked.columns().stream().map(q -> e.asks(q, l.name())).toList();
      if (cells.contains(true)) {
        List<String> values = new ArrayList<>();
        for (Quantity q : asked.columns()) {
          values.add(AsciiDoc.text(e.asks(q, l.name()) ? answer(l, q)
              : words.get("answer.notAsked")));
        }
        answerRows.add(new SheetView.AnswerRow(AsciiDoc.text(l.name()), cells, values));
      }
    }
    Totals t = analysis.totals();
    List<SheetView.Labelled> totals = List.of(
        labelled("total.params", t.params()),
        labelled("total.trainable", t.trainable()),
        labelled("total.nonTrainable", t.nonTrainable()),
        labelled("total.macs", t.macs()),
        labelled("total.activations", t.activations()));
    List<SheetView.Labelled> askedTotals = new ArrayList<>(
        e.asks(Quantity.TOTAL) ? totals.subList(0, 3) : List.of());
    for (Quantity q : asked.memoryTotals()) {
      askedTotals.add(new SheetView.Labelled(AsciiDoc.text(words.get("total.memory." + q.id())),
          AsciiDoc.text(analysis.memory().flatMap(m -> m.value(q)).map(Value::text)
              .orElseThrow())));
    }
    List<String> conventions = List.of(
        AsciiDoc.text(words.get("convention." + fw.id())),
        AsciiDoc.text(words.get("convention.shapes." + fw.id())),
        AsciiDoc.text(words.get("convention.macs")));
    List<String> pitfalls = Pitfalls.of(analysis).stream()
        .map(x -> AsciiDoc.prose(x.text(locale))).toList();
    Optional<CodeSection> code = withCode
        ? Optional.of(new CodeSection(analysis, words, locale)) : Optional.empty();
    List<SheetView.LayerSolution> solutions = new ArrayList<>();
    Map<List<String>, Integer> seen = new java.util.HashMap<>();
    Set<String> explained = new HashSet<>();
    for (int i = 0; i < analysis.layers().size(); i++) {
      LayerResult l = analysis.layers().get(i);
      List<Derivation> shownHere = l.derivations().stream()
          .filter(d -> shown(d.quantity(), e, l.name())).toList();
      List<String> key = new ArrayList<>();
      key.add(l.className(fw));
      for (Derivation d : shownHere) {
        key.add(d.latex());
        key.add(d.explanation().text(locale));
      }
      Integer earlier = seen.putIfAbsent(key, i);
      List<SheetView.Step> steps = earlier == null ? steps(shownHere, explained) : List.of();
      String inputs = l.inputShapes().stream().map(Shape::toString)
          .collect(Collectors.joining(" + "));
      solutions.add(new SheetView.LayerSolution(
          anchor(i),
          AsciiDoc.text(l.name() + " (" + l.className(fw) + ")"),
          AsciiDoc.text(inputs + " → " + l.output()),
          steps,
          earlier == null ? "" : anchor(earlier),
          earlier == null ? "" : AsciiDoc.text(analysis.layers().get(earlier).name())));
    }
    return new SheetView(
        AsciiDoc.text(e.id()),
        AsciiDoc.text(e.title()),
        e.description().map(AsciiDoc::blocks).orElse(""),
        AsciiDoc.text(words.get("framework." + fw.id())),
        AsciiDoc.text(e.network().input().batched(fw)),
        AsciiDoc.text(words.get("inputLine", e.network().input().batched(fw),
            words.get("framework." + fw.id()))),
        e.variant().map(v -> AsciiDoc.text(variant(v, e.id()))).orElse(""),
        diagrams.files().keySet().stream().map(f -> new SheetView.Picture(f,
            AsciiDoc.text(words.get("t.diagramAlt") + ": " + diagrams.descriptions().get(f))))
            .toList(),
        rows,
        questions,
        columns,
        totals,
        askedTotals.stream().map(SheetView.Labelled::label).toList(),
        conventions,
        pitfalls,
        solutions,
        code.map(CodeSection::blocks).orElse(List.of()),
        code.map(CodeSection::notes).orElse(List.of()),
        comparisons(),
        answerRows,
        AsciiDoc.text(words.get("answer.notAsked")),
        askedTotals,
        withCode ? analysis.memory().map(m -> MemorySection.of(m, fw, words, this::step))
            .stream().toList() : List.of());
  }

  /** The answer to a question about a layer, as a student would write it. */
  private String answer(LayerResult l, Quantity q) {
    if (q == Quantity.RECEPTIVE_FIELD) {
      return l.geometry().map(g -> g.receptiveField().stream().map(Object::toString)
          .collect(Collectors.joining(" × "))).orElse(words.get("answer.notSpatial"));
    }
    if (q.memory()) {
      return analysis.memory().flatMap(m -> m.layers().stream()
          .filter(x -> x.name().equals(l.name())).findFirst()).flatMap(x -> x.value(q))
          .map(Value::text).orElse("");
    }
    return l.value(q).map(v -> v.text()).orElse("");
  }

  private String variant(Variant v, String id) {
    String values = v.values().entrySet().stream().map(x -> x.getKey() + " = " + x.getValue())
        .collect(Collectors.joining(", "));
    return v.student().map(s -> words.get("variant.student", v.number(), s, values, id))
        .orElseGet(() -> words.get("variant", v.number(), values, id));
  }

  /** The comparison sections, when the two frameworks count differently or a network is named. */
  private List<SheetView.ComparisonView> comparisons() {
    Optional<Comparison> c = Comparison.of(analysis);
    if (c.isEmpty()) {
      return List.of();
    }
    List<SheetView.ComparisonView> out = new ArrayList<>();
    c.get().convention().ifPresent(k -> {
      String other = words.get("framework." + k.other().id());
      long diff = k.otherParams() - k.params();
      out.add(new SheetView.ComparisonView(
          AsciiDoc.text(words.get("comparison.convention.heading", other)),
          AsciiDoc.text(words.get("comparison.convention.intro", other,
              Notation.TEXT.number(k.otherParams()), Notation.TEXT.number(Math.abs(diff)),
              words.get(diff >= 0 ? "comparison.more" : "comparison.fewer"))),
          List.of(), List.of(), k.steps().stream().map(this::step).toList()));
    });
    c.get().counterpart().ifPresent(k -> {
      long diff = k.otherParams() - k.params();
      List<List<String>> rows = new ArrayList<>();
      for (Comparison.Group g : k.groups()) {
        rows.add(List.of(AsciiDoc.text(g.label().text(locale)),
            AsciiDoc.text(Notation.TEXT.number(g.other())),
            AsciiDoc.text(Notation.TEXT.number(g.own())),
            AsciiDoc.text(Notation.TEXT.number(g.other() - g.own()))));
      }
      rows.add(List.of(AsciiDoc.text(words.get("total.params")),
          AsciiDoc.text(Notation.TEXT.number(k.otherParams())),
          AsciiDoc.text(Notation.TEXT.number(k.params())),
          AsciiDoc.text(Notation.TEXT.number(diff))));
      out.add(new SheetView.ComparisonView(
          AsciiDoc.text(words.get("comparison.counterpart.heading", k.title())),
          AsciiDoc.text(words.get("comparison.counterpart.intro", k.otherLabel(),
              Notation.TEXT.number(k.otherParams()), Notation.TEXT.number(Math.abs(diff)),
              words.get(diff >= 0 ? "comparison.more" : "comparison.fewer"), k.ownLabel(),
              Notation.TEXT.number(k.params()))),
          List.of(AsciiDoc.text(words.get("comparison.column.group")),
              AsciiDoc.text(k.otherLabel()), AsciiDoc.text(k.ownLabel()),
              AsciiDoc.text(words.get("comparison.column.difference"))),
          rows, k.steps().stream().map(this::step).toList()));
    });
    return out;
  }

  /** A section id that depends on the position only, never on text from the file. */
  private String anchor(int index) {
    StringBuilder id = new StringBuilder("layer-");
    for (char c : analysis.exercise().id().toCharArray()) {
      if (Character.isLetterOrDigit(c) && c < 0x80) {
        id.append(c);
      } else {
        id.append('_').append(Integer.toHexString(c)).append('_');
      }
    }
    return id.append('-').append(index + 1).toString();
  }

  private SheetView.Labelled labelled(String key, long value) {
    return new SheetView.Labelled(AsciiDoc.text(words.get(key)),
        AsciiDoc.text(Notation.TEXT.number(value)));
  }

  /**
   * Whether an answer sheet shows a derivation: shapes and parameter counts always; activations,
   * MACs and the receptive field where the exercise asks for them of this layer.
   */
  private static boolean shown(Derived quantity, Exercise e, String layer) {
    if (quantity.outputAxis()) {
      return true;
    }
    if (quantity.geometry()) {
      return e.asks(Quantity.RECEPTIVE_FIELD, layer);
    }
    if (quantity instanceof Derived.Count c) {
      return switch (c) {
        case WEIGHTS, BIASES, PARAMS, TRAINABLE, NON_TRAINABLE -> true;
        case ACTIVATIONS -> e.asks(Quantity.ACTIVATIONS, layer);
        case MACS -> e.asks(Quantity.MACS, layer);
      };
    }
    return false;
  }

  private SheetView.Step step(Derivation d) {
    return images.step(d);
  }

  /**
   * A layer's derivations as a textbook sets them: two output axes with the same numbers in one
   * line ({@code H_out = W_out = …}), and an explanation only where the sheet has not given the
   * same sentence before.
   */
  private List<SheetView.Step> steps(List<Derivation> ds, Set<String> explained) {
    List<SheetView.Step> out = new ArrayList<>();
    for (int i = 0; i < ds.size(); i++) {
      Derivation d = ds.get(i);
      List<Symbol> also = new ArrayList<>();
      while (i + 1 < ds.size() && sameNumbers(d, ds.get(i + 1))) {
        also.add(ds.get(++i).lhs());
      }
      out.add(images.step(d, also, explained.add(d.explanation().text(locale))));
    }
    return out;
  }

  /** Two output axes derived by the same numbers, for the same reason. */
  private boolean sameNumbers(Derivation a, Derivation b) {
    return a.quantity().outputAxis() && b.quantity().outputAxis()
        && a.substituted(Notation.TEXT).equals(b.substituted(Notation.TEXT))
        && a.result() == b.result()
        && a.explanation().text(locale).equals(b.explanation().text(locale));
  }
}
