package io.layerwise.diagnostic;

import java.util.Locale;
import java.util.Optional;

/**
 * One problem in an exercise (or in building its sheets), located and worded for the person who
 * wrote the file.
 *
 * @param severity error or warning
 * @param location where it is
 * @param message what is wrong, with a suggestion where one exists
 * @param layer the name of the layer it concerns, if any
 * @param sourceLine the text of the line at {@code location}, or empty
 */
public record Diagnostic(Severity severity, Location location, String message,
    Optional<String> layer, String sourceLine) {

  /** How bad a problem is. */
  public enum Severity {
    ERROR,
    WARNING;

    String label() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  public static Diagnostic error(Location location, String message) {
    return new Diagnostic(Severity.ERROR, location, message, Optional.empty(), "");
  }

  public static Diagnostic warning(Location location, String message) {
    return new Diagnostic(Severity.WARNING, location, message, Optional.empty(), "");
  }

  public Diagnostic withLayer(String name) {
    return new Diagnostic(severity, location, message, Optional.of(name), sourceLine);
  }

  public Diagnostic withSourceLine(String line) {
    return new Diagnostic(severity, location, message, layer, line);
  }

  /**
   * javac style: {@code file:line:col: error: message}, then the source line and a caret under the
   * column when both are known.
   */
  public String format() {
    StringBuilder sb = new StringBuilder().append(TerminalText.safe(location.toString()))
        .append(": ").append(severity.label()).append(": ").append(TerminalText.safe(message));
    if (location.known() && !sourceLine.isEmpty()) {
      sb.append(System.lineSeparator()).append(TerminalText.safe(sourceLine))
          .append(System.lineSeparator());
      for (int i = 1; i < location.column() && i <= sourceLine.length(); i++) {
        sb.append(sourceLine.charAt(i - 1) == '\t' ? '\t' : ' ');
      }
      sb.append('^');
    }
    return sb.toString();
  }
}
