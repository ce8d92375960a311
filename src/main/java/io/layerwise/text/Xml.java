package io.layerwise.text;

/**
 * Escapes text for XML and HTML character data and attribute values, the one escaper that the
 * diagrams (SVG) and the Moodle bank (XML with HTML inside) share: names and descriptions from
 * exercise files cannot become markup, and characters XML forbids are dropped.
 */
public final class Xml {

  private Xml() {}

  /** Text as XML character data or a quoted attribute value. */
  public static String text(String s) {
    StringBuilder sb = new StringBuilder(s.length());
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '<' -> sb.append("&lt;");
        case '>' -> sb.append("&gt;");
        case '&' -> sb.append("&amp;");
        case '"' -> sb.append("&quot;");
        case '\'' -> sb.append("&apos;");
        default -> {
          if ((c >= 0x20 || c == '\t') && c != 0xfffe && c != 0xffff) {
            sb.append(c);
          }
        }
      }
    }
    return sb.toString();
  }
}
