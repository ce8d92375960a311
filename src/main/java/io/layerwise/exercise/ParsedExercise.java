package io.layerwise.exercise;

import io.layerwise.diagnostic.Diagnostic;
import io.layerwise.model.Exercise;
import java.util.List;
import java.util.Set;

/**
 * An exercise and where its parts were written; with the problems found in it when it was read
 * {@linkplain ExerciseReader#readAll leniently}.
 *
 * @param exercise the model; where {@code problems} is not empty, with placeholders for what did
 *     not read
 * @param sourceMap locations for the engine's problems
 * @param problems what the reader found wrong, in file order
 * @param unread the positions of the layers that did not read cleanly (placeholders where no
 *     kind was known), which the engine must leave out
 * @param analysable whether the input shape and framework read cleanly, so that the engine can
 *     check the other layers
 */
public record ParsedExercise(Exercise exercise, SourceMap sourceMap, List<Diagnostic> problems,
    Set<Integer> unread, boolean analysable) {

  public ParsedExercise {
    problems = List.copyOf(problems);
    unread = Set.copyOf(unread);
  }

  /** A cleanly read exercise. */
  public ParsedExercise(Exercise exercise, SourceMap sourceMap) {
    this(exercise, sourceMap, List.of(), Set.of(), true);
  }
}
