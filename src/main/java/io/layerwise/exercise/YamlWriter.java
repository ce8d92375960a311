package io.layerwise.exercise;

import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Writes a YAML tree back as an exercise file in the bundled files' style: the top mapping in
 * block style, a multi-line text as a literal block, the layers one flow mapping per line,
 * everything else in flow style. Reading what it writes gives the same tree (locations aside).
 */
final class YamlWriter {

  /** Words YAML 1.1 reads as something other than text when they are not quoted. */
  private static final Set<String> SPECIAL = Set.of("true", "false", "yes", "no", "on", "off",
      "y", "n", "null", "~");

  private static final Pattern PLAIN = Pattern.compile("[A-Za-z_][A-Za-z0-9_.\\-]*");

  private YamlWriter() {}

  static String write(Node.MapNode root) {
    StringBuilder sb = new StringBuilder();
    for (Node.Entry e : root.entries()) {
      sb.append(key(e.key())).append(':');
      Node v = e.value();
      if (v instanceof Node.Scalar s && s.kind() == Node.Kind.STRING && s.text().contains("\n")) {
        literal(sb, s.text());
      } else if (v instanceof Node.ListNode l && !l.items().isEmpty()
          && l.items().stream().allMatch(i -> i instanceof Node.MapNode)) {
        sb.append('\n');
        for (Node item : l.items()) {
          sb.append("  - ").append(flow(item)).append('\n');
        }
      } else if (v instanceof Node.MapNode m && !m.entries().isEmpty()) {
        sb.append('\n');
        for (Node.Entry inner : m.entries()) {
          sb.append("  ").append(key(inner.key())).append(": ").append(flow(inner.value()))
              .append('\n');
        }
      } else {
        sb.append(' ').append(flow(v)).append('\n');
      }
    }
    return sb.toString();
  }

  /** A value on one line. */
  static String flow(Node n) {
    if (n instanceof Node.MapNode m) {
      StringBuilder sb = new StringBuilder("{");
      for (int i = 0; i < m.entries().size(); i++) {
        Node.Entry e = m.entries().get(i);
        sb.append(i == 0 ? "" : ", ").append(key(e.key())).append(": ").append(flow(e.value()));
      }
      return sb.append('}').toString();
    }
    if (n instanceof Node.ListNode l) {
      StringBuilder sb = new StringBuilder("[");
      for (int i = 0; i < l.items().size(); i++) {
        sb.append(i == 0 ? "" : ", ").append(flow(l.items().get(i)));
      }
      return sb.append(']').toString();
    }
    Node.Scalar s = (Node.Scalar) n;
    return switch (s.kind()) {
      case NULL -> "null";
      case INTEGER, DECIMAL, BOOLEAN -> s.text();
      case STRING -> string(s.text());
    };
  }

  private static String key(String k) {
    return string(k);
  }

  /** A text, plain when YAML reads it back as the same text, else double-quoted. */
  private static String string(String text) {
    if (PLAIN.matcher(text).matches() && !SPECIAL.contains(text.toLowerCase(Locale.ROOT))) {
      return text;
    }
    StringBuilder sb = new StringBuilder("\"");
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '"' -> sb.append("\\\"");
        case '\\' -> sb.append("\\\\");
        case '\n' -> sb.append("\\n");
        case '\t' -> sb.append("\\t");
        case '\r' -> sb.append("\\r");
        default -> {
          if (c < 0x20 || c == 0x7f || c == '\u0085' || c == '\u2028' || c == '\u2029'
              || Character.isSurrogate(c) && !validSurrogate(text, i)) {
            sb.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
          } else {
            sb.append(c);
          }
        }
      }
    }
    return sb.append('"').toString();
  }

  private static boolean validSurrogate(String text, int i) {
    char c = text.charAt(i);
    if (Character.isHighSurrogate(c)) {
      return i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1));
    }
    return i > 0 && Character.isHighSurrogate(text.charAt(i - 1));
  }

  /**
   * A multi-line text as a literal block, when a block keeps it exactly (no line that starts
   * with a space, no tab or control character); else double-quoted.
   */
  private static void literal(StringBuilder sb, String text) {
    boolean safe = !text.isEmpty() && text.chars().noneMatch(c -> c < 0x20 && c != '\n'
        || c == 0x7f || c == 0x85 || c == 0x2028 || c == 0x2029 || c == 0xfeff);
    String[] lines = text.split("\n", -1);
    for (String line : lines) {
      if (line.startsWith(" ") || line.endsWith(" ")) {
        safe = false;
      }
    }
    if (!safe || lines[0].isEmpty()) {
      sb.append(' ').append(string(text)).append('\n');
      return;
    }
    int end = text.length();
    int trailing = 0;
    while (end > 0 && text.charAt(end - 1) == '\n') {
      end--;
      trailing++;
    }
    sb.append(trailing == 0 ? " |-" : trailing == 1 ? " |" : " |+").append('\n');
    for (String line : text.substring(0, end).split("\n", -1)) {
      sb.append(line.isEmpty() ? "" : "  " + line).append('\n');
    }
    for (int i = 1; i < trailing; i++) {
      sb.append('\n');
    }
  }
}
