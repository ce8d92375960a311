package io.layerwise.exercise;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.layerwise.Diagnostic;
import io.layerwise.ExerciseException;
import io.layerwise.Location;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;

/**
 * Parses YAML text into {@link Node}s with Jackson's streaming parser, keeping every token's line
 * and column. The YAML parser's own limits are set here (size, nesting, aliases), so that no file
 * can make it run away.
 */
final class YamlTree {

  /** The largest file read, in characters. */
  static final int MAX_CHARS = 1_000_000;

  static final int MAX_DEPTH = 64;

  private static final YAMLFactory FACTORY = factory();

  private final String file;

  private YamlTree(String file) {
    this.file = file;
  }

  private static YAMLFactory factory() {
    LoaderOptions options = new LoaderOptions();
    options.setCodePointLimit(MAX_CHARS * 4);
    options.setMaxAliasesForCollections(20);
    options.setNestingDepthLimit(MAX_DEPTH);
    options.setAllowDuplicateKeys(true);
    YAMLFactory f = YAMLFactory.builder().loaderOptions(options).build();
    f.setStreamReadConstraints(
        StreamReadConstraints.builder()
            .maxNestingDepth(MAX_DEPTH)
            .maxNumberLength(100)
            .maxStringLength(MAX_CHARS)
            .build());
    return f;
  }

  /** The root value of the document; an empty document is an error. */
  static Node parse(String file, String text) throws ExerciseException {
    if (text.length() > MAX_CHARS) {
      throw new ExerciseException(List.of(Diagnostic.error(Location.ofFile(file),
          "the file has " + text.length() + " characters; exercise files are limited to "
              + MAX_CHARS)));
    }
    YamlTree tree = new YamlTree(file);
    try (JsonParser p = FACTORY.createParser(text)) {
      JsonToken t = p.nextToken();
      if (t == null) {
        throw new ExerciseException(List.of(Diagnostic.error(new Location(file, 1, 1),
            "the file is empty; an exercise needs at least 'title', 'input' and 'layers'")));
      }
      return tree.value(p, t);
    } catch (JsonProcessingException e) {
      if (e.getCause() instanceof MarkedYAMLException m && m.getProblemMark() != null) {
        Mark mark = m.getProblemMark();
        String context = m.getContext() == null ? ""
            : " (" + m.getContext().strip()
                + (m.getContextMark() == null ? "" : " that starts at line "
                    + (m.getContextMark().getLine() + 1)) + ")";
        throw new ExerciseException(List.of(Diagnostic.error(
            new Location(file, mark.getLine() + 1, mark.getColumn() + 1),
            "this is not valid YAML: " + firstLine(m.getProblem()) + context)));
      }
      JsonLocation at = e.getLocation();
      Location where = at == null ? Location.ofFile(file)
          : new Location(file, Math.max(at.getLineNr(), 1), Math.max(at.getColumnNr(), 1));
      throw new ExerciseException(List.of(Diagnostic.error(where,
          "this is not valid YAML: " + firstLine(e.getOriginalMessage()))));
    } catch (IOException | RuntimeException e) {
      throw new ExerciseException(List.of(Diagnostic.error(Location.ofFile(file),
          "this is not valid YAML: " + firstLine(String.valueOf(e.getMessage())))));
    }
  }

  private static String firstLine(String message) {
    String m = message == null ? "unreadable" : message.strip();
    int nl = m.indexOf('\n');
    return nl < 0 ? m : m.substring(0, nl).strip();
  }

  private Location here(JsonParser p) {
    JsonLocation l = p.currentTokenLocation();
    return new Location(file, l.getLineNr(), l.getColumnNr());
  }

  private Node value(JsonParser p, JsonToken t) throws IOException {
    Location at = here(p);
    return switch (t) {
      case START_OBJECT -> map(p, at);
      case START_ARRAY -> list(p, at);
      case VALUE_STRING -> new Node.Scalar(at, Node.Kind.STRING, p.getText());
      case VALUE_NUMBER_INT -> new Node.Scalar(at, Node.Kind.INTEGER,
          p.getBigIntegerValue().toString());
      case VALUE_NUMBER_FLOAT -> new Node.Scalar(at, Node.Kind.DECIMAL, p.getText());
      case VALUE_TRUE, VALUE_FALSE -> new Node.Scalar(at, Node.Kind.BOOLEAN, p.getText());
      case VALUE_NULL -> new Node.Scalar(at, Node.Kind.NULL, "");
      case VALUE_EMBEDDED_OBJECT -> new Node.Scalar(at, Node.Kind.STRING, p.getText());
      case END_OBJECT, END_ARRAY, FIELD_NAME, NOT_AVAILABLE ->
          throw new IllegalStateException("unexpected token " + t + " at " + at);
    };
  }

  private Node map(JsonParser p, Location at) throws IOException {
    List<Node.Entry> entries = new ArrayList<>();
    JsonToken t;
    while ((t = p.nextToken()) == JsonToken.FIELD_NAME) {
      String key = p.currentName();
      Location keyAt = here(p);
      entries.add(new Node.Entry(key, keyAt, value(p, p.nextToken())));
    }
    if (t != JsonToken.END_OBJECT) {
      throw new IllegalStateException("unterminated mapping at " + at);
    }
    return new Node.MapNode(at, entries);
  }

  private Node list(JsonParser p, Location at) throws IOException {
    List<Node> items = new ArrayList<>();
    JsonToken t;
    while ((t = p.nextToken()) != JsonToken.END_ARRAY) {
      if (t == null) {
        throw new IllegalStateException("unterminated list at " + at);
      }
      items.add(value(p, t));
    }
    return new Node.ListNode(at, items);
  }
}
