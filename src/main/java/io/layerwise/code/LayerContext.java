package io.layerwise.code;

import io.layerwise.engine.Analysis;
import io.layerwise.engine.LayerResult;
import io.layerwise.model.Framework;
import io.layerwise.model.Layer;
import io.layerwise.model.LayerNode;
import io.layerwise.model.Network;
import io.layerwise.model.Pad;
import io.layerwise.model.Padding;
import io.layerwise.model.PaddingMode;
import io.layerwise.model.Shape;
import io.layerwise.model.Window;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * One layer while a framework's code for it is written: the layer and its shapes as the engine
 * found them, the axis order its inputs arrive in and the one the code gives them, and what the
 * code writer reports back (notes, the layer to count in the target framework). Lives for one
 * layer.
 */
final class LayerContext {

  final Analysis analysis;
  final LayerNode node;
  final LayerResult result;
  final Framework source;
  final Framework target;
  /** The order each input arrives in. */
  final List<Perm> have;
  /** The order the layer's code takes each input in (a permute in between where they differ). */
  final List<Perm> need;
  /** The order of the layer's output. */
  final Perm out;
  /** Keras layer names, for the helper layers Keras code adds. */
  final Python.Names kerasNames;

  private final List<CodeNote> notes = new ArrayList<>();
  private Layer countAs;
  private boolean checkShape = true;
  private String countsKey = "counts.other";

  LayerContext(Analysis analysis, LayerResult result, Framework target, List<Perm> have,
      List<Perm> need, Perm out, Python.Names kerasNames) {
    this.analysis = analysis;
    this.node = result.node();
    this.result = result;
    this.source = analysis.exercise().framework();
    this.target = target;
    this.have = List.copyOf(have);
    this.need = List.copyOf(need);
    this.out = out;
    this.kerasNames = kerasNames;
    this.countAs = node.layer();
  }

  String name() {
    return node.name();
  }

  Network network() {
    return analysis.exercise().network();
  }

  /** The first input's shape, in the exercise's order. */
  Shape in() {
    return result.inputShapes().get(0);
  }

  /** The first input's shape as the code holds it. */
  Shape targetIn() {
    return need.get(0).apply(in());
  }

  /** The output shape, in the exercise's order. */
  Shape outShape() {
    return result.output();
  }

  /** The first input's channels (the exercise's channel axis). */
  long channels() {
    return in().dim(Perm.channelAxis(source, in().rank()));
  }

  /** Spatial size {@code i} of a shape in the exercise's order. */
  long spatial(Shape shape, int i) {
    return shape.dim(source == Framework.PYTORCH ? i + 1 : i);
  }

  /** Where the exercise's axis {@code axis} of the first input is in the code's tensor. */
  int position(int axis) {
    return need.get(0).position(axis);
  }

  /**
   * The zeros a window adds on each side of each spatial axis, as the exercise means them: none
   * for {@code valid}, the given ones for explicit padding, and for {@code same} what Keras adds
   * (the odd one after), which is also what PyTorch adds where it allows {@code same}.
   */
  List<Pad> pads(Window w) {
    List<Pad> pads = new ArrayList<>();
    for (int i = 0; i < w.rank(); i++) {
      pads.add(switch (w.padding().mode()) {
        case VALID -> Pad.symmetric(0);
        case EXPLICIT -> w.padding().pads().get(i);
        case SAME -> {
          long x = spatial(in(), i);
          long y = spatial(outShape(), i);
          long span = (w.kernel().get(i) - 1) * w.dilation().get(i) + 1;
          long total = Math.max((y - 1) * w.strides().get(i) + span - x, 0);
          yield new Pad(total / 2, total - total / 2);
        }
      });
    }
    return pads;
  }

  /** The window with its padding written out as explicit zeros (valid when there are none). */
  static Window explicit(Window w, List<Pad> pads) {
    boolean none = pads.stream().allMatch(p -> p.total() == 0);
    return new Window(w.kernel(), w.strides(), none ? Padding.VALID : Padding.explicit(pads),
        w.dilation());
  }

  static boolean anyPadding(List<Pad> pads) {
    return pads.stream().anyMatch(p -> p.total() > 0);
  }

  static boolean symmetric(List<Pad> pads) {
    return pads.stream().allMatch(Pad::isSymmetric);
  }

  boolean same(Window w) {
    return w.padding().mode() == PaddingMode.SAME;
  }

  /**
   * Whether the layer's output depends on rounding a window count up (PyTorch's {@code
   * ceil_mode}), which the analysis found out: whether a setting Keras lacks changes anything here.
   */
  boolean roundsUp() {
    return result.other().roundsUp();
  }

  /** Records that the target framework has no exact equivalent of this layer. */
  <S> Optional<S> none(String key, Object... args) {
    notes.add(CodeNote.of(target, name(), CodeNote.Kind.NO_EQUIVALENT, key, args));
    return Optional.empty();
  }

  /** Records a note on how the code builds this layer. */
  void rewritten(String key, Object... args) {
    notes.add(CodeNote.of(target, name(), CodeNote.Kind.REWRITTEN, key, args));
  }

  List<CodeNote> notes() {
    return notes;
  }

  /**
   * The layer the engine counts in the target framework, when it is not the exercise's own (a
   * {@code same} padding written out, an axis given explicitly).
   *
   * @param checkShape whether the engine's output shape must match the exercise's
   */
  void countAs(Layer layer, boolean checkShape) {
    this.countAs = layer;
    this.checkShape = checkShape;
  }

  Layer countAs() {
    return countAs;
  }

  boolean checkShape() {
    return checkShape;
  }

  /** The message key of the note when Keras and PyTorch count this layer differently. */
  void countsKey(String key) {
    this.countsKey = key;
  }

  String countsKey() {
    return countsKey;
  }

  /** Whether the layer is frozen ({@code trainable: false}). */
  boolean frozen() {
    return !node.trainable();
  }
}
