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
 * @param ask what the question sheet asks for, in order
 * @param compareWith another exercise file, relative to this one, whose network the answer sheet
 *     compares this one's counts with (Keras' ResNet-50 for torchvision's)
 */
public record Exercise(String id, String title, Optional<String> description, Network network,
    List<Quantity> ask, Optional<String> compareWith) {

  public Exercise {
    ask = List.copyOf(ask);
  }

  /** An exercise compared with no other. */
  public Exercise(
      String id, String title, Optional<String> description, Network network, List<Quantity> ask) {
    this(id, title, description, network, ask, Optional.empty());
  }

  /** An exercise that asks the default questions. */
  public Exercise(String id, String title, Optional<String> description, Network network) {
    this(id, title, description, network, Quantity.DEFAULT_ASK);
  }

  public Framework framework() {
    return network.framework();
  }

  public boolean asks(Quantity q) {
    return ask.contains(q);
  }
}
