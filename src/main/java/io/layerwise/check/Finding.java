package io.layerwise.check;

import io.layerwise.engine.Derivation;
import io.layerwise.engine.Mistake;
import io.layerwise.model.Answers;
import io.layerwise.model.Value;
import java.util.List;
import java.util.Optional;

/**
 * The verdict on one answer, with what a report needs to explain it.
 *
 * @param answer what the student gave
 * @param expected the right value
 * @param verdict the conclusion
 * @param mistake the catalogue's mistake that reproduces the answer, when one does
 * @param carriedFrom the earliest wrong answer the value follows from, when it does
 * @param otherLayer for {@link Verdict#WRONG_LAYER}: the layer whose number it is
 * @param otherMistake for {@link Verdict#WRONG_LAYER}: the mistake that gives the other layer
 *     this number, when it is not that layer's right number
 * @param alternatives other mistakes of the catalogue that give the same wrong value
 * @param right the right derivations of the quantity
 * @param shown the student's way: the mistaken derivations, or those recomputed from the
 *     student's earlier values
 */
public record Finding(
    Answers.Answer answer,
    Value expected,
    Verdict verdict,
    Optional<Mistake> mistake,
    Optional<Source> carriedFrom,
    Optional<String> otherLayer,
    Optional<Mistake> otherMistake,
    List<Mistake> alternatives,
    List<Derivation> right,
    List<Derivation> shown) {

  public Finding {
    alternatives = List.copyOf(alternatives);
    right = List.copyOf(right);
    shown = List.copyOf(shown);
  }

  public boolean correct() {
    return verdict == Verdict.RIGHT;
  }

  public String layer() {
    return answer.layer();
  }
}
