package io.layerwise.model;

import java.util.Map;
import java.util.Optional;

/**
 * Where a variant exercise came from: the exercise whose {@code vary:} it instantiates, and the
 * values it chose.
 *
 * @param of the id of the exercise it varies
 * @param number its number in the set, from 1
 * @param seed the seed the set was drawn with
 * @param student the student it was made for, when a roster was given
 * @param values the chosen value of each parameter, as written, in the order declared
 */
public record Variant(String of, int number, long seed, Optional<String> student,
    Map<String, String> values) {

  public Variant {
    values = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(values));
  }
}
