package io.layerwise.model;

import java.util.List;

/**
 * A student's answers to one exercise, in the order the answers file gives them.
 *
 * @param answers the answers
 */
public record Answers(List<Answers.Answer> answers) {

  /** The name {@link Answer#layer()} has for an answer about the whole network. */
  public static final String TOTAL = "total";

  public Answers {
    answers = List.copyOf(answers);
  }

  /**
   * One given number or shape.
   *
   * @param layer the layer's name (resolved from a name or a position), or {@link #TOTAL}
   * @param quantity what it answers
   * @param given the value as read
   * @param written the value as the student wrote it
   */
  public record Answer(String layer, Quantity quantity, Value given, String written) {

    public boolean isTotal() {
      return layer.equals(TOTAL);
    }
  }
}
