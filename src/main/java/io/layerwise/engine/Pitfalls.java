package io.layerwise.engine;

import io.layerwise.model.Conv;
import io.layerwise.model.Dense;
import io.layerwise.model.Flatten;
import io.layerwise.model.Layer;
import io.layerwise.model.LayerType;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The classic mistakes a network gives occasion for, so that a sheet warns about exactly those:
 * pooling without weights, Dense on a non-flat input, {@code same} padding, input channels, one
 * bias per unit, batch-norm statistics, frozen layers, grouped convolutions.
 */
public final class Pitfalls {

  private Pitfalls() {}

  public static List<Explanation> of(Analysis a) {
    Set<String> keys = new LinkedHashSet<>();
    // a pitfall in this network's own numbers, from the first layer it concerns
    Map<String, Explanation> own = new HashMap<>();
    List<Explanation> out = new ArrayList<>();
    for (LayerResult l : a.layers()) {
      ownNumbers(l).ifPresent(e -> own.putIfAbsent(e.key(), e));
      LayerType type = l.node().layer().type();
      keys.addAll(switch (type) {
        case CONV1D, CONV2D, CONV3D, CONV1D_TRANSPOSE, CONV2D_TRANSPOSE, CONV3D_TRANSPOSE,
            SEPARABLE_CONV2D ->
            convolution(l);
        case DEPTHWISE_CONV2D -> List.of("pitfall.depthwise");
        case MAX_POOLING1D, MAX_POOLING2D, MAX_POOLING3D, AVERAGE_POOLING1D, AVERAGE_POOLING2D,
            AVERAGE_POOLING3D, GLOBAL_AVERAGE_POOLING1D, GLOBAL_AVERAGE_POOLING2D,
            GLOBAL_MAX_POOLING1D, GLOBAL_MAX_POOLING2D, ADAPTIVE_AVG_POOL1D, ADAPTIVE_AVG_POOL2D,
            ADAPTIVE_MAX_POOL1D, ADAPTIVE_MAX_POOL2D -> List.of("pitfall.pooling");
        case SUBSAMPLING2D -> List.of("pitfall.subsampling");
        case FLATTEN -> List.of("pitfall.flatten");
        case DENSE -> dense(l);
        case BATCH_NORMALIZATION -> List.of(switch (a.exercise().framework()) {
          case KERAS -> "pitfall.batchNorm.keras";
          case PYTORCH -> "pitfall.batchNorm.pytorch";
        });
        case SIMPLE_RNN, LSTM, GRU, BIDIRECTIONAL -> List.of("pitfall.gates");
        case MULTI_HEAD_ATTENTION -> List.of("pitfall.attention");
        case RBF -> List.of("pitfall.rbf");
        case TIME_DISTRIBUTED -> List.of("pitfall.timeDistributed");
        // nothing students commonly get wrong about these
        case DROPOUT, ACTIVATION, LAYER_NORMALIZATION, GROUP_NORMALIZATION,
            ZERO_PADDING2D, UP_SAMPLING2D, RESHAPE,
            ADD, SUBTRACT, MULTIPLY, MAXIMUM, AVERAGE, CONCATENATE, CROPPING2D, EMBEDDING ->
            List.of();
      });
      if (l.derivations().stream().anyMatch(d -> d.explanation().key().startsWith("window.same"))) {
        keys.add("pitfall.same");
      }
      if (l.derivations().stream().anyMatch(d -> (d.explanation().key().equals("window.valid")
          || d.explanation().key().equals("window.zero"))
          && d.quantity().outputAxis() && hasRemainder(d))) {
        keys.add("pitfall.floor");
      }
      if (!l.node().trainable() && l.params() > 0) {
        keys.add("pitfall.frozen");
      }
    }
    if (keys.contains("pitfall.dense")) {
      keys.remove("pitfall.biasPerUnit"); // the dense pitfall says it already
    }
    for (String k : keys) {
      out.add(own.getOrDefault(k + ".own", Explanation.of(k)));
    }
    return out;
  }

  /**
   * The pitfall of a layer with its numbers: the first convolution's filter (kernel and input
   * channels), the first Flatten's input, the first dense layer's count.
   */
  private static Optional<Explanation> ownNumbers(LayerResult l) {
    Layer layer = l.node().layer();
    if (layer instanceof Conv c && c.filters() > 0 && l.weights() > 0) {
      long area = c.window().kernel().stream().mapToLong(Long::longValue).reduce(1, (x, y) -> x * y);
      long perFilter = l.weights() / c.filters();
      if (area > 0 && perFilter % area == 0 && perFilter / area > 1) {
        String kernel = c.window().kernel().stream().map(String::valueOf)
            .collect(Collectors.joining("×"));
        return Optional.of(Explanation.of("pitfall.inputChannels.own", l.name(), kernel,
            Notation.TEXT.number(perFilter / area), Notation.TEXT.number(perFilter),
            Notation.TEXT.number(area)));
      }
    }
    if (layer instanceof Flatten && l.inputShapes().get(0).rank() > 1) {
      return Optional.of(Explanation.of("pitfall.flatten.own", l.inputShapes().get(0).toString(),
          Notation.TEXT.number(l.output().size())));
    }
    if (layer instanceof Dense d && l.biases() > 0 && l.inputShapes().get(0).rank() == 1) {
      String nin = Notation.TEXT.number(l.inputShapes().get(0).size());
      String u = Notation.TEXT.number(d.units());
      return Optional.of(Explanation.of("pitfall.dense.own", l.name(), nin, u,
          Notation.TEXT.number(l.params())));
    }
    return Optional.empty();
  }

  private static List<String> convolution(LayerResult l) {
    List<String> keys = new ArrayList<>();
    if (l.inputShapes().get(0).rank() > 1) {
      keys.add("pitfall.inputChannels");
    }
    if (l.biases() > 0) {
      keys.add("pitfall.biasPerFilter");
    }
    if (l.node().layer() instanceof Conv c && c.groups() > 1) {
      keys.add("pitfall.groups");
    }
    return keys;
  }

  private static List<String> dense(LayerResult l) {
    List<String> keys = new ArrayList<>();
    keys.add(l.inputShapes().get(0).rank() > 1 ? "pitfall.denseLastAxis" : "pitfall.dense");
    if (l.biases() > 0) {
      keys.add("pitfall.biasPerUnit");
    }
    return keys;
  }

  /** A valid window whose last step is cut off: (in − K) not divisible by S. */
  private static boolean hasRemainder(Derivation d) {
    Bindings b = d.bindings();
    long in = b.asMap().entrySet().stream().filter(e -> e.getKey().text().endsWith("_in"))
        .mapToLong(java.util.Map.Entry::getValue).findFirst().orElse(0);
    long k = b.has(Symbols.K) ? b.value(Symbols.K) : 0;
    long s = b.has(Symbols.S) ? b.value(Symbols.S) : 1;
    long p = b.has(Symbols.P) ? b.value(Symbols.P) : 0;
    return s > 1 && (in + 2 * p - k) % s != 0;
  }
}
