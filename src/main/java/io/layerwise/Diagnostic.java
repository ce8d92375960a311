package io.layerwise;

import java.util.Optional;

/**
 * One problem in an exercise, located and worded for the person who wrote the file.
 *
 * @param location where it is
 * @param message what is wrong, with a suggestion where one exists
 * @param layer the name of the layer it concerns, if any
 * @param sourceLine the text of the line at {@code location}, or empty
 */
public record Diagnostic(Location location, String message, Optional<String> layer,
    String sourceLine) {

  public static Diagnostic error(Location location, String message) {
    return new Diagnostic(location, message, Optional.empty(), "");
  }

  public Diagnostic withLayer(String name) {
    return new Diagnostic(location, message, Optional.of(name), sourceLine);
  }

  public Diagnostic withSourceLine(String line) {
    return new Diagnostic(location, message, layer, line);
  }

  /**
   * javac style: {@code file:line:col: error: message}, then the source line and a caret under the
   * column when both are known.
   */
  public String format() {
    StringBuilder sb = new StringBuilder().append(location).append(": error: ").append(message);
    if (location.known() && !sourceLine.isEmpty()) {
      sb.append(System.lineSeparator()).append(sourceLine).append(System.lineSeparator());
      for (int i = 1; i < location.column() && i <= sourceLine.length(); i++) {
        sb.append(sourceLine.charAt(i - 1) == '\t' ? '\t' : ' ');
      }
      sb.append('^');
    }
    return sb.toString();
  }
}
