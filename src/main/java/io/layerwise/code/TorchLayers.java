package io.layerwise.code;

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
import io.layerwise.model.Framework;
import io.layerwise.model.GlobalPooling;
import io.layerwise.model.GroupNorm;
import io.layerwise.model.LayerNorm;
import io.layerwise.model.LayerVisitor;
import io.layerwise.model.Merge;
import io.layerwise.model.MultiHeadAttention;
import io.layerwise.model.Pad;
import io.layerwise.model.Padding;
import io.layerwise.model.PaddingFill;
import io.layerwise.model.PaddingMode;
import io.layerwise.model.PoolOp;
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
import java.util.OptionalInt;
import java.util.function.UnaryOperator;

/**
 * Each layer kind as a PyTorch submodule ({@code from torch import nn}) and the lines of {@code
 * forward} that apply it, channels first. Empty, with a note, where PyTorch has no exact
 * equivalent.
 */
final class TorchLayers implements LayerVisitor<Optional<TorchStep>> {

  private final LayerContext ctx;

  TorchLayers(LayerContext ctx) {
    this.ctx = ctx;
  }

  private static Python.Call nn(String cls) {
    return new Python.Call("nn." + cls);
  }

  /** A frozen layer's module with its parameters excluded from training. */
  private String module(Object module) {
    return ctx.frozen() && ctx.result.params() > 0 ? module + ".requires_grad_(False)"
        : module.toString();
  }

  private static String sequential(List<String> parts) {
    return parts.size() == 1 ? parts.get(0) : "nn.Sequential(" + String.join(", ", parts) + ")";
  }

  /** The softmax axis ({@code dim}) for the exercise's last axis held in order {@code p}. */
  private static String lastAxisDim(Perm p) {
    int last = p.rank() - 1;
    int at = p.position(last);
    return at == last ? "-1" : Integer.toString(at + 1);
  }

  /** What {@code forward} does after the module for a fused activation, if PyTorch has it. */
  private Optional<UnaryOperator<String>> post(Optional<String> activation) {
    if (activation.isEmpty()) {
      return Optional.of(UnaryOperator.identity());
    }
    String a = activation.get();
    String dim = lastAxisDim(ctx.out);
    return Activations.inTorch(a)
        ? Optional.of(t -> Activations.torchFunction(a, t, dim).orElseThrow())
        : Optional.empty();
  }

  /** PyTorch's padding tuple: the last axis first, {@code (left, right, top, bottom)}. */
  static String padTuple(List<Pad> pads) {
    List<Long> values = new ArrayList<>();
    for (int i = pads.size() - 1; i >= 0; i--) {
      values.add(pads.get(i).before());
      values.add(pads.get(i).after());
    }
    return Python.tuple(values);
  }

  private static String zeroPad(List<Pad> pads) {
    return "nn.ZeroPad" + pads.size() + "d(" + padTuple(pads) + ")";
  }

  private static List<Long> befores(List<Pad> pads) {
    return pads.stream().map(Pad::before).toList();
  }

  private static boolean strided(Window w) {
    return w.strides().stream().anyMatch(s -> s != 1);
  }

  /**
   * A convolution's modules: PyTorch pads both sides alike (or, at stride 1, as {@code 'same'},
   * which puts an odd zero after, as Keras does), so other padding, such as Keras' {@code 'same'}
   * with strides, is a ZeroPad module in front.
   */
  private List<String> convolution(String cls, long in, long out, Window w, long groups,
      boolean useBias, boolean noBias) {
    List<Pad> pads = ctx.pads(w);
    Python.Call conv = nn(cls).arg(in).arg(out).kw("kernel_size", Python.intOrTuple(w.kernel()));
    conv.kwIf(strided(w), "stride", Python.intOrTuple(w.strides()));
    List<String> parts = new ArrayList<>();
    if (LayerContext.symmetric(pads)) {
      conv.kwIf(LayerContext.anyPadding(pads), "padding", Python.intOrTuple(befores(pads)));
    } else if (ctx.same(w) && !strided(w)) {
      conv.kw("padding", Python.str("same"));
    } else {
      parts.add(zeroPad(pads));
      if (ctx.same(w)) {
        ctx.rewritten("rewritten.samePadding", Python.intOrTuple(w.strides()), parts.get(0));
      }
    }
    conv.kwIf(w.dilated(), "dilation", Python.intOrTuple(w.dilation()));
    conv.kwIf(groups != 1, "groups", Long.toString(groups));
    conv.kwIf(!useBias || noBias, "bias", "False");
    parts.add(conv.toString());
    return parts;
  }

  @Override
  public Optional<TorchStep> conv(Conv c) {
    if (c.connections().isPresent()) {
      return ctx.none("none.connectionTable");
    }
    Optional<UnaryOperator<String>> post = post(c.activation());
    if (post.isEmpty()) {
      return ctx.none("none.activation", c.activation().orElseThrow());
    }
    Window w = c.window();
    List<String> parts = convolution("Conv" + w.rank() + "d", ctx.channels(), c.filters(), w,
        c.groups(), c.useBias(), false);
    if (c.fill() != PaddingFill.ZEROS) {
      String last = parts.remove(parts.size() - 1);
      parts.add(last.substring(0, last.length() - 1) + ", padding_mode="
          + Python.str(c.fill().torchName()) + ")");
    }
    ctx.countAs(new Conv(c.filters(), LayerContext.explicit(w, ctx.pads(w)), c.groups(),
        c.useBias(), c.activation()), true);
    return apply(sequential(parts), post.get());
  }

  private Optional<TorchStep> apply(String module, UnaryOperator<String> post) {
    String m = module(module);
    return Optional.of(new TorchStep(Optional.of(m),
        (self, in, out) -> List.of(out + " = " + post.apply(self + "(" + in.get(0) + ")"))));
  }

  @Override
  public Optional<TorchStep> depthwiseConv(DepthwiseConv c) {
    Optional<UnaryOperator<String>> post = post(c.activation());
    if (post.isEmpty()) {
      return ctx.none("none.activation", c.activation().orElseThrow());
    }
    Window w = c.window();
    long cin = ctx.channels();
    List<String> parts = convolution("Conv2d", cin, cin * c.depthMultiplier(), w, cin,
        c.useBias(), false);
    ctx.countAs(new DepthwiseConv(LayerContext.explicit(w, ctx.pads(w)), c.depthMultiplier(),
        c.useBias(), c.activation()), true);
    return apply(sequential(parts), post.get());
  }

  @Override
  public Optional<TorchStep> separableConv(SeparableConv c) {
    Optional<UnaryOperator<String>> post = post(c.activation());
    if (post.isEmpty()) {
      return ctx.none("none.activation", c.activation().orElseThrow());
    }
    Window w = c.window();
    long cin = ctx.channels();
    long mid = cin * c.depthMultiplier();
    List<String> parts = convolution("Conv2d", cin, mid, w, cin, c.useBias(), true);
    parts.add(nn("Conv2d").arg(mid).arg(c.filters()).kw("kernel_size", 1)
        .kwIf(!c.useBias(), "bias", "False").toString());
    ctx.countAs(new SeparableConv(c.filters(), LayerContext.explicit(w, ctx.pads(w)),
        c.depthMultiplier(), c.useBias(), c.activation()), true);
    return apply("nn.Sequential(" + String.join(", ", parts) + ")", post.get());
  }

  /**
   * A transposed convolution: the full output ({@code (in − 1)·s + d·(k − 1) + 1}) with as many
   * rows removed in front as the exercise's padding removes there ({@code padding}), and the
   * length set by {@code output_padding}; where that would have to be negative (Keras' {@code
   * 'same'} with an odd total), a ZeroPad module with negative sizes crops the rest.
   */
  @Override
  public Optional<TorchStep> convTranspose(ConvTranspose c) {
    Optional<UnaryOperator<String>> post = post(c.activation());
    if (post.isEmpty()) {
      return ctx.none("none.activation", c.activation().orElseThrow());
    }
    Window w = c.window();
    int n = w.rank();
    List<Long> padding = new ArrayList<>();
    List<Long> outputPadding = new ArrayList<>();
    List<Long> crops = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      long s = w.strides().get(i);
      long d = w.dilation().get(i);
      long span = (w.kernel().get(i) - 1) * d + 1;
      long full = (ctx.spatial(ctx.in(), i) - 1) * s + span;
      long y = ctx.spatial(ctx.outShape(), i);
      long start;
      if (w.padding().mode() == PaddingMode.EXPLICIT) {
        start = w.padding().pads().get(i).before();
      } else if (ctx.source == Framework.KERAS && ctx.same(w)) {
        start = Math.max(full - y, 0) / 2;
      } else {
        start = 0;
      }
      long op = y - full + 2 * start;
      if (op >= Math.max(s, d)) {
        return ctx.none("none.outputPadding", op, Math.max(s, d));
      }
      padding.add(start);
      outputPadding.add(Math.max(op, 0));
      crops.add(Math.max(-op, 0));
    }
    Python.Call conv = nn("ConvTranspose" + n + "d").arg(ctx.channels()).arg(c.filters())
        .kw("kernel_size", Python.intOrTuple(w.kernel()));
    conv.kwIf(strided(w), "stride", Python.intOrTuple(w.strides()));
    conv.kwIf(padding.stream().anyMatch(p -> p > 0), "padding", Python.intOrTuple(padding));
    conv.kwIf(outputPadding.stream().anyMatch(p -> p > 0), "output_padding",
        Python.intOrTuple(outputPadding));
    conv.kwIf(w.dilated(), "dilation", Python.intOrTuple(w.dilation()));
    conv.kwIf(c.groups() != 1, "groups", Long.toString(c.groups()));
    conv.kwIf(!c.useBias(), "bias", "False");
    List<String> parts = new ArrayList<>(List.of(conv.toString()));
    if (crops.stream().anyMatch(p -> p > 0)) {
      List<Long> negative = new ArrayList<>();
      for (int i = n - 1; i >= 0; i--) {
        negative.add(0L);
        negative.add(-crops.get(i));
      }
      parts.add("nn.ZeroPad" + n + "d(" + Python.tuple(negative) + ")");
      ctx.rewritten("rewritten.transposeCrop", parts.get(1));
    }
    ctx.countAs(new ConvTranspose(c.filters(), new Window(w.kernel(), w.strides(),
        Padding.VALID, w.dilation()), Optional.empty(), c.useBias(), c.activation(), c.groups()),
        false);
    return apply(sequential(parts), post.get());
  }

  /**
   * Pooling. PyTorch pads both sides alike, max pooling with −∞ and average pooling with zeros
   * it counts. Keras' {@code 'same'} pads only where the window needs it and leaves the padding
   * out of an average; explicit padding in a Keras exercise adds zeros.
   */
  @Override
  public Optional<TorchStep> pooling(Pooling p) {
    Window w = p.window();
    int n = w.rank();
    boolean max = p.op() == PoolOp.MAX;
    List<Pad> pads = ctx.pads(w);
    Python.Call pool = nn((max ? "MaxPool" : "AvgPool") + n + "d")
        .arg(Python.intOrTuple(w.kernel()));
    pool.kwIf(!w.strides().equals(w.kernel()), "stride", Python.intOrTuple(w.strides()));
    if (p.ceilMode() || w.dilated()) {
      // PyTorch's own pooling, read with its arguments (symmetric padding within half a window)
      if (ctx.source != Framework.PYTORCH || !LayerContext.symmetric(pads)) {
        return ctx.none("none.engine", "ceil_mode, dilation");
      }
      pool.kwIf(LayerContext.anyPadding(pads), "padding", Python.intOrTuple(befores(pads)))
          .kwIf(w.dilated(), "dilation", Python.intOrTuple(w.dilation()))
          .kwIf(p.ceilMode(), "ceil_mode", "True");
      return Optional.of(TorchStep.module(pool));
    }
    ctx.countAs(new Pooling(p.op(), LayerContext.explicit(w, pads)), true);
    String minusInfinity = "nn.ConstantPad" + n + "d(" + padTuple(pads) + ", float('-inf'))";
    if (!LayerContext.anyPadding(pads)) {
      return Optional.of(TorchStep.module(pool));
    }
    boolean symmetric = LayerContext.symmetric(pads);
    if (w.padding().mode() == PaddingMode.EXPLICIT) {
      if (ctx.source == Framework.KERAS) {
        return Optional.of(TorchStep.module(sequential(List.of(zeroPad(pads), pool.toString()))));
      }
      boolean fits = symmetric;
      for (int i = 0; i < n; i++) {
        fits &= 2 * pads.get(i).before() <= w.kernel().get(i);
      }
      if (fits) {
        return Optional.of(TorchStep.module(pool.kw("padding", Python.intOrTuple(befores(pads)))));
      }
      return Optional.of(TorchStep.module(sequential(List.of(max ? minusInfinity : zeroPad(pads),
          pool.toString()))));
    }
    if (symmetric) {
      pool.kw("padding", Python.intOrTuple(befores(pads))).kwIf(!max, "count_include_pad",
          "False");
      return Optional.of(TorchStep.module(pool));
    }
    boolean ceil = true;
    for (int i = 0; i < n; i++) {
      ceil &= pads.get(i).isSymmetric() || w.strides().get(i) >= 2;
    }
    if (ceil) {
      pool.kwIf(befores(pads).stream().anyMatch(b -> b > 0), "padding",
          Python.intOrTuple(befores(pads))).kw("ceil_mode", "True")
          .kwIf(!max, "count_include_pad", "False");
      ctx.rewritten("rewritten.ceilMode", padTuple(pads));
      return Optional.of(TorchStep.module(pool));
    }
    if (max) {
      return Optional.of(TorchStep.module(sequential(List.of(minusInfinity, pool.toString()))));
    }
    return ctx.none("none.averagePoolSame");
  }

  @Override
  public Optional<TorchStep> globalPooling(GlobalPooling g) {
    String pool = switch (g.op()) {
      case MAX -> "nn.AdaptiveMaxPool";
      case AVERAGE -> "nn.AdaptiveAvgPool";
    } + g.rank() + "d(1)";
    return Optional.of(TorchStep.module(g.keepDims() ? pool
        : sequential(List.of(pool, "nn.Flatten()"))));
  }

  @Override
  public Optional<TorchStep> subsampling(Subsampling layer) {
    return ctx.none("none.subsampling");
  }

  @Override
  public Optional<TorchStep> flatten(Flatten layer) {
    return Optional.of(TorchStep.module("nn.Flatten()"));
  }

  @Override
  public Optional<TorchStep> dense(Dense d) {
    Optional<UnaryOperator<String>> post = post(d.activation());
    if (post.isEmpty()) {
      return ctx.none("none.activation", d.activation().orElseThrow());
    }
    Python.Call linear = nn("Linear").arg(ctx.in().last()).arg(d.units())
        .kwIf(!d.useBias(), "bias", "False");
    return apply(linear.toString(), post.get());
  }

  @Override
  public Optional<TorchStep> dropout(Dropout d) {
    return Optional.of(TorchStep.module(nn("Dropout").arg(Python.number(d.rate()))));
  }

  @Override
  public Optional<TorchStep> activation(Activation a) {
    String f = a.function();
    String dim = lastAxisDim(ctx.need.get(0));
    if (!Activations.inTorch(f)) {
      return ctx.none("none.activation", f);
    }
    Optional<String> module = Activations.torchModule(f, dim);
    if (module.isPresent()) {
      return Optional.of(TorchStep.module(module.get()));
    }
    return Optional.of(TorchStep.expression(
        in -> Activations.torchFunction(f, in.get(0), dim).orElseThrow()));
  }

  /**
   * PyTorch's GroupNorm(G, C), or InstanceNorm1d/2d/3d(C) for one group per channel (up to
   * three spatial axes); γ and β together or neither.
   */
  @Override
  public Optional<TorchStep> groupNorm(GroupNorm g) {
    Shape in = ctx.targetIn();
    if (g.center() != g.scale()) {
      return ctx.none("none.batchNormAffine", g.scale() ? "γ" : "β");
    }
    if (g.groups().isPresent()) {
      return Optional.of(TorchStep.module(module(nn("GroupNorm").arg(g.groups().getAsLong())
          .arg(in.dim(0)).kwIf(!g.center(), "affine", "False"))));
    }
    if (in.rank() < 2 || in.rank() > 4) {
      return ctx.none("none.batchNormRank", ctx.in().toString());
    }
    return Optional.of(TorchStep.module(module(nn("InstanceNorm" + (in.rank() - 1) + "d")
        .arg(in.dim(0)).kwIf(g.center(), "affine", "True")
        .kwIf(g.runningStats(), "track_running_stats", "True"))));
  }

  /** PyTorch's batch normalisation: axis 1, γ and β together or neither, up to 3-D. */
  @Override
  public Optional<TorchStep> batchNorm(BatchNorm b) {
    Shape in = ctx.targetIn();
    if (in.rank() > 4) {
      return ctx.none("none.batchNormRank", ctx.in().toString());
    }
    if (b.center() != b.scale()) {
      return ctx.none("none.batchNormAffine", b.scale() ? "γ" : "β");
    }
    ctx.countsKey("counts.batchNorm");
    ctx.countAs(new BatchNorm(OptionalInt.of(1), b.center(), b.scale()), true);
    Python.Call bn = nn("BatchNorm" + Math.max(1, in.rank() - 1) + "d").arg(in.dim(0))
        .kwIf(!b.center(), "affine", "False");
    return Optional.of(TorchStep.module(module(bn)));
  }

  /** PyTorch's layer normalisation on the last axis: γ and β, γ alone, or neither. */
  @Override
  public Optional<TorchStep> layerNorm(LayerNorm l) {
    if (l.center() && !l.scale()) {
      return ctx.none("none.layerNormBetaOnly");
    }
    if (l.axes() > 1) {
      Shape in = ctx.in();
      int first = l.axis() < 0 ? in.rank() + l.axis() : l.axis() - 1;
      if (first + l.axes() != in.rank()) {
        return ctx.none("none.layerNormAxes", l.axes());
      }
      List<Long> sizes = new ArrayList<>();
      for (int i = first; i < in.rank(); i++) {
        sizes.add(in.dim(i));
      }
      Python.Call ln = nn("LayerNorm").arg(Python.tupleOf(sizes.stream()
          .map(String::valueOf).toList()));
      ln.kwIf(!l.center() && !l.scale(), "elementwise_affine", "False");
      ln.kwIf(!l.center() && l.scale(), "bias", "False");
      return Optional.of(TorchStep.module(module(ln)));
    }
    ctx.countAs(new LayerNorm(-1, l.center(), l.scale()), true);
    Python.Call ln = nn("LayerNorm").arg(ctx.targetIn().last());
    ln.kwIf(!l.center() && !l.scale(), "elementwise_affine", "False");
    ln.kwIf(!l.center() && l.scale(), "bias", "False");
    return Optional.of(TorchStep.module(module(ln)));
  }

  @Override
  public Optional<TorchStep> zeroPadding(ZeroPadding z) {
    return Optional.of(TorchStep.module(zeroPad(z.pads())));
  }

  /** Cropping as slicing of the spatial axes (batch and channels first). */
  @Override
  public Optional<TorchStep> cropping(Cropping c) {
    StringBuilder slices = new StringBuilder("[:, :");
    for (int i = 0; i < c.crops().size(); i++) {
      Pad crop = c.crops().get(i);
      slices.append(", ").append(crop.before()).append(':')
          .append(ctx.spatial(ctx.in(), i) - crop.after());
    }
    String s = slices.append(']').toString();
    return Optional.of(TorchStep.expression(in -> in.get(0) + s));
  }

  @Override
  public Optional<TorchStep> upSampling(UpSampling u) {
    return Optional.of(TorchStep.module(nn("Upsample")
        .kw(u.fixed() ? "size" : "scale_factor", Python.intOrTuple(u.size()))));
  }

  @Override
  public Optional<TorchStep> reshape(Reshape r) {
    List<String> dims = new ArrayList<>(List.of("-1"));
    ctx.outShape().dims().forEach(d -> dims.add(Long.toString(d)));
    String call = ".reshape(" + String.join(", ", dims) + ")";
    return Optional.of(TorchStep.expression(in -> in.get(0) + call));
  }

  @Override
  public Optional<TorchStep> merge(Merge m) {
    return Optional.of(TorchStep.expression(in -> switch (m.op()) {
      case ADD -> String.join(" + ", in);
      case SUBTRACT -> in.get(0) + " - " + in.get(1);
      case MULTIPLY -> String.join(" * ", in);
      case MAXIMUM -> {
        String e = in.get(0);
        for (int i = 1; i < in.size(); i++) {
          e = "torch.maximum(" + e + ", " + in.get(i) + ")";
        }
        yield e;
      }
      case AVERAGE -> "(" + String.join(" + ", in) + ") / " + in.size();
    }));
  }

  @Override
  public Optional<TorchStep> concatenate(Concatenate c) {
    int rank = ctx.in().rank();
    int given = c.axis().orElse(0);
    int axis = c.axis().isPresent() ? (given < 0 ? rank + given : given - 1)
        : Perm.channelAxis(ctx.source, rank);
    int at = ctx.position(axis);
    ctx.countAs(new Concatenate(OptionalInt.of(at + 1)), true);
    return Optional.of(TorchStep.expression(
        in -> "torch.cat([" + String.join(", ", in) + "], dim=" + (at + 1) + ")"));
  }

  @Override
  public Optional<TorchStep> embedding(Embedding e) {
    return Optional.of(TorchStep.module(module(nn("Embedding").arg(e.inputDim())
        .arg(e.outputDim()))));
  }

  /** PyTorch's recurrent module for a Keras-style layer, when it computes the same. */
  /** PyTorch's module for a recurrent cell. */
  private static String torchModule(io.layerwise.model.RecurrentCell cell) {
    return switch (cell) {
      case SIMPLE -> "RNN";
      case LSTM -> "LSTM";
      case GRU -> "GRU";
    };
  }

  private Optional<Python.Call> rnn(Recurrent r, boolean bidirectional) {
    String cls = torchModule(r.cell());
    if (!r.resetAfter() && cls.equals("GRU")) {
      return ctx.none("none.gruResetBefore");
    }
    String activation = r.activation().orElse("tanh");
    boolean relu = activation.equals("relu") && cls.equals("RNN");
    if (!activation.equals("tanh") && !relu) {
      return ctx.none("none.recurrentActivation", "nn." + cls, activation);
    }
    ctx.countsKey("counts.recurrent");
    return Optional.of(nn(cls).arg(ctx.in().dim(1)).arg(r.units())
        .kwIf(relu, "nonlinearity", Python.str("relu"))
        .kwIf(!r.useBias(), "bias", "False")
        .kw("batch_first", "True")
        .kwIf(bidirectional, "bidirectional", "True"));
  }

  @Override
  public Optional<TorchStep> recurrent(Recurrent r) {
    String last = r.returnSequences() ? "" : "[:, -1]";
    return rnn(r, false).map(m -> new TorchStep(Optional.of(module(m)),
        (self, in, out) -> List.of(out + " = " + self + "(" + in.get(0) + ")[0]" + last)));
  }

  /**
   * Both directions in one module. Keras merges each step's outputs, or without sequences the
   * final state of each direction, which PyTorch returns as the last two rows of its hidden state.
   */
  @Override
  public Optional<TorchStep> bidirectional(Bidirectional b) {
    Recurrent r = b.layer();
    long u = r.units();
    return rnn(r, true).map(m -> new TorchStep(Optional.of(module(m)), (self, in, out) -> {
      List<String> lines = new ArrayList<>();
      String a;
      String z;
      if (r.returnSequences()) {
        lines.add(out + " = " + self + "(" + in.get(0) + ")[0]");
        a = out + "[..., :" + u + "]";
        z = out + "[..., " + u + ":]";
      } else {
        boolean lstm = r.cell() == io.layerwise.model.RecurrentCell.LSTM;
        lines.add(out + " = " + self + "(" + in.get(0) + ")[1]" + (lstm ? "[0]" : ""));
        a = out + "[-2]";
        z = out + "[-1]";
      }
      String merged = switch (b.mergeMode()) {
        case CONCAT -> r.returnSequences() ? null : "torch.cat([" + a + ", " + z + "], dim=1)";
        case SUM -> a + " + " + z;
        case MUL -> a + " * " + z;
        case AVE -> "(" + a + " + " + z + ") / 2";
      };
      if (merged != null) {
        lines.add(out + " = " + merged);
      }
      return lines;
    }));
  }

  /**
   * PyTorch's attention splits the query's features among the heads and projects back to them,
   * so Keras' layer has an equivalent only where {@code heads · key_dim} and {@code heads ·
   * value_dim} are the query's feature size, on sequences of vectors.
   */
  @Override
  public Optional<TorchStep> multiHeadAttention(MultiHeadAttention m) {
    List<Shape> shapes = ctx.result.inputShapes();
    Shape q = shapes.get(0);
    Shape v = shapes.size() > 1 ? shapes.get(1) : q;
    Shape k = shapes.size() > 2 ? shapes.get(2) : v;
    if (q.rank() != 2) {
      return ctx.none("none.attentionRank", q.toString());
    }
    long e = q.last();
    long h = m.numHeads();
    if (h * m.keyDim() != e || h * m.valueSize() != e) {
      return ctx.none("none.attentionHeads", e, h, m.keyDim(), m.valueSize());
    }
    Python.Call mha = nn("MultiheadAttention").arg(e).arg(h)
        .kwIf(!m.useBias(), "bias", "False")
        .kwIf(k.last() != e, "kdim", Long.toString(k.last()))
        .kwIf(v.last() != e, "vdim", Long.toString(v.last()))
        .kw("batch_first", "True");
    return Optional.of(new TorchStep(Optional.of(module(mha)), (self, in, out) -> {
      String query = in.get(0);
      String value = in.size() > 1 ? in.get(1) : query;
      String key = in.size() > 2 ? in.get(2) : value;
      return List.of(out + " = " + self + "(" + query + ", " + key + ", " + value
          + ", need_weights=False)[0]");
    }));
  }

  @Override
  public Optional<TorchStep> torchAttention(TorchAttention m) {
    Python.Call mha = nn("MultiheadAttention").arg(m.embedDim()).arg(m.numHeads())
        .kwIf(!m.bias(), "bias", "False")
        .kwIf(m.addBiasKv(), "add_bias_kv", "True")
        .kwIf(m.kdim().isPresent(), "kdim", Long.toString(m.keySize()))
        .kwIf(m.vdim().isPresent(), "vdim", Long.toString(m.valueSize()))
        .kw("batch_first", "True");
    return Optional.of(new TorchStep(Optional.of(module(mha)), (self, in, out) -> {
      String query = in.get(0);
      String key = in.size() > 1 ? in.get(1) : query;
      String value = in.size() > 2 ? in.get(2) : key;
      return List.of(out + " = " + self + "(" + query + ", " + key + ", " + value
          + ", need_weights=False)[0]");
    }));
  }

  @Override
  public Optional<TorchStep> adaptivePooling(AdaptivePooling a) {
    List<String> sizes = a.outputSize().stream().map(s -> s.map(String::valueOf).orElse("None"))
        .toList();
    String cls = switch (a.op()) {
      case MAX -> "AdaptiveMaxPool";
      case AVERAGE -> "AdaptiveAvgPool";
    };
    return Optional.of(TorchStep.module(nn(cls + a.rank() + "d")
        .arg(sizes.size() == 1 ? sizes.get(0) : Python.tupleOf(sizes))));
  }

  /** PyTorch's own stacked recurrent module, read with its arguments: every step's output. */
  @Override
  public Optional<TorchStep> recurrentStack(RecurrentStack r) {
    String cls = torchModule(r.cell());
    boolean relu = r.nonlinearity().filter("relu"::equals).isPresent();
    ctx.countsKey("counts.recurrent");
    Python.Call m = nn(cls).arg(ctx.in().dim(1)).arg(r.hiddenSize())
        .kwIf(r.numLayers() != 1, "num_layers", Long.toString(r.numLayers()))
        .kwIf(relu, "nonlinearity", Python.str("relu"))
        .kwIf(!r.useBias(), "bias", "False")
        .kw("batch_first", "True")
        .kwIf(r.bidirectional(), "bidirectional", "True");
    return Optional.of(new TorchStep(Optional.of(module(m)),
        (self, in, out) -> List.of(out + " = " + self + "(" + in.get(0) + ")[0]")));
  }

  @Override
  public Optional<TorchStep> rbf(Rbf r) {
    return ctx.none("none.rbf");
  }

  @Override
  public Optional<TorchStep> timeDistributed(TimeDistributed t) {
    return ctx.none("none.timeDistributed");
  }
}
