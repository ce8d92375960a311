package io.layerwise.render;

/**
 * What a handout's title page says: {@code build --handout NAME --title … --course … --date …}.
 *
 * @param title the document's title; empty for the handout's name (or the exercise's title)
 * @param course the course it is for, or empty
 * @param date its date as the teacher writes it, or empty
 */
public record Cover(String title, String course, String date) {

  /** No title page text beyond the defaults. */
  public static final Cover NONE = new Cover("", "", "");

  public Cover {
    title = title.strip();
    course = course.strip();
    date = date.strip();
  }
}
