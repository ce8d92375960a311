package io.layerwise.render;

import io.layerwise.model.Activation;
import io.layerwise.model.AdaptivePooling;
import io.layerwise.model.BatchNorm;
import io.layerwise.model.Bidirectional;
import io.layerwise.model.Concatenate;
import io.layerwise.model.Conv;
import io.layerwise.model.ConvTranspose;
import io.layerwise.model.Cropping;
import io.layerwise.model.Dense;
import io.layerwise.model.DepthwiseConv;
import io.layerwise.model.Dropout;
import io.layerwise.model.Embedding;
import io.layerwise.model.Flatten;
import io.layerwise.model.GlobalPooling;
import io.layerwise.model.GroupNorm;
import io.layerwise.model.LayerNorm;
import io.layerwise.model.LayerVisitor;
import io.layerwise.model.Merge;
import io.layerwise.model.MultiHeadAttention;
import io.layerwise.model.Pad;
import io.layerwise.model.PaddingMode;
import io.layerwise.model.Pooling;
import io.layerwise.model.Rbf;
import io.layerwise.model.Recurrent;
import io.layerwise.model.RecurrentStack;
import io.layerwise.model.Reshape;
import io.layerwise.model.SeparableConv;
import io.layerwise.model.Shape;
import io.layerwise.model.Subsampling;
import io.layerwise.model.TimeDistributed;
import io.layerwise.model.TorchAttention;
import io.layerwise.model.UpSampling;
import io.layerwise.model.Window;
import io.layerwise.model.ZeroPadding;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * A layer's arguments as PyTorch prints the module ({@code print(model)}): {@code 3, 64,
 * kernel_size=(7, 7), stride=(2, 2), padding=(3, 3), bias=False}, so that a PyTorch exercise's
 * table reads like PyTorch. Empty for kinds PyTorch has no module for (merges, global pooling, …),
 * which are then described in words. The input channels come from the input the layer gets.
 */
final class TorchArguments implements LayerVisitor<Optional<String>> {

  private final List<Shape> inputs;

  TorchArguments(List<Shape> inputs) {
    this.inputs = inputs;
  }

  private long channels() {
    return inputs.isEmpty() ? 0 : inputs.get(0).dim(0);
  }

  private static Optional<String> args(List<String> parts) {
    return Optional.of(String.join(", ", parts));
  }

  /** A Python tuple, as PyTorch stores sizes: {@code (7, 7)}, {@code (3,)}. */
  private static String tuple(List<Long> values) {
    String inner = values.stream().map(String::valueOf).collect(Collectors.joining(", "));
    return "(" + inner + (values.size() == 1 ? ",)" : ")");
  }

  /** An int where every axis has the same value, else a tuple: pooling keeps what it is given. */
  private static String compact(List<Long> values) {
    return values.stream().distinct().count() == 1 ? String.valueOf(values.get(0))
        : tuple(values);
  }

  private static Optional<String> padding(Window w, boolean tuples) {
    if (w.padding().mode() == PaddingMode.SAME) {
      return Optional.of("padding=same");
    }
    if (w.padding().mode() == PaddingMode.VALID
        || w.padding().pads().stream().allMatch(p -> p.total() == 0)) {
      return Optional.empty();
    }
    List<Long> before = w.padding().pads().stream().map(Pad::before).toList();
    return Optional.of("padding=" + (tuples ? tuple(before) : compact(before)));
  }

  private static List<String> convWindow(Window w) {
    List<String> parts = new ArrayList<>();
    parts.add("kernel_size=" + tuple(w.kernel()));
    parts.add("stride=" + tuple(w.strides()));
    padding(w, true).ifPresent(parts::add);
    if (w.dilated()) {
      parts.add("dilation=" + tuple(w.dilation()));
    }
    return parts;
  }

  @Override
  public Optional<String> conv(Conv l) {
    List<String> parts = new ArrayList<>(List.of(Long.toString(channels()),
        Long.toString(l.filters())));
    parts.addAll(convWindow(l.window()));
    if (l.groups() > 1) {
      parts.add("groups=" + l.groups());
    }
    if (!l.useBias()) {
      parts.add("bias=False");
    }
    if (l.fill() != io.layerwise.model.PaddingFill.ZEROS) {
      parts.add("padding_mode='" + l.fill().torchName() + "'");
    }
    return args(parts);
  }

  @Override
  public Optional<String> convTranspose(ConvTranspose l) {
    List<String> parts = new ArrayList<>(List.of(Long.toString(channels()),
        Long.toString(l.filters())));
    parts.addAll(convWindow(l.window()));
    l.outputPadding().filter(op -> op.stream().anyMatch(v -> v != 0))
        .ifPresent(op -> parts.add("output_padding=" + tuple(op)));
    if (l.groups() > 1) {
      parts.add("groups=" + l.groups());
    }
    if (!l.useBias()) {
      parts.add("bias=False");
    }
    return args(parts);
  }

  @Override
  public Optional<String> depthwiseConv(DepthwiseConv l) {
    List<String> parts = new ArrayList<>(List.of(Long.toString(channels()),
        Long.toString(channels() * l.depthMultiplier())));
    parts.addAll(convWindow(l.window()));
    parts.add("groups=" + channels());
    if (!l.useBias()) {
      parts.add("bias=False");
    }
    return args(parts);
  }

  @Override
  public Optional<String> separableConv(SeparableConv l) {
    return Optional.empty();
  }

  @Override
  public Optional<String> pooling(Pooling l) {
    Window w = l.window();
    List<String> parts = new ArrayList<>();
    parts.add("kernel_size=" + compact(w.kernel()));
    parts.add("stride=" + compact(w.strides()));
    padding(w, false).ifPresent(parts::add);
    if (w.dilated()) {
      parts.add("dilation=" + compact(w.dilation()));
    }
    if (l.ceilMode()) {
      parts.add("ceil_mode=True");
    }
    return args(parts);
  }

  @Override
  public Optional<String> adaptivePooling(AdaptivePooling l) {
    List<String> sizes = l.outputSize().stream()
        .map(o -> o.map(String::valueOf).orElse("None")).toList();
    String shown = sizes.size() == 1 ? sizes.get(0) : "(" + String.join(", ", sizes) + ")";
    return Optional.of("output_size=" + shown);
  }

  @Override
  public Optional<String> globalPooling(GlobalPooling l) {
    return Optional.empty();
  }

  @Override
  public Optional<String> subsampling(Subsampling l) {
    return Optional.empty();
  }

  @Override
  public Optional<String> flatten(Flatten l) {
    return Optional.of("start_dim=1, end_dim=-1");
  }

  @Override
  public Optional<String> dense(Dense l) {
    long in = inputs.isEmpty() ? 0 : inputs.get(0).last();
    return Optional.of("in_features=" + in + ", out_features=" + l.units() + ", bias="
        + (l.useBias() ? "True" : "False"));
  }

  @Override
  public Optional<String> dropout(Dropout l) {
    return Optional.of("p=" + l.rate());
  }

  @Override
  public Optional<String> activation(Activation l) {
    return Optional.of("");
  }

  @Override
  public Optional<String> batchNorm(BatchNorm l) {
    if (l.axis().isPresent()) {
      return Optional.empty();
    }
    return Optional.of(channels() + (l.center() && l.scale() ? "" : ", affine=False"));
  }

  @Override
  public Optional<String> groupNorm(GroupNorm l) {
    String affine = l.center() && l.scale() ? "" : ", affine=False";
    if (l.groups().isPresent()) {
      return Optional.of(l.groups().getAsLong() + ", " + channels() + affine);
    }
    return Optional.of(channels() + (l.center() && l.scale() ? ", affine=True" : "")
        + (l.runningStats() ? ", track_running_stats=True" : ""));
  }

  @Override
  public Optional<String> layerNorm(LayerNorm l) {
    if (inputs.isEmpty()) {
      return Optional.empty();
    }
    List<Long> dims = inputs.get(0).dims();
    int first = l.axis() < 0 ? dims.size() + l.axis() : l.axis() - 1;
    if (first < 0 || first + l.axes() > dims.size()) {
      return Optional.empty();
    }
    return Optional.of(tuple(dims.subList(first, first + l.axes()))
        + (l.scale() ? "" : ", elementwise_affine=False")
        + (l.scale() && !l.center() ? ", bias=False" : ""));
  }

  @Override
  public Optional<String> zeroPadding(ZeroPadding l) {
    List<Pad> p = l.pads();
    if (p.size() != 2) {
      return Optional.empty();
    }
    return Optional.of("padding=(" + p.get(1).before() + ", " + p.get(1).after() + ", "
        + p.get(0).before() + ", " + p.get(0).after() + ")");
  }

  @Override
  public Optional<String> cropping(Cropping l) {
    return Optional.empty();
  }

  @Override
  public Optional<String> upSampling(UpSampling l) {
    return Optional.of((l.fixed() ? "size=" : "scale_factor=") + compact(l.size()));
  }

  @Override
  public Optional<String> reshape(Reshape l) {
    return Optional.empty();
  }

  @Override
  public Optional<String> merge(Merge l) {
    return Optional.empty();
  }

  @Override
  public Optional<String> concatenate(Concatenate l) {
    return Optional.empty();
  }

  @Override
  public Optional<String> embedding(Embedding l) {
    return Optional.of(l.inputDim() + ", " + l.outputDim());
  }

  @Override
  public Optional<String> recurrent(Recurrent l) {
    return Optional.empty();
  }

  @Override
  public Optional<String> recurrentStack(RecurrentStack l) {
    List<String> parts = new ArrayList<>();
    parts.add(Long.toString(inputs.isEmpty() ? 0 : inputs.get(0).last()));
    parts.add(Long.toString(l.hiddenSize()));
    if (l.numLayers() > 1) {
      parts.add("num_layers=" + l.numLayers());
    }
    l.nonlinearity().filter(n -> !n.equals("tanh")).ifPresent(n -> parts.add("nonlinearity=" + n));
    if (!l.useBias()) {
      parts.add("bias=False");
    }
    if (l.batchFirst()) {
      parts.add("batch_first=True");
    }
    if (l.bidirectional()) {
      parts.add("bidirectional=True");
    }
    return args(parts);
  }

  @Override
  public Optional<String> bidirectional(Bidirectional l) {
    return Optional.empty();
  }

  @Override
  public Optional<String> multiHeadAttention(MultiHeadAttention l) {
    return Optional.empty();
  }

  @Override
  public Optional<String> torchAttention(TorchAttention l) {
    List<String> parts = new ArrayList<>(List.of(Long.toString(l.embedDim()),
        Long.toString(l.numHeads())));
    if (!l.bias()) {
      parts.add("bias=False");
    }
    if (l.addBiasKv()) {
      parts.add("add_bias_kv=True");
    }
    l.kdim().ifPresent(k -> parts.add("kdim=" + k));
    l.vdim().ifPresent(v -> parts.add("vdim=" + v));
    if (l.batchFirst()) {
      parts.add("batch_first=True");
    }
    return args(parts);
  }

  @Override
  public Optional<String> rbf(Rbf l) {
    return Optional.empty();
  }

  @Override
  public Optional<String> timeDistributed(TimeDistributed l) {
    return Optional.empty();
  }
}
