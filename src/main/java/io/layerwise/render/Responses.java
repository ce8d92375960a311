package io.layerwise.render;

import io.layerwise.render.MoodleQuiz.Answer;
import io.layerwise.render.MoodleQuiz.Question;
import java.util.ArrayList;
import java.util.List;

/**
 * A question's answers as the outcomes a QTI response processing tells apart: the right one, each
 * diagnosed mistake (all spellings of one wrong shape together), and anything else. The QTI 2.1
 * and the Canvas writers both read them, so that the three banks grade alike.
 */
final class Responses {

  private Responses() {}

  /** What a response is compared as. */
  enum Kind {
    /** A count that fits QTI's 32-bit {@code integer}, and so do its mistakes: exact. */
    INTEGER,
    /** A count, or a mistake's, beyond 32 bits (bytes): a {@code float}, matched exactly. */
    LARGE,
    /** A number asked to two decimals (MiB, MB): a {@code float} within the tolerance. */
    DECIMAL,
    /** An output shape: a {@code string} matched by a pattern of its usual spellings. */
    SHAPE
  }

  /**
   * One outcome.
   *
   * @param id its identifier in the item ({@code RIGHT}, {@code MISTAKE_1}, …)
   * @param right whether it scores full marks
   * @param values the numbers it matches, or a shape's spellings (the first {@code x}-joined)
   * @param feedback what the student sees, as HTML
   * @param tolerance the absolute tolerance of a decimal number ({@code 0} else)
   */
  record Outcome(String id, boolean right, List<String> values, String feedback,
      String tolerance) {
    Outcome {
      values = List.copyOf(values);
    }
  }

  /** How the question's answers are compared. */
  static Kind kind(Question q) {
    if (!q.numerical()) {
      return Kind.SHAPE;
    }
    Answer right = q.answers().get(0);
    if (!right.tolerance().equals("0") || right.text().contains(".")) {
      return Kind.DECIMAL;
    }
    // a count a mistake gives may be larger than the right one: every answer must fit
    boolean fits = q.answers().stream().map(Answer::text).filter(t -> !t.equals("*"))
        .allMatch(t -> Long.parseLong(t) <= Integer.MAX_VALUE);
    return fits ? Kind.INTEGER : Kind.LARGE;
  }

  /**
   * The right outcome first, then one per diagnosis in the bank's order; the {@code *} answer is
   * not among them (it is what no outcome matches: {@link #unknown}).
   */
  static List<Outcome> outcomes(Question q) {
    List<Outcome> out = new ArrayList<>();
    Answer last = null;
    List<String> values = new ArrayList<>();
    for (Answer a : q.answers()) {
      if (a.text().equals("*")) {
        break;
      }
      if (last != null && (last.fraction() != a.fraction()
          || !last.feedback().equals(a.feedback()))) {
        out.add(outcome(out.size(), last, values, q));
        values = new ArrayList<>();
      }
      values.add(a.text());
      last = a;
    }
    if (last != null) {
      out.add(outcome(out.size(), last, values, q));
    }
    return out;
  }

  private static Outcome outcome(int index, Answer a, List<String> values, Question q) {
    boolean right = a.fraction() == 100;
    return new Outcome(right ? "RIGHT" : "MISTAKE_" + index, right, values,
        right ? "<p>" + a.feedback() + "</p>" + q.general() : a.feedback(), a.tolerance());
  }

  /** The feedback on an answer no outcome matches. */
  static String unknown(Question q) {
    return q.answers().get(q.answers().size() - 1).feedback();
  }

  /**
   * The usual spellings of a shape as one XML Schema pattern (which QTI's {@code patternMatch}
   * matches against the whole response): {@code 28x28x8}, {@code 28 × 28 × 8}, {@code
   * (28, 28, 8)}, {@code [28,28,8]}, {@code (None, 28, 28, 8)}, {@code [-1, 28, 28, 8]}, in any
   * spacing.
   */
  static String shapePattern(String xJoined) {
    String[] dims = xJoined.split("x");
    StringBuilder sb = new StringBuilder("\\s*[\\(\\[]?\\s*((None|-1|N)\\s*,\\s*)?");
    for (int i = 0; i < dims.length; i++) {
      if (!dims[i].matches("\\d+")) {
        throw new IllegalArgumentException("not a shape: " + xJoined);
      }
      sb.append(i == 0 ? "" : "\\s*[xX\u00d7*,]\\s*").append(dims[i]);
    }
    return sb.append("\\s*,?\\s*[\\)\\]]?\\s*").toString();
  }

  /**
   * A name as a QTI identifier (an XML NCName: letters, digits, {@code . _ -}, not starting
   * with a digit), unique among {@code taken}, to which it is added.
   */
  static String identifier(String name, java.util.Set<String> taken) {
    String id = name.replaceAll("[^A-Za-z0-9._-]", "_");
    if (!id.matches("[A-Za-z_].*")) {
      id = "Q_" + id;
    }
    String unique = id;
    for (int n = 2; !taken.add(unique); n++) {
      unique = id + "-" + n;
    }
    return unique;
  }

  /** The images a question's HTML shows, by their {@code src}, each once, in order. */
  static List<String> images(String html) {
    java.util.Set<String> out = new java.util.LinkedHashSet<>();
    java.util.regex.Matcher m = java.util.regex.Pattern.compile("<img src=\"([^\"]+)\"")
        .matcher(html);
    while (m.find()) {
      out.add(m.group(1));
    }
    return List.copyOf(out);
  }
}
