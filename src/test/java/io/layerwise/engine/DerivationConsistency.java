package io.layerwise.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;

/** Checks that every derivation of an analysis says what its number is, in both notations. */
final class DerivationConsistency {

  private DerivationConsistency() {}

  static void check(Analysis a) {
    for (LayerResult l : a.layers()) {
      for (Derivation d : l.derivations()) {
        String where = l.name() + " " + d.quantity() + ": " + d.equation(Notation.TEXT);
        assertThat(TextEvaluator.eval(d.substituted(Notation.TEXT))).as(where)
            .isEqualTo(d.result());
        String latex = d.latex();
        assertThat(count(latex, "{")).as(where).isEqualTo(count(latex, "}"));
        assertThat(count(latex, "\\left")).as(where).isEqualTo(count(latex, "\\right"));
        String why = d.explanation().text(Locale.ENGLISH);
        assertThat(why).as(where).isNotBlank().doesNotContain("{").doesNotContain("}");
      }
      assertThat(l.derivationsOf(Derived.Count.PARAMS)).as(l.name()).hasSize(1);
      assertThat(l.derivationsOf(Derived.Count.PARAMS).get(0).result()).isEqualTo(l.params());
      assertThat(l.derivationsOf(Derived.Count.ACTIVATIONS).get(0).result()).isEqualTo(l.output().size());
      assertThat(l.trainable() + l.nonTrainable()).as(l.name()).isEqualTo(l.params());
      for (int axis = 0; axis < l.output().rank(); axis++) {
        for (Derivation d : l.derivationsOf(new Derived.OutputAxis(axis))) {
          assertThat(d.result()).as(l.name() + " axis " + axis).isEqualTo(l.output().dim(axis));
        }
      }
    }
  }

  private static int count(String s, String part) {
    int n = 0;
    for (int i = s.indexOf(part); i >= 0; i = s.indexOf(part, i + part.length())) {
      n++;
    }
    return n;
  }
}
