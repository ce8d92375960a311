package io.layerwise.report;

import io.layerwise.diagnostic.Diagnostic;
import io.layerwise.engine.Analysis;
import io.layerwise.engine.Derivation;
import io.layerwise.engine.Fraction;
import io.layerwise.engine.Geometry;
import io.layerwise.engine.LayerResult;
import io.layerwise.engine.LayerMemory;
import io.layerwise.engine.Memory;
import io.layerwise.engine.TorchinfoEstimate;
import io.layerwise.model.Training;
import io.layerwise.engine.Notation;
import io.layerwise.engine.Totals;
import io.layerwise.model.Framework;
import io.layerwise.model.Shape;
import java.math.BigDecimal;
import java.math.MathContext;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The JSON of {@code explain --format json}: a contract other tools rely on. One object per file,
 * an array when several files are given; an invalid file gives {@code {"file", "error"}} in its
 * place.
 */
public final class JsonReport {

  private JsonReport() {}

  /** One object for one file, an array in order for several; explanations in English. */
  public static String render(List<FileResult> results, boolean asArray) {
    return render(results, asArray, Locale.ENGLISH);
  }

  /** One object for one file, an array in order for several; explanations in a language. */
  public static String render(List<FileResult> results, boolean asArray, Locale locale) {
    JsonWriter w = new JsonWriter();
    if (asArray) {
      w.beginArray();
    }
    for (FileResult r : results) {
      if (r.analysis().isPresent()) {
        analysis(w, r.analysis().get(), locale);
      } else {
        failure(w, r.file(), r.diagnostics());
      }
    }
    if (asArray) {
      w.endArray();
    }
    return w + "\n";
  }

  private static void analysis(JsonWriter w, Analysis a, Locale locale) {
    w.beginObject();
    w.name("id").value(a.exercise().id());
    w.name("title").value(a.exercise().title());
    w.name("framework").value(a.exercise().framework().id());
    w.name("input_shape");
    shape(w, a.exercise().network().input());
    w.name("layers").beginArray();
    for (LayerResult l : a.layers()) {
      layer(w, l, a.exercise().framework(), locale);
    }
    w.endArray();
    Totals t = a.totals();
    w.name("total").beginObject();
    w.name("params").value(t.params());
    w.name("trainable_params").value(t.trainable());
    w.name("non_trainable_params").value(t.nonTrainable());
    w.name("macs").value(t.macs());
    w.name("activations").value(t.activations());
    w.endObject();
    if (a.memory().isPresent()) {
      memory(w, a.memory().get(), a.totals().activations(), locale);
    }
    w.endObject();
  }

  /** {@code "memory"}: only for an exercise with {@code training:}; bytes exact, MiB and MB. */
  private static void memory(JsonWriter w, Memory m, long outputValues, Locale locale) {
    Training t = m.training();
    w.name("memory").beginObject();
    w.name("batch").value(t.batch());
    w.name("dtype").value(t.dtype().id());
    w.name("bytes_per_value").value(t.dtype().bytes());
    w.name("optimizer").value(t.optimizer().id());
    w.name("mixed_precision").raw(Boolean.toString(t.mixedPrecision()));
    w.name("layers").beginArray();
    for (LayerMemory l : m.layers()) {
      w.beginObject();
      w.name("name").value(l.name());
      w.name("view").raw(Boolean.toString(l.view()));
      w.name("activation_bytes").value(l.activations().result());
      w.name("param_bytes").value(l.params().result());
      w.name("gradient_bytes").value(l.gradients().result());
      w.name("optimizer_state_bytes").value(l.optimizerState().result());
      w.name("total_bytes").value(l.total());
      derivations(w, List.of(l.activations(), l.params(), l.gradients(), l.optimizerState()),
          locale);
      w.endObject();
    }
    w.endArray();
    w.name("total").beginObject();
    w.name("output_values").value(outputValues);
    w.name("view_values").value(m.viewValues());
    w.name("stored_activations").value(m.storedValues().result());
    for (Derivation d : m.parts()) {
      bytes(w, d.quantity().id(), d.result());
    }
    bytes(w, "total_bytes", m.total().result());
    w.name("forward_flops").value(m.flops().result());
    if (m.trainingFlops().isPresent()) {
      w.name("training_step_flops").value(m.trainingFlops().get().result());
    }
    List<Derivation> all = new java.util.ArrayList<>(List.of(m.storedValues()));
    all.addAll(m.parts());
    all.add(m.total());
    all.add(m.flops());
    m.trainingFlops().ifPresent(all::add);
    derivations(w, all, locale);
    w.endObject();
    if (m.torchinfo().isPresent()) {
      TorchinfoEstimate e = m.torchinfo().get();
      w.name("torchinfo").beginObject();
      List<Derivation> estimate = List.of(e.input(), e.forwardBackward(), e.params(), e.total());
      for (Derivation d : estimate) {
        w.name(d.quantity().id().substring("torchinfo.".length()) + "_mb")
            .raw(decimal(d.result(), Memory.MB));
      }
      derivations(w, estimate, locale);
      w.endObject();
    }
    w.endObject();
  }

  /** {@code "x_bytes": 123, "x_mib": 0.0001, "x_mb": 0.000123}. */
  private static void bytes(JsonWriter w, String id, long bytes) {
    String stem = id.endsWith("_bytes") ? id.substring(0, id.length() - "_bytes".length()) : id;
    w.name(stem + "_bytes").value(bytes);
    w.name(stem + "_mib").raw(decimal(bytes, Memory.MIB));
    w.name(stem + "_mb").raw(decimal(bytes, Memory.MB));
  }

  /** Bytes in a unit as a decimal to ten significant digits. */
  static String decimal(long bytes, long unit) {
    return new BigDecimal(bytes).divide(new BigDecimal(unit), new MathContext(10))
        .stripTrailingZeros().toPlainString();
  }

  private static void layer(JsonWriter w, LayerResult l, Framework framework, Locale locale) {
    w.beginObject();
    w.name("name").value(l.name());
    w.name("type").value(l.className(framework));
    w.name("inputs").beginArray();
    for (String input : l.node().inputs()) {
      w.value(input);
    }
    w.endArray();
    w.name("output_shape");
    shape(w, l.output());
    w.name("activations").value(l.activations());
    w.name("weights").value(l.weights());
    w.name("biases").value(l.biases());
    w.name("params").value(l.params());
    w.name("trainable_params").value(l.trainable());
    w.name("non_trainable_params").value(l.nonTrainable());
    w.name("macs").value(l.macs());
    Optional<Geometry> g = l.geometry();
    w.name("receptive_field");
    fractions(w, g.map(Geometry::receptiveField));
    w.name("effective_stride");
    fractions(w, g.map(Geometry::stride));
    derivations(w, l.derivations(), locale);
    w.endObject();
  }

  private static void derivations(JsonWriter w, List<Derivation> derivations, Locale locale) {
    w.name("derivations").beginArray();
    for (Derivation d : derivations) {
      w.beginObject();
      w.name("quantity").value(d.quantity().id());
      w.name("formula").value(d.formula(Notation.TEXT));
      w.name("substituted").value(d.substituted(Notation.TEXT));
      w.name("result").value(d.result());
      w.name("latex").value(d.latex());
      w.name("explanation").value(d.explanation().text(locale));
      w.endObject();
    }
    w.endArray();
  }

  private static void failure(JsonWriter w, String file, List<Diagnostic> diagnostics) {
    w.beginObject();
    w.name("file").value(file);
    w.name("error");
    diagnostic(w, diagnostics.get(0));
    w.name("errors").beginArray();
    for (Diagnostic d : diagnostics) {
      diagnostic(w, d);
    }
    w.endArray();
    w.endObject();
  }

  private static void diagnostic(JsonWriter w, Diagnostic d) {
    w.beginObject();
    w.name("message").value(d.message());
    if (d.location().known()) {
      w.name("line").value(d.location().line());
      w.name("column").value(d.location().column());
    } else {
      w.name("line").raw("null");
      w.name("column").raw("null");
    }
    w.name("layer").value(d.layer().orElse(null));
    w.endObject();
  }

  private static void shape(JsonWriter w, Shape s) {
    w.beginArray();
    for (long d : s.dims()) {
      w.value(d);
    }
    w.endArray();
  }

  private static void fractions(JsonWriter w, Optional<List<Fraction>> values) {
    if (values.isEmpty()) {
      w.raw("null");
      return;
    }
    w.beginArray();
    for (Fraction f : values.get()) {
      w.raw(number(f));
    }
    w.endArray();
  }

  /** An integer as is, a fraction as a decimal to ten significant digits. */
  static String number(Fraction f) {
    if (f.isInteger()) {
      return Long.toString(f.numerator());
    }
    return new BigDecimal(f.numerator())
        .divide(new BigDecimal(f.denominator()), new MathContext(10))
        .stripTrailingZeros()
        .toPlainString();
  }
}
