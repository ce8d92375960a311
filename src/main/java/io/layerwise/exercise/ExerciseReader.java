package io.layerwise.exercise;

import io.layerwise.diagnostic.Problems;
import io.layerwise.diagnostic.ExerciseException;
import io.layerwise.diagnostic.Location;
import io.layerwise.diagnostic.Diagnostic;
import io.layerwise.model.Activation;
import io.layerwise.model.Exercise;
import io.layerwise.model.Framework;
import io.layerwise.model.LayerAsk;
import io.layerwise.model.LayerNode;
import io.layerwise.model.Network;
import io.layerwise.model.Quantity;
import io.layerwise.model.Shape;
import io.layerwise.model.Spelling;
import io.layerwise.model.Training;
import io.layerwise.model.Dtype;
import io.layerwise.model.Optimizer;
import io.layerwise.model.Variant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads an exercise file into the model. Checks everything that can be checked without computing
 * shapes (types, keys, values) and reports all of it at once; the engine checks the rest.
 */
public final class ExerciseReader {

  private static final Pattern ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]*");

  private final String file;
  private final Problems problems = new Problems();
  /**
   * Positions of the layers that did not read cleanly: the engine leaves them, and what takes
   * their output, out.
   */
  private final Set<Integer> unread = new HashSet<>();

  private ExerciseReader(String file) {
    this.file = file;
  }

  /**
   * Reads one exercise.
   *
   * @param file the path as the user gave it, for messages and the default id
   * @param text the file's content
   * @throws ExerciseException with every problem found, in file order
   */
  public static ParsedExercise read(String file, String text) throws ExerciseException {
    return cleanly(readAll(file, text));
  }

  /**
   * Reads as much of an exercise as is readable: the problems found come back with the model
   * rather than thrown, so that the engine can still check the layers that read cleanly.
   *
   * @throws ExerciseException only when the file is no exercise at all (not YAML, not a mapping,
   *     over a limit)
   */
  public static ParsedExercise readAll(String file, String text) throws ExerciseException {
    return new ExerciseReader(file).read(text);
  }

  /** Reads a variant: the file's tree with its choices put in. */
  static ParsedExercise read(String file, Node.MapNode tree) throws ExerciseException {
    ExerciseReader reader = new ExerciseReader(file);
    Node root = Blocks.expand(tree, reader.problems);
    if (reader.problems.any() || !(root instanceof Node.MapNode map)) {
      throw new ExerciseException(reader.problems.sorted());
    }
    return cleanly(reader.read(map));
  }

  private static ParsedExercise cleanly(ParsedExercise parsed) throws ExerciseException {
    if (!parsed.problems().isEmpty()) {
      throw new ExerciseException(parsed.problems());
    }
    return parsed;
  }

  private ParsedExercise read(String text) throws ExerciseException {
    Problems written = new Problems();
    Node root = Blocks.expand(YamlTree.parse(file, text, written), problems);
    // A misread number (017) is reported with the others, read as its author meant it.
    written.sorted().forEach(problems::add);
    if (problems.count() > written.count()) {
      throw new ExerciseException(problems.sorted());
    }
    if (!(root instanceof Node.MapNode map)) {
      throw new ExerciseException(List.of(Diagnostic.error(root.location(),
          "an exercise is a mapping with 'title', 'input' and 'layers', but this file holds "
              + root.describe())));
    }
    Optional<Variation> variation = Variation.parse(file, map, problems);
    if (problems.count() > written.count()) {
      throw new ExerciseException(problems.sorted());
    }
    return read(variation.map(Variation::defaults).orElse(map));
  }

  private ParsedExercise read(Node.MapNode map) throws ExerciseException {
    Fields top = new Fields(map, problems, "", Optional.empty());
    top.ignore("vary");
    String title = top.requiredText("title", "the heading of the exercise");
    String id = top.text("id").orElse(defaultId());
    top.get("id").ifPresent(n -> {
      if (!ID.matcher(id).matches()) {
        problems.error(n.location(), "id '" + id + "' may only use letters, digits, '.', '_' and"
            + " '-', starting with a letter or digit");
      }
    });
    int before = problems.count();
    Framework framework = framework(top);
    boolean frameworkRead = problems.count() == before;
    Optional<String> description = top.text("description");
    before = problems.count();
    Shape input = input(top);
    boolean analysable = frameworkRead && problems.count() == before;
    Location inputAt = top.locations().getOrDefault("input", map.location());
    List<Location> layerAt = new ArrayList<>();
    List<Map<String, Location>> fieldAt = new ArrayList<>();
    List<LayerNode> layers = layers(top, map.location(), layerAt, fieldAt, framework);
    List<LayerAsk> layerAsks = new ArrayList<>();
    List<Quantity> ask = ask(top, layers, framework, layerAsks);
    boolean exactWindows = top.bool("exact_windows", false);
    Optional<Variant> variant = variant(top);
    Optional<String> compareWith = top.text("compare_with");
    Optional<Training> training = training(top);
    top.finish("an exercise");
    Exercise exercise = new Exercise(id, title, description,
        new Network(framework, input, layers), ask, exactWindows, variant, compareWith,
        layerAsks, training);
    return new ParsedExercise(exercise,
        new SourceMap(map.location(), inputAt, layerAt, fieldAt, top.locations()),
        problems.sorted(), unread, analysable);
  }

  private String defaultId() {
    String name = file.replace('\\', '/');
    name = name.substring(name.lastIndexOf('/') + 1);
    int dot = name.lastIndexOf('.');
    name = dot > 0 ? name.substring(0, dot) : name;
    String cleaned = name.replaceAll("[^A-Za-z0-9._-]", "-");
    return ID.matcher(cleaned).matches() ? cleaned : "exercise";
  }

  private Framework framework(Fields top) {
    Optional<String> given = top.text("framework");
    if (given.isEmpty()) {
      return Framework.KERAS;
    }
    for (Framework f : Framework.values()) {
      if (f.id().equals(given.get().toLowerCase(Locale.ROOT))) {
        return f;
      }
    }
    List<String> ids = List.of(Framework.KERAS.id(), Framework.PYTORCH.id());
    top.error(top.locations().get("framework"),
        "framework must be 'keras' or 'pytorch', not '" + given.get() + "'",
        Spelling.closest(given.get(), ids));
    return Framework.KERAS;
  }

  /**
   * {@code training: {batch, dtype, optimizer, mixed_precision}}: what the memory of a step is
   * derived for; every key has a default ({@code batch: 1}, {@code float32}, no optimizer).
   */
  private Optional<Training> training(Fields top) {
    Optional<Node> n = top.get("training");
    if (n.isEmpty()) {
      return Optional.empty();
    }
    if (!(n.get() instanceof Node.MapNode m)) {
      top.error(n.get().location(), "training must be a mapping such as {batch: 32, dtype:"
          + " float32, optimizer: adam}, not " + n.get().describe());
      return Optional.empty();
    }
    Fields f = top.nested(m);
    long batch = f.count("batch", 1);
    List<String> dtypes = java.util.Arrays.stream(Dtype.values()).map(Dtype::id).toList();
    Dtype dtype = f.text("dtype").map(t -> Dtype.byId(t).orElseGet(() -> {
      f.error(f.locations().get("dtype"), "dtype must be one of " + String.join(", ", dtypes)
          + ", not '" + t + "'", Spelling.closest(t, dtypes));
      return Dtype.FLOAT32;
    })).orElse(Dtype.FLOAT32);
    List<String> optimizers =
        java.util.Arrays.stream(Optimizer.values()).map(Optimizer::id).toList();
    Optimizer optimizer = f.text("optimizer").map(t -> Optimizer.byId(t).orElseGet(() -> {
      f.error(f.locations().get("optimizer"), "optimizer must be one of "
          + String.join(", ", optimizers) + ", not '" + t + "'",
          Spelling.closest(t, optimizers));
      return Optimizer.NONE;
    })).orElse(Optimizer.NONE);
    boolean mixed = f.bool("mixed_precision", false);
    if (mixed && !dtype.halfPrecision()) {
      f.error(f.locations().get("mixed_precision"), "mixed_precision computes in float16 or"
          + " bfloat16 with float32 master weights; with dtype " + dtype.id() + " there is"
          + " nothing to mix (give dtype: float16 or bfloat16, or leave mixed_precision out)");
      mixed = false;
    }
    f.finish("training");
    return Optional.of(new Training(batch, dtype, optimizer, mixed));
  }

  /**
   * {@code variant: {of, number, seed, student, values}}: written by {@code layerwise variants}
   * into each variant file, read back so that sheets and answer keys can name the student.
   */
  private Optional<Variant> variant(Fields top) {
    Optional<Node> n = top.get("variant");
    if (n.isEmpty()) {
      return Optional.empty();
    }
    if (!(n.get() instanceof Node.MapNode m)) {
      top.error(n.get().location(), "variant must be a mapping {of, number, seed, student,"
          + " values}, as 'layerwise variants' writes it, not " + n.get().describe());
      return Optional.empty();
    }
    Fields f = top.nested(m);
    String of = f.requiredText("of", "the id of the exercise this is a variant of");
    f.get("of").ifPresent(at -> {
      if (!ID.matcher(of).matches()) {
        f.error(at.location(), "variant.of names the exercise's id, which may only use letters,"
            + " digits, '.', '_' and '-', starting with a letter or digit, not " + at.describe()
            + " (the answer key and the question bank are named after it)");
      }
    });
    long number = f.count("number", 1);
    long seed = f.get("seed").map(v -> f.integer(v, "seed", 0)).orElse(0L);
    Optional<String> student = f.text("student");
    Map<String, String> values = new java.util.LinkedHashMap<>();
    f.get("values").ifPresent(v -> {
      if (v instanceof Node.MapNode vm) {
        for (Node.Entry e : vm.entries()) {
          values.put(e.key(), e.value() instanceof Node.Scalar sc ? sc.text()
              : YamlWriter.flow(e.value()));
        }
      } else {
        f.error(v.location(), "values must map parameter names to values, not "
            + v.describe());
      }
    });
    f.finish("variant");
    return Optional.of(new Variant(of, (int) Math.min(number, Integer.MAX_VALUE), seed, student,
        values));
  }

  /**
   * {@code ask: [output_shape, params, total, {receptive_field: block5_pool}]}: what the question
   * sheet asks; a quantity alone asks it of every layer, a one-key mapping of some layers only
   * (their names, or {@code {type: BatchNormalization}}), collected into {@code layerAsks}.
   */
  private List<Quantity> ask(Fields top, List<LayerNode> layers, Framework framework,
      List<LayerAsk> layerAsks) {
    Optional<Node> n = top.get("ask");
    if (n.isEmpty()) {
      return Quantity.DEFAULT_ASK;
    }
    List<Node> items = n.get() instanceof Node.ListNode list ? list.items() : List.of(n.get());
    List<Quantity> ask = new ArrayList<>();
    List<String> ids = java.util.Arrays.stream(Quantity.values()).filter(ExerciseReader::askable)
        .map(Quantity::id).toList();
    boolean training = top.has("training");
    int before = problems.count();
    for (Node item : items) {
      if (item instanceof Node.MapNode m) {
        layerAsk(top, m, layers, framework, ids).ifPresent(layerAsks::add);
        continue;
      }
      String text = item instanceof Node.Scalar s ? s.text() : "";
      Optional<Quantity> q = Quantity.byId(text);
      if (q.isPresent() && !askable(q.get())) {
        top.error(item.location(), "ask '" + Quantity.MEMORY.id() + "' for the memory totals"
            + " (input, activations, parameters, gradients, optimizer state, total in bytes,"
            + " MiB and MB), not '" + text + "' alone");
      } else if (q.isPresent() && q.get().memory() && !training) {
        top.error(item.location(), "'" + text + "' asks the memory of a training step, but"
            + " the exercise has no 'training:' section (add training: {batch: 1})");
      } else if (q.isEmpty()) {
        top.error(item.location(), "ask lists quantities (" + String.join(", ", ids) + "), or"
            + " {QUANTITY: [LAYER, ...]} or {QUANTITY: {type: KIND}} for some layers, not "
            + item.describe(), Spelling.closest(text, ids));
      } else if (!ask.contains(q.get())) {
        ask.add(q.get());
      }
    }
    if (ask.isEmpty() && layerAsks.isEmpty() && problems.count() > before) {
      return Quantity.DEFAULT_ASK;
    }
    if (ask.isEmpty() && layerAsks.isEmpty()) {
      top.error(n.get().location(), "ask must list at least one quantity");
      return Quantity.DEFAULT_ASK;
    }
    return ask;
  }

  /**
   * Whether {@code ask:} may name a quantity: every one but the parts of the memory total that
   * {@code memory} asks together ({@code input_bytes}, {@code total_mib}, {@code total_mb}).
   */
  private static boolean askable(Quantity q) {
    return q.ofLayer() || q == Quantity.TOTAL || q == Quantity.MEMORY;
  }

  /** {@code {non_trainable_params: {type: BatchNormalization}}} or {@code {macs: [conv1, fc]}}. */
  private Optional<LayerAsk> layerAsk(Fields top, Node.MapNode m, List<LayerNode> layers,
      Framework framework, List<String> ids) {
    if (m.entries().size() != 1) {
      top.error(m.location(), "a question about some layers is one QUANTITY: LAYERS pair, such"
          + " as {receptive_field: [block5_pool]} or {macs: {type: Conv2D}}, not a mapping of "
          + m.entries().size() + " keys");
      return Optional.empty();
    }
    Node.Entry e = m.entries().get(0);
    Optional<Quantity> q = Quantity.byId(e.key());
    if (q.isPresent() && q.get().ofLayer() && q.get().memory() && !top.has("training")) {
      top.error(e.keyLocation(), "'" + e.key() + "' asks the memory of a training step, but"
          + " the exercise has no 'training:' section (add training: {batch: 1})");
      return Optional.empty();
    }
    if (q.isEmpty() || !q.get().ofLayer()) {
      List<String> layerIds = ids.stream()
          .filter(i -> Quantity.byId(i).map(Quantity::ofLayer).orElse(false)).toList();
      top.error(e.keyLocation(), "'" + e.key() + "' is not a quantity of a layer: ask of some"
          + " layers one of " + String.join(", ", layerIds), Spelling.closest(e.key(), layerIds));
      return Optional.empty();
    }
    List<String> names = layers.stream().map(LayerNode::name).toList();
    if (e.value() instanceof Node.MapNode sel) {
      Fields f = top.nested(sel);
      String type = f.requiredText("type", "the layer kind whose layers are asked");
      f.finish("a layer selection");
      if (type.isEmpty()) {
        return Optional.empty();
      }
      String wanted = normalised(type);
      List<String> chosen = layers.stream().filter(l -> kindMatches(l, framework, wanted))
          .map(LayerNode::name).toList();
      if (chosen.isEmpty()) {
        List<String> kinds = layers.stream().map(l -> l.layer().type().className()).distinct()
            .toList();
        f.error(f.locations().getOrDefault("type", sel.location()), "no layer of this network"
            + " is a '" + type + "'; its kinds are " + String.join(", ", kinds),
            Spelling.closest(type, kinds));
        return Optional.empty();
      }
      return Optional.of(new LayerAsk(q.get(), chosen, Optional.of(type)));
    }
    List<Node> items = e.value() instanceof Node.ListNode list ? list.items() : List.of(e.value());
    Set<String> chosen = new HashSet<>();
    boolean bad = false;
    for (Node item : items) {
      String text = item instanceof Node.Scalar s ? s.text() : "";
      Optional<String> name = names.stream().filter(x -> x.equalsIgnoreCase(text)).findFirst();
      if (name.isEmpty()) {
        top.error(item.location(), "ask names layers of this network, not " + item.describe(),
            Spelling.closest(text, names));
        bad = true;
      } else {
        chosen.add(name.get());
      }
    }
    if (bad) {
      return Optional.empty();
    }
    if (chosen.isEmpty()) {
      top.error(e.value().location(), "ask " + e.key() + " of at least one layer");
      return Optional.empty();
    }
    return Optional.of(new LayerAsk(q.get(), names.stream().filter(chosen::contains).toList(),
        Optional.empty()));
  }

  private static boolean kindMatches(LayerNode l, Framework framework, String wanted) {
    if (normalised(l.layer().type().className()).equals(wanted)) {
      return true;
    }
    for (int rank = 0; rank <= 5; rank++) {
      if (normalised(l.layer().className(framework, rank)).equals(wanted)) {
        return true;
      }
    }
    return false;
  }

  private static String normalised(String kind) {
    return kind.replace("_", "").toLowerCase(Locale.ROOT);
  }

  private Shape input(Fields top) {
    Optional<Node> n = top.get("input");
    if (n.isEmpty()) {
      problems.error(top.location(), "missing 'input' (the input shape without the batch axis,"
          + " e.g. [28, 28, 1])");
      return Shape.of(1);
    }
    List<Long> dims = new ArrayList<>();
    if (n.get() instanceof Node.ListNode list && list.items().size() > Limits.RANK) {
      problems.error(n.get().location(), "input has " + Limits.show(list.items().size())
          + " axes; shapes are limited to " + Limits.RANK);
      return Shape.of(1);
    } else if (n.get() instanceof Node.ListNode list && !list.items().isEmpty()) {
      for (Node item : list.items()) {
        dims.add(top.integer(item, "input", 1));
      }
    } else if (n.get() instanceof Node.Scalar s && s.kind() == Node.Kind.INTEGER) {
      dims.add(top.integer(s, "input", 1));
    } else {
      problems.error(n.get().location(), "input must be a shape such as [28, 28, 1], not "
          + n.get().describe());
      return Shape.of(1);
    }
    return new Shape(dims);
  }

  private List<LayerNode> layers(Fields top, Location rootAt, List<Location> layerAt,
      List<Map<String, Location>> fieldAt, Framework framework) {
    Optional<Node> n = top.get("layers");
    if (n.isEmpty()) {
      problems.error(rootAt, "missing 'layers' (the list of layers)");
      return List.of();
    }
    if (!(n.get() instanceof Node.ListNode list) || list.items().isEmpty()) {
      problems.error(n.get().location(), "layers must be a list with at least one layer, not "
          + n.get().describe());
      return List.of();
    }
    if (list.items().size() > Limits.LAYERS) {
      problems.error(n.get().location(), "the network has " + Limits.show(list.items().size())
          + " layers; exercises are limited to " + Limits.show(Limits.LAYERS));
      return List.of();
    }
    // Pass 1: kinds and explicit names, so that automatic names avoid them.
    List<Optional<TypeName>> types = new ArrayList<>();
    List<Optional<String>> explicit = new ArrayList<>();
    Set<String> taken = new HashSet<>();
    for (Node item : list.items()) {
      types.add(Optional.empty());
      explicit.add(Optional.empty());
      if (!(item instanceof Node.MapNode m)) {
        continue;
      }
      int i = types.size() - 1;
      m.entry("type").map(Node.Entry::value)
          .ifPresent(t -> types.set(i, type(t, i, framework)));
      m.entry("name").map(Node.Entry::value).filter(v -> v instanceof Node.Scalar)
          .map(v -> ((Node.Scalar) v).text()).filter(s -> !s.isBlank())
          .ifPresent(s -> {
            explicit.set(i, Optional.of(s));
            taken.add(s);
          });
    }
    Map<String, Integer> counters = new HashMap<>();
    List<LayerNode> nodes = new ArrayList<>();
    String previous = Network.INPUT;
    for (int i = 0; i < list.items().size(); i++) {
      Node item = list.items().get(i);
      if (!(item instanceof Node.MapNode m)) {
        problems.error(item.location(), "layer " + (i + 1) + " must be a mapping such as"
            + " {type: Dense, units: 10}, not " + item.describe());
        previous = autoName("layer", counters, taken);
        unreadable(nodes, previous, item, Map.of(), layerAt, fieldAt);
        continue;
      }
      int before = problems.count();
      Optional<TypeName> type = types.get(i);
      String name = explicit.get(i).orElseGet(
          () -> autoName(type.map(TypeName::autoName).orElse("layer"), counters, taken));
      String where = " in layer '" + name + "'" + type.map(t -> " (" + t.shown() + ")")
          .orElse("");
      Fields f = new Fields(m, problems, where, Optional.of(name));
      f.get("type");
      if (!m.entry("type").isPresent()) {
        f.error(m.location(), "missing 'type' (the Keras class name, e.g. Conv2D or Dense)");
      }
      f.get("name").ifPresent(v -> {
        if (!(v instanceof Node.Scalar s) || s.kind() != Node.Kind.STRING || s.text().isBlank()) {
          f.error(v.location(), "name must be text, not " + v.describe());
        }
      });
      List<String> inputs = inputs(f, previous);
      boolean trainable = f.bool("trainable", true);
      if (type.isPresent()) {
        ReadLayer read = LayerReader.read(type.get(), f);
        f.finish(type.get().shown());
        if (problems.count() > before) {
          unread.add(nodes.size());
        }
        nodes.add(new LayerNode(name, inputs, trainable, read.layer(), read.checks()));
        layerAt.add(item.location());
        fieldAt.add(f.locations());
      } else {
        unreadable(nodes, name, item, f.locations(), layerAt, fieldAt);
      }
      previous = name;
    }
    return nodes;
  }

  /**
   * A placeholder for a layer of no known kind, so that layers keep their positions in the file;
   * marked unread, the engine never looks at it.
   */
  private void unreadable(List<LayerNode> nodes, String name, Node item,
      Map<String, Location> fields, List<Location> layerAt, List<Map<String, Location>> fieldAt) {
    unread.add(nodes.size());
    nodes.add(new LayerNode(name, List.of(Network.INPUT), true, new Activation("unread")));
    layerAt.add(item.location());
    fieldAt.add(fields);
  }

  private Optional<TypeName> type(Node t, int index, Framework framework) {
    String where = " in layer " + (index + 1);
    if (!(t instanceof Node.Scalar s) || s.kind() != Node.Kind.STRING) {
      problems.error(t.location(), "type must be a layer class name such as Conv2D, not "
          + t.describe() + where);
      return Optional.empty();
    }
    Optional<TypeName> found = LayerTypes.resolve(s.text(), framework);
    if (found.isEmpty()) {
      problems.error(t.location(), "unknown layer type '" + s.text() + "'" + where
          + LayerTypes.hint(s.text(), framework));
    }
    return found;
  }

  private static String autoName(String base, Map<String, Integer> counters, Set<String> taken) {
    while (true) {
      int n = counters.merge(base, 1, Integer::sum) - 1;
      String name = n == 0 ? base : base + "_" + n;
      if (taken.add(name)) {
        return name;
      }
    }
  }

  private List<String> inputs(Fields f, String previous) {
    Optional<Node> n = f.get("inputs");
    if (n.isEmpty()) {
      return List.of(previous);
    }
    List<String> names = new ArrayList<>();
    List<Node> items = n.get() instanceof Node.ListNode list ? list.items() : List.of(n.get());
    if (items.size() > Limits.INPUTS) {
      f.error(n.get().location(), "inputs names " + Limits.show(items.size()) + " layers; a layer"
          + " takes at most " + Limits.show(Limits.INPUTS));
      return List.of(previous);
    }
    for (Node item : items) {
      if (item instanceof Node.Scalar s && s.kind() != Node.Kind.NULL && !s.text().isBlank()) {
        names.add(s.text());
      } else {
        f.error(item.location(), "inputs must name layers, such as [conv1, shortcut], not "
            + item.describe());
      }
    }
    if (names.isEmpty() && items.isEmpty()) {
      f.error(n.get().location(), "inputs must name at least one layer");
    }
    return names.isEmpty() ? List.of(previous) : names;
  }
}
