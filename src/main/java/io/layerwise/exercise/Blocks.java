package io.layerwise.exercise;

import io.layerwise.diagnostic.Problems;
import io.layerwise.diagnostic.Location;
import io.layerwise.model.LayerType;
import io.layerwise.model.Network;
import io.layerwise.model.Spelling;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Expands reusable blocks on the YAML tree, before any layer is read: the top-level {@code
 * blocks:} defines parametrised lists of layers, and a layer entry {@code {use: name, name:
 * instance, param: value}} stands for a copy of the block's layers. The copy's layers are named
 * {@code <instance>_<name>} ({@code conv3_block2_1_conv}); {@code inputs} that name a layer of the
 * block refer to the copy's, others to the network's; {@code $input} is the layer that feeds the
 * instance.
 *
 * <p>Parameters: a scalar that is exactly {@code $name} is replaced by the parameter's value,
 * keeping its type (a number, a list, a text); {@code ${name}} inside a longer text is replaced by
 * the value's text. Nothing is evaluated. Every expanded node keeps the location it was written
 * at (a layer in the block's definition, a value at the use), so that diagnostics point into the
 * file and name the expanded layer.
 */
final class Blocks {

  /** How deeply blocks may use blocks. */
  static final int MAX_DEPTH = 8;

  private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");
  private static final Pattern WHOLE = Pattern.compile("\\$([A-Za-z_][A-Za-z0-9_]*)");
  private static final Pattern INNER = Pattern.compile("\\$\\{([A-Za-z_][A-Za-z0-9_]*)\\}");
  private static final String INPUT = "input";
  private static final Set<String> RESERVED = Set.of("use", "name", "inputs", INPUT);

  /**
   * One block definition.
   *
   * @param name its name
   * @param params parameter names, each with its default (empty: required), in file order
   * @param layers its layer entries as written
   */
  private record Block(String name, Map<String, Optional<Node>> params, List<Node> layers) {}

  /**
   * Where an expansion stands.
   *
   * @param prefix prepended to the names of this scope's layers ({@code conv2_block1_})
   * @param values the parameters' values, {@code input} included when known
   * @param locals names of this scope's layers as the block writes them
   * @param path the blocks being expanded, outermost first, for recursion and messages
   * @param instance the instance's full name, for messages
   * @param inputAt where the instance is used, for messages
   */
  private record Scope(String prefix, Map<String, Node> values, Set<String> locals,
      List<String> path, String instance, Location inputAt) {

    boolean top() {
      return path.isEmpty();
    }
  }

  private final Problems problems;
  private final Map<String, Block> blocks = new LinkedHashMap<>();
  private final Map<String, Integer> instances = new HashMap<>();
  private final Set<String> reported = new HashSet<>();
  private final boolean lenient;
  private int produced;
  /** Values copied and characters interpolated so far, against {@link Limits#VALUES}. */
  private long spent;
  /** Set when a limit is reached: the expansion stops everywhere. */
  private boolean tooMany;

  private Blocks(Problems problems, boolean lenient) {
    this.problems = problems;
    this.lenient = lenient;
  }

  /**
   * The file's root with {@code blocks:} removed and every {@code use} in {@code layers:}
   * replaced by its layers; anything else is left for the reader to judge.
   */
  static Node expand(Node root, Problems problems) {
    if (!(root instanceof Node.MapNode map)) {
      return root;
    }
    // A vary: section substitutes its own $variables; leave the ones blocks do not know to it.
    Blocks b = new Blocks(problems, map.entry("vary").isPresent());
    map.entry("blocks").ifPresent(e -> b.define(e.value()));
    Optional<Node.Entry> layers = map.entry("layers");
    if (layers.isEmpty() || !(layers.get().value() instanceof Node.ListNode list)) {
      return b.without(map, "blocks");
    }
    Scope top = new Scope("", Map.of(), Set.of(), List.of(), "", map.location());
    List<Node> items = b.items(list.items(), top, Optional.of(Network.INPUT), Optional.empty());
    List<Node.Entry> entries = new ArrayList<>();
    for (Node.Entry e : map.entries()) {
      if (e.key().equals("layers")) {
        entries.add(new Node.Entry(e.key(), e.keyLocation(),
            new Node.ListNode(list.location(), items)));
      } else if (!e.key().equals("blocks")) {
        entries.add(e);
      }
    }
    return new Node.MapNode(map.location(), entries);
  }

  private Node.MapNode without(Node.MapNode map, String key) {
    return new Node.MapNode(map.location(),
        map.entries().stream().filter(e -> !e.key().equals(key)).toList());
  }

  private void error(Location at, String message) {
    if (reported.add(at + "\u0000" + message)) {
      problems.error(at, message);
    }
  }

  // ---- definitions

  private void define(Node node) {
    if (!(node instanceof Node.MapNode map)) {
      error(node.location(), "blocks must map block names to {params: [...], layers: [...]}, not "
          + node.describe());
      return;
    }
    for (Node.Entry e : map.entries()) {
      if (!IDENTIFIER.matcher(e.key()).matches()) {
        error(e.keyLocation(), "block name '" + e.key() + "' must be a word of letters, digits"
            + " and '_'");
      } else if (blocks.containsKey(e.key())) {
        error(e.keyLocation(), "block '" + e.key() + "' is defined twice");
      } else {
        block(e.key(), e.value()).ifPresent(b -> blocks.put(b.name(), b));
      }
    }
  }

  private Optional<Block> block(String name, Node node) {
    if (!(node instanceof Node.MapNode map)) {
      error(node.location(), "block '" + name + "' must be a mapping with 'layers' (and"
          + " 'params'), not " + node.describe());
      return Optional.empty();
    }
    for (Node.Entry e : map.entries()) {
      if (!e.key().equals("params") && !e.key().equals("layers")) {
        String hint = Spelling.closest(e.key(), List.of("params", "layers"))
            .map(h -> "; did you mean '" + h + "'?").orElse("; a block has params and layers");
        error(e.keyLocation(), "unknown key '" + e.key() + "' in block '" + name + "'" + hint);
      }
    }
    Optional<Node> layers = map.entry("layers").map(Node.Entry::value);
    if (layers.isEmpty() || !(layers.get() instanceof Node.ListNode list)
        || list.items().isEmpty()) {
      error(layers.map(Node::location).orElse(map.location()), "block '" + name + "' needs"
          + " 'layers', a list with at least one layer");
      return Optional.empty();
    }
    Map<String, Optional<Node>> params = new LinkedHashMap<>();
    Optional<Node> p = map.entry("params").map(Node.Entry::value);
    if (p.isPresent() && p.get() instanceof Node.ListNode names) {
      for (Node n : names.items()) {
        if (n instanceof Node.Scalar s && s.kind() == Node.Kind.STRING) {
          param(name, s.text(), s.location(), Optional.empty(), params);
        } else {
          error(n.location(), "params of block '" + name + "' lists names, not " + n.describe());
        }
      }
    } else if (p.isPresent() && p.get() instanceof Node.MapNode defaults) {
      for (Node.Entry e : defaults.entries()) {
        boolean required = e.value() instanceof Node.Scalar s && s.kind() == Node.Kind.NULL;
        param(name, e.key(), e.keyLocation(), required ? Optional.empty()
            : Optional.of(e.value()), params);
      }
    } else if (p.isPresent()) {
      error(p.get().location(), "params of block '" + name + "' is a list of names or a mapping"
          + " of names to defaults (~ for none), not " + p.get().describe());
    }
    return Optional.of(new Block(name, params, list.items()));
  }

  private void param(String block, String name, Location at, Optional<Node> fallback,
      Map<String, Optional<Node>> params) {
    if (!IDENTIFIER.matcher(name).matches()) {
      error(at, "parameter '" + name + "' of block '" + block + "' must be a word of letters,"
          + " digits and '_'");
    } else if (RESERVED.contains(name)) {
      error(at, "'" + name + "' cannot be a parameter of block '" + block + "': use, name and"
          + " inputs belong to the instance, and $input is the layer that feeds it");
    } else if (params.putIfAbsent(name, fallback) != null) {
      error(at, "parameter '" + name + "' of block '" + block + "' is listed twice");
    }
  }

  // ---- expansion

  /**
   * Expands a list of layer entries in a scope.
   *
   * @param previous the name of the layer before the first entry, when known
   * @param firstInputs given to the first entry when it names no inputs (an instance's inputs)
   */
  private List<Node> items(List<Node> items, Scope scope, Optional<String> previous,
      Optional<Node> firstInputs) {
    List<Node> out = new ArrayList<>();
    Optional<String> before = previous;
    for (int i = 0; i < items.size() && spend(items.get(i).location(), 1); i++) {
      Node item = items.get(i);
      Optional<Node> forced = i == 0 ? firstInputs : Optional.empty();
      if (item instanceof Node.MapNode m && m.entry("use").isPresent()) {
        List<Node> expanded = use(m, scope, before, forced);
        out.addAll(expanded);
        if (!scope.top()) {
          expanded.stream().map(Blocks::nameOf).flatMap(Optional::stream)
              .filter(n -> n.startsWith(scope.prefix()))
              .forEach(n -> scope.locals().add(n.substring(scope.prefix().length())));
        }
        before = expanded.isEmpty() ? Optional.empty() : nameOf(expanded.get(expanded.size() - 1));
      } else if (item instanceof Node.MapNode m) {
        Node layer = scope.top() && forced.isEmpty() ? m : layer(m, scope, forced);
        count(item.location());
        out.add(layer);
        before = nameOf(layer);
      } else {
        out.add(item);
        before = Optional.empty();
      }
    }
    return out;
  }

  /**
   * Charges work to the expansion's budget: every item visited, every value copied into an
   * instance, every character interpolated. Blocks that use blocks multiply their content, so a
   * few lines could otherwise ask for more than any machine holds.
   *
   * @return whether the expansion may go on
   */
  private boolean spend(Location at, long units) {
    if (tooMany) {
      return false;
    }
    spent += units;
    if (spent > Limits.VALUES) {
      tooMany = true;
      error(at, String.format(Locale.ROOT, "blocks expand to more than %,d values (layers, their"
          + " settings and the characters of interpolated texts), the limit of an exercise",
          Limits.VALUES));
      return false;
    }
    return true;
  }

  private void count(Location at) {
    // without blocks the file's own layers are all there is, and the reader counts them
    if (++produced > Limits.LAYERS && !tooMany && !blocks.isEmpty()) {
      tooMany = true;
      error(at, "blocks expand to more than " + Limits.LAYERS + " layers, the limit"
          + " of an exercise");
    }
  }

  private static Optional<String> nameOf(Node layer) {
    return layer instanceof Node.MapNode m ? m.entry("name").map(Node.Entry::value)
        .filter(v -> v instanceof Node.Scalar s && s.kind() == Node.Kind.STRING)
        .map(v -> ((Node.Scalar) v).text()) : Optional.empty();
  }

  /** One instance of a block: its arguments checked, its layers expanded in its own scope. */
  private List<Node> use(Node.MapNode m, Scope outer, Optional<String> previous,
      Optional<Node> forced) {
    Node.Entry useEntry = m.entry("use").orElseThrow();
    if (!(useEntry.value() instanceof Node.Scalar s) || s.kind() != Node.Kind.STRING) {
      error(useEntry.value().location(), "use names a block, not " + useEntry.value().describe());
      return List.of();
    }
    Block block = blocks.get(s.text());
    if (block == null) {
      String hint = Spelling.closest(s.text(), blocks.keySet())
          .map(h -> "; did you mean '" + h + "'?")
          .orElse(blocks.isEmpty() ? "; define it under blocks:" : "; the blocks are "
              + String.join(", ", blocks.keySet()));
      error(s.location(), "unknown block '" + s.text() + "'" + hint);
      return List.of();
    }
    if (outer.path().contains(block.name()) || outer.path().size() >= MAX_DEPTH) {
      error(s.location(), outer.path().contains(block.name())
          ? "block '" + block.name() + "' uses itself (" + String.join(" → ", outer.path())
              + " → " + block.name() + ")"
          : "blocks are nested more than " + MAX_DEPTH + " deep");
      return List.of();
    }
    String local = m.entry("name").map(e -> text(substitute(e.value(), outer), "name"))
        .orElseGet(() -> block.name() + "_" + instances.merge(block.name(), 1, Integer::sum));
    String instance = outer.prefix() + local;
    Optional<Node> inputs = m.entry("inputs").map(e -> inputs(e.value(), outer)).or(() -> forced);
    Optional<String> feed = previous;
    if (inputs.isPresent()) {
      List<Node> named = inputs.get() instanceof Node.ListNode l ? l.items() : List.of(inputs.get());
      if (named.size() != 1 || !(named.get(0) instanceof Node.Scalar one)) {
        error(inputs.get().location(), "block instance '" + instance + "' takes one input, the"
            + " layer that feeds its first layer");
        return List.of();
      }
      feed = Optional.of(one.text());
    }
    Map<String, Node> values = new LinkedHashMap<>();
    for (Node.Entry e : m.entries()) {
      if (RESERVED.contains(e.key())) {
        continue;
      }
      if (!block.params().containsKey(e.key())) {
        String hint = Spelling.closest(e.key(), block.params().keySet())
            .map(h -> "; did you mean '" + h + "'?").orElse(block.params().isEmpty()
                ? "; it takes none" : "; it takes " + String.join(", ", block.params().keySet()));
        error(e.keyLocation(), "unknown parameter '" + e.key() + "' of block '" + block.name()
            + "' in instance '" + instance + "'" + hint);
      } else {
        values.put(e.key(), substitute(e.value(), outer));
      }
    }
    for (Map.Entry<String, Optional<Node>> p : block.params().entrySet()) {
      if (!values.containsKey(p.getKey())) {
        if (p.getValue().isPresent()) {
          values.put(p.getKey(), p.getValue().get());
        } else {
          error(m.location(), "block '" + block.name() + "' needs parameter '" + p.getKey()
              + "' in instance '" + instance + "'");
          values.put(p.getKey(), new Node.Scalar(m.location(), Node.Kind.NULL, ""));
        }
      }
    }
    feed.ifPresent(f -> values.put(INPUT, new Node.Scalar(m.location(), Node.Kind.STRING, f)));
    List<String> path = new ArrayList<>(outer.path());
    path.add(block.name());
    Scope inner = new Scope(instance + "_", values, new HashSet<>(), path, instance,
        m.location());
    for (Node item : block.layers()) {
      if (item instanceof Node.MapNode layer && layer.entry("use").isEmpty()) {
        layer.entry("name").map(e -> substitute(e.value(), inner))
            .filter(v -> v instanceof Node.Scalar sc && sc.kind() == Node.Kind.STRING)
            .ifPresent(v -> inner.locals().add(((Node.Scalar) v).text()));
      }
    }
    Optional<Node> first = inputs.isEmpty() ? Optional.empty()
        : Optional.of(new Node.ListNode(inputs.get().location(), List.of(new Node.Scalar(
            inputs.get().location(), Node.Kind.STRING, feed.orElseThrow()))));
    return items(block.layers(), inner, feed, first);
  }

  /** An instance's {@code inputs}, resolved in the scope it is used in. */
  private Node inputs(Node n, Scope scope) {
    List<Node> items = n instanceof Node.ListNode l ? l.items() : List.of(n);
    List<Node> out = new ArrayList<>();
    for (Node item : items) {
      out.addAll(reference(item, scope));
    }
    return new Node.ListNode(n.location(), out);
  }

  /** A layer of a block: parameters substituted, names prefixed, references resolved. */
  private Node layer(Node.MapNode m, Scope scope, Optional<Node> forced) {
    List<Node.Entry> entries = new ArrayList<>();
    boolean named = false;
    boolean fed = false;
    for (Node.Entry e : m.entries()) {
      switch (e.key()) {
        case "name" -> {
          named = true;
          Node v = substitute(e.value(), scope);
          entries.add(new Node.Entry(e.key(), e.keyLocation(), v instanceof Node.Scalar s
              && s.kind() == Node.Kind.STRING && !s.text().isBlank()
              ? new Node.Scalar(s.location(), s.kind(), scope.prefix() + s.text()) : v));
        }
        case "inputs" -> {
          fed = true;
          entries.add(new Node.Entry(e.key(), e.keyLocation(), scope.top()
              ? e.value() : inputs(e.value(), scope)));
        }
        default -> entries.add(new Node.Entry(e.key(), e.keyLocation(),
            substitute(e.value(), scope)));
      }
    }
    if (!fed && forced.isPresent()) {
      entries.add(new Node.Entry("inputs", forced.get().location(), forced.get()));
    }
    if (!named && !scope.top()) {
      entries.add(new Node.Entry("name", m.location(),
          new Node.Scalar(m.location(), Node.Kind.STRING, autoName(m, scope))));
    }
    return new Node.MapNode(m.location(), entries);
  }

  /** {@code <instance>_<type>}, {@code _1}, … for a block's layer written without a name. */
  private String autoName(Node.MapNode m, Scope scope) {
    String type = m.entry("type").map(Node.Entry::value)
        .filter(v -> v instanceof Node.Scalar).map(v -> ((Node.Scalar) v).text()).orElse("layer");
    String base = TorchType.exactly(type).map(TorchType::autoName)
        .or(() -> LayerTypes.lookup(type).map(LayerType::autoName)).orElse("layer");
    String name = base;
    for (int n = 1; scope.locals().contains(name); n++) {
      name = base + "_" + n;
    }
    scope.locals().add(name);
    return scope.prefix() + name;
  }

  /**
   * One entry of {@code inputs}: {@code $input} or another parameter as its value (a list's items
   * each), a name of the block's own layers prefixed, any other name as it is (a layer outside).
   */
  private List<Node> reference(Node item, Scope scope) {
    if (scope.top()) {
      return List.of(item);
    }
    if (item instanceof Node.Scalar s && s.kind() == Node.Kind.STRING
        && WHOLE.matcher(s.text()).matches()) {
      Node v = substitute(s, scope);
      return v instanceof Node.ListNode l ? l.items() : List.of(v);
    }
    Node v = substitute(item, scope);
    if (v instanceof Node.Scalar s && s.kind() == Node.Kind.STRING
        && scope.locals().contains(s.text())) {
      return List.of(new Node.Scalar(s.location(), s.kind(), scope.prefix() + s.text()));
    }
    return List.of(v);
  }

  /** The value with {@code $name} and {@code ${name}} replaced, in a block's scope. */
  private Node substitute(Node n, Scope scope) {
    if (scope.top() || !spend(n.location(), 1)) {
      return n;
    }
    if (n instanceof Node.MapNode m) {
      return new Node.MapNode(m.location(), m.entries().stream()
          .map(e -> new Node.Entry(e.key(), e.keyLocation(), substitute(e.value(), scope)))
          .toList());
    }
    if (n instanceof Node.ListNode l) {
      return new Node.ListNode(l.location(), l.items().stream()
          .map(i -> substitute(i, scope)).toList());
    }
    if (!(n instanceof Node.Scalar s) || s.kind() != Node.Kind.STRING || !s.text().contains("$")) {
      return n;
    }
    Matcher whole = WHOLE.matcher(s.text());
    if (whole.matches()) {
      return value(whole.group(1), s, scope).orElse(s);
    }
    Matcher inner = INNER.matcher(s.text());
    StringBuilder sb = new StringBuilder();
    while (inner.find()) {
      Optional<Node> v = value(inner.group(1), s, scope);
      String text = inner.group();
      if (v.isPresent() && v.get() instanceof Node.Scalar vs && vs.kind() != Node.Kind.NULL) {
        text = vs.text();
      } else if (v.isPresent()) {
        error(s.location(), "${" + inner.group(1) + "} is " + v.get().describe() + ", which"
            + " cannot be put into text, in block instance '" + scope.instance() + "'");
      }
      if (!spend(s.location(), text.length())) {
        return s;
      }
      inner.appendReplacement(sb, Matcher.quoteReplacement(text));
    }
    inner.appendTail(sb);
    return new Node.Scalar(s.location(), Node.Kind.STRING, sb.toString());
  }

  /** A parameter's value; an unknown parameter is reported (unless vary: may know it). */
  private Optional<Node> value(String name, Node.Scalar at, Scope scope) {
    Node v = scope.values().get(name);
    if (v != null) {
      return Optional.of(v);
    }
    if (name.equals(INPUT)) {
      error(at.location(), "$input is the layer before block instance '" + scope.instance()
          + "', which has no name; name that layer, or give the instance inputs: [a layer]");
      return Optional.empty();
    }
    if (!lenient) {
      List<String> known = scope.values().keySet().stream().filter(k -> !k.equals(INPUT))
          .toList();
      String hint = Spelling.closest(name, known).map(h -> "; did you mean '$" + h + "'?")
          .orElse(known.isEmpty() ? "; it has no parameters" : "; its parameters are $"
              + String.join(", $", known));
      error(at.location(), "unknown parameter '$" + name + "' in block '"
          + scope.path().get(scope.path().size() - 1) + "' (instance '" + scope.instance()
          + "')" + hint);
    }
    return Optional.empty();
  }

  private String text(Node n, String key) {
    if (n instanceof Node.Scalar s && s.kind() == Node.Kind.STRING && !s.text().isBlank()) {
      return s.text();
    }
    error(n.location(), key + " of a block instance must be text, not " + n.describe());
    return "block";
  }
}
