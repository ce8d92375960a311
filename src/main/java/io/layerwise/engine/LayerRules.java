package io.layerwise.engine;

import io.layerwise.model.Activation;
import io.layerwise.model.AdaptivePooling;
import io.layerwise.model.BatchNorm;
import io.layerwise.model.Bidirectional;
import io.layerwise.model.Concatenate;
import io.layerwise.model.Conv;
import io.layerwise.model.Cropping;
import io.layerwise.model.ConvTranspose;
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

/** Sends each layer kind to the rules of its family. */
final class LayerRules implements LayerVisitor<Void> {

  private final LayerCalc calc;

  LayerRules(LayerCalc calc) {
    this.calc = calc;
  }

  @Override
  public Void conv(Conv layer) {
    ConvolutionRules.conv(calc, layer);
    return null;
  }

  @Override
  public Void convTranspose(ConvTranspose layer) {
    ConvolutionRules.transpose(calc, layer);
    return null;
  }

  @Override
  public Void depthwiseConv(DepthwiseConv layer) {
    ConvolutionRules.depthwise(calc, layer);
    return null;
  }

  @Override
  public Void separableConv(SeparableConv layer) {
    ConvolutionRules.separable(calc, layer);
    return null;
  }

  @Override
  public Void pooling(Pooling layer) {
    PoolingRules.pooling(calc, layer);
    return null;
  }

  @Override
  public Void globalPooling(GlobalPooling layer) {
    PoolingRules.global(calc, layer);
    return null;
  }

  @Override
  public Void subsampling(Subsampling layer) {
    PoolingRules.subsampling(calc, layer);
    return null;
  }

  @Override
  public Void flatten(Flatten layer) {
    ShapeRules.flatten(calc, layer);
    return null;
  }

  @Override
  public Void dense(Dense layer) {
    DenseRules.dense(calc, layer);
    return null;
  }

  @Override
  public Void dropout(Dropout layer) {
    ShapeRules.dropout(calc, layer);
    return null;
  }

  @Override
  public Void activation(Activation layer) {
    ShapeRules.activation(calc, layer);
    return null;
  }

  @Override
  public Void batchNorm(BatchNorm layer) {
    NormalizationRules.batchNorm(calc, layer);
    return null;
  }

  @Override
  public Void layerNorm(LayerNorm layer) {
    NormalizationRules.layerNorm(calc, layer);
    return null;
  }

  @Override
  public Void groupNorm(GroupNorm layer) {
    NormalizationRules.groupNorm(calc, layer);
    return null;
  }

  @Override
  public Void zeroPadding(ZeroPadding layer) {
    ShapeRules.zeroPadding(calc, layer);
    return null;
  }

  @Override
  public Void cropping(Cropping layer) {
    ShapeRules.cropping(calc, layer);
    return null;
  }

  @Override
  public Void embedding(Embedding layer) {
    SequenceRules.embedding(calc, layer);
    return null;
  }

  @Override
  public Void recurrent(Recurrent layer) {
    SequenceRules.recurrent(calc, layer);
    return null;
  }

  @Override
  public Void bidirectional(Bidirectional layer) {
    SequenceRules.bidirectional(calc, layer);
    return null;
  }

  @Override
  public Void multiHeadAttention(MultiHeadAttention layer) {
    AttentionRules.attention(calc, layer);
    return null;
  }

  @Override
  public Void torchAttention(TorchAttention layer) {
    AttentionRules.torch(calc, layer);
    return null;
  }

  @Override
  public Void adaptivePooling(AdaptivePooling layer) {
    PoolingRules.adaptive(calc, layer);
    return null;
  }

  @Override
  public Void recurrentStack(RecurrentStack layer) {
    SequenceRules.stack(calc, layer);
    return null;
  }

  @Override
  public Void rbf(Rbf layer) {
    DenseRules.rbf(calc, layer);
    return null;
  }

  @Override
  public Void timeDistributed(TimeDistributed layer) {
    WrapperRules.timeDistributed(calc, layer);
    return null;
  }

  @Override
  public Void upSampling(UpSampling layer) {
    ShapeRules.upSampling(calc, layer);
    return null;
  }

  @Override
  public Void reshape(Reshape layer) {
    ShapeRules.reshape(calc, layer);
    return null;
  }

  @Override
  public Void merge(Merge layer) {
    MergeRules.merge(calc, layer);
    return null;
  }

  @Override
  public Void concatenate(Concatenate layer) {
    MergeRules.concatenate(calc, layer);
    return null;
  }
}
