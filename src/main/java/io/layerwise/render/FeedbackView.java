package io.layerwise.render;

import java.util.List;

/**
 * What the feedback template prints: finished, escaped AsciiDoc text.
 *
 * @param title the exercise's title
 * @param score "11 / 16"
 * @param yourWayLabel the heading of the student's way
 * @param rightWayLabel the heading of the right way
 * @param items one per answer
 */
public record FeedbackView(String title, String score, String yourWayLabel,
    String rightWayLabel, List<FeedbackView.Item> items) {

  public FeedbackView {
    items = List.copyOf(items);
  }

  /**
   * One answer's verdict.
   *
   * @param layer the layer's name, or total
   * @param quantity what was answered
   * @param given what the student wrote
   * @param correct whether it is right
   * @param headline the verdict as a sentence
   * @param mistake the mistake's id, or empty
   * @param yours the student's way, as formula images
   * @param why why the mistake is one, or empty
   * @param right the right way, as formula images
   * @param expected the right value when the answer is wrong, else empty
   */
  public record Item(String layer, String quantity, String given, boolean correct,
      String headline, String mistake, List<SheetView.Step> yours, String why,
      List<SheetView.Step> right, String expected) {

    public Item {
      yours = List.copyOf(yours);
      right = List.copyOf(right);
    }
  }
}
