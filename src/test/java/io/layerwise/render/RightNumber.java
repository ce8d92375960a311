package io.layerwise.render;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.regex.Pattern;

/**
 * The rule every question bank keeps, Moodle's, QTI's and Canvas': the feedback on a wrong
 * answer never gives the right number. A number counts however it is written there: grouped by
 * commas, by TeX's {@code {,}}, or in a formula's text; an image's address (a Canvas equation
 * image's is its TeX URL-encoded twice) is not read.
 */
final class RightNumber {

  private RightNumber() {}

  /**
   * Adam on a batch of 32 with every memory quantity asked: the exercise on which each bank's
   * test shows that no memory mistake's feedback gives the right number.
   */
  static final String TRAINED = """
        title: trained
        input: [32, 32, 3]
        training: {batch: 32, optimizer: adam}
        ask: [activation_bytes, param_bytes, gradient_bytes, optimizer_state_bytes, total_bytes,
              memory]
        layers:
          - {type: Conv2D, name: conv, filters: 8, kernel_size: 3}
          - {type: MaxPooling2D, name: pool, pool_size: 2}
          - {type: Flatten, name: flat}
          - {type: Dense, name: fc, units: 10}
        """;

  static void notIn(String feedback, String right, String where) {
    String readable = feedback.replaceAll("src=\"[^\"]*\"", "").replace("{,}", "")
        .replaceAll("(?<=\\d),(?=\\d{3})", "");
    assertThat(readable).as(where + ": the right number " + right + " in a wrong answer's"
        + " feedback").doesNotContainPattern("(?<![\\d.])" + Pattern.quote(right) + "(?![\\d.])");
  }
}
