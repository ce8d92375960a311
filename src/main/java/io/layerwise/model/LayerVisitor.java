package io.layerwise.model;

/**
 * One method per layer kind, so that code over all kinds stops compiling when a kind is added.
 *
 * @param <R> what a visit returns
 */
public interface LayerVisitor<R> {
  R conv(Conv layer);

  R convTranspose(ConvTranspose layer);

  R depthwiseConv(DepthwiseConv layer);

  R separableConv(SeparableConv layer);

  R pooling(Pooling layer);

  R globalPooling(GlobalPooling layer);

  R subsampling(Subsampling layer);

  R flatten(Flatten layer);

  R dense(Dense layer);

  R dropout(Dropout layer);

  R activation(Activation layer);

  R batchNorm(BatchNorm layer);

  R layerNorm(LayerNorm layer);

  R groupNorm(GroupNorm layer);

  R zeroPadding(ZeroPadding layer);

  R cropping(Cropping layer);

  R upSampling(UpSampling layer);

  R reshape(Reshape layer);

  R merge(Merge layer);

  R concatenate(Concatenate layer);

  R embedding(Embedding layer);

  R recurrent(Recurrent layer);

  R bidirectional(Bidirectional layer);

  R multiHeadAttention(MultiHeadAttention layer);

  R torchAttention(TorchAttention layer);

  R adaptivePooling(AdaptivePooling layer);

  R recurrentStack(RecurrentStack layer);

  R rbf(Rbf layer);

  R timeDistributed(TimeDistributed layer);
}
