package io.layerwise.model;

import java.util.Locale;

/**
 * Every layer kind Layerwise knows, by its Keras class name.
 *
 * <p>The reader maps the {@code type:} of a file to one of these; the engine and the sheets print
 * {@link #className()}. {@link #autoName()} is the base of Keras' automatic layer names
 * ({@code conv2d}, {@code conv2d_1}, …).
 */
public enum LayerType {
  CONV1D("Conv1D"),
  CONV2D("Conv2D"),
  CONV3D("Conv3D"),
  CONV1D_TRANSPOSE("Conv1DTranspose"),
  CONV2D_TRANSPOSE("Conv2DTranspose"),
  DEPTHWISE_CONV2D("DepthwiseConv2D"),
  SEPARABLE_CONV2D("SeparableConv2D"),
  MAX_POOLING1D("MaxPooling1D"),
  MAX_POOLING2D("MaxPooling2D"),
  MAX_POOLING3D("MaxPooling3D"),
  AVERAGE_POOLING1D("AveragePooling1D"),
  AVERAGE_POOLING2D("AveragePooling2D"),
  AVERAGE_POOLING3D("AveragePooling3D"),
  GLOBAL_AVERAGE_POOLING1D("GlobalAveragePooling1D"),
  GLOBAL_AVERAGE_POOLING2D("GlobalAveragePooling2D"),
  GLOBAL_MAX_POOLING1D("GlobalMaxPooling1D"),
  GLOBAL_MAX_POOLING2D("GlobalMaxPooling2D"),
  SUBSAMPLING2D("Subsampling2D"),
  FLATTEN("Flatten"),
  DENSE("Dense"),
  DROPOUT("Dropout"),
  ACTIVATION("Activation"),
  BATCH_NORMALIZATION("BatchNormalization"),
  LAYER_NORMALIZATION("LayerNormalization"),
  ZERO_PADDING2D("ZeroPadding2D"),
  CROPPING2D("Cropping2D"),
  UP_SAMPLING2D("UpSampling2D"),
  RESHAPE("Reshape"),
  ADD("Add"),
  SUBTRACT("Subtract"),
  MULTIPLY("Multiply"),
  MAXIMUM("Maximum"),
  AVERAGE("Average"),
  CONCATENATE("Concatenate"),
  EMBEDDING("Embedding"),
  SIMPLE_RNN("SimpleRNN"),
  LSTM("LSTM"),
  GRU("GRU"),
  BIDIRECTIONAL("Bidirectional"),
  MULTI_HEAD_ATTENTION("MultiHeadAttention");

  private final String className;
  private final String autoName;

  LayerType(String className) {
    this.className = className;
    this.autoName = snakeCase(className);
  }

  public String className() {
    return className;
  }

  public String autoName() {
    return autoName;
  }

  /** Keras' {@code to_snake_case}: {@code MaxPooling2D} → {@code max_pooling2d}. */
  static String snakeCase(String name) {
    String s = name.replaceAll("(.)([A-Z][a-z]+)", "$1_$2");
    return s.replaceAll("([a-z])([A-Z])", "$1_$2").toLowerCase(Locale.ROOT);
  }
}
