package io.layerwise.diagnostic;

/**
 * A place in an exercise file.
 *
 * @param file the path as the user gave it
 * @param line 1-based line, 0 when unknown
 * @param column 1-based column, 0 when unknown
 */
public record Location(String file, int line, int column) {

  public static Location ofFile(String file) {
    return new Location(file, 0, 0);
  }

  public boolean known() {
    return line > 0;
  }

  /** {@code file:line:col}, or just the file when the place is unknown. */
  @Override
  public String toString() {
    return known() ? file + ":" + line + ":" + column : file;
  }
}
