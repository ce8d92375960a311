package io.layerwise.report;

import io.layerwise.model.Value;
import io.layerwise.variant.VariantReport;
import io.layerwise.variant.VariantReport.Shared;
import io.layerwise.variant.VariantReport.Span;
import io.layerwise.variant.VariantReport.Spread;
import io.layerwise.variant.Variants.VariantSet;
import java.util.List;
import java.util.Optional;

/**
 * {@code variants --format json}: what was drawn (and written) and the set's {@link
 * VariantReport}, as one JSON object, a contract as README.md lists it.
 */
public final class VariantsReport {

  private VariantsReport() {}

  /**
   * The set as JSON.
   *
   * @param set the variants drawn
   * @param seed the seed they were drawn with
   * @param written where they were written, or empty when nothing was ({@code --report})
   */
  public static String json(VariantSet set, long seed, Optional<String> written) {
    VariantReport r = set.report();
    JsonWriter w = new JsonWriter().beginObject();
    w.name("exercise").value(set.of());
    w.name("seed").value(seed);
    w.name("count").value(set.files().size());
    w.name("written").value(written.orElse(null));
    w.name("combinations").raw(set.combinations().toString());
    w.name("checked").value(set.checked());
    w.name("valid").value(set.valid());
    w.name("variants").beginArray();
    r.variants().forEach(w::value);
    w.endArray();
    w.name("questions").beginArray();
    for (Spread s : r.questions()) {
      w.beginObject();
      w.name("layer").value(s.layer());
      w.name("quantity").value(s.quantity().id());
      w.name("distinct").value(s.distinct());
      w.name("range").beginArray();
      for (Span span : s.spans()) {
        w.beginArray();
        number(w, span.min(), s.decimal());
        number(w, span.max(), s.decimal());
        w.endArray();
      }
      w.endArray();
      w.name("shared").beginArray();
      for (Shared x : s.shared()) {
        w.beginObject();
        w.name("answer");
        value(w, x.answer());
        w.name("variants");
        labels(w, r, x.variants());
        w.endObject();
      }
      w.endArray();
      w.endObject();
    }
    w.endArray();
    w.name("answer_identical").beginArray();
    for (List<Integer> group : r.identical()) {
      labels(w, r, group);
    }
    w.endArray();
    w.name("gaming").beginObject();
    w.name("gate").value(true);
    w.name("variants").value(r.gaming().variants());
    w.name("answers").value(r.gaming().answers());
    w.name("most_credited").value(r.gaming().mostCredited());
    w.name("most_carried").value(r.gaming().mostCarried());
    w.name("least_refused").value(r.gaming().leastRefused());
    w.endObject();
    w.endObject();
    return w + "\n";
  }

  private static void labels(JsonWriter w, VariantReport r, List<Integer> variants) {
    w.beginArray();
    variants.forEach(i -> w.value(r.variants().get(i)));
    w.endArray();
  }

  private static void number(JsonWriter w, long n, boolean decimal) {
    if (decimal) {
      w.raw(new Value.Decimal(n).canonical());
    } else {
      w.value(n);
    }
  }

  private static void value(JsonWriter w, Value v) {
    if (v instanceof Value.Dims d) {
      w.beginArray();
      d.shape().dims().forEach(w::value);
      w.endArray();
    } else if (v instanceof Value.Count c) {
      w.value(c.value());
    } else if (v instanceof Value.Decimal d) {
      w.raw(d.canonical());
    }
  }
}
