package io.layerwise.engine;

import io.layerwise.model.Exercise;
import io.layerwise.model.Framework;
import io.layerwise.model.LayerNode;
import io.layerwise.model.Network;
import io.layerwise.model.Shape;
import io.layerwise.model.Spelling;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Analyses a network layer by layer, in file order: resolves each layer's inputs, runs the rules
 * of its kind, and sums the totals. Reports every problem it can find, skipping only the layers
 * that depend on a broken one. Stateless and pure.
 */
public final class Engine {

  /** Past this many problems in a file, unknown layer names get no "did you mean". */
  private static final int MAX_HINTS = 100;

  private Engine() {}

  public static Analysis analyze(Exercise exercise) throws EngineException {
    List<Problem> problems = new ArrayList<>();
    List<LayerResult> results = check(exercise, Set.of(), problems);
    Totals totals = problems.isEmpty() ? totals(exercise.network(), results, problems) : null;
    Optional<Memory> memory = Optional.empty();
    if (problems.isEmpty() && exercise.training().isPresent()) {
      try {
        memory = Optional.of(MemoryRules.of(exercise, results, totals));
      } catch (ArithmeticException e) {
        problems.add(new Problem(exercise.network().layers().size(), "training",
            "the memory of a training step with"
            + " batch " + exercise.training().get().batch() + " exceeds the 64-bit range (more"
            + " than 9,223,372,036,854,775,807 bytes)"));
      }
    }
    if (!problems.isEmpty()) {
      throw new EngineException(problems);
    }
    return new Analysis(exercise, results, totals, Optional.empty(), memory);
  }

  /**
   * The problems of a network some of whose layers did not read: those layers, and the layers
   * that take their output, are left out; every other layer is checked as {@link #analyze}
   * would, so that a file's mistakes are all reported at once.
   *
   * @param unread the positions of the layers to leave out
   */
  public static List<Problem> problems(Exercise exercise, Set<Integer> unread) {
    List<Problem> problems = new ArrayList<>();
    check(exercise, unread, problems);
    return problems;
  }

  private static List<LayerResult> check(Exercise exercise, Set<Integer> unread,
      List<Problem> problems) {
    Network net = exercise.network();
    Map<String, Integer> positions = new HashMap<>();
    for (int i = 0; i < net.layers().size(); i++) {
      LayerNode node = net.layers().get(i);
      if (unread.contains(i)) {
        positions.putIfAbsent(node.name(), i);
      } else if (node.name().equals(Network.INPUT)) {
        problems.add(new Problem(i, "name", "the name '" + Network.INPUT
            + "' is reserved for the network's input; rename layer '" + node.name() + "' ("
            + node.layer().className(net.framework(), 0) + ")"));
      } else if (positions.putIfAbsent(node.name(), i) != null) {
        problems.add(new Problem(i, "name", "duplicate layer name '" + node.name() + "' ("
            + node.layer().className(net.framework(), 0) + "): layer "
            + (positions.get(node.name()) + 1)
            + " already has it"));
      }
    }
    List<LayerResult> results = run(net, positions, Map.of(), problems, unread);
    if (exercise.exactWindows()) {
      exactWindows(results, positions, net.framework(), problems);
    }
    return results;
  }

  /** {@code exact_windows: true}: every output size is a whole division, nothing rounded away. */
  private static void exactWindows(List<LayerResult> results, Map<String, Integer> positions,
      Framework framework, List<Problem> problems) {
    for (LayerResult l : results) {
      for (Derivation d : l.derivations()) {
        if (d.quantity().outputAxis() && d.dropsRemainder()) {
          problems.add(new Problem(positions.get(l.name()), "", "the window does not tile its"
              + " input exactly (" + d.equation(Notation.TEXT) + " rounds a remainder away),"
              + " but the exercise asks for exact windows (exact_windows: true) in layer '"
              + l.name() + "' (" + l.className(framework) + ")"));
          break;
        }
      }
    }
  }

  /**
   * Recomputes the network with some layers' output shapes replaced by given ones, as a student
   * who got an earlier shape wrong would carry it on. Lenient: layers that cannot be computed from
   * the replaced shapes are left out, and nothing is reported.
   *
   * @param overrides output shapes by layer name, used downstream instead of the computed ones
   * @return the layers that could be computed, by name
   */
  public static Map<String, LayerResult> recompute(Exercise exercise, Map<String, Shape> overrides) {
    Network net = exercise.network();
    Map<String, Integer> positions = new HashMap<>();
    for (int i = 0; i < net.layers().size(); i++) {
      positions.putIfAbsent(net.layers().get(i).name(), i);
    }
    Map<String, LayerResult> out = new HashMap<>();
    for (LayerResult r : run(net, positions, overrides, new ArrayList<>(), Set.of())) {
      out.putIfAbsent(r.name(), r);
    }
    return out;
  }

  /**
   * The memory of one layer for a training step, as {@link #analyze} derives it: for a layer
   * {@link #recompute recomputed} from a student's shapes, whose memory follows from them.
   */
  public static LayerMemory layerMemory(io.layerwise.model.Training training, LayerResult layer) {
    return MemoryRules.layer(training, layer);
  }

  /**
   * Every way the mistake catalogue can get this layer wrong: the layer recomputed once per
   * layer mistake (and variant) whose wrong branch its rules took, kept when some number differs
   * from the right result. Pure and cheap (microseconds per mistake).
   *
   * @param right the layer's right result, whose inputs the mistaken computations reuse
   */
  public static List<Slip> slips(LayerResult right, Framework framework) {
    return slips(right, framework, 0);
  }

  /**
   * {@link #slips(LayerResult, Framework)}, knowing the channels of the network's input, which
   * some students take for every layer's ({@link Mistake#CHANNELS_OF_NETWORK_INPUT}).
   *
   * @param networkChannels the network input's channels, or 0
   */
  public static List<Slip> slips(LayerResult right, Framework framework, long networkChannels) {
    List<Slip> slips = new ArrayList<>();
    for (Mistake m : Mistake.values()) {
      for (int v = 0; v < m.variants(); v++) {
        LayerCalc calc = new LayerCalc(0, right.node(), framework, right.inputShapes(),
            Optional.empty(), new ArrayList<>(), Optional.of(m), v);
        calc.networkChannels(networkChannels);
        LayerResult wrong;
        try {
          right.node().layer().accept(new LayerRules(calc));
          if (!calc.slipped()) {
            break;
          }
          wrong = finish(calc);
        } catch (LayerCalc.Abort | ArithmeticException e) {
          continue;
        }
        Slip slip = new Slip(m, v, right, wrong);
        if (slip.changesAnything()) {
          slips.add(slip);
        }
      }
    }
    return slips;
  }

  /**
   * One layer computed on the given input shapes, right or with one mistake of the catalogue, as
   * nothing else in the network matters to it: how the diagnosis learns which of a layer's
   * numbers follow from its inputs. Lenient: empty when the layer cannot take these inputs.
   *
   * @param mistake the mistake to make, with {@code variant}, or empty for the right way
   */
  public static Optional<LayerResult> layer(LayerNode node, List<Shape> inputs,
      Framework framework, Optional<Mistake> mistake, int variant, long networkChannels) {
    LayerCalc calc = new LayerCalc(0, node, framework, inputs, Optional.empty(),
        new ArrayList<>(), mistake, variant);
    calc.networkChannels(networkChannels);
    try {
      InputChecks.verify(calc);
      node.layer().accept(new LayerRules(calc));
      calc.stopIfFailed();
      return Optional.of(finish(calc));
    } catch (LayerCalc.Abort | ArithmeticException | IllegalStateException e) {
      return Optional.empty();
    }
  }

  private static List<LayerResult> run(
      Network net,
      Map<String, Integer> positions,
      Map<String, Shape> overrides,
      List<Problem> problems,
      Set<Integer> unread) {
    List<LayerResult> results = new ArrayList<>();
    Map<String, Shape> shapes = new HashMap<>();
    Map<String, Optional<Geometry>> geometries = new HashMap<>();
    Set<String> broken = new HashSet<>();
    shapes.put(Network.INPUT, net.input());
    geometries.put(
        Network.INPUT,
        net.input().rank() >= 2
            ? Optional.of(Geometry.identity(net.input().rank() - 1))
            : Optional.empty());

    for (int i = 0; i < net.layers().size(); i++) {
      LayerNode node = net.layers().get(i);
      if (unread.contains(i)) {
        broken.add(node.name());
        continue;
      }
      Optional<List<Shape>> inputs = resolveInputs(i, node, positions, shapes, broken, problems,
          net.framework());
      if (inputs.isEmpty()) {
        if (overrides.containsKey(node.name())) {
          shapes.put(node.name(), overrides.get(node.name()));
          geometries.put(node.name(), Optional.empty());
        } else {
          broken.add(node.name());
        }
        continue;
      }
      Optional<Geometry> geometry;
      try {
        geometry = combine(node.inputs(), geometries);
      } catch (ArithmeticException e) {
        geometry = Optional.empty();
      }
      LayerCalc calc =
          new LayerCalc(i, node, net.framework(), inputs.get(), geometry, problems);
      try {
        InputChecks.verify(calc);
        node.layer().accept(new LayerRules(calc));
        LayerResult result = finish(calc);
        results.add(result);
        shapes.putIfAbsent(node.name(), overrides.getOrDefault(node.name(), result.output()));
        geometries.putIfAbsent(node.name(), result.geometry());
      } catch (LayerCalc.Abort e) {
        broken.add(node.name());
      } catch (ArithmeticException e) {
        calc.problem("", "a number exceeds the 64-bit range (more than 9,223,372,036,854,775,807)");
        broken.add(node.name());
      }
      if (broken.contains(node.name()) && overrides.containsKey(node.name())) {
        broken.remove(node.name());
        shapes.put(node.name(), overrides.get(node.name()));
        geometries.put(node.name(), Optional.empty());
      }
    }
    return results;
  }

  private static Optional<List<Shape>> resolveInputs(
      int index,
      LayerNode node,
      Map<String, Integer> positions,
      Map<String, Shape> shapes,
      Set<String> broken,
      List<Problem> problems,
      io.layerwise.model.Framework framework) {
    String layer = "layer '" + Spelling.quoted(node.name()) + "' ("
        + node.layer().className(framework, 0) + ")";
    List<Shape> inputs = new ArrayList<>();
    boolean ok = true;
    for (String name : node.inputs()) {
      if (shapes.containsKey(name)) {
        inputs.add(shapes.get(name));
      } else if (broken.contains(name)) {
        ok = false;
      } else if (name.equals(node.name())) {
        problems.add(new Problem(index, "inputs", layer + " takes its own output; a layer can"
            + " only take the outputs of layers above it"));
        ok = false;
      } else if (positions.containsKey(name) && positions.get(name) > index) {
        problems.add(new Problem(index, "inputs", layer + " takes '" + Spelling.quoted(name)
            + "', which comes"
            + " later in the file; a layer can only take the outputs of layers above it"));
        ok = false;
      } else {
        // a suggestion costs a look at every name: only the first few unknown names get one
        String hint = "";
        if (problems.size() < MAX_HINTS) {
          List<String> known = new ArrayList<>(shapes.keySet());
          known.addAll(broken);
          hint = Spelling.closest(name, known).map(s -> "; did you mean '" + s + "'?").orElse("");
        }
        problems.add(new Problem(index, "inputs", "unknown layer '" + Spelling.quoted(name)
            + "' in the inputs of "
            + layer + hint));
        ok = false;
      }
    }
    int n = node.inputs().size();
    if (ok && (n < node.layer().minInputs() || n > node.layer().maxInputs())) {
      int min = node.layer().minInputs();
      int max = node.layer().maxInputs();
      String wanted = min == max ? "exactly " + (min == 1 ? "one input" : min + " inputs")
          : "at least " + min + " inputs";
      problems.add(new Problem(index, "inputs", layer + " takes " + wanted + ", but has " + n
          + " (" + String.join(", ", node.inputs()) + ")"
          + (node.layer().maxInputs() > 1 ? "; name them with inputs: [a, b]" : "")));
      ok = false;
    }
    return ok ? Optional.of(inputs) : Optional.empty();
  }

  /** The geometry of a layer's inputs: the widest receptive field and the largest jump. */
  private static Optional<Geometry> combine(
      List<String> inputs, Map<String, Optional<Geometry>> geometries) {
    Geometry merged = null;
    for (String name : inputs) {
      Optional<Geometry> g = geometries.getOrDefault(name, Optional.empty());
      if (g.isEmpty() || (merged != null && merged.axes() != g.get().axes())) {
        return Optional.empty();
      }
      if (merged == null) {
        merged = g.get();
      } else {
        List<Fraction> rf = new ArrayList<>();
        List<Fraction> jump = new ArrayList<>();
        for (int a = 0; a < merged.axes(); a++) {
          rf.add(merged.receptiveField().get(a).max(g.get().receptiveField().get(a)));
          jump.add(merged.stride().get(a).max(g.get().stride().get(a)));
        }
        merged = new Geometry(rf, jump);
      }
    }
    return Optional.ofNullable(merged);
  }

  private static LayerResult finish(LayerCalc calc) {
    Shape out = calc.outputShape().orElseThrow(() -> new IllegalStateException(
        "no output shape for " + calc.node.name()));
    List<Symbol> symbols = new ArrayList<>();
    for (int axis = 0; axis < out.rank(); axis++) {
      symbols.add(Symbols.out(calc.layout.dimLetter(out.rank(), axis)));
    }
    long activations =
        calc.derive(
            Derived.Count.ACTIVATIONS,
            Symbols.ACTIVATIONS,
            Formulas.product(symbols, out.dims()),
            Explanation.of(out.rank() == 1 ? "activations.flat" : "activations"));
    long params = calc.derivation(Derived.Count.PARAMS).orElseThrow(() -> new IllegalStateException(
        "no parameter derivation for " + calc.node.name())).result();
    if (params != Math.addExact(Math.addExact(calc.weights, calc.biases), calc.statistics)) {
      throw new IllegalStateException("parameter groups do not add up in " + calc.node.name());
    }
    long trainable;
    long nonTrainable;
    Optional<Derivation> t = calc.derivation(Derived.Count.TRAINABLE);
    if (t.isPresent()) {
      trainable = t.get().result();
      nonTrainable = calc.derivation(Derived.Count.NON_TRAINABLE).orElseThrow().result();
    } else if (calc.node.trainable() || params == 0) {
      trainable = params;
      nonTrainable = 0;
    } else {
      trainable =
          calc.derive(Derived.Count.TRAINABLE, Symbols.TRAINABLE, Formulas.constant(0),
              Explanation.of("frozen.trainable"));
      nonTrainable =
          calc.derive(Derived.Count.NON_TRAINABLE, Symbols.NON_TRAINABLE,
              Formulas.value(Symbols.PARAMS, params), Explanation.of("frozen.nonTrainable"));
    }
    long otherParams = calc.derivation(Symbols.otherParams(calc.framework))
        .map(Derivation::result).orElse(params);
    // a normalisation counts its statistics differently (not trained); a recurrent layer its
    // biases (trained where the layer is)
    long otherTrainable =
        ParamFamily.of(calc.node.layer()) == ParamFamily.NORMALIZATION || trainable == 0
            ? trainable : Math.addExact(trainable, otherParams - params);
    OtherFramework other = new OtherFramework(Symbols.other(calc.framework), otherParams,
        otherTrainable, calc.roundsUp);
    Optional<Geometry> geometry = calc.geometry();
    if (geometry.isPresent() && geometry.get().axes() != out.rank() - 1) {
      geometry = Optional.empty();
    }
    return new LayerResult(
        calc.node,
        calc.inputs,
        out,
        activations,
        calc.weights,
        calc.biases,
        params,
        trainable,
        nonTrainable,
        calc.macs,
        geometry,
        calc.derivations(),
        other);
  }

  /** The sums over all layers; null, with a problem at the layer that overflows them. */
  private static Totals totals(Network net, List<LayerResult> layers, List<Problem> problems) {
    long params = 0;
    long trainable = 0;
    long nonTrainable = 0;
    long macs = 0;
    long activations = 0;
    for (LayerResult l : layers) {
      try {
        params = Math.addExact(params, l.params());
        trainable = Math.addExact(trainable, l.trainable());
        nonTrainable = Math.addExact(nonTrainable, l.nonTrainable());
        macs = Math.addExact(macs, l.macs());
        activations = Math.addExact(activations, l.activations());
      } catch (ArithmeticException e) {
        problems.add(new Problem(net.layers().indexOf(l.node()), "", "the network's totals"
            + " exceed the 64-bit range (more than 9,223,372,036,854,775,807) with layer '"
            + l.name() + "' (" + l.className(net.framework()) + ")"));
        return null;
      }
    }
    return new Totals(params, trainable, nonTrainable, macs, activations);
  }
}
