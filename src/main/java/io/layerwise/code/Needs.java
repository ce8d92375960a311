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
import io.layerwise.model.ZeroPadding;
import java.util.Collections;
import java.util.List;

/**
 * The axis order each layer's code needs its inputs in, given the order they arrive in: channel
 * layers want the channels where the target framework keeps them, layers on the last axis want
 * the exercise's last axis last, order-sensitive ones (Reshape, sequences) the exercise's order,
 * and element-wise ones take what comes.
 */
final class Needs implements LayerVisitor<List<Perm>> {

  private final Framework source;
  private final Framework target;
  private final List<Shape> inputs;
  private final List<Perm> have;

  Needs(Framework source, Framework target, List<Shape> inputs, List<Perm> have) {
    this.source = source;
    this.target = target;
    this.inputs = inputs;
    this.have = have;
  }

  private int rank() {
    return inputs.get(0).rank();
  }

  private List<Perm> channels() {
    return List.of(Perm.channels(rank(), source, target));
  }

  private List<Perm> asTheyCome() {
    return have;
  }

  /** The first input's order for every input. */
  private List<Perm> likeTheFirst() {
    return Collections.nCopies(have.size(), have.get(0));
  }

  private List<Perm> exerciseOrder() {
    return inputs.stream().map(s -> Perm.identity(s.rank())).toList();
  }

  /** Axis {@code axis} of the exercise at position {@code at}; as it comes if it already is. */
  private List<Perm> axisAt(int axis, int at) {
    Perm p = have.get(0);
    return List.of(p.position(axis) == at ? p : Perm.move(rank(), axis, at));
  }

  private List<Perm> lastAxisLast() {
    return axisAt(rank() - 1, rank() - 1);
  }

  /** The exercise's axis a Keras-style axis argument (batch axis 0, negative from the end) names. */
  private int axis(int given) {
    return given < 0 ? rank() + given : given - 1;
  }

  @Override
  public List<Perm> conv(Conv layer) {
    return channels();
  }

  @Override
  public List<Perm> convTranspose(ConvTranspose layer) {
    return channels();
  }

  @Override
  public List<Perm> depthwiseConv(DepthwiseConv layer) {
    return channels();
  }

  @Override
  public List<Perm> separableConv(SeparableConv layer) {
    return channels();
  }

  @Override
  public List<Perm> pooling(Pooling layer) {
    return channels();
  }

  @Override
  public List<Perm> globalPooling(GlobalPooling layer) {
    return channels();
  }

  @Override
  public List<Perm> subsampling(Subsampling layer) {
    return channels();
  }

  @Override
  public List<Perm> flatten(Flatten layer) {
    return asTheyCome();
  }

  @Override
  public List<Perm> dense(Dense layer) {
    return lastAxisLast();
  }

  @Override
  public List<Perm> dropout(Dropout layer) {
    return asTheyCome();
  }

  /** Keras' softmax layers act on the last axis; PyTorch's are told theirs. */
  @Override
  public List<Perm> activation(Activation layer) {
    boolean alongAxis = Activations.alongLastAxis(layer.function());
    return switch (target) {
      case KERAS -> alongAxis ? lastAxisLast() : asTheyCome();
      case PYTORCH -> asTheyCome();
    };
  }

  /** Keras is told the axis; PyTorch normalises axis 1 (the first after the batch). */
  @Override
  public List<Perm> batchNorm(BatchNorm layer) {
    int axis = layer.axis().isPresent() ? axis(layer.axis().getAsInt())
        : Perm.channelAxis(source, rank());
    return switch (target) {
      case KERAS -> asTheyCome();
      case PYTORCH -> axisAt(axis, 0);
    };
  }

  /** Both frameworks normalise groups of their own channel axis. */
  @Override
  public List<Perm> groupNorm(GroupNorm layer) {
    return channels();
  }

  /** Keras is told the axis; PyTorch normalises the last. */
  @Override
  public List<Perm> layerNorm(LayerNorm layer) {
    if (layer.axes() > 1) {
      return exerciseOrder();
    }
    return switch (target) {
      case KERAS -> asTheyCome();
      case PYTORCH -> axisAt(axis(layer.axis()), rank() - 1);
    };
  }

  @Override
  public List<Perm> zeroPadding(ZeroPadding layer) {
    return channels();
  }

  @Override
  public List<Perm> cropping(Cropping layer) {
    return channels();
  }

  @Override
  public List<Perm> upSampling(UpSampling layer) {
    return channels();
  }

  @Override
  public List<Perm> reshape(Reshape layer) {
    return exerciseOrder();
  }

  @Override
  public List<Perm> merge(Merge layer) {
    return likeTheFirst();
  }

  @Override
  public List<Perm> concatenate(Concatenate layer) {
    return likeTheFirst();
  }

  @Override
  public List<Perm> embedding(Embedding layer) {
    return exerciseOrder();
  }

  @Override
  public List<Perm> recurrent(Recurrent layer) {
    return exerciseOrder();
  }

  @Override
  public List<Perm> bidirectional(Bidirectional layer) {
    return exerciseOrder();
  }

  @Override
  public List<Perm> multiHeadAttention(MultiHeadAttention layer) {
    return exerciseOrder();
  }

  @Override
  public List<Perm> torchAttention(TorchAttention layer) {
    return exerciseOrder();
  }

  @Override
  public List<Perm> adaptivePooling(AdaptivePooling layer) {
    return channels();
  }

  @Override
  public List<Perm> recurrentStack(RecurrentStack layer) {
    return exerciseOrder();
  }

  @Override
  public List<Perm> rbf(Rbf layer) {
    return lastAxisLast();
  }

  @Override
  public List<Perm> timeDistributed(TimeDistributed layer) {
    return exerciseOrder();
  }
}
