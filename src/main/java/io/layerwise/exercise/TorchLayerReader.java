package io.layerwise.exercise;

import io.layerwise.model.Activation;
import io.layerwise.model.BatchNorm;
import io.layerwise.model.ConnectionTable;
import io.layerwise.model.Conv;
import io.layerwise.model.ConvTranspose;
import io.layerwise.model.Dense;
import io.layerwise.model.Dropout;
import io.layerwise.model.Embedding;
import io.layerwise.model.Flatten;
import io.layerwise.model.GroupNorm;
import io.layerwise.model.InputCheck;
import io.layerwise.model.Layer;
import io.layerwise.model.LayerNorm;
import io.layerwise.model.Pad;
import io.layerwise.model.Padding;
import io.layerwise.model.PaddingFill;
import io.layerwise.model.PoolOp;
import io.layerwise.model.Pooling;
import io.layerwise.model.RecurrentCell;
import io.layerwise.model.RecurrentStack;
import io.layerwise.model.Spelling;
import io.layerwise.model.TorchAttention;
import io.layerwise.model.Window;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;

/**
 * Reads a layer named by its PyTorch module, with PyTorch's constructor arguments and defaults
 * ({@code Conv2d(in_channels, out_channels, kernel_size, stride=1, padding=0, dilation=1,
 * groups=1, bias=True)}, …). The sizes PyTorch's constructors take from the user rather than the
 * input ({@code in_channels}, {@code in_features}, …) become {@link InputCheck}s for the engine.
 * Arguments that change no count ({@code eps}, {@code momentum}, {@code inplace}, …) are accepted
 * and ignored.
 */
final class TorchLayerReader {

  private static final String[] NO_COUNT = {"device", "dtype"};

  private TorchLayerReader() {}

  static ReadLayer read(TorchType type, Fields f) {
    f.ignore(NO_COUNT);
    return switch (type) {
      case CONV1D -> conv(f, 1);
      case CONV2D -> conv(f, 2);
      case CONV3D -> conv(f, 3);
      case CONV_TRANSPOSE1D -> convTranspose(f, 1);
      case CONV_TRANSPOSE2D -> convTranspose(f, 2);
      case CONV_TRANSPOSE3D -> convTranspose(f, 3);
      case LINEAR -> linear(f);
      case BATCH_NORM1D -> batchNorm(f, List.of(1L, 2L));
      case BATCH_NORM2D -> batchNorm(f, List.of(3L));
      case BATCH_NORM3D -> batchNorm(f, List.of(4L));
      case LAYER_NORM -> layerNorm(f);
      case GROUP_NORM -> groupNorm(f);
      case INSTANCE_NORM1D -> instanceNorm(f, 2);
      case INSTANCE_NORM2D -> instanceNorm(f, 3);
      case INSTANCE_NORM3D -> instanceNorm(f, 4);
      case MAX_POOL1D -> pool(f, PoolOp.MAX, 1);
      case MAX_POOL2D -> pool(f, PoolOp.MAX, 2);
      case MAX_POOL3D -> pool(f, PoolOp.MAX, 3);
      case AVG_POOL1D -> pool(f, PoolOp.AVERAGE, 1);
      case AVG_POOL2D -> pool(f, PoolOp.AVERAGE, 2);
      case AVG_POOL3D -> pool(f, PoolOp.AVERAGE, 3);
      case ADAPTIVE_AVG_POOL1D -> ReadLayer.of(LayerReader.adaptive(f, PoolOp.AVERAGE, 1));
      case ADAPTIVE_AVG_POOL2D -> ReadLayer.of(LayerReader.adaptive(f, PoolOp.AVERAGE, 2));
      case ADAPTIVE_MAX_POOL1D -> ReadLayer.of(LayerReader.adaptive(f, PoolOp.MAX, 1));
      case ADAPTIVE_MAX_POOL2D -> ReadLayer.of(LayerReader.adaptive(f, PoolOp.MAX, 2));
      case RNN -> recurrent(f, RecurrentCell.SIMPLE);
      case LSTM -> recurrent(f, RecurrentCell.LSTM);
      case GRU -> recurrent(f, RecurrentCell.GRU);
      case EMBEDDING -> embedding(f);
      case MULTIHEAD_ATTENTION -> attention(f);
      case DROPOUT -> dropout(f);
      case FLATTEN -> flatten(f);
      case RELU -> activation(f, "relu", "inplace");
      case RELU6 -> activation(f, "relu6", "inplace");
      case SIGMOID -> activation(f, "sigmoid");
      case TANH -> activation(f, "tanh");
      case GELU -> activation(f, "gelu", "approximate");
      case SILU -> activation(f, "silu", "inplace");
      case ELU -> activation(f, "elu", "alpha", "inplace");
      case LEAKY_RELU -> activation(f, "leaky_relu", "negative_slope", "inplace");
      case SOFTMAX -> activation(f, "softmax", "dim");
      case IDENTITY -> activation(f, "linear");
      case ZERO_PAD2D -> TorchResamplingReader.zeroPad2d(f);
      case UPSAMPLE -> TorchResamplingReader.upsample(f);
    };
  }

  private static List<Long> ones(int rank) {
    return Collections.nCopies(rank, 1L);
  }

  private static InputCheck check(String argument, long value, InputCheck.Axes axes) {
    return new InputCheck(argument, List.of(value), axes);
  }

  /**
   * PyTorch's padding: a number, one per axis, {@code 'same'} or {@code 'valid'}; always the same
   * zeros on both sides (uneven zeros need a ZeroPad2d first).
   */
  private static Padding padding(Fields f, int rank) {
    Optional<Node> given = f.get("padding");
    Optional<Node> n = given.map(Fields::single);
    if (n.isPresent() && n.get() != given.get()) {
      long p = f.integer(n.get(), "padding", 0);
      return Padding.explicit(Collections.nCopies(rank, Pad.symmetric(p)));
    }
    if (n.isPresent() && n.get() instanceof Node.ListNode list
        && (list.items().stream().anyMatch(i -> i instanceof Node.ListNode)
            || list.items().size() != rank)) {
      f.error(n.get().location(), "PyTorch's padding adds the same zeros on both sides: give one"
          + " number, or one per axis (" + rank + " here)" + (rank == 2 ? ", such as [1, 2]" : "")
          + " (uneven zeros need a ZeroPad" + rank + "d layer first)");
      return Padding.VALID;
    }
    return f.padding("padding", rank, Padding.VALID);
  }

  private static ReadLayer conv(Fields f, int rank) {
    long in = f.requiredCount("in_channels", "the input's channels, checked against the input");
    long out = f.requiredCount("out_channels", "the number of output channels");
    List<Long> kernel = kernel(f, rank);
    List<Long> stride = f.torchTuple("stride", rank, ones(rank), 1);
    Padding padding = padding(f, rank);
    List<Long> dilation = f.torchTuple("dilation", rank, ones(rank), 1);
    long groups = f.count("groups", 1);
    boolean bias = f.bool("bias", true);
    PaddingFill fill = fill(f);
    Optional<ConnectionTable> table = Connections.read(f, out, groups);
    Optional<Node> given = f.get("padding");
    if (rank > 1 && fill != PaddingFill.ZEROS && given.isPresent()
        && Fields.single(given.get()) != given.get()) {
      f.error(given.get().location(), "padding_mode '" + fill.torchName() + "' pads by the list"
          + " itself, so a one-element padding pads only the last axis, which PyTorch refuses"
          + " (\"Only 2D, 3D, 4D, 5D padding with non-constant padding are supported for now\");"
          + " give one number or " + rank + " values");
    }
    if (table.isPresent() && fill != PaddingFill.ZEROS) {
      f.error(f.locations().get("padding_mode"), "a convolution with a connection table pads"
          + " with zeros only");
      fill = PaddingFill.ZEROS;
    }
    Layer conv = new Conv(out, new Window(kernel, stride, padding, dilation), groups, bias,
        Optional.empty(), table, fill);
    return new ReadLayer(conv, List.of(check("in_channels", in, InputCheck.Axes.CHANNELS)));
  }

  /**
   * A convolution's kernel: unlike its stride, padding and dilation, a one-element list is not
   * broadcast, since PyTorch makes the weight's shape of it (a 1-D kernel in a Conv2d, which then
   * refuses to run).
   */
  private static List<Long> kernel(Fields f, int rank) {
    Optional<Node> n = f.get("kernel_size");
    if (rank > 1 && n.isPresent() && Fields.single(n.get()) != n.get()) {
      String k = ((Node.Scalar) Fields.single(n.get())).text();
      f.error(n.get().location(), "kernel_size [" + k + "] makes a 1-D kernel, and PyTorch"
          + " refuses to run it on " + rank + " spatial axes (\"expected stride to be a single"
          + " integer value or a list of 1 values to match the convolution dimensions\"); write"
          + " kernel_size: " + k + " for the same size on every axis");
      return ones(rank);
    }
    return f.requiredTuple("kernel_size", rank, "the size of the kernel, e.g. 3");
  }

  /** PyTorch's {@code padding_mode}, as its constructor checks it. */
  private static PaddingFill fill(Fields f) {
    Optional<String> mode = f.text("padding_mode");
    if (mode.isEmpty()) {
      return PaddingFill.ZEROS;
    }
    List<String> names = Arrays.stream(PaddingFill.values()).map(PaddingFill::torchName).toList();
    for (PaddingFill fill : PaddingFill.values()) {
      if (fill.torchName().equals(mode.get())) {
        return fill;
      }
    }
    f.error(f.locations().get("padding_mode"), "padding_mode must be one of " + names
        + ", as PyTorch says, not '" + mode.get() + "'", Spelling.closest(mode.get(), names));
    return PaddingFill.ZEROS;
  }

  private static ReadLayer convTranspose(Fields f, int rank) {
    long in = f.requiredCount("in_channels", "the input's channels, checked against the input");
    long out = f.requiredCount("out_channels", "the number of output channels");
    List<Long> kernel = kernel(f, rank);
    List<Long> stride = f.torchTuple("stride", rank, ones(rank), 1);
    Padding padding = Padding.VALID;
    Optional<Node> given = f.get("padding");
    if (given.isPresent() && given.get() instanceof Node.Scalar s
        && s.kind() == Node.Kind.STRING) {
      f.error(s.location(), "ConvTranspose" + rank + "d takes padding as a number or one per"
          + " axis, not '" + s.text() + "': PyTorch refuses string padding for transposed"
          + " convolutions (\"argument 'padding' must be tuple of ints\")");
    } else {
      padding = padding(f, rank);
    }
    Optional<List<Long>> outputPadding = f.has("output_padding")
        ? Optional.of(f.torchTuple("output_padding", rank, ones(rank), 0)) : Optional.empty();
    List<Long> dilation = f.torchTuple("dilation", rank, ones(rank), 1);
    long groups = f.count("groups", 1);
    boolean bias = f.bool("bias", true);
    if (fill(f) != PaddingFill.ZEROS) {
      f.error(f.locations().get("padding_mode"), "Only \"zeros\" padding mode is supported for"
          + " ConvTranspose" + rank + "d, as PyTorch says");
    }
    Layer t = new ConvTranspose(out, new Window(kernel, stride, padding, dilation), outputPadding,
        bias, Optional.empty(), groups);
    return new ReadLayer(t, List.of(check("in_channels", in, InputCheck.Axes.CHANNELS)));
  }

  private static ReadLayer linear(Fields f) {
    long in = f.requiredCount("in_features", "the size of the input's last axis");
    long out = f.requiredCount("out_features", "the number of output features");
    boolean bias = f.bool("bias", true);
    return new ReadLayer(new Dense(out, bias, Optional.empty()),
        List.of(check("in_features", in, InputCheck.Axes.TRAILING)));
  }

  private static ReadLayer batchNorm(Fields f, List<Long> ranks) {
    long features = f.requiredCount("num_features", "the input's channels");
    boolean affine = f.bool("affine", true);
    f.ignore("eps", "momentum", "track_running_stats");
    return new ReadLayer(new BatchNorm(OptionalInt.empty(), affine, affine), List.of(
        new InputCheck("type", ranks, InputCheck.Axes.RANK),
        check("num_features", features, InputCheck.Axes.CHANNELS)));
  }

  /**
   * {@code GroupNorm(num_groups, num_channels, eps=1e-05, affine=True)}; as in PyTorch, the input
   * must have num_channels channels only where γ and β are kept per channel (affine).
   */
  private static ReadLayer groupNorm(Fields f) {
    long groups = f.requiredCount("num_groups", "the groups the channels fall into");
    long channels = f.requiredCount("num_channels", "the input's channels");
    if (channels % groups != 0) {
      f.error(f.locations().getOrDefault("num_groups", f.location()), "num_channels " + channels
          + " must be divisible by num_groups " + groups + ", as PyTorch says");
    }
    boolean affine = f.bool("affine", true);
    f.ignore("eps");
    return new ReadLayer(new GroupNorm(OptionalLong.of(groups), affine, affine, false, false),
        affine ? List.of(check("num_channels", channels, InputCheck.Axes.CHANNELS)) : List.of());
  }

  /**
   * {@code InstanceNorm1d/2d/3d(num_features, affine=False, track_running_stats=False)}. PyTorch
   * checks num_features against the input only where it keeps something per channel (affine or
   * running statistics); otherwise it merely warns, and so does not Layerwise.
   */
  private static ReadLayer instanceNorm(Fields f, long rank) {
    long features = f.requiredCount("num_features", "the input's channels");
    boolean affine = f.bool("affine", false);
    boolean stats = f.bool("track_running_stats", false);
    f.ignore("eps", "momentum");
    List<InputCheck> checks = new ArrayList<>(List.of(
        new InputCheck("type", List.of(rank), InputCheck.Axes.RANK)));
    if (affine || stats) {
      checks.add(check("num_features", features, InputCheck.Axes.CHANNELS));
    }
    return new ReadLayer(new GroupNorm(OptionalLong.empty(), affine, affine, true, stats), checks);
  }

  private static ReadLayer layerNorm(Fields f) {
    Optional<Node> n = f.get("normalized_shape");
    List<Long> shape = new ArrayList<>();
    if (n.isEmpty()) {
      f.error(f.location(), "missing 'normalized_shape' (the sizes of the last axes, e.g. 64 or"
          + " [16, 8, 8])");
      shape.add(1L);
    } else if (n.get() instanceof Node.ListNode list && !list.items().isEmpty()) {
      for (Node item : list.items()) {
        shape.add(f.integer(item, "normalized_shape", 1));
      }
    } else {
      shape.add(f.integer(n.get(), "normalized_shape", 1));
    }
    boolean affine = f.bool("elementwise_affine", true);
    boolean bias = f.bool("bias", true);
    f.ignore("eps");
    LayerNorm norm = new LayerNorm(-shape.size(), affine && bias, affine, shape.size());
    return new ReadLayer(norm,
        List.of(new InputCheck("normalized_shape", shape, InputCheck.Axes.TRAILING)));
  }

  private static ReadLayer pool(Fields f, PoolOp op, int rank) {
    List<Long> kernel = f.requiredTorchTuple("kernel_size", rank, "the size of the window, e.g. 2");
    boolean none = f.get("stride")
        .filter(n -> n instanceof Node.Scalar s && s.kind() == Node.Kind.NULL).isPresent();
    List<Long> stride = none ? kernel : f.torchTuple("stride", rank, kernel, 1);
    Padding padding = padding(f, rank);
    List<Long> dilation = switch (op) {
      case MAX -> f.torchTuple("dilation", rank, ones(rank), 1);
      case AVERAGE -> ones(rank);
    };
    boolean ceil = f.bool("ceil_mode", false);
    switch (op) {
      case MAX -> f.ignore("return_indices");
      case AVERAGE -> f.ignore("count_include_pad", "divisor_override");
    }
    return ReadLayer.of(new Pooling(op, new Window(kernel, stride, padding, dilation), ceil));
  }

  private static ReadLayer recurrent(Fields f, RecurrentCell cell) {
    long input = f.requiredCount("input_size", "the features of each time step");
    long hidden = f.requiredCount("hidden_size", "the size of the state");
    long layers = f.count("num_layers", 1);
    boolean bias = f.bool("bias", true);
    boolean batchFirst = f.bool("batch_first", false);
    boolean bidirectional = f.bool("bidirectional", false);
    f.fraction("dropout", 0);
    Optional<String> nonlinearity = Optional.empty();
    switch (cell) {
      case SIMPLE -> {
        nonlinearity = f.text("nonlinearity");
        if (nonlinearity.isPresent() && !List.of("tanh", "relu").contains(nonlinearity.get())) {
          f.error(f.locations().get("nonlinearity"), "nonlinearity must be 'tanh' or 'relu', as"
              + " PyTorch's RNN allows, not '" + nonlinearity.get() + "'",
              Spelling.closest(nonlinearity.get(), List.of("tanh", "relu")));
        }
      }
      case LSTM -> f.get("proj_size").ifPresent(n -> {
        if (f.integer(n, "proj_size", 0) > 0) {
          f.error(n.location(), "proj_size (an LSTM with projections) is not supported");
        }
      });
      case GRU -> {
        // nothing GRU-specific changes a count
      }
    }
    RecurrentStack stack = new RecurrentStack(cell, hidden, layers, bidirectional, bias,
        batchFirst, nonlinearity);
    return new ReadLayer(stack, List.of(check("input_size", input, InputCheck.Axes.TRAILING)));
  }

  /**
   * {@code MultiheadAttention(embed_dim, num_heads, dropout=0.0, bias=True, add_bias_kv=False,
   * add_zero_attn=False, kdim=None, vdim=None, batch_first=False)}.
   */
  private static ReadLayer attention(Fields f) {
    long e = f.requiredCount("embed_dim", "the query's features, e.g. 64");
    long h = f.requiredCount("num_heads", "the number of heads, which must divide embed_dim");
    if (e % h != 0) {
      f.error(f.locations().getOrDefault("num_heads", f.location()), "embed_dim must be"
          + " divisible by num_heads, as PyTorch says (" + e + " is not divisible by " + h + ")");
    }
    f.fraction("dropout", 0);
    boolean bias = f.bool("bias", true);
    boolean biasKv = f.bool("add_bias_kv", false);
    f.bool("add_zero_attn", false);
    OptionalLong kdim = f.has("kdim") ? OptionalLong.of(f.count("kdim", e)) : OptionalLong.empty();
    OptionalLong vdim = f.has("vdim") ? OptionalLong.of(f.count("vdim", e)) : OptionalLong.empty();
    boolean batchFirst = f.bool("batch_first", false);
    return ReadLayer.of(new TorchAttention(e, h, bias, biasKv, kdim, vdim, batchFirst));
  }

  private static ReadLayer embedding(Fields f) {
    long rows = f.requiredCount("num_embeddings", "the vocabulary size");
    long width = f.requiredCount("embedding_dim", "the length of each vector");
    f.ignore("padding_idx", "max_norm", "norm_type", "scale_grad_by_freq", "sparse");
    return ReadLayer.of(new Embedding(rows, width));
  }

  private static ReadLayer dropout(Fields f) {
    double p = f.fraction("p", 0.5);
    f.ignore("inplace");
    return ReadLayer.of(new Dropout(p));
  }

  private static ReadLayer flatten(Fields f) {
    for (String key : List.of("start_dim", "end_dim")) {
      long wanted = key.equals("start_dim") ? 1 : -1;
      f.get(key).ifPresent(n -> {
        if (!(n instanceof Node.Scalar s && s.text().equals(Long.toString(wanted)))) {
          f.error(n.location(), "only Flatten(start_dim=1, end_dim=-1), which flattens all axes"
              + " but the batch, is supported; use Reshape for others");
        }
      });
    }
    return ReadLayer.of(new Flatten());
  }

  private static ReadLayer activation(Fields f, String function, String... ignored) {
    f.ignore(ignored);
    return ReadLayer.of(new Activation(function));
  }
}
