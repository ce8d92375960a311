package io.layerwise.model;

/**
 * A layer's operation and hyperparameters, without its place in the graph ({@link LayerNode}).
 *
 * <p>Sealed: the engine, the sheets and the mistake models all visit every kind through {@link
 * LayerVisitor}, so a new kind is a compile error until each of them handles it.
 */
public sealed interface Layer
    permits Conv,
        ConvTranspose,
        DepthwiseConv,
        SeparableConv,
        Pooling,
        GlobalPooling,
        Subsampling,
        Flatten,
        Dense,
        Dropout,
        Activation,
        BatchNorm,
        LayerNorm,
        GroupNorm,
        ZeroPadding,
        Cropping,
        UpSampling,
        Reshape,
        Merge,
        Concatenate,
        Embedding,
        Recurrent,
        Bidirectional,
        MultiHeadAttention,
        TorchAttention,
        AdaptivePooling,
        RecurrentStack,
        Rbf,
        TimeDistributed {

  LayerType type();

  /**
   * The class name the framework gives this layer: Keras' ({@code Conv2D}, {@code Dense}) or
   * PyTorch's ({@code Conv2d}, {@code Linear}, {@code BatchNorm2d}), which can depend on the rank
   * of the input.
   *
   * @param inputRank the rank of the layer's (first) input without the batch axis
   */
  default String className(Framework framework, int inputRank) {
    return type().className(framework, inputRank);
  }

  <R> R accept(LayerVisitor<R> visitor);

  /** How many inputs the layer takes at least; merges take two or more. */
  default int minInputs() {
    return 1;
  }

  /** How many inputs the layer takes at most. */
  default int maxInputs() {
    return 1;
  }
}
