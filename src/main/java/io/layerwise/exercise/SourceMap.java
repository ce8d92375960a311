package io.layerwise.exercise;

import io.layerwise.diagnostic.Location;
import java.util.List;
import java.util.Map;

/**
 * Where each part of an exercise was written, so that a problem the engine finds in a layer can be
 * reported at the line of the key that caused it.
 */
public final class SourceMap {

  private final Location root;
  private final Location input;
  private final List<Location> layers;
  private final List<Map<String, Location>> fields;
  private final Map<String, Location> top;

  SourceMap(Location root, Location input, List<Location> layers,
      List<Map<String, Location>> fields, Map<String, Location> top) {
    this.root = root;
    this.input = input;
    this.layers = List.copyOf(layers);
    this.fields = List.copyOf(fields);
    this.top = Map.copyOf(top);
  }

  /** The value of a top-level key ({@code compare_with}), else the start of the file. */
  public Location top(String key) {
    return top.getOrDefault(key, root);
  }

  /**
   * The value of {@code key} in layer {@code index}, else the layer itself; -1 is the input, an
   * index past the last layer the top-level {@code key} (a whole-network problem).
   */
  public Location locate(int index, String key) {
    if (index < 0 || index >= layers.size()) {
      return index < 0 ? input : top(key);
    }
    Map<String, Location> here = fields.get(index);
    if (!here.containsKey(key)) {
      for (String other : Vocabulary.counterparts(key)) {
        if (here.containsKey(other)) {
          return here.get(other);
        }
      }
    }
    return here.getOrDefault(key, layers.get(index));
  }

  public Location root() {
    return root;
  }
}
