package io.layerwise.exercise;

import io.layerwise.model.Activation;
import io.layerwise.model.AdaptivePooling;
import io.layerwise.model.BatchNorm;
import io.layerwise.model.Bidirectional;
import io.layerwise.model.BidirectionalMerge;
import io.layerwise.model.Concatenate;
import io.layerwise.model.ConnectionTable;
import io.layerwise.model.Conv;
import io.layerwise.model.Cropping;
import io.layerwise.model.ConvTranspose;
import io.layerwise.model.Dense;
import io.layerwise.model.DepthwiseConv;
import io.layerwise.model.Dropout;
import io.layerwise.model.Embedding;
import io.layerwise.model.Flatten;
import io.layerwise.model.GroupNorm;
import io.layerwise.model.GlobalPooling;
import io.layerwise.model.Layer;
import io.layerwise.model.LayerNorm;
import io.layerwise.model.LayerType;
import io.layerwise.model.Merge;
import io.layerwise.model.MergeOp;
import io.layerwise.model.MultiHeadAttention;
import io.layerwise.model.Padding;
import io.layerwise.model.PoolOp;
import io.layerwise.model.Pooling;
import io.layerwise.model.Rbf;
import io.layerwise.model.Recurrent;
import io.layerwise.model.RecurrentCell;
import io.layerwise.model.Reshape;
import io.layerwise.model.SeparableConv;
import io.layerwise.model.Subsampling;
import io.layerwise.model.TimeDistributed;
import io.layerwise.model.UpSampling;
import io.layerwise.model.Window;
import io.layerwise.model.ZeroPadding;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Reads a layer's hyperparameters by kind, with Keras' argument names and defaults. Keys that do
 * not change shapes or counts (initializers, regularizers, constraints, epsilon, …) are accepted
 * and ignored, so that arguments copied from Keras code do not fail.
 */
final class LayerReader {

  private static final String[] WEIGHT_OPTIONS = {
    "kernel_initializer", "bias_initializer", "kernel_regularizer", "bias_regularizer",
    "activity_regularizer", "kernel_constraint", "bias_constraint"
  };

  /** The layer types that {@code Bidirectional} can wrap. */
  private static final java.util.Map<LayerType, RecurrentCell> RECURRENT = java.util.Map.of(
      LayerType.SIMPLE_RNN, RecurrentCell.SIMPLE,
      LayerType.LSTM, RecurrentCell.LSTM,
      LayerType.GRU, RecurrentCell.GRU);

  private LayerReader() {}

  /** A layer of the named type: PyTorch's arguments for a PyTorch module, else Keras'. */
  static ReadLayer read(TypeName name, Fields f) {
    if (name.torch().isPresent()) {
      return TorchLayerReader.read(name.torch().get(), f);
    }
    return ReadLayer.of(read(name.type(), f));
  }

  static Layer read(LayerType type, Fields f) {
    return switch (type) {
      case CONV1D -> conv(f, 1);
      case CONV2D -> conv(f, 2);
      case CONV3D -> conv(f, 3);
      case CONV1D_TRANSPOSE -> convTranspose(f, 1);
      case CONV2D_TRANSPOSE -> convTranspose(f, 2);
      case CONV3D_TRANSPOSE -> convTranspose(f, 3);
      case DEPTHWISE_CONV2D -> depthwise(f);
      case SEPARABLE_CONV2D -> separable(f);
      case MAX_POOLING1D -> pooling(f, PoolOp.MAX, 1);
      case MAX_POOLING2D -> pooling(f, PoolOp.MAX, 2);
      case MAX_POOLING3D -> pooling(f, PoolOp.MAX, 3);
      case AVERAGE_POOLING1D -> pooling(f, PoolOp.AVERAGE, 1);
      case AVERAGE_POOLING2D -> pooling(f, PoolOp.AVERAGE, 2);
      case AVERAGE_POOLING3D -> pooling(f, PoolOp.AVERAGE, 3);
      case GLOBAL_AVERAGE_POOLING1D -> global(f, PoolOp.AVERAGE, 1);
      case GLOBAL_AVERAGE_POOLING2D -> global(f, PoolOp.AVERAGE, 2);
      case GLOBAL_MAX_POOLING1D -> global(f, PoolOp.MAX, 1);
      case GLOBAL_MAX_POOLING2D -> global(f, PoolOp.MAX, 2);
      case SUBSAMPLING2D -> new Subsampling(poolWindow(f, 2), f.text("activation"));
      case FLATTEN -> new Flatten();
      case DENSE -> dense(f);
      case DROPOUT -> dropout(f);
      case ACTIVATION -> new Activation(f.requiredText("activation", "the function, e.g. relu"));
      case BATCH_NORMALIZATION -> batchNorm(f);
      case LAYER_NORMALIZATION -> layerNorm(f);
      case GROUP_NORMALIZATION -> groupNorm(f);
      case ZERO_PADDING2D -> zeroPadding(f, 2);
      case CROPPING2D -> new Cropping(f.get("cropping").map(n -> f.pads(n, "cropping", 2))
          .orElse(Collections.nCopies(2, io.layerwise.model.Pad.symmetric(0))));
      case UP_SAMPLING2D -> upSampling(f, 2);
      case RESHAPE -> reshape(f);
      case ADD -> new Merge(MergeOp.ADD);
      case SUBTRACT -> new Merge(MergeOp.SUBTRACT);
      case MULTIPLY -> new Merge(MergeOp.MULTIPLY);
      case MAXIMUM -> new Merge(MergeOp.MAXIMUM);
      case AVERAGE -> new Merge(MergeOp.AVERAGE);
      case CONCATENATE -> new Concatenate(f.axis("axis"));
      case EMBEDDING -> embedding(f);
      case SIMPLE_RNN -> recurrent(f, RecurrentCell.SIMPLE);
      case LSTM -> recurrent(f, RecurrentCell.LSTM);
      case GRU -> recurrent(f, RecurrentCell.GRU);
      case MULTI_HEAD_ATTENTION -> attention(f);
      case BIDIRECTIONAL -> bidirectional(f);
      case ADAPTIVE_AVG_POOL1D -> adaptive(f, PoolOp.AVERAGE, 1);
      case ADAPTIVE_AVG_POOL2D -> adaptive(f, PoolOp.AVERAGE, 2);
      case ADAPTIVE_MAX_POOL1D -> adaptive(f, PoolOp.MAX, 1);
      case ADAPTIVE_MAX_POOL2D -> adaptive(f, PoolOp.MAX, 2);
      case RBF -> new Rbf(f.requiredCount("units", "the number of RBF units, one per class"),
          f.bool("fixed", true));
      case TIME_DISTRIBUTED -> timeDistributed(f);
    };
  }

  private static Window convWindow(Fields f, int rank) {
    List<Long> kernel = f.requiredTuple("kernel_size", rank, "the size of the kernel, e.g. 3");
    List<Long> strides = f.tuple("strides", rank, ones(rank), 1);
    Padding padding = f.padding("padding", rank, Padding.VALID);
    List<Long> dilation = f.tuple("dilation_rate", rank, ones(rank), 1);
    return new Window(kernel, strides, padding, dilation);
  }

  private static Window poolWindow(Fields f, int rank) {
    List<Long> size = f.tuple("pool_size", rank, Collections.nCopies(rank, 2L), 1);
    List<Long> strides = f.tuple("strides", rank, size, 1);
    Padding padding = f.padding("padding", rank, Padding.VALID);
    return new Window(size, strides, padding, ones(rank));
  }

  private static Layer conv(Fields f, int rank) {
    long filters = f.requiredCount("filters", "the number of output channels");
    Window window = convWindow(f, rank);
    long groups = f.count("groups", 1);
    boolean useBias = f.bool("use_bias", true);
    Optional<String> activation = f.text("activation");
    f.ignore(WEIGHT_OPTIONS);
    Optional<ConnectionTable> table = Connections.read(f, filters, groups);
    return new Conv(filters, window, groups, useBias, activation, table);
  }

  /** {@code output_size}: an integer, or one per axis where {@code null} keeps the input's. */
  static Layer adaptive(Fields f, PoolOp op, int rank) {
    Optional<Node> n = f.get("output_size");
    List<Optional<Long>> sizes = new ArrayList<>(Collections.nCopies(rank, Optional.of(1L)));
    if (n.isEmpty()) {
      f.error(f.location(), "missing 'output_size' (the output's size per spatial axis, e.g. 1)");
    } else if (n.get() instanceof Node.ListNode list) {
      if (list.items().size() != rank) {
        f.error(n.get().location(), "output_size needs " + rank + " values, one per spatial axis,"
            + " but has " + list.items().size());
      } else {
        for (int i = 0; i < rank; i++) {
          Node item = list.items().get(i);
          sizes.set(i, item instanceof Node.Scalar s && s.kind() == Node.Kind.NULL
              ? Optional.empty() : Optional.of(f.integer(item, "output_size", 1)));
        }
      }
    } else {
      sizes = Collections.nCopies(rank, Optional.of(f.integer(n.get(), "output_size", 1)));
    }
    return new AdaptivePooling(op, sizes);
  }

  /**
   * {@code TimeDistributed}: the wrapped layer, read with its own kind's arguments; it must take
   * one input and not be a wrapper itself.
   */
  private static Layer timeDistributed(Fields f) {
    Layer fallback = new Flatten();
    Optional<Node> inner = f.get("layer");
    if (inner.isEmpty() || !(inner.get() instanceof Node.MapNode map)) {
      f.error(inner.map(Node::location).orElse(f.location()), "TimeDistributed needs 'layer', the"
          + " layer applied at every time step, such as {type: Dense, units: 8}");
      return new TimeDistributed(fallback);
    }
    Fields in = f.nested(map);
    String given = in.text("type").orElse("");
    Optional<LayerType> type = LayerTypes.lookup(given);
    if (type.isEmpty()) {
      in.error(map.location(), "TimeDistributed wraps a layer such as Dense or Conv2D, not '"
          + given + "'", LayerTypes.suggest(given));
      in.ignore(map.entries().stream().map(Node.Entry::key).toArray(String[]::new));
      return new TimeDistributed(fallback);
    }
    in.ignore("name");
    Layer wrapped = read(type.get(), in);
    in.finish("the wrapped " + type.get().className() + " layer");
    if (wrapped.maxInputs() != 1 || wrapped instanceof TimeDistributed) {
      in.error(map.location(), "TimeDistributed wraps a layer with one input, such as Dense or"
          + " Conv2D, not '" + given + "'");
      return new TimeDistributed(fallback);
    }
    return new TimeDistributed(wrapped);
  }

  private static Layer convTranspose(Fields f, int rank) {
    long filters = f.requiredCount("filters", "the number of output channels");
    Window window = convWindow(f, rank);
    boolean given = f.get("output_padding")
        .filter(n -> !(n instanceof Node.Scalar s && s.kind() == Node.Kind.NULL))
        .isPresent();
    Optional<List<Long>> outputPadding =
        given ? Optional.of(f.tuple("output_padding", rank, ones(rank), 0)) : Optional.empty();
    boolean useBias = f.bool("use_bias", true);
    Optional<String> activation = f.text("activation");
    f.ignore(WEIGHT_OPTIONS);
    return new ConvTranspose(filters, window, outputPadding, useBias, activation);
  }

  private static Layer depthwise(Fields f) {
    Window window = convWindow(f, 2);
    long multiplier = f.count("depth_multiplier", 1);
    boolean useBias = f.bool("use_bias", true);
    Optional<String> activation = f.text("activation");
    f.ignore(WEIGHT_OPTIONS);
    f.ignore("depthwise_initializer", "depthwise_regularizer", "depthwise_constraint");
    return new DepthwiseConv(window, multiplier, useBias, activation);
  }

  private static Layer separable(Fields f) {
    long filters = f.requiredCount("filters", "the number of output channels");
    Window window = convWindow(f, 2);
    long multiplier = f.count("depth_multiplier", 1);
    boolean useBias = f.bool("use_bias", true);
    Optional<String> activation = f.text("activation");
    f.ignore(WEIGHT_OPTIONS);
    f.ignore("depthwise_initializer", "pointwise_initializer", "depthwise_regularizer",
        "pointwise_regularizer", "depthwise_constraint", "pointwise_constraint");
    return new SeparableConv(filters, window, multiplier, useBias, activation);
  }

  private static Layer pooling(Fields f, PoolOp op, int rank) {
    return new Pooling(op, poolWindow(f, rank));
  }

  private static Layer global(Fields f, PoolOp op, int rank) {
    return new GlobalPooling(op, rank, f.bool("keepdims", false));
  }

  private static Layer dense(Fields f) {
    long units = f.requiredCount("units", "the number of output units");
    boolean useBias = f.bool("use_bias", true);
    Optional<String> activation = f.text("activation");
    f.ignore(WEIGHT_OPTIONS);
    return new Dense(units, useBias, activation);
  }

  private static Layer dropout(Fields f) {
    if (!f.has("rate")) {
      f.error(f.location(), "missing 'rate' (the fraction of values dropped, e.g. 0.5)");
    }
    double rate = f.fraction("rate", 0.5);
    f.ignore("seed", "noise_shape");
    return new Dropout(rate);
  }

  private static Layer batchNorm(Fields f) {
    var axis = f.axis("axis");
    boolean center = f.bool("center", true);
    boolean scale = f.bool("scale", true);
    f.ignore("momentum", "epsilon", "beta_initializer", "gamma_initializer",
        "moving_mean_initializer", "moving_variance_initializer", "beta_regularizer",
        "gamma_regularizer", "beta_constraint", "gamma_constraint", "synchronized");
    return new BatchNorm(axis, center, scale);
  }

  /** Keras' GroupNormalization: {@code groups} (default 32; -1 for one per channel). */
  private static Layer groupNorm(Fields f) {
    long groups = 32;
    Optional<Node> n = f.get("groups");
    if (n.isPresent()) {
      groups = n.get() instanceof Node.Scalar s && s.text().equals("-1") ? -1
          : f.integer(n.get(), "groups", 1);
    }
    f.get("axis").ifPresent(a -> {
      if (!(a instanceof Node.Scalar s && s.text().equals("-1"))) {
        f.error(a.location(), "only GroupNormalization over the channels (axis -1) is supported");
      }
    });
    boolean center = f.bool("center", true);
    boolean scale = f.bool("scale", true);
    f.ignore("epsilon", "beta_initializer", "gamma_initializer", "beta_regularizer",
        "gamma_regularizer", "beta_constraint", "gamma_constraint");
    return new GroupNorm(groups == -1 ? OptionalLong.empty() : OptionalLong.of(groups), center,
        scale, false, false);
  }

  private static Layer layerNorm(Fields f) {
    var axis = f.axis("axis");
    boolean center = f.bool("center", true);
    boolean scale = f.bool("scale", true);
    // Keras' RMS normalisation keeps the scale γ and has no offset β.
    boolean rms = f.bool("rms_scaling", false);
    f.ignore("epsilon", "beta_initializer", "gamma_initializer", "beta_regularizer",
        "gamma_regularizer", "beta_constraint", "gamma_constraint");
    return new LayerNorm(axis.orElse(-1), center && !rms, scale || rms);
  }

  private static Layer zeroPadding(Fields f, int rank) {
    var pads = f.get("padding").map(n -> f.pads(n, "padding", rank))
        .orElse(Collections.nCopies(rank, io.layerwise.model.Pad.symmetric(1)));
    return new ZeroPadding(pads);
  }

  private static Layer upSampling(Fields f, int rank) {
    List<Long> size = f.tuple("size", rank, Collections.nCopies(rank, 2L), 1);
    f.ignore("interpolation");
    return new UpSampling(size);
  }

  private static Layer reshape(Fields f) {
    Optional<Node> n = f.get("target_shape");
    if (n.isEmpty()) {
      f.error(f.location(), "missing 'target_shape' (the new shape without the batch axis)");
      return new Reshape(List.of(-1L));
    }
    if (!(n.get() instanceof Node.ListNode list) || list.items().isEmpty()) {
      f.error(n.get().location(), "target_shape must be a list such as [7, 7, 64], not "
          + n.get().describe());
      return new Reshape(List.of(-1L));
    }
    if (list.items().size() > Limits.RANK) {
      f.error(n.get().location(), "target_shape has " + Limits.show(list.items().size())
          + " axes; shapes are limited to " + Limits.RANK);
      return new Reshape(List.of(-1L));
    }
    List<Long> target = new ArrayList<>();
    for (Node item : list.items()) {
      target.add(f.integer(item, "target_shape", -1));
    }
    return new Reshape(target);
  }

  private static Layer embedding(Fields f) {
    long inputDim = f.requiredCount("input_dim", "the vocabulary size");
    long outputDim = f.requiredCount("output_dim", "the length of each vector");
    f.ignore("embeddings_initializer", "embeddings_regularizer", "embeddings_constraint",
        "mask_zero", "input_length", "activity_regularizer");
    return new Embedding(inputDim, outputDim);
  }

  private static Layer bidirectional(Fields f) {
    BidirectionalMerge mode = BidirectionalMerge.CONCAT;
    Optional<String> given = f.text("merge_mode");
    if (given.isPresent()) {
      Optional<BidirectionalMerge> m = java.util.Arrays.stream(BidirectionalMerge.values())
          .filter(x -> x.name().equalsIgnoreCase(given.get())).findFirst();
      if (m.isEmpty()) {
        f.error(f.locations().get("merge_mode"), "merge_mode must be concat, sum, mul or ave,"
            + " not '" + given.get() + "'", io.layerwise.model.Spelling.closest(given.get(),
                List.of("concat", "sum", "mul", "ave")));
      } else {
        mode = m.get();
      }
    }
    Recurrent fallback = new Recurrent(RecurrentCell.SIMPLE, 1, false, true, false,
        Optional.empty());
    Optional<Node> inner = f.get("layer");
    if (inner.isEmpty() || !(inner.get() instanceof Node.MapNode map)) {
      f.error(inner.map(Node::location).orElse(f.location()), "Bidirectional needs 'layer', the"
          + " wrapped recurrent layer, such as {type: LSTM, units: 32}");
      return new Bidirectional(fallback, mode);
    }
    Fields in = f.nested(map);
    Optional<RecurrentCell> cell = in.text("type").flatMap(LayerTypes::lookup)
        .map(RECURRENT::get);
    if (cell.isEmpty()) {
      in.error(map.location(), "Bidirectional wraps a SimpleRNN, LSTM or GRU");
      in.ignore(map.entries().stream().map(Node.Entry::key).toArray(String[]::new));
      return new Bidirectional(fallback, mode);
    }
    in.ignore("name");
    Recurrent wrapped = (Recurrent) recurrent(in, cell.get());
    in.finish("the wrapped " + cell.get().name() + " layer");
    return new Bidirectional(wrapped, mode);
  }

  private static Layer attention(Fields f) {
    long heads = f.requiredCount("num_heads", "the number of heads");
    long keyDim = f.requiredCount("key_dim", "the size of each head's query and key");
    OptionalLong valueDim = f.has("value_dim")
        ? OptionalLong.of(f.count("value_dim", keyDim)) : OptionalLong.empty();
    f.get("value_dim");
    boolean useBias = f.bool("use_bias", true);
    f.ignore(WEIGHT_OPTIONS);
    f.ignore("dropout", "attention_axes", "seed", "flash_attention");
    return new MultiHeadAttention(heads, keyDim, valueDim, useBias);
  }

  private static Layer recurrent(Fields f, RecurrentCell cell) {
    long units = f.requiredCount("units", "the size of the state");
    boolean sequences = f.bool("return_sequences", false);
    boolean useBias = f.bool("use_bias", true);
    boolean resetAfter = switch (cell) {
      case GRU -> f.bool("reset_after", true);
      case SIMPLE, LSTM -> false;
    };
    if (f.bool("return_state", false)) {
      f.get("return_state").ifPresent(n -> f.error(n.location(),
          "return_state (several outputs) is not supported; read the states from the shapes"));
    }
    Optional<String> activation = f.text("activation");
    f.ignore(WEIGHT_OPTIONS);
    f.ignore("recurrent_activation", "recurrent_initializer", "recurrent_regularizer",
        "recurrent_constraint", "dropout", "recurrent_dropout", "go_backwards", "stateful",
        "unroll", "unit_forget_bias", "seed", "time_major");
    return new Recurrent(cell, units, sequences, useBias, resetAfter, activation);
  }

  private static List<Long> ones(int rank) {
    return Collections.nCopies(rank, 1L);
  }
}
