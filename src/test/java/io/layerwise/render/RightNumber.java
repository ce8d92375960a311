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

  static void notIn(String feedback, String right, String where) {
    String readable = feedback.replaceAll("src=\"[^\"]*\"", "").replace("{,}", "")
        .replaceAll("(?<=\\d),(?=\\d{3})", "");
    assertThat(readable).as(where + ": the right number " + right + " in a wrong answer's"
        + " feedback").doesNotContainPattern("(?<![\\d.])" + Pattern.quote(right) + "(?![\\d.])");
  }
}
