package io.layerwise.report;

import java.util.ArrayDeque;
import java.util.Deque;

/**
 * A small streaming JSON writer with two-space indentation. Strings are escaped per RFC 8259;
 * numbers are written exactly as given.
 */
final class JsonWriter {

  private final StringBuilder out = new StringBuilder();
  private final Deque<Boolean> first = new ArrayDeque<>();
  private boolean afterName;

  JsonWriter beginObject() {
    return open('{');
  }

  JsonWriter endObject() {
    return close('}');
  }

  JsonWriter beginArray() {
    return open('[');
  }

  JsonWriter endArray() {
    return close(']');
  }

  JsonWriter name(String name) {
    separate();
    string(name);
    out.append(": ");
    afterName = true;
    return this;
  }

  JsonWriter value(String s) {
    if (s == null) {
      return raw("null");
    }
    separate();
    string(s);
    return this;
  }

  JsonWriter value(long n) {
    return raw(Long.toString(n));
  }

  JsonWriter value(boolean b) {
    return raw(Boolean.toString(b));
  }

  /** A number already formatted as JSON, or {@code null}. */
  JsonWriter raw(String json) {
    separate();
    out.append(json);
    return this;
  }

  @Override
  public String toString() {
    return out.toString();
  }

  private JsonWriter open(char c) {
    separate();
    out.append(c);
    first.push(true);
    return this;
  }

  private JsonWriter close(char c) {
    boolean empty = first.pop();
    if (!empty) {
      newline();
    }
    out.append(c);
    return this;
  }

  private void separate() {
    if (afterName) {
      afterName = false;
      return;
    }
    if (!first.isEmpty()) {
      if (!first.peek()) {
        out.append(',');
      }
      first.pop();
      first.push(false);
      newline();
    }
  }

  private void newline() {
    out.append('\n');
    for (int i = 0; i < first.size(); i++) {
      out.append("  ");
    }
  }

  private void string(String s) {
    out.append('"');
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        case '\t' -> out.append("\\t");
        case '\b' -> out.append("\\b");
        case '\f' -> out.append("\\f");
        default -> {
          if (c < 0x20 || c == 0x2028 || c == 0x2029) {
            out.append(String.format("\\u%04x", (int) c));
          } else {
            out.append(c);
          }
        }
      }
    }
    out.append('"');
  }
}
