package io.layerwise.model;

import java.util.Optional;

/**
 * One exercise file: the question and the network it is about.
 *
 * @param id stable identifier, used for output file names
 * @param title the heading of its sheets
 * @param description the question text, if the file gives one
 * @param network the network to analyse
 */
public record Exercise(String id, String title, Optional<String> description, Network network) {

  public Framework framework() {
    return network.framework();
  }
}
