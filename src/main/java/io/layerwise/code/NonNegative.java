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
import io.layerwise.model.GlobalPooling;
import io.layerwise.model.GroupNorm;
import io.layerwise.model.LayerNode;
import io.layerwise.model.LayerNorm;
import io.layerwise.model.LayerVisitor;
import io.layerwise.model.Merge;
import io.layerwise.model.MultiHeadAttention;
import io.layerwise.model.Network;
import io.layerwise.model.Pooling;
import io.layerwise.model.Rbf;
import io.layerwise.model.Recurrent;
import io.layerwise.model.RecurrentStack;
import io.layerwise.model.Reshape;
import io.layerwise.model.SeparableConv;
import io.layerwise.model.Subsampling;
import io.layerwise.model.TimeDistributed;
import io.layerwise.model.TorchAttention;
import io.layerwise.model.UpSampling;
import io.layerwise.model.ZeroPadding;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Whether a layer's output can never be negative (it ends in ReLU, or only moves, pools or adds
 * such values): then zeros pad a max pooling as well as −∞ does.
 */
final class NonNegative implements LayerVisitor<Boolean> {

  private final Map<String, LayerNode> nodes;
  private final Map<String, Boolean> known;
  private final LayerNode node;

  private NonNegative(Map<String, LayerNode> nodes, Map<String, Boolean> known, LayerNode node) {
    this.nodes = nodes;
    this.known = known;
    this.node = node;
  }

  /** Whether the output of the layer (or input) of this name is never negative. */
  static boolean of(Network network, String name) {
    Map<String, LayerNode> nodes = new HashMap<>();
    network.layers().forEach(n -> nodes.putIfAbsent(n.name(), n));
    return of(nodes, new HashMap<>(), name);
  }

  private static boolean of(Map<String, LayerNode> nodes, Map<String, Boolean> known,
      String name) {
    Boolean k = known.get(name);
    if (k != null) {
      return k;
    }
    LayerNode n = nodes.get(name);
    boolean result = n != null && n.layer().accept(new NonNegative(nodes, known, n));
    known.put(name, result);
    return result;
  }

  private boolean inputs() {
    return node.inputs().stream().allMatch(name -> of(nodes, known, name));
  }

  private static boolean fused(Optional<String> activation) {
    return activation.map(Activations::nonNegative).orElse(false);
  }

  @Override
  public Boolean conv(Conv layer) {
    return fused(layer.activation());
  }

  @Override
  public Boolean convTranspose(ConvTranspose layer) {
    return fused(layer.activation());
  }

  @Override
  public Boolean depthwiseConv(DepthwiseConv layer) {
    return fused(layer.activation());
  }

  @Override
  public Boolean separableConv(SeparableConv layer) {
    return fused(layer.activation());
  }

  @Override
  public Boolean pooling(Pooling layer) {
    return inputs();
  }

  @Override
  public Boolean globalPooling(GlobalPooling layer) {
    return inputs();
  }

  @Override
  public Boolean subsampling(Subsampling layer) {
    return fused(layer.activation());
  }

  @Override
  public Boolean flatten(Flatten layer) {
    return inputs();
  }

  @Override
  public Boolean dense(Dense layer) {
    return fused(layer.activation());
  }

  @Override
  public Boolean dropout(Dropout layer) {
    return inputs();
  }

  @Override
  public Boolean activation(Activation layer) {
    return Activations.nonNegative(layer.function());
  }

  @Override
  public Boolean batchNorm(BatchNorm layer) {
    return false;
  }

  @Override
  public Boolean groupNorm(GroupNorm layer) {
    return false;
  }

  @Override
  public Boolean layerNorm(LayerNorm layer) {
    return false;
  }

  @Override
  public Boolean zeroPadding(ZeroPadding layer) {
    return inputs();
  }

  @Override
  public Boolean cropping(Cropping layer) {
    return inputs();
  }

  @Override
  public Boolean upSampling(UpSampling layer) {
    return inputs();
  }

  @Override
  public Boolean reshape(Reshape layer) {
    return inputs();
  }

  @Override
  public Boolean merge(Merge layer) {
    return switch (layer.op()) {
      case ADD, MULTIPLY, MAXIMUM, AVERAGE -> inputs();
      case SUBTRACT -> false;
    };
  }

  @Override
  public Boolean concatenate(Concatenate layer) {
    return inputs();
  }

  @Override
  public Boolean embedding(Embedding layer) {
    return false;
  }

  @Override
  public Boolean recurrent(Recurrent layer) {
    return false;
  }

  @Override
  public Boolean bidirectional(Bidirectional layer) {
    return false;
  }

  @Override
  public Boolean multiHeadAttention(MultiHeadAttention layer) {
    return false;
  }

  @Override
  public Boolean torchAttention(TorchAttention layer) {
    return false;
  }

  @Override
  public Boolean adaptivePooling(AdaptivePooling layer) {
    return inputs();
  }

  @Override
  public Boolean recurrentStack(RecurrentStack layer) {
    return false;
  }

  /** A sum of squared distances. */
  @Override
  public Boolean rbf(Rbf layer) {
    return true;
  }

  @Override
  public Boolean timeDistributed(TimeDistributed layer) {
    return layer.layer().accept(this);
  }
}
