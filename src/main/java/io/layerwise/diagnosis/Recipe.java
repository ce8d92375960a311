package io.layerwise.diagnosis;

import io.layerwise.engine.Mistake;
import io.layerwise.model.Quantity;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * How one layer's numbers follow from its input shapes, right or with one mistake: what the
 * self-check page needs to judge an answer against the student's own earlier answers.
 *
 * @param mistake the mistake made, or empty for the right way
 * @param variant which of the mistake's variants
 * @param output one term per output axis
 * @param counts the terms of the counts (activations, weights, biases, params, trainable,
 *     non-trainable, MACs)
 * @param fixed the axes (of every input) the layer takes at their right size only, such as a
 *     PyTorch convolution's declared input channels: other sizes make the layer fail
 * @param carries whether the terms were checked against the engine on other inputs: when not,
 *     they hold for the right inputs only
 */
public record Recipe(Optional<Mistake> mistake, int variant, List<Term> output,
    Map<Quantity, Term> counts, List<Integer> fixed, boolean carries) {

  public Recipe {
    output = List.copyOf(output);
    fixed = List.copyOf(fixed);
    counts = Map.copyOf(counts);
  }
}
