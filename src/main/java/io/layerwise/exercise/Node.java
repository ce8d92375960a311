package io.layerwise.exercise;

import io.layerwise.diagnostic.Location;
import java.util.List;
import java.util.Optional;

/** A YAML value with the place it was written: the reader's view of a file, before any meaning. */
sealed interface Node {

  Location location();

  /** What the value is, for messages: "a list", "the text 'sixty'", "the number 7". */
  String describe();

  /** A mapping; keys in file order. @param location where it starts @param entries its pairs */
  record MapNode(Location location, List<Entry> entries) implements Node {
    public MapNode {
      entries = List.copyOf(entries);
    }

    Optional<Entry> entry(String key) {
      return entries.stream().filter(e -> e.key().equals(key)).findFirst();
    }

    @Override
    public String describe() {
      return "a mapping";
    }
  }

  /**
   * One key and its value.
   *
   * @param key the key text
   * @param keyLocation where the key is
   * @param value its value
   */
  record Entry(String key, Location keyLocation, Node value) {}

  /** A sequence. @param location where it starts @param items its values */
  record ListNode(Location location, List<Node> items) implements Node {
    public ListNode {
      items = List.copyOf(items);
    }

    @Override
    public String describe() {
      return "a list";
    }
  }

  /**
   * A single value.
   *
   * @param location where it is
   * @param kind what YAML made of it
   * @param text its text
   */
  record Scalar(Location location, Kind kind, String text) implements Node {
    @Override
    public String describe() {
      return switch (kind) {
        case INTEGER, DECIMAL -> "the number " + text;
        case BOOLEAN -> text;
        case NULL -> "nothing";
        case STRING -> "the text " + quoted(text);
      };
    }

    /** Long text is cut for messages: a diagnostic names a value, it does not repeat a file. */
    private static String quoted(String text) {
      return text.length() <= 60 ? "'" + text + "'"
          : "'" + text.substring(0, 50) + "…' (" + Limits.show(text.length()) + " characters)";
    }
  }

  /** What kind of scalar YAML read. */
  enum Kind {
    STRING,
    INTEGER,
    DECIMAL,
    BOOLEAN,
    NULL
  }
}
