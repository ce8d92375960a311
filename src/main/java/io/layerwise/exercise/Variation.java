package io.layerwise.exercise;

import io.layerwise.diagnostic.Problems;
import io.layerwise.diagnostic.ExerciseException;
import io.layerwise.diagnostic.Location;
import io.layerwise.diagnostic.Diagnostic;
import io.layerwise.model.Spelling;
import io.layerwise.model.Variant;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An exercise's {@code vary:} section: named parameters, each with its choices, used in the rest
 * of the file as {@code $name} (a whole value: a number, a word or a list keeps its type) or
 * {@code ${name}} inside a text. Nothing is evaluated: a reference is replaced by one of the
 * values written in the file, and {@code $$} stands for a literal {@code $}.
 *
 * <pre>
 * vary:
 *   size: [28, 32, 36]                  # one of these
 *   filters: {from: 4, to: 16, step: 4} # 4, 8, 12 or 16
 *   kernel: [3, 5]
 * input: [$size, $size, 1]
 * layers:
 *   - {type: Conv2D, filters: $filters, kernel_size: $kernel}
 * </pre>
 *
 * <p>The exercise itself reads with every parameter at its first choice.
 */
public final class Variation {

  /** The most choices one parameter may have. */
  public static final int MAX_CHOICES = 10_000;

  private static final Pattern NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");
  private static final Pattern WHOLE = Pattern.compile("\\$([A-Za-z_][A-Za-z0-9_]*)");
  private static final Pattern INSIDE = Pattern.compile("\\$\\$|\\$\\{([A-Za-z_][A-Za-z0-9_]*)}");

  /**
   * One parameter.
   *
   * @param name what {@code $name} refers to
   * @param choices its values as they are written, for file headers and answer keys
   * @param location where it is declared
   */
  public record Parameter(String name, List<String> choices, Location location) {
    public Parameter {
      choices = List.copyOf(choices);
    }
  }

  private final String file;
  private final Node.MapNode root;
  private final Location at;
  private final List<Parameter> parameters;
  private final List<List<Node>> values;

  private Variation(String file, Node.MapNode root, Location at, List<Parameter> parameters,
      List<List<Node>> values) {
    this.file = file;
    this.root = root;
    this.at = at;
    this.parameters = List.copyOf(parameters);
    this.values = List.copyOf(values);
  }

  /**
   * The variation of an exercise file, if it declares {@code vary:}.
   *
   * @throws ExerciseException when the file is not valid YAML or its {@code vary:} is malformed
   */
  public static Optional<Variation> of(String file, String text) throws ExerciseException {
    Node root = YamlTree.parse(file, text);
    if (!(root instanceof Node.MapNode map) || map.entry("vary").isEmpty()) {
      return Optional.empty();
    }
    Problems problems = new Problems();
    Optional<Variation> v = parse(file, map, problems);
    if (problems.any()) {
      throw new ExerciseException(problems.sorted());
    }
    return v;
  }

  /** Reads {@code vary:} of a file's top mapping; problems are collected, not thrown. */
  static Optional<Variation> parse(String file, Node.MapNode root, Problems problems) {
    Optional<Node.Entry> entry = root.entry("vary");
    if (entry.isEmpty()) {
      return Optional.empty();
    }
    Node vary = entry.get().value();
    if (!(vary instanceof Node.MapNode map) || map.entries().isEmpty()) {
      problems.error(vary.location(), "vary must map parameter names to their choices, such as"
          + " {size: [28, 32], filters: {from: 4, to: 16, step: 4}}, not " + vary.describe());
      return Optional.empty();
    }
    List<Parameter> parameters = new ArrayList<>();
    List<List<Node>> values = new ArrayList<>();
    Set<String> names = new LinkedHashSet<>();
    for (Node.Entry e : map.entries()) {
      String name = e.key();
      if (!NAME.matcher(name).matches()) {
        problems.error(e.keyLocation(), "parameter name '" + name + "' must be letters, digits"
            + " and '_', starting with a letter or '_'");
        continue;
      }
      if (!names.add(name)) {
        problems.error(e.keyLocation(), "parameter '" + name + "' is declared twice");
        continue;
      }
      List<Node> choices = choices(name, e.value(), problems);
      if (choices.isEmpty()) {
        continue;
      }
      List<String> texts = new ArrayList<>();
      Set<String> distinct = new LinkedHashSet<>();
      for (Node c : choices) {
        String t = YamlWriter.flow(c);
        if (!distinct.add(t)) {
          problems.error(c.location(), "choice " + t + " of parameter '" + name
              + "' is listed twice");
        }
        texts.add(t);
      }
      parameters.add(new Parameter(name, texts, e.keyLocation()));
      values.add(choices);
    }
    Variation v = new Variation(file, root, vary.location(), parameters, values);
    v.checkUses(problems);
    return Optional.of(v);
  }

  private static List<Node> choices(String name, Node n, Problems problems) {
    if (n instanceof Node.ListNode list) {
      if (list.items().isEmpty()) {
        problems.error(n.location(), "parameter '" + name + "' needs at least one choice");
        return List.of();
      }
      if (list.items().size() > MAX_CHOICES) {
        problems.error(n.location(), "parameter '" + name + "' has " + list.items().size()
            + " choices; the limit is " + MAX_CHOICES);
        return List.of();
      }
      List<Node> ok = new ArrayList<>();
      for (Node item : list.items()) {
        if (isValue(item)) {
          ok.add(item);
        } else {
          problems.error(item.location(), "a choice of parameter '" + name + "' must be a"
              + " number, a word or a list of them, not " + item.describe());
        }
      }
      return ok.size() == list.items().size() ? ok : List.of();
    }
    if (n instanceof Node.MapNode range) {
      return range(name, range, problems);
    }
    problems.error(n.location(), "parameter '" + name + "' needs a list of choices such as"
        + " [3, 5] or a range such as {from: 4, to: 16, step: 4}, not " + n.describe());
    return List.of();
  }

  private static boolean isValue(Node n) {
    if (n instanceof Node.Scalar s) {
      return s.kind() != Node.Kind.NULL;
    }
    return n instanceof Node.ListNode l && !l.items().isEmpty()
        && l.items().stream().allMatch(i -> i instanceof Node.Scalar s
            && s.kind() != Node.Kind.NULL);
  }

  /** {@code {from: 4, to: 16, step: 4}}: whole numbers, both ends included. */
  private static List<Node> range(String name, Node.MapNode m, Problems problems) {
    Fields f = new Fields(m, problems, " in parameter '" + name + "'", Optional.empty());
    long from = bound(f, m, "from");
    long to = bound(f, m, "to");
    long step = f.get("step").isPresent() ? bound(f, m, "step") : 1;
    f.finish("a range");
    if (from < 0 || to < 0 || step < 0) {
      return List.of();
    }
    if (step == 0) {
      f.error(f.locations().get("step"), "step must be at least 1");
      return List.of();
    }
    if (to < from) {
      f.error(f.locations().get("to"), "the range ends (" + to + ") before it starts (" + from
          + ")");
      return List.of();
    }
    long count = (to - from) / step + 1;
    if (count > MAX_CHOICES) {
      f.error(m.location(), "the range has " + count + " values; the limit is " + MAX_CHOICES);
      return List.of();
    }
    List<Node> out = new ArrayList<>();
    for (long v = from; v <= to; v += step) {
      out.add(new Node.Scalar(m.location(), Node.Kind.INTEGER, Long.toString(v)));
    }
    return out;
  }

  private static long bound(Fields f, Node.MapNode m, String key) {
    Optional<Node> n = f.get(key);
    if (n.isEmpty()) {
      f.error(m.location(), "a range needs '" + key + "', as in {from: 4, to: 16, step: 4}");
      return -1;
    }
    return f.integer(n.get(), key, 0);
  }

  /** Every {@code $name} names a parameter, and every parameter is used. */
  private void checkUses(Problems problems) {
    Set<String> declared = new LinkedHashSet<>();
    parameters.forEach(p -> declared.add(p.name()));
    Set<String> used = new LinkedHashSet<>();
    for (Node.Entry e : root.entries()) {
      if (e.key().equals("blocks") && e.value() instanceof Node.MapNode blocks) {
        for (Node.Entry b : blocks.entries()) {
          references(b.value(), used, declared, blockParameters(b.value()), problems);
        }
      } else if (!e.key().equals("vary")) {
        references(e.value(), used, declared, Set.of(), problems);
      }
    }
    for (Parameter p : parameters) {
      if (!used.contains(p.name())) {
        problems.error(p.location(), "parameter '" + p.name() + "' is never used; write $"
            + p.name() + " where its value goes");
      }
    }
  }

  /**
   * The names a block definition gives its own {@code $name}s ({@code params}, and {@code
   * $input}): inside the block they are the block's, not parameters of {@code vary:}.
   */
  static Set<String> blockParameters(Node block) {
    Set<String> names = new LinkedHashSet<>(Set.of("input"));
    if (block instanceof Node.MapNode m) {
      m.entry("params").map(Node.Entry::value).ifPresent(p -> {
        if (p instanceof Node.MapNode pm) {
          pm.entries().forEach(x -> names.add(x.key()));
        } else if (p instanceof Node.ListNode pl) {
          pl.items().stream().filter(i -> i instanceof Node.Scalar)
              .forEach(i -> names.add(((Node.Scalar) i).text()));
        }
      });
    }
    return names;
  }

  /**
   * Checks the {@code $name}s under a node.
   *
   * @param shadowed the names a block gives its own parameters, which are not vary's there
   */
  private static void references(Node n, Set<String> used, Set<String> declared,
      Set<String> shadowed, Problems problems) {
    if (n instanceof Node.MapNode m) {
      m.entries().forEach(e -> references(e.value(), used, declared, shadowed, problems));
    } else if (n instanceof Node.ListNode l) {
      l.items().forEach(i -> references(i, used, declared, shadowed, problems));
    } else if (n instanceof Node.Scalar s && s.kind() == Node.Kind.STRING) {
      List<String> names = new ArrayList<>();
      Matcher whole = WHOLE.matcher(s.text());
      if (whole.matches()) {
        names.add(whole.group(1));
      } else {
        Matcher m = INSIDE.matcher(s.text());
        while (m.find()) {
          if (m.group(1) != null) {
            names.add(m.group(1));
          }
        }
      }
      for (String name : names) {
        if (shadowed.contains(name)) {
          continue;
        } else if (declared.contains(name)) {
          used.add(name);
        } else {
          problems.error(s.location(), "unknown parameter '$" + name + "'"
              + Spelling.closest(name, declared).map(h -> "; did you mean '$" + h + "'?")
                  .orElse(declared.isEmpty() ? "" : "; vary declares "
                      + String.join(", ", declared)));
        }
      }
    }
  }

  public List<Parameter> parameters() {
    return parameters;
  }

  /** Where {@code vary:} is written. */
  public Location location() {
    return at;
  }

  /** How many combinations of choices there are. */
  public BigInteger combinations() {
    BigInteger n = BigInteger.ONE;
    for (List<Node> v : values) {
      n = n.multiply(BigInteger.valueOf(v.size()));
    }
    return n;
  }

  /**
   * The combination with a number: mixed radix over the parameters in declaration order, the
   * last parameter changing fastest; 0 is every parameter at its first choice.
   */
  public int[] combination(BigInteger index) {
    int[] choice = new int[values.size()];
    BigInteger rest = index;
    for (int i = values.size() - 1; i >= 0; i--) {
      BigInteger[] qr = rest.divideAndRemainder(BigInteger.valueOf(values.get(i).size()));
      choice[i] = qr[1].intValueExact();
      rest = qr[0];
    }
    return choice;
  }

  /** The chosen values, written as in the file, by parameter name. */
  public Map<String, String> values(int[] choice) {
    Map<String, String> out = new LinkedHashMap<>();
    for (int i = 0; i < parameters.size(); i++) {
      out.put(parameters.get(i).name(), parameters.get(i).choices().get(choice[i]));
    }
    return out;
  }

  /**
   * Reads the exercise with these choices, as the variant it is.
   *
   * @throws ExerciseException when this combination makes the file invalid
   */
  public ParsedExercise read(int[] choice, String id, Variant variant)
      throws ExerciseException {
    return ExerciseReader.read(file, variantTree(choice, id, variant));
  }

  /** The variant as a complete exercise file of its own, without {@code vary:}. */
  public String yaml(int[] choice, String id, Variant variant) {
    return YamlWriter.write(variantTree(choice, id, variant));
  }

  private Node.MapNode variantTree(int[] choice, String id, Variant variant) {
    Node.MapNode substituted = substitute(root, choice);
    List<Node.Entry> entries = new ArrayList<>();
    boolean idWritten = false;
    Location here = root.location();
    for (Node.Entry e : substituted.entries()) {
      switch (e.key()) {
        // a variant is written elsewhere, where another file's relative path would not lead
        case "vary", "variant", "compare_with" -> { }
        case "id" -> {
          if (!idWritten) {
            entries.add(new Node.Entry("id", e.keyLocation(), string(e.value().location(), id)));
            entries.add(variantEntry(e.keyLocation(), variant));
            idWritten = true;
          }
        }
        default -> {
          if (!idWritten && !e.key().equals("title")) {
            entries.add(new Node.Entry("id", here, string(here, id)));
            entries.add(variantEntry(here, variant));
            idWritten = true;
          }
          entries.add(e);
        }
      }
    }
    if (!idWritten) {
      entries.add(new Node.Entry("id", here, string(here, id)));
      entries.add(variantEntry(here, variant));
    }
    return new Node.MapNode(root.location(), entries);
  }

  private static Node.Entry variantEntry(Location at, Variant v) {
    List<Node.Entry> fields = new ArrayList<>();
    fields.add(new Node.Entry("of", at, string(at, v.of())));
    fields.add(new Node.Entry("number", at, integer(at, v.number())));
    fields.add(new Node.Entry("seed", at, integer(at, v.seed())));
    v.student().ifPresent(s -> fields.add(new Node.Entry("student", at, string(at, s))));
    List<Node.Entry> values = new ArrayList<>();
    v.values().forEach((k, text) -> values.add(new Node.Entry(k, at, string(at, text))));
    fields.add(new Node.Entry("values", at, new Node.MapNode(at, values)));
    return new Node.Entry("variant", at, new Node.MapNode(at, fields));
  }

  private static Node.Scalar string(Location at, String text) {
    return new Node.Scalar(at, Node.Kind.STRING, text);
  }

  private static Node.Scalar integer(Location at, long value) {
    return new Node.Scalar(at, Node.Kind.INTEGER, Long.toString(value));
  }

  /** The file's top mapping with every reference replaced by its chosen value. */
  Node.MapNode substitute(Node.MapNode map, int[] choice) {
    Map<String, Node> chosen = new LinkedHashMap<>();
    for (int i = 0; i < parameters.size(); i++) {
      chosen.put(parameters.get(i).name(), values.get(i).get(choice[i]));
    }
    List<Node.Entry> entries = new ArrayList<>();
    for (Node.Entry e : map.entries()) {
      Node value = e.value();
      if (e.key().equals("blocks") && value instanceof Node.MapNode blocks) {
        List<Node.Entry> defined = new ArrayList<>();
        for (Node.Entry b : blocks.entries()) {
          Map<String, Node> visible = new LinkedHashMap<>(chosen);
          visible.keySet().removeAll(blockParameters(b.value()));
          defined.add(new Node.Entry(b.key(), b.keyLocation(), replace(b.value(), visible)));
        }
        value = new Node.MapNode(blocks.location(), defined);
      } else if (!e.key().equals("vary")) {
        value = replace(value, chosen);
      }
      entries.add(new Node.Entry(e.key(), e.keyLocation(), value));
    }
    return new Node.MapNode(map.location(), entries);
  }

  /** Every parameter at its first choice. */
  Node.MapNode defaults() {
    return substitute(root, new int[parameters.size()]);
  }

  private static Node replace(Node n, Map<String, Node> chosen) {
    if (n instanceof Node.MapNode m) {
      List<Node.Entry> entries = new ArrayList<>();
      for (Node.Entry e : m.entries()) {
        entries.add(new Node.Entry(e.key(), e.keyLocation(), replace(e.value(), chosen)));
      }
      return new Node.MapNode(m.location(), entries);
    }
    if (n instanceof Node.ListNode l) {
      return new Node.ListNode(l.location(),
          l.items().stream().map(i -> replace(i, chosen)).toList());
    }
    Node.Scalar s = (Node.Scalar) n;
    return s.kind() == Node.Kind.STRING ? replace(s, chosen) : s;
  }

  private static Node replace(Node.Scalar s, Map<String, Node> chosen) {
    Matcher whole = WHOLE.matcher(s.text());
    if (whole.matches()) {
      Node v = chosen.get(whole.group(1));
      return v == null ? s : relocate(v, s.location());
    }
    if (s.text().indexOf('$') < 0) {
      return s;
    }
    Matcher m = INSIDE.matcher(s.text());
    StringBuilder sb = new StringBuilder();
    while (m.find()) {
      String text = m.group(1) == null ? "$"
          : Optional.ofNullable(chosen.get(m.group(1))).map(Variation::text).orElse(m.group());
      m.appendReplacement(sb, Matcher.quoteReplacement(text));
    }
    m.appendTail(sb);
    return new Node.Scalar(s.location(), Node.Kind.STRING, sb.toString());
  }

  private static String text(Node v) {
    return v instanceof Node.Scalar s ? s.text() : YamlWriter.flow(v);
  }

  /** The chosen value, placed where it is used, so that problems point at the use. */
  private static Node relocate(Node v, Location at) {
    if (v instanceof Node.Scalar s) {
      return new Node.Scalar(at, s.kind(), s.text());
    }
    if (v instanceof Node.ListNode l) {
      return new Node.ListNode(at, l.items().stream().map(i -> relocate(i, at)).toList());
    }
    return v;
  }

  /** A problem of the variation as a whole, at {@code vary:}. */
  public ExerciseException problem(String message) {
    return new ExerciseException(List.of(Diagnostic.error(at, message)));
  }
}
