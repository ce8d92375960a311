package io.layerwise.exercise;

import io.layerwise.model.Exercise;

/**
 * An exercise and where its parts were written.
 *
 * @param exercise the model
 * @param sourceMap locations for the engine's problems
 */
public record ParsedExercise(Exercise exercise, SourceMap sourceMap) {}
