package io.layerwise.diagnostic;

/**
 * Text from exercise files made safe for a terminal: control characters other than tab and line
 * feed (which could move the cursor, recolour or retitle the terminal) are shown as
 * {@code \\uXXXX} instead of sent.
 */
public final class TerminalText {

  private TerminalText() {}

  public static String safe(String s) {
    StringBuilder sb = null;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      boolean control = (c < 0x20 && c != '\t' && c != '\n') || (c >= 0x7f && c <= 0x9f);
      if (control) {
        if (sb == null) {
          sb = new StringBuilder(s.substring(0, i));
        }
        sb.append(String.format("\\u%04x", (int) c));
      } else if (sb != null) {
        sb.append(c);
      }
    }
    return sb == null ? s : sb.toString();
  }
}
