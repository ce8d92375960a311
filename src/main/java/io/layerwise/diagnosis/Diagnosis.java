package io.layerwise.diagnosis;

import io.layerwise.engine.Analysis;
import io.layerwise.engine.Engine;
import io.layerwise.engine.LayerResult;
import io.layerwise.engine.Mistake;
import io.layerwise.engine.Slip;
import io.layerwise.model.Framework;
import io.layerwise.model.Quantity;
import io.layerwise.model.Shape;
import io.layerwise.model.Value;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The mistake predictions of one exercise, computed once from its analysis: per layer and
 * quantity the right value and every value a mistake of the catalogue gives, and the wrong
 * totals. {@link #carry} recomputes the layers from a student's own earlier shapes, for carried
 * errors. Immutable.
 */
public final class Diagnosis {

  private final Analysis analysis;
  private final Map<String, LayerDiagnosis> layers = new LinkedHashMap<>();
  private final long networkChannels;
  private final Optional<MemoryAnswers> memory;

  private Diagnosis(Analysis analysis) {
    this.analysis = analysis;
    Shape input = analysis.exercise().network().input();
    this.networkChannels = channels(input, analysis.exercise().framework());
    for (int i = 0; i < analysis.layers().size(); i++) {
      LayerResult r = analysis.layers().get(i);
      int at = i;
      layers.putIfAbsent(r.name(), new LayerDiagnosis(r, slips(r), analysis.memory()
          .map(m -> MemoryAnswers.of(m.training(), m.layers().get(at)))));
    }
    this.memory = analysis.memory().map(MemoryAnswers::of);
  }

  /**
   * The network's memory quantities ({@code input_bytes}, …, {@code total_mib}) with their
   * predicted wrong values, when the exercise has {@code training:}.
   */
  public Optional<MemoryAnswers> memory() {
    return memory;
  }

  /** The diagnosis of an analysed exercise. */
  public static Diagnosis of(Analysis analysis) {
    return new Diagnosis(analysis);
  }

  public Analysis analysis() {
    return analysis;
  }

  /** Every layer, in file order. */
  public List<LayerDiagnosis> layers() {
    return List.copyOf(layers.values());
  }

  /** The layer of this name, when the network has one. */
  public Optional<LayerDiagnosis> find(String name) {
    return Optional.ofNullable(layers.get(name));
  }

  public LayerDiagnosis layer(String name) {
    LayerDiagnosis d = layers.get(name);
    if (d == null) {
      throw new IllegalArgumentException("no layer " + name);
    }
    return d;
  }

  /** The right total of a count: the sum over all layers. */
  public Value total(Quantity q) {
    long sum = 0;
    for (LayerResult r : analysis.layers()) {
      sum = Math.addExact(sum, count(r.value(q).orElseThrow()));
    }
    return Value.of(sum);
  }

  /**
   * The wrong totals of a count the catalogue predicts, in the order a marker considers them:
   * the trainable parameters alone, then each layer mistake made in every layer it can be.
   */
  public List<TotalPrediction> totals(Quantity q) {
    List<TotalPrediction> out = new ArrayList<>();
    if (q == Quantity.PARAMS && analysis.totals().trainable() != analysis.totals().params()) {
      out.add(new TotalPrediction(Mistake.TOTAL_TRAINABLE_ONLY,
          Value.of(analysis.totals().trainable())));
    }
    for (Mistake m : Mistake.values()) {
      if (!m.perLayer()) {
        continue;
      }
      long sum = 0;
      boolean changed = false;
      for (LayerDiagnosis l : layers()) {
        long value = count(l.value(q).orElseThrow());
        for (Slip s : l.slips()) {
          if (s.mistake() == m && s.changes(q)) {
            value = count(s.value(q).orElseThrow());
            changed = true;
            break;
          }
        }
        sum = Math.addExact(sum, value);
      }
      if (changed) {
        out.add(new TotalPrediction(m, Value.of(sum)));
      }
    }
    return out;
  }

  /**
   * The network recomputed with some layers' output shapes replaced by a student's, as the
   * student carried them on.
   *
   * @param overrides the student's wrong output shapes, by layer name
   */
  public Carried carry(Map<String, Shape> overrides) {
    Map<String, LayerResult> results = overrides.isEmpty() ? Map.of()
        : Engine.recompute(analysis.exercise(), overrides);
    return new Carried(this, overrides, results);
  }

  /**
   * How a layer's right numbers follow from its inputs, for the self-check page, which judges
   * an answer against the student's own earlier shapes.
   */
  public Recipe recipe(LayerDiagnosis layer) {
    return new Recipes(this).right(layer);
  }

  /** How each of a layer's slips follows from its inputs, in the order of {@link LayerDiagnosis#slips}. */
  public List<Recipe> slipRecipes(LayerDiagnosis layer) {
    Recipes recipes = new Recipes(this);
    return layer.slips().stream().map(s -> recipes.slip(layer, s)).toList();
  }

  /**
   * How a layer's numbers follow from an input of another rank, for each rank a predicted wrong
   * shape of its input has (a Dense layer after a Dense on a non-flat input counted as if
   * flattened): keyed by that rank. Only layers with one input, and recipes that carry.
   */
  public Map<Integer, Recipe> otherRanks(LayerDiagnosis layer) {
    Map<Integer, Recipe> out = new LinkedHashMap<>();
    List<String> inputs = layer.result().node().inputs();
    if (inputs.size() != 1 || !layers.containsKey(inputs.get(0))) {
      return out;
    }
    int rank = layer.result().inputShapes().get(0).rank();
    for (Prediction p : layers.get(inputs.get(0)).predictions(Quantity.OUTPUT_SHAPE)) {
      Shape s = ((Value.Dims) p.value()).shape();
      if (s.rank() != rank && !out.containsKey(s.rank())) {
        compute(layer.result(), List.of(s), Optional.empty(), 0)
            .map(r -> new Recipes(this).right(new LayerDiagnosis(r, List.of())))
            .filter(r -> r.carries() && r.fixed().isEmpty())
            .ifPresent(r -> out.put(s.rank(), r));
      }
    }
    return out;
  }

  /**
   * The axes on which a merging layer's inputs must agree: every axis of an element-wise merge
   * ({@code Add}, {@code Multiply}, …), every axis but the joined one of a {@code Concatenate};
   * empty for other layers.
   */
  public List<Integer> mustAgree(LayerDiagnosis layer) {
    io.layerwise.model.Layer l = layer.result().node().layer();
    int rank = layer.result().output().rank();
    int joined;
    if (l instanceof io.layerwise.model.Merge) {
      joined = -1;
    } else if (l instanceof io.layerwise.model.Concatenate c) {
      int axis = c.axis().orElse(Integer.MIN_VALUE);
      joined = axis == Integer.MIN_VALUE ? channelAxis(rank, analysis.exercise().framework())
          : axis < 0 ? rank + axis : axis - 1;
    } else {
      return List.of();
    }
    List<Integer> out = new ArrayList<>();
    for (int a = 0; a < rank; a++) {
      if (a != joined) {
        out.add(a);
      }
    }
    return out;
  }

  private static int channelAxis(int rank, Framework framework) {
    return switch (framework) {
      case KERAS -> rank - 1;
      case PYTORCH -> 0;
    };
  }

  /** A layer's slips, knowing the network's input channels. */
  List<Slip> slips(LayerResult r) {
    return Engine.slips(r, analysis.exercise().framework(), networkChannels);
  }

  long networkChannels() {
    return networkChannels;
  }

  /** The layer computed alone on other inputs, right or with a mistake (for the page's recipes). */
  Optional<LayerResult> compute(LayerResult r, List<Shape> inputs, Optional<Mistake> mistake,
      int variant) {
    return Engine.layer(r.node(), inputs, analysis.exercise().framework(), mistake, variant,
        networkChannels);
  }

  static long channels(Shape s, Framework framework) {
    if (s.rank() < 2) {
      return 0;
    }
    return switch (framework) {
      case KERAS -> s.dim(s.rank() - 1);
      case PYTORCH -> s.dim(0);
    };
  }

  private static long count(Value v) {
    return ((Value.Count) v).value();
  }
}
