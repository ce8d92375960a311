package io.layerwise.exercise;

import io.layerwise.diagnostic.ExerciseException;
import io.layerwise.diagnostic.Location;
import io.layerwise.diagnostic.Problems;
import io.layerwise.diagnostic.Diagnostic;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;

/**
 * Parses YAML text into {@link Node}s with Jackson's streaming parser, keeping every token's line
 * and column. Every {@link Limits limit} on the text itself is enforced here, before the reader
 * sees a value: size (SnakeYAML's code point limit, set through Jackson's {@code YAMLFactory}
 * builder), nesting depth, digits, and the values that aliases repeat. The streaming parser
 * neither composes nodes nor expands aliases, so SnakeYAML's own depth and alias limits never
 * apply; this class counts both itself.
 *
 * <p>Anchors and aliases of lists and mappings work as YAML says ({@code - *block} repeats a
 * layer, {@code <<: *defaults} merges keys); a repeated value is shared, not copied, and counted
 * as the values it stands for, so that "billion laughs" are refused at the alias that crosses
 * {@link Limits#VALUES}.
 */
final class YamlTree {

  private static final YAMLFactory FACTORY = factory();

  private final String file;
  /** Where a number is written so that YAML misreads it: reported, and read as written. */
  private final Problems written;
  private final Map<String, Anchored> anchors = new HashMap<>();
  private long values;

  /** A list or mapping with an anchor, and the number of values it stands for. */
  private record Anchored(Node node, long values) {}

  private YamlTree(String file, Problems written) {
    this.file = file;
    this.written = written;
  }

  private static YAMLFactory factory() {
    LoaderOptions options = new LoaderOptions();
    options.setCodePointLimit(Limits.FILE_BYTES + 1);
    YAMLFactory f = YAMLFactory.builder().loaderOptions(options).build();
    // A backstop only: this class refuses deeper nesting first, with the place it happens.
    f.setStreamReadConstraints(StreamReadConstraints.builder()
        .maxNestingDepth(2 * Limits.DEPTH)
        .maxStringLength(Limits.FILE_BYTES + 1)
        .build());
    return f;
  }

  /**
   * The root value of the document; an empty document is an error, and so is a number YAML
   * misreads ({@code 017}): every such number is reported at once.
   */
  static Node parse(String file, String text) throws ExerciseException {
    Problems written = new Problems();
    Node root = parse(file, text, written);
    if (written.any()) {
      throw new ExerciseException(written.sorted());
    }
    return root;
  }

  /**
   * The root value of the document, the problems that need not stop the reading ({@code 017},
   * which reads as 17, as its author meant) added to {@code written}, so that the reader can
   * report them with the others it finds.
   *
   * @throws ExerciseException if the text is no YAML, or over a limit
   */
  static Node parse(String file, String text, Problems written) throws ExerciseException {
    if (text.length() > Limits.FILE_BYTES) {
      throw refused(Location.ofFile(file), "the file has " + Limits.show(text.length())
          + " characters; exercise files are limited to " + Limits.show(Limits.FILE_BYTES));
    }
    Optional<Location> unprintable = unprintable(file, text);
    if (unprintable.isPresent()) {
      int c = text.codePointAt(offset(text, unprintable.get()));
      throw refused(unprintable.get(), "the file contains " + String.format(Locale.ROOT,
          "U+%04X", c) + (c == 0 ? " (a NUL byte)" : "") + ", a character YAML does not allow;"
          + " remove it");
    }
    YamlTree tree = new YamlTree(file, written);
    try (YAMLParser p = FACTORY.createParser(text)) {
      try {
        JsonToken t = p.nextToken();
        if (t == null) {
          throw refused(new Location(file, 1, 1),
              "the file is empty; an exercise needs at least 'title', 'input' and 'layers'");
        }
        Node root = tree.value(p, t, 1);
        if (p.nextToken() != null) {
          throw refused(tree.here(p), "a second YAML document starts here; an exercise file"
              + " holds one (remove the '---' and what follows, or make it a file of its own)");
        }
        return root;
      } catch (JsonProcessingException e) {
        throw refused(tree.where(e, p), "this is not valid YAML: " + problem(e));
      }
    } catch (IOException | RuntimeException e) {
      throw refused(Location.ofFile(file), "this is not valid YAML: "
          + firstLine(String.valueOf(e.getMessage())));
    }
  }

  /**
   * Where the first character stands that YAML does not allow (YAML 1.1's printable set, which
   * SnakeYAML enforces and would report at 1:1): a C0 control other than tab, line feed and
   * carriage return, DEL, a C1 control other than NEL, U+FFFE or U+FFFF, or a lone surrogate.
   */
  private static Optional<Location> unprintable(String file, String text) {
    int line = 1;
    int column = 1;
    for (int i = 0; i < text.length(); ) {
      int c = text.codePointAt(i);
      boolean allowed = c == '\t' || c == '\n' || c == '\r' || (c >= 0x20 && c < 0x7f)
          || c == 0x85 || (c >= 0xa0 && c <= 0xd7ff) || (c >= 0xe000 && c <= 0xfffd)
          || c >= 0x10000;
      if (!allowed) {
        return Optional.of(new Location(file, line, column));
      }
      if (c == '\n') {
        line++;
        column = 1;
      } else {
        column++;
      }
      i += Character.charCount(c);
    }
    return Optional.empty();
  }

  /** The index in the text of a location that {@link #unprintable} found. */
  private static int offset(String text, Location at) {
    int i = 0;
    for (int line = 1; line < at.line(); line++) {
      i = text.indexOf('\n', i) + 1;
    }
    return text.offsetByCodePoints(i, at.column() - 1);
  }

  private static ExerciseException refused(Location at, String message) {
    return new ExerciseException(List.of(Diagnostic.error(at, message)));
  }

  /** Where a parse error is: SnakeYAML's mark, else Jackson's location, else the parser's. */
  private Location where(JsonProcessingException e, YAMLParser p) {
    if (e.getCause() instanceof MarkedYAMLException m && m.getProblemMark() != null) {
      Mark mark = m.getProblemMark();
      return new Location(file, mark.getLine() + 1, mark.getColumn() + 1);
    }
    JsonLocation at = e.getLocation() != null ? e.getLocation() : p.currentLocation();
    return at == null || at.getLineNr() < 1 ? Location.ofFile(file)
        : new Location(file, at.getLineNr(), Math.max(at.getColumnNr(), 1));
  }

  /** The parser's complaint in the author's terms: no parser class names, no event dumps. */
  private static String problem(JsonProcessingException e) {
    if (e.getCause() instanceof MarkedYAMLException m && m.getProblemMark() != null) {
      String context = m.getContext() == null ? ""
          : " (" + m.getContext().strip()
              + (m.getContextMark() == null ? "" : " that starts at line "
                  + (m.getContextMark().getLine() + 1)) + ")";
      return firstLine(m.getProblem()) + context;
    }
    String message = firstLine(e.getOriginalMessage());
    if (message.startsWith("Expected a field name")) {
      return "a mapping's keys must be plain text, not lists or mappings";
    }
    return message.replaceAll(" ?\\(?,? ?from `[^`]*`\\)?", "")
        .replaceAll("<org\\.yaml\\.snakeyaml\\.[^>]*>", "this");
  }

  private static String firstLine(String message) {
    String m = message == null ? "unreadable" : message.strip();
    int nl = m.indexOf('\n');
    return nl < 0 ? m : m.substring(0, nl).strip();
  }

  private Location here(YAMLParser p) {
    JsonLocation l = p.currentTokenLocation();
    return new Location(file, l.getLineNr(), l.getColumnNr());
  }

  /** Counts values towards {@link Limits#VALUES}; {@code n} is more than 1 for an alias. */
  private void count(Location at, long n) throws ExerciseException {
    values += n;
    if (values > Limits.VALUES) {
      throw refused(at, "the file holds more than " + Limits.show(Limits.VALUES) + " values,"
          + " counting each alias as the values it repeats; exercise files are limited to "
          + Limits.show(Limits.VALUES) + " (aliases of aliases grow exponentially)");
    }
  }

  /**
   * An integer written with leading zeros: YAML 1.1 reads {@code 017} in octal, and {@code 08}
   * (no octal number) as text.
   */
  private static final Pattern LEADING_ZERO = Pattern.compile("([-+]?)0+([0-9][0-9_]*)");

  /** The number its author meant by digits with leading zeros ({@code 017}: 17), if it is one. */
  static Optional<String> withoutLeadingZeros(String text) {
    Matcher m = LEADING_ZERO.matcher(text);
    return m.matches() ? Optional.of(m.group(1) + m.group(2)) : Optional.empty();
  }

  private Node value(YAMLParser p, JsonToken t, int depth) throws IOException, ExerciseException {
    Location at = here(p);
    if (p.isCurrentAlias()) {
      return alias(p.getText(), at);
    }
    long before = values;
    count(at, 1);
    return switch (t) {
      case START_OBJECT, START_ARRAY -> {
        if (depth > Limits.DEPTH) {
          throw refused(at, "lists and mappings nest more than " + Limits.DEPTH + " deep here;"
              + " exercise files are limited to " + Limits.DEPTH + " levels");
        }
        Object anchor = p.getObjectId();
        Node n = t == JsonToken.START_OBJECT ? map(p, at, depth) : list(p, at, depth);
        if (anchor != null) {
          anchors.put(anchor.toString(), new Anchored(n, values - before));
        }
        yield n;
      }
      case VALUE_STRING -> new Node.Scalar(at, Node.Kind.STRING, p.getText());
      case VALUE_NUMBER_INT -> {
        Optional<String> octal = withoutLeadingZeros(p.getText());
        if (octal.isPresent()) {
          String meant = octal.get();
          written.error(at, "write " + meant + " (a leading 0 makes YAML read " + p.getText()
              + " as an octal number, " + digits(p, at).getBigIntegerValue() + ")");
          yield new Node.Scalar(at, Node.Kind.INTEGER,
              new java.math.BigInteger(meant.replace("_", "")).toString());
        }
        yield new Node.Scalar(at, Node.Kind.INTEGER,
            digits(p, at).getBigIntegerValue().toString());
      }
      case VALUE_NUMBER_FLOAT -> new Node.Scalar(at, Node.Kind.DECIMAL, digits(p, at).getText());
      case VALUE_TRUE, VALUE_FALSE -> new Node.Scalar(at, Node.Kind.BOOLEAN, p.getText());
      case VALUE_NULL -> new Node.Scalar(at, Node.Kind.NULL, "");
      case VALUE_EMBEDDED_OBJECT -> new Node.Scalar(at, Node.Kind.STRING, p.getText());
      case END_OBJECT, END_ARRAY, FIELD_NAME, NOT_AVAILABLE ->
          throw new IllegalStateException("unexpected token " + t + " at " + at);
    };
  }

  /** Refuses a number too long to be a size before converting it (which is quadratic). */
  private static YAMLParser digits(YAMLParser p, Location at) throws IOException,
      ExerciseException {
    int length = p.getText().length();
    if (length > Limits.DIGITS) {
      throw refused(at, "a number written with " + Limits.show(length) + " characters; numbers"
          + " are limited to " + Limits.DIGITS + " digits");
    }
    return p;
  }

  private Node alias(String name, Location at) throws ExerciseException {
    Anchored a = anchors.get(name);
    if (a == null) {
      throw refused(at, "alias '*" + name + "' names no list or mapping above it (an anchor '&"
          + name + "' must come first; aliases of single values are not supported: write the"
          + " value out)");
    }
    count(at, a.values());
    return a.node();
  }

  private Node map(YAMLParser p, Location at, int depth) throws IOException, ExerciseException {
    List<Node.Entry> entries = new ArrayList<>();
    List<Node.Entry> merged = new ArrayList<>();
    Set<String> mergedKeys = new HashSet<>();
    JsonToken t;
    while ((t = p.nextToken()) == JsonToken.FIELD_NAME) {
      String key = p.currentName();
      Location keyAt = here(p);
      Node value = value(p, p.nextToken(), depth + 1);
      if (key.equals("<<")) {
        merge(value, keyAt, merged, mergedKeys);
      } else {
        entries.add(new Node.Entry(key, keyAt, value));
      }
    }
    if (t != JsonToken.END_OBJECT) {
      throw new IllegalStateException("unterminated mapping at " + at);
    }
    if (!merged.isEmpty()) {
      Set<String> given = new HashSet<>();
      entries.forEach(e -> given.add(e.key()));
      merged.stream().filter(e -> !given.contains(e.key())).forEach(entries::add);
    }
    return new Node.MapNode(at, entries);
  }

  /** {@code <<: *defaults} or {@code <<: [*a, *b]}: keys of earlier mappings win. */
  private static void merge(Node value, Location at, List<Node.Entry> into, Set<String> keys)
      throws ExerciseException {
    List<Node> sources = value instanceof Node.ListNode list ? list.items() : List.of(value);
    for (Node source : sources) {
      if (!(source instanceof Node.MapNode m)) {
        throw refused(at, "'<<' merges a mapping (<<: *defaults) or a list of them, not "
            + source.describe());
      }
      for (Node.Entry e : m.entries()) {
        if (keys.add(e.key())) {
          into.add(e);
        }
      }
    }
  }

  private Node list(YAMLParser p, Location at, int depth) throws IOException, ExerciseException {
    List<Node> items = new ArrayList<>();
    JsonToken t;
    while ((t = p.nextToken()) != JsonToken.END_ARRAY) {
      if (t == null) {
        throw new IllegalStateException("unterminated list at " + at);
      }
      items.add(value(p, t, depth + 1));
    }
    return new Node.ListNode(at, items);
  }
}
