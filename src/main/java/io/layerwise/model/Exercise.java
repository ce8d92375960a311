package io.layerwise.model;

import java.util.List;
import java.util.Optional;

/**
 * One exercise file: the question and the network it is about.
 *
 * @param id stable identifier, used for output file names
 * @param title the heading of its sheets
 * @param description the question text, if the file gives one
 * @param network the network to analyse
 * @param ask what the question sheet asks for of every layer (and {@link Quantity#TOTAL}), in order
 * @param exactWindows whether every sliding window must tile its input exactly (no floor or
 *     ceiling dropping a remainder): the exercise wants integer division, and so do its variants
 * @param variant where this exercise came from, if it is a variant of another
 * @param compareWith another exercise file, relative to this one, whose network the answer sheet
 *     compares this one's counts with (Keras' ResNet-50 for torchvision's)
 * @param layerAsks what the question sheet asks of some layers only, in file order
 * @param training the {@code training:} section, if given: the memory of a step is derived
 */
public record Exercise(
    String id, String title, Optional<String> description, Network network, List<Quantity> ask,
    boolean exactWindows, Optional<Variant> variant, Optional<String> compareWith,
    List<LayerAsk> layerAsks, Optional<Training> training) {

  public Exercise {
    ask = List.copyOf(ask);
    layerAsks = List.copyOf(layerAsks);
  }

  /** An exercise without a {@code training:} section. */
  public Exercise(String id, String title, Optional<String> description, Network network,
      List<Quantity> ask, boolean exactWindows, Optional<Variant> variant,
      Optional<String> compareWith, List<LayerAsk> layerAsks) {
    this(id, title, description, network, ask, exactWindows, variant, compareWith, layerAsks,
        Optional.empty());
  }

  /** An exercise that asks the same of every layer. */
  public Exercise(String id, String title, Optional<String> description, Network network,
      List<Quantity> ask, boolean exactWindows, Optional<Variant> variant,
      Optional<String> compareWith) {
    this(id, title, description, network, ask, exactWindows, variant, compareWith, List.of());
  }

  /** An exercise that is not a variant, compares with no other, allows windows with a remainder. */
  public Exercise(String id, String title, Optional<String> description, Network network,
      List<Quantity> ask) {
    this(id, title, description, network, ask, false, Optional.empty(), Optional.empty());
  }

  /** An exercise that asks the default questions. */
  public Exercise(String id, String title, Optional<String> description, Network network) {
    this(id, title, description, network, Quantity.DEFAULT_ASK);
  }

  public Framework framework() {
    return network.framework();
  }

  /** Whether the sheet asks this of every layer (or, for the total, of the network). */
  public boolean asks(Quantity q) {
    return ask.contains(q);
  }

  /** Whether the sheet asks this of the named layer, for every layer or for it alone. */
  public boolean asks(Quantity q, String layer) {
    return q.ofLayer() && (ask.contains(q)
        || layerAsks.stream().anyMatch(a -> a.quantity() == q && a.layers().contains(layer)));
  }

  /** Whether the sheet asks this of any layer. */
  public boolean asksAnywhere(Quantity q) {
    return ask.contains(q) || layerAsks.stream().anyMatch(a -> a.quantity() == q);
  }
}
