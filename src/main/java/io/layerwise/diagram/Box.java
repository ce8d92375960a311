package io.layerwise.diagram;

import java.util.List;

/**
 * A box to draw: its lines of text, the first of each group in bold.
 *
 * @param id unique within the graph; arrows name it
 * @param lines the text, top to bottom, plain (escaped when written)
 * @param input whether it is the network's input (drawn in another colour)
 */
public record Box(String id, List<Line> lines, boolean input) {

  public Box {
    lines = List.copyOf(lines);
    if (lines.isEmpty()) {
      throw new IllegalArgumentException("a box needs a line of text");
    }
  }

  /**
   * One line of a box.
   *
   * @param text the text
   * @param bold whether it is a heading (a layer's name)
   */
  public record Line(String text, boolean bold) {}
}
