package io.layerwise.code;

import io.layerwise.diagnostic.ExerciseException;
import io.layerwise.Layerwise;
import io.layerwise.engine.Analysis;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.stream.Collectors;

/**
 * A seeded generator of random PyTorch exercises for the differential test against real torch:
 * chains of modules in PyTorch's spelling, each chosen for the shape Layerwise finds so far, with
 * arguments drawn so that some networks are ones PyTorch refuses (kernels larger than the input,
 * groups that do not divide the channels, wrong {@code in_channels}, pool padding over half the
 * window, …). A network ends at the first layer Layerwise refuses.
 */
public final class RandomTorchExercises {

  /** Every module the generator draws; each must be drawn in a batch of 200. */
  public static final List<String> KINDS = List.of("Conv1d", "Conv2d", "Conv3d",
      "ConvTranspose1d", "ConvTranspose2d", "ConvTranspose3d", "Linear", "BatchNorm1d", "BatchNorm2d", "BatchNorm3d",
      "LayerNorm", "MaxPool1d", "MaxPool2d", "MaxPool3d", "AvgPool1d", "AvgPool2d", "AvgPool3d",
      "AdaptiveAvgPool1d", "AdaptiveAvgPool2d", "AdaptiveMaxPool1d", "AdaptiveMaxPool2d", "RNN",
      "LSTM", "GRU", "Embedding", "Dropout", "Flatten", "ReLU", "ReLU6", "Sigmoid", "Tanh", "GELU",
      "SiLU", "ELU", "LeakyReLU", "Softmax", "Identity", "ZeroPad2d", "Upsample", "GroupNorm", "InstanceNorm1d", "InstanceNorm2d",
      "InstanceNorm3d", "MultiheadAttention");

  /**
   * One module of a network.
   *
   * @param name the layer's name
   * @param type the module's class in torch.nn
   * @param args its keyword arguments, as the YAML file and PyTorch take them
   */
  public record Module(String name, String type, Map<String, Object> args) {}

  /**
   * One exercise.
   *
   * @param id its id
   * @param input the input's sizes without the batch axis
   * @param tokens whether the input is token ids (for an Embedding first)
   * @param layers its modules, one per line from line 6 of {@link #yaml()}
   */
  public record Net(String id, List<Long> input, boolean tokens, List<Module> layers) {

    public static final int FIRST_LAYER_LINE = 6;

    public String yaml() {
      StringBuilder sb = new StringBuilder("title: random\nid: " + id + "\nframework: pytorch\n"
          + "input: " + RandomTorchExercises.json(input) + "\nlayers:\n");
      for (Module m : layers) {
        Map<String, Object> all = new LinkedHashMap<>();
        all.put("type", m.type());
        all.put("name", m.name());
        all.putAll(m.args());
        sb.append("  - ").append(RandomTorchExercises.json(all)).append('\n');
      }
      return sb.toString();
    }

    public String json() {
      List<Object> layerList = new ArrayList<>();
      for (Module m : layers) {
        Map<String, Object> l = new LinkedHashMap<>();
        l.put("name", m.name());
        l.put("type", m.type());
        l.put("args", m.args());
        layerList.add(l);
      }
      Map<String, Object> n = new LinkedHashMap<>();
      n.put("id", id);
      n.put("input", input);
      n.put("tokens", tokens);
      n.put("layers", layerList);
      return RandomTorchExercises.json(n);
    }
  }

  private final Random rnd;

  public RandomTorchExercises(long seed) {
    this.rnd = new Random(seed);
  }

  /** JSON, which is also YAML's flow style. */
  static String json(Object o) {
    if (o == null) {
      return "null";
    } else if (o instanceof String s) {
      return "\"" + s + "\"";
    } else if (o instanceof Map<?, ?> m) {
      return m.entrySet().stream().map(e -> json(e.getKey()) + ": " + json(e.getValue()))
          .collect(Collectors.joining(", ", "{", "}"));
    } else if (o instanceof List<?> l) {
      return l.stream().map(RandomTorchExercises::json).collect(Collectors.joining(", ", "[", "]"));
    }
    return o.toString();
  }

  private long between(long lo, long hi) {
    return lo + rnd.nextInt((int) (hi - lo + 1));
  }

  private boolean chance(int percent) {
    return rnd.nextInt(100) < percent;
  }

  private <T> T pick(List<T> items) {
    return items.get(rnd.nextInt(items.size()));
  }

  /** A size PyTorch asks for: mostly the right one, sometimes one off. */
  private long expected(long actual) {
    return chance(6) ? actual + 1 : actual;
  }

  /** An int, a one-element list, or one per axis. */
  private Object tuple(int rank, long lo, long hi) {
    int how = rnd.nextInt(6);
    if (how < 3) {
      return between(lo, hi);
    } else if (how == 3) {
      return List.of(between(lo, hi));
    }
    List<Long> out = new ArrayList<>();
    for (int i = 0; i < rank; i++) {
      out.add(between(lo, hi));
    }
    return out;
  }

  /** The next network, with at least one layer. */
  public Net next(int n) {
    String id = "r" + n;
    int family = rnd.nextInt(6);
    List<Long> input = switch (family) {
      case 0 -> List.of(between(1, 12));
      case 1 -> List.of(between(1, 5), between(3, 14));
      case 2, 3 -> List.of(between(1, 5), between(3, 12), between(3, 12));
      case 4 -> List.of(between(1, 3), between(3, 6), between(3, 6), between(3, 6));
      default -> List.of(between(2, 8));
    };
    boolean tokens = family == 5;
    List<Module> layers = new ArrayList<>();
    List<Long> shape = input;
    int count = (int) between(1, 7);
    for (int i = 0; i < count; i++) {
      Module m = tokens && i == 0 ? embedding("l0") : module("l" + i, shape);
      layers.add(m);
      Optional<List<Long>> next = shapeAfter(new Net(id, input, tokens, layers));
      if (next.isEmpty()) {
        break;
      }
      shape = next.get();
    }
    return new Net(id, input, tokens, layers);
  }

  /** The last layer's output as Layerwise finds it; empty where Layerwise refuses the network. */
  private static Optional<List<Long>> shapeAfter(Net net) {
    try {
      Analysis a = Layerwise.explain(net.id() + ".yaml", net.yaml());
      return Optional.of(a.layers().get(a.layers().size() - 1).output().dims());
    } catch (ExerciseException e) {
      return Optional.empty();
    }
  }

  private Module embedding(String name) {
    return new Module(name, "Embedding", args("num_embeddings", between(1, 20), "embedding_dim",
        between(1, 8)));
  }

  private static Map<String, Object> args(Object... kv) {
    Map<String, Object> m = new LinkedHashMap<>();
    for (int i = 0; i < kv.length; i += 2) {
      m.put((String) kv[i], kv[i + 1]);
    }
    return m;
  }

  private Module module(String name, List<Long> shape) {
    int rank = shape.size();
    long c = shape.get(0);
    long last = shape.get(rank - 1);
    List<String> kinds = new ArrayList<>(List.of("Linear", "LayerNorm", "Dropout", "Flatten",
        "ReLU", "ReLU6", "Sigmoid", "Tanh", "GELU", "SiLU", "ELU", "LeakyReLU", "Softmax",
        "Identity"));
    if (rank >= 2) {
      kinds.addAll(List.of("Upsample", "GroupNorm", "InstanceNorm" + (rank - 1) + "d"));
    }
    switch (rank) {
      case 1 -> kinds.addAll(List.of("BatchNorm1d", "Linear", "Linear"));
      case 2 -> kinds.addAll(List.of("MultiheadAttention", "Conv1d", "Conv1d", "ConvTranspose1d", "MaxPool1d",
          "AvgPool1d", "AdaptiveAvgPool1d", "AdaptiveMaxPool1d", "BatchNorm1d", "RNN", "LSTM",
          "GRU"));
      case 3 -> kinds.addAll(List.of("Conv2d", "Conv2d", "Conv2d", "ConvTranspose2d",
          "MaxPool2d", "MaxPool2d", "AvgPool2d", "AdaptiveAvgPool2d", "AdaptiveMaxPool2d",
          "BatchNorm2d", "ZeroPad2d"));
      case 4 -> kinds.addAll(List.of("ConvTranspose3d", "Conv3d", "Conv3d", "MaxPool3d", "AvgPool3d",
          "BatchNorm3d"));
      default -> { }
    }
    String type = pick(kinds);
    int spatial = rank - 1;
    Map<String, Object> a = switch (type) {
      case "Linear" -> args("in_features", expected(last), "out_features", between(1, 16),
          "bias", rnd.nextBoolean());
      case "LayerNorm" -> layerNorm(shape);
      case "Dropout" -> args("p", pick(List.of(0.0, 0.25, 0.5)));
      case "Softmax" -> args("dim", (long) -1);
      case "LeakyReLU" -> args("negative_slope", 0.1);
      case "ELU" -> args("alpha", 1.0);
      case "Flatten", "ReLU", "ReLU6", "Sigmoid", "Tanh", "GELU", "SiLU", "Identity" -> args();
      case "ZeroPad2d" -> args("padding", chance(50) ? (Object) between(0, 2)
          : List.of(between(0, 2), between(0, 2), between(0, 2), between(0, 2)));
      case "Upsample" -> upsample(spatial);
      case "GroupNorm" -> groupNorm(c);
      case "InstanceNorm1d", "InstanceNorm2d", "InstanceNorm3d" -> args("num_features",
          chance(15) ? c + 1 : c, "affine", rnd.nextBoolean(), "track_running_stats",
          chance(30));
      case "BatchNorm1d", "BatchNorm2d", "BatchNorm3d" ->
          args("num_features", expected(c), "affine", rnd.nextBoolean());
      case "Conv1d", "Conv2d", "Conv3d" -> conv(spatial, c);
      case "ConvTranspose1d", "ConvTranspose2d", "ConvTranspose3d" -> convTranspose(spatial, c);
      case "MaxPool1d", "MaxPool2d", "MaxPool3d" -> pool(spatial, true);
      case "AvgPool1d", "AvgPool2d", "AvgPool3d" -> pool(spatial, false);
      case "AdaptiveAvgPool1d", "AdaptiveAvgPool2d", "AdaptiveMaxPool1d", "AdaptiveMaxPool2d" ->
          args("output_size", tuple(spatial, 1, 5));
      case "RNN", "LSTM", "GRU" -> recurrent(type, last);
      case "MultiheadAttention" -> attention(last);
      default -> throw new IllegalStateException(type);
    };
    return new Module(name, type, a);
  }

  private Map<String, Object> attention(long features) {
    List<Long> heads = new ArrayList<>();
    for (long h = 1; h <= features; h++) {
      if (features % h == 0 || chance(10)) {
        heads.add(h);
      }
    }
    Map<String, Object> a = args("embed_dim", expected(features), "num_heads", pick(heads));
    if (chance(30)) {
      a.put("bias", rnd.nextBoolean());
    }
    if (chance(30)) {
      a.put("add_bias_kv", rnd.nextBoolean());
    }
    if (chance(15)) {
      a.put("kdim", expected(features));
    }
    if (chance(15)) {
      a.put("vdim", expected(features));
    }
    if (chance(40)) {
      a.put("batch_first", rnd.nextBoolean());
    }
    return a;
  }

  private Map<String, Object> groupNorm(long c) {
    List<Long> divisors = new ArrayList<>();
    for (long g = 1; g <= c; g++) {
      if (c % g == 0 || chance(10)) {
        divisors.add(g);
      }
    }
    return args("num_groups", pick(divisors), "num_channels", expected(c),
        "affine", rnd.nextBoolean());
  }

  private Map<String, Object> upsample(int rank) {
    String mode = chance(60) ? "nearest" : pick(List.of("linear", "bilinear", "bicubic",
        "trilinear", "nearest-exact"));
    int axes = switch (mode) {
      case "linear" -> 1;
      case "bilinear", "bicubic" -> 2;
      case "trilinear" -> 3;
      default -> rank;
    };
    if (chance(70) && axes != rank) {
      mode = "nearest";
      axes = rank;
    }
    Object factor;
    if (chance(30)) {
      List<Long> factors = new ArrayList<>();
      for (int i = 0; i < axes; i++) {
        factors.add(between(1, 3));
      }
      factor = factors;
    } else {
      factor = chance(20) ? (Object) (double) between(1, 3) : between(1, 3);
    }
    boolean sized = chance(30);
    if (sized) {
      factor = factor instanceof List<?> l ? l.stream().map(f -> between(1, 12)).toList()
          : (Object) between(1, 12);
    }
    Map<String, Object> a = args(sized ? "size" : "scale_factor", factor);
    if (!mode.equals("nearest") || chance(30)) {
      a.put("mode", mode);
    }
    return a;
  }

  private Map<String, Object> layerNorm(List<Long> shape) {
    int axes = (int) between(1, shape.size());
    List<Long> sizes = new ArrayList<>(shape.subList(shape.size() - axes, shape.size()));
    if (chance(5)) {
      sizes.set(0, sizes.get(0) + 1);
    }
    Object normalized = sizes.size() == 1 && rnd.nextBoolean() ? sizes.get(0) : sizes;
    return args("normalized_shape", normalized, "elementwise_affine", rnd.nextBoolean());
  }

  private Object convPadding(int rank) {
    return switch (rnd.nextInt(6)) {
      case 0 -> "same";
      case 1 -> "valid";
      default -> tuple(rank, 0, 2);
    };
  }

  private long groups(long in, long out) {
    if (!chance(25)) {
      return 1;
    }
    List<Long> divisors = new ArrayList<>();
    for (long g = 2; g <= Math.max(in, out); g++) {
      if (chance(10) || in % g == 0 && out % g == 0) {
        divisors.add(g);
      }
    }
    return divisors.isEmpty() ? 1 : pick(divisors);
  }

  private Map<String, Object> conv(int rank, long c) {
    long out = between(1, 8);
    Map<String, Object> a = args("in_channels", expected(c), "out_channels", out,
        "kernel_size", tuple(rank, 1, 4));
    if (chance(50)) {
      a.put("stride", tuple(rank, 1, 3));
    }
    if (chance(60)) {
      a.put("padding", convPadding(rank));
    }
    if (chance(25)) {
      a.put("dilation", tuple(rank, 1, 2));
    }
    long g = groups(c, out);
    if (g != 1) {
      a.put("groups", g);
    }
    if (chance(30)) {
      a.put("bias", rnd.nextBoolean());
    }
    if (chance(15)) {
      a.put("padding_mode", pick(List.of("zeros", "reflect", "replicate", "circular")));
    }
    return a;
  }

  private Map<String, Object> convTranspose(int rank, long c) {
    long out = between(1, 8);
    long stride = between(1, 3);
    Map<String, Object> a = args("in_channels", expected(c), "out_channels", out,
        "kernel_size", tuple(rank, 1, 4), "stride", stride);
    if (chance(50)) {
      a.put("padding", chance(8) ? pick(List.of("same", "valid")) : tuple(rank, 0, 2));
    }
    if (chance(40)) {
      a.put("output_padding", between(0, stride));
    }
    if (chance(20)) {
      a.put("dilation", tuple(rank, 1, 2));
    }
    long g = groups(c, out);
    if (g != 1) {
      a.put("groups", g);
    }
    if (chance(30)) {
      a.put("bias", rnd.nextBoolean());
    }
    if (chance(5)) {
      a.put("padding_mode", pick(List.of("zeros", "reflect")));
    }
    return a;
  }

  private Map<String, Object> pool(int rank, boolean max) {
    long k = between(1, 3);
    Map<String, Object> a = args("kernel_size", chance(70) ? (Object) k : tuple(rank, 1, 3));
    if (chance(50)) {
      a.put("stride", chance(20) ? null : tuple(rank, 1, 3));
    }
    if (chance(40)) {
      a.put("padding", chance(85) ? between(0, k / 2) : between(0, k));
    }
    if (max && chance(25)) {
      a.put("dilation", between(1, 3));
    }
    if (chance(30)) {
      a.put("ceil_mode", rnd.nextBoolean());
    }
    return a;
  }

  private Map<String, Object> recurrent(String type, long features) {
    Map<String, Object> a = args("input_size", expected(features), "hidden_size", between(1, 8));
    if (chance(40)) {
      a.put("num_layers", between(1, 3));
    }
    if (chance(40)) {
      a.put("bidirectional", rnd.nextBoolean());
    }
    if (chance(40)) {
      a.put("batch_first", rnd.nextBoolean());
    }
    if (chance(20)) {
      a.put("bias", rnd.nextBoolean());
    }
    if (type.equals("RNN") && chance(30)) {
      a.put("nonlinearity", pick(List.of("tanh", "relu")));
    }
    return a;
  }
}
