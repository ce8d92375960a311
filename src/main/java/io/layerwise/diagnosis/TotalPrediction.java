package io.layerwise.diagnosis;

import io.layerwise.engine.Mistake;
import io.layerwise.model.Value;

/**
 * A wrong total the catalogue predicts: the trainable parameters alone, or the sum over the
 * layers with one mistake made in every layer where it can be.
 *
 * @param mistake the mistake
 * @param value the wrong total
 */
public record TotalPrediction(Mistake mistake, Value value) {}
