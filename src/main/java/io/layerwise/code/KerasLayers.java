package io.layerwise.code;

import io.layerwise.code.KerasStep.Arity;
import io.layerwise.code.KerasStep.Call;
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
import io.layerwise.model.RecurrentCell;
import io.layerwise.model.RecurrentStack;
import io.layerwise.model.Reshape;
import io.layerwise.model.SeparableConv;
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

/**
 * Each layer kind as Keras layers ({@code from keras import layers}), named as in the exercise.
 * Empty, with a note, where Keras has no exact equivalent.
 */
final class KerasLayers implements LayerVisitor<Optional<KerasStep>> {

  private final LayerContext ctx;

  KerasLayers(LayerContext ctx) {
    this.ctx = ctx;
  }

  /** A layer with its positional arguments given and named after the exercise's layer. */
  private Python.Call layer(String cls, Object... positional) {
    Python.Call call = new Python.Call("layers." + cls);
    for (Object p : positional) {
      call.arg(p.toString());
    }
    return call.kw("name", Python.str(ctx.name()));
  }

  /** The activation (where Keras can fuse it) and {@code trainable=False} of a frozen layer. */
  private Python.Call finish(Python.Call call, Optional<String> activation) {
    activation.filter(a -> !Activations.isLinear(a))
        .ifPresent(a -> call.kw("activation", Python.str(a)));
    return call.kwIf(ctx.frozen(), "trainable", "False");
  }

  /** Keras applies a softmax to the last axis of its own tensor, which must be the exercise's. */
  private boolean activationFits(Optional<String> activation) {
    int last = ctx.outShape().rank() - 1;
    return activation.filter(Activations::alongLastAxis).isEmpty()
        || ctx.out.position(last) == last;
  }

  private static Optional<KerasStep> step(List<Call> calls) {
    return Optional.of(new KerasStep(calls));
  }

  private static Optional<KerasStep> step(Python.Call call) {
    return Optional.of(KerasStep.of(Call.one(call)));
  }

  /** Strides, {@code 'same'} and dilation as Keras' keyword arguments. */
  private static void window(Python.Call call, Window w, boolean dilation) {
    call.kwIf(w.strides().stream().anyMatch(s -> s != 1), "strides",
        Python.intOrTuple(w.strides()));
    call.kwIf(w.padding().mode() == PaddingMode.SAME, "padding", Python.str("same"));
    call.kwIf(dilation && w.dilated(), "dilation_rate", Python.intOrTuple(w.dilation()));
  }

  /**
   * A ZeroPadding layer for padding Keras' layer cannot take, when there is any; the note says
   * why it is there.
   */
  private void padFirst(List<Call> calls, List<Pad> pads, String noteKey) {
    if (LayerContext.anyPadding(pads)) {
      String name = ctx.kerasNames.take(ctx.name() + "_pad");
      calls.add(Call.one(new Python.Call("layers.ZeroPadding" + pads.size() + "D")
          .arg(padding(pads)).kw("name", Python.str(name))));
      ctx.rewritten(noteKey, name);
    }
  }

  /**
   * Keras' padding and cropping argument: one number, one per axis, or a pair per axis ({@code
   * ((top, bottom), (left, right))}); a pair for one axis.
   */
  static String padding(List<Pad> pads) {
    if (pads.stream().distinct().count() == 1 && pads.get(0).isSymmetric()) {
      return Long.toString(pads.get(0).before());
    }
    if (pads.size() == 1) {
      return Python.tuple(List.of(pads.get(0).before(), pads.get(0).after()));
    }
    if (LayerContext.symmetric(pads)) {
      return Python.tuple(pads.stream().map(Pad::before).toList());
    }
    return Python.tupleOf(pads.stream()
        .map(p -> Python.tuple(List.of(p.before(), p.after()))).toList());
  }

  /** Keras refuses strides above 1 together with a dilation above 1. */
  private static boolean dilatedWithStrides(Window w) {
    return w.dilated() && w.strides().stream().anyMatch(s -> s > 1);
  }

  /**
   * A convolution: explicit padding becomes a ZeroPadding layer in front (Keras' convolutions pad
   * only {@code 'valid'} or {@code 'same'}).
   */
  private Optional<KerasStep> convolution(Window w, Optional<String> activation,
      Python.Call call) {
    if (dilatedWithStrides(w)) {
      return ctx.none("none.dilationWithStrides");
    }
    if (!activationFits(activation)) {
      return ctx.none("none.activationAxis", activation.orElseThrow());
    }
    List<Call> calls = new ArrayList<>();
    if (w.padding().mode() == PaddingMode.EXPLICIT) {
      padFirst(calls, w.padding().pads(), "rewritten.zeroPadding");
    }
    calls.add(Call.one(call));
    return step(calls);
  }

  @Override
  public Optional<KerasStep> conv(Conv c) {
    if (c.connections().isPresent()) {
      return ctx.none("none.connectionTable");
    }
    if (c.fill() != PaddingFill.ZEROS) {
      return ctx.none("none.paddingMode", c.fill().torchName());
    }
    Window w = c.window();
    Python.Call call = layer("Conv" + w.rank() + "D", c.filters(), Python.intOrTuple(w.kernel()));
    window(call, w, true);
    call.kwIf(c.groups() != 1, "groups", Long.toString(c.groups()));
    call.kwIf(!c.useBias(), "use_bias", "False");
    return convolution(w, c.activation(), finish(call, c.activation()));
  }

  @Override
  public Optional<KerasStep> depthwiseConv(DepthwiseConv c) {
    Window w = c.window();
    Python.Call call = layer("DepthwiseConv2D", Python.intOrTuple(w.kernel()));
    window(call, w, true);
    call.kwIf(c.depthMultiplier() != 1, "depth_multiplier", Long.toString(c.depthMultiplier()));
    call.kwIf(!c.useBias(), "use_bias", "False");
    return convolution(w, c.activation(), finish(call, c.activation()));
  }

  @Override
  public Optional<KerasStep> separableConv(SeparableConv c) {
    Window w = c.window();
    Python.Call call = layer("SeparableConv2D", c.filters(), Python.intOrTuple(w.kernel()));
    window(call, w, true);
    call.kwIf(c.depthMultiplier() != 1, "depth_multiplier", Long.toString(c.depthMultiplier()));
    call.kwIf(!c.useBias(), "use_bias", "False");
    return convolution(w, c.activation(), finish(call, c.activation()));
  }

  /**
   * A transposed convolution. Keras' own {@code 'valid'} and {@code 'same'} are written as they
   * are; PyTorch's (and explicit) padding p, which removes p rows from each side of the full
   * output, becomes Keras' {@code 'valid'} with the output padding that gives the full output
   * and a Cropping layer behind.
   */
  @Override
  public Optional<KerasStep> convTranspose(ConvTranspose c) {
    if (c.groups() != 1) {
      return ctx.none("none.transposeGroups", c.groups());
    }
    Window w = c.window();
    int n = w.rank();
    if (!activationFits(c.activation())) {
      return ctx.none("none.activationAxis", c.activation().orElseThrow());
    }
    Python.Call call = layer("Conv" + n + "DTranspose", c.filters(),
        Python.intOrTuple(w.kernel()));
    call.kwIf(w.strides().stream().anyMatch(s -> s != 1), "strides",
        Python.intOrTuple(w.strides()));
    if (ctx.source == Framework.KERAS && w.padding().mode() != PaddingMode.EXPLICIT) {
      call.kwIf(w.padding().mode() == PaddingMode.SAME, "padding", Python.str("same"));
      c.outputPadding().ifPresent(op -> call.kw("output_padding", Python.intOrTuple(op)));
      call.kwIf(w.dilated(), "dilation_rate", Python.intOrTuple(w.dilation()));
      call.kwIf(!c.useBias(), "use_bias", "False");
      return step(finish(call, c.activation()));
    }
    List<Long> outputPadding = new ArrayList<>();
    List<Pad> crops = new ArrayList<>();
    boolean needsOutputPadding = false;
    for (int i = 0; i < n; i++) {
      long s = w.strides().get(i);
      long span = (w.kernel().get(i) - 1) * w.dilation().get(i) + 1;
      long full = (ctx.spatial(ctx.in(), i) - 1) * s + span;
      long p = w.padding().mode() == PaddingMode.EXPLICIT
          ? w.padding().pads().get(i).before() : 0;
      long y = ctx.spatial(ctx.outShape(), i);
      long op = y - full + 2 * p;
      if (op >= s) {
        return ctx.none("none.outputPadding", op, s);
      }
      long used = Math.max(op, 0);
      outputPadding.add(used);
      crops.add(new Pad(p, full + used - p - y));
      needsOutputPadding |= used > 0 || span < s;
    }
    call.kwIf(needsOutputPadding, "output_padding", Python.intOrTuple(outputPadding));
    List<Pad> given = w.padding().mode() == PaddingMode.EXPLICIT ? w.padding().pads()
        : java.util.Collections.nCopies(n, Pad.symmetric(0));
    ctx.countAs(new ConvTranspose(c.filters(), new Window(w.kernel(), w.strides(),
        Padding.explicit(given), w.dilation()), c.outputPadding(), c.useBias(), c.activation()),
        true);
    call.kwIf(w.dilated(), "dilation_rate", Python.intOrTuple(w.dilation()));
    call.kwIf(!c.useBias(), "use_bias", "False");
    List<Call> calls = new ArrayList<>(List.of(Call.one(finish(call, c.activation()))));
    if (LayerContext.anyPadding(crops)) {
      String name = ctx.kerasNames.take(ctx.name() + "_crop");
      calls.add(Call.one(new Python.Call("layers.Cropping" + n + "D").arg(padding(crops))
          .kw("name", Python.str(name))));
      ctx.rewritten("rewritten.cropping", name);
    }
    return step(calls);
  }

  /**
   * Pooling. Explicit padding becomes a ZeroPadding layer in front: as the exercise means it for
   * Keras and for average pooling (PyTorch counts the zeros in the average too); for PyTorch's
   * max pooling, which pads with −∞, only where its input is never negative.
   */
  @Override
  public Optional<KerasStep> pooling(Pooling p) {
    Window w = p.window();
    if (w.dilated()) {
      return ctx.none("none.poolDilation");
    }
    if (p.ceilMode() && ctx.roundsUp()) {
      return ctx.none("none.ceilMode");
    }
    String cls = switch (p.op()) {
      case MAX -> "MaxPooling";
      case AVERAGE -> "AveragePooling";
    };
    List<Call> calls = new ArrayList<>();
    if (w.padding().mode() == PaddingMode.EXPLICIT) {
      String key = "rewritten.zeroPadding";
      if (ctx.source == Framework.PYTORCH && p.op() == PoolOp.MAX
          && LayerContext.anyPadding(w.padding().pads())) {
        if (!NonNegative.of(ctx.network(), ctx.node.inputs().get(0))) {
          return ctx.none("none.maxPoolPadding");
        }
        key = "rewritten.maxPoolZeros";
      }
      padFirst(calls, w.padding().pads(), key);
    }
    Python.Call call = layer(cls + w.rank() + "D", Python.intOrTuple(w.kernel()));
    call.kwIf(!w.strides().equals(w.kernel()), "strides", Python.intOrTuple(w.strides()));
    call.kwIf(w.padding().mode() == PaddingMode.SAME, "padding", Python.str("same"));
    calls.add(Call.one(call));
    return step(calls);
  }

  @Override
  public Optional<KerasStep> globalPooling(GlobalPooling g) {
    String op = switch (g.op()) {
      case MAX -> "Max";
      case AVERAGE -> "Average";
    };
    return step(layer("Global" + op + "Pooling" + g.rank() + "D")
        .kwIf(g.keepDims(), "keepdims", "True"));
  }

  @Override
  public Optional<KerasStep> subsampling(Subsampling layer) {
    return ctx.none("none.subsampling");
  }

  @Override
  public Optional<KerasStep> flatten(Flatten layer) {
    return step(layer("Flatten"));
  }

  @Override
  public Optional<KerasStep> dense(Dense d) {
    if (!activationFits(d.activation())) {
      return ctx.none("none.activationAxis", d.activation().orElseThrow());
    }
    Python.Call call = layer("Dense", d.units()).kwIf(!d.useBias(), "use_bias", "False");
    return step(finish(call, d.activation()));
  }

  @Override
  public Optional<KerasStep> dropout(Dropout d) {
    return step(layer("Dropout", Python.number(d.rate())));
  }

  @Override
  public Optional<KerasStep> activation(Activation a) {
    return step(layer("Activation", Python.str(a.function())));
  }

  /** Keras' axis argument for the exercise's axis {@code axis}, unless it is the last. */
  private void axis(Python.Call call, int axis) {
    int at = ctx.position(axis);
    call.kwIf(at != ctx.in().rank() - 1, "axis", Integer.toString(at + 1));
  }

  private int resolve(int given) {
    return given < 0 ? ctx.in().rank() + given : given - 1;
  }

  @Override
  public Optional<KerasStep> batchNorm(BatchNorm b) {
    int axis = b.axis().isPresent() ? resolve(b.axis().getAsInt())
        : Perm.channelAxis(ctx.source, ctx.in().rank());
    Python.Call call = layer("BatchNormalization");
    axis(call, axis);
    call.kwIf(!b.center(), "center", "False").kwIf(!b.scale(), "scale", "False");
    ctx.countAs(new BatchNorm(OptionalInt.of(ctx.position(axis) + 1), b.center(), b.scale()),
        true);
    return step(finish(call, Optional.empty()));
  }

  /** Keras' GroupNormalization; groups=-1 is one group per channel (instance normalisation). */
  @Override
  public Optional<KerasStep> groupNorm(GroupNorm g) {
    Python.Call call = layer("GroupNormalization");
    call.kw("groups", Long.toString(g.groups().orElse(-1)));
    call.kwIf(!g.center(), "center", "False").kwIf(!g.scale(), "scale", "False");
    return step(finish(call, Optional.empty()));
  }

  @Override
  public Optional<KerasStep> layerNorm(LayerNorm l) {
    if (l.axes() > 1) {
      return ctx.none("none.layerNormAxes", l.axes());
    }
    int axis = resolve(l.axis());
    Python.Call call = layer("LayerNormalization");
    axis(call, axis);
    call.kwIf(!l.center(), "center", "False").kwIf(!l.scale(), "scale", "False");
    ctx.countAs(new LayerNorm(ctx.position(axis) + 1, l.center(), l.scale()), true);
    return step(finish(call, Optional.empty()));
  }

  @Override
  public Optional<KerasStep> zeroPadding(ZeroPadding z) {
    return step(layer("ZeroPadding2D", padding(z.pads())));
  }

  @Override
  public Optional<KerasStep> cropping(Cropping c) {
    return step(layer("Cropping2D", padding(c.crops())));
  }

  @Override
  public Optional<KerasStep> upSampling(UpSampling u) {
    int axes = ctx.in().rank() - 1;
    if (axes < 1 || axes > 3) {
      return ctx.none("none.engine", "UpSampling" + axes + "D");
    }
    List<Long> factors = new ArrayList<>(u.factors(axes));
    if (u.fixed()) {
      for (int i = 0; i < axes; i++) {
        long in = ctx.spatial(ctx.in(), i);
        if (factors.get(i) % in != 0) {
          return ctx.none("none.upsampleSize", factors.get(i), in);
        }
        factors.set(i, factors.get(i) / in);
      }
    }
    return step(layer("UpSampling" + axes + "D", axes == 1 ? Long.toString(factors.get(0))
        : Python.intOrTuple(factors)));
  }

  @Override
  public Optional<KerasStep> reshape(Reshape r) {
    return step(layer("Reshape", Python.tuple(r.target())));
  }

  @Override
  public Optional<KerasStep> merge(Merge m) {
    String cls = switch (m.op()) {
      case ADD -> "Add";
      case SUBTRACT -> "Subtract";
      case MULTIPLY -> "Multiply";
      case MAXIMUM -> "Maximum";
      case AVERAGE -> "Average";
    };
    return Optional.of(KerasStep.of(new Call(layer(cls).toString(), Arity.LIST)));
  }

  @Override
  public Optional<KerasStep> concatenate(Concatenate c) {
    int axis = c.axis().isPresent() ? resolve(c.axis().getAsInt())
        : Perm.channelAxis(ctx.source, ctx.in().rank());
    Python.Call call = layer("Concatenate");
    axis(call, axis);
    ctx.countAs(new Concatenate(OptionalInt.of(ctx.position(axis) + 1)), true);
    return Optional.of(KerasStep.of(new Call(call.toString(), Arity.LIST)));
  }

  @Override
  public Optional<KerasStep> embedding(Embedding e) {
    return step(layer("Embedding", e.inputDim(), e.outputDim()));
  }

  /** A recurrent layer's class and arguments after its units. */
  private static Python.Call recurrent(Python.Call call, Recurrent r) {
    r.activation().filter(a -> !a.equals("tanh"))
        .ifPresent(a -> call.kw("activation", Python.str(a)));
    call.kwIf(!r.useBias(), "use_bias", "False");
    call.kwIf(r.returnSequences(), "return_sequences", "True");
    call.kwIf(r.cell() == RecurrentCell.GRU && !r.resetAfter(), "reset_after", "False");
    return call;
  }

  private static String cell(Recurrent r) {
    return switch (r.cell()) {
      case SIMPLE -> "SimpleRNN";
      case LSTM -> "LSTM";
      case GRU -> "GRU";
    };
  }

  @Override
  public Optional<KerasStep> recurrent(Recurrent r) {
    return step(finish(recurrent(layer(cell(r), r.units()), r), Optional.empty()));
  }

  @Override
  public Optional<KerasStep> bidirectional(Bidirectional b) {
    Recurrent r = b.layer();
    String inner = recurrent(new Python.Call("layers." + cell(r)).arg(r.units()), r).toString();
    Python.Call call = layer("Bidirectional", inner);
    String mode = switch (b.mergeMode()) {
      case CONCAT -> "concat";
      case SUM -> "sum";
      case MUL -> "mul";
      case AVE -> "ave";
    };
    call.kwIf(!mode.equals("concat"), "merge_mode", Python.str(mode));
    return step(finish(call, Optional.empty()));
  }

  @Override
  public Optional<KerasStep> multiHeadAttention(MultiHeadAttention m) {
    Python.Call call = layer("MultiHeadAttention", m.numHeads(), m.keyDim());
    m.valueDim().ifPresent(v -> call.kw("value_dim", v));
    call.kwIf(!m.useBias(), "use_bias", "False");
    return Optional.of(KerasStep.of(new Call(finish(call, Optional.empty()).toString(),
        Arity.QUERY_VALUE)));
  }

  /**
   * PyTorch's MultiheadAttention as Keras' MultiHeadAttention with key_dim = value_dim = E/H,
   * which counts the same; PyTorch's bias_k and bias_v have no Keras counterpart.
   */
  @Override
  public Optional<KerasStep> torchAttention(TorchAttention m) {
    if (m.addBiasKv()) {
      return ctx.none("none.attentionBiasKv");
    }
    Python.Call call = layer("MultiHeadAttention", m.numHeads(), m.embedDim() / m.numHeads());
    call.kwIf(!m.bias(), "use_bias", "False");
    return Optional.of(KerasStep.of(new Call(finish(call, Optional.empty()).toString(),
        Arity.QUERY_KEY_VALUE)));
  }

  @Override
  /**
   * PyTorch's adaptive windows, from ⌊i·in/out⌋ to ⌈(i+1)·in/out⌉, are ordinary windows of in/out
   * positions where the output size divides the input size; Keras pools those.
   */
  public Optional<KerasStep> adaptivePooling(AdaptivePooling a) {
    List<Long> k = new ArrayList<>();
    for (int i = 0; i < a.rank(); i++) {
      long in = ctx.spatial(ctx.in(), i);
      long out = a.outputSize().get(i).orElse(in);
      if (in % out != 0) {
        return ctx.none("none.adaptivePooling", in, out);
      }
      k.add(in / out);
    }
    Pooling p = new Pooling(a.op(), new Window(k, k, Padding.VALID,
        java.util.Collections.nCopies(k.size(), 1L)));
    ctx.countAs(p, true);
    ctx.rewritten("rewritten.adaptivePooling", Python.intOrTuple(k));
    return pooling(p);
  }

  @Override
  public Optional<KerasStep> recurrentStack(RecurrentStack r) {
    if (r.numLayers() != 1) {
      return ctx.none("none.recurrentStack", r.className(Framework.PYTORCH, 2), r.numLayers());
    }
    // one layer of PyTorch's module: Keras' layer returning every step (GRU: reset_after=True)
    Recurrent one = new Recurrent(r.cell(), r.hiddenSize(), true, r.useBias(),
        r.cell() == RecurrentCell.GRU, r.nonlinearity().filter("relu"::equals));
    io.layerwise.model.Layer as = r.bidirectional()
        ? new Bidirectional(one, io.layerwise.model.BidirectionalMerge.CONCAT) : one;
    ctx.countAs(as, true);
    return as.accept(this);
  }

  @Override
  public Optional<KerasStep> rbf(Rbf r) {
    return ctx.none("none.rbf");
  }

  @Override
  public Optional<KerasStep> timeDistributed(TimeDistributed t) {
    return ctx.none("none.timeDistributed");
  }
}
