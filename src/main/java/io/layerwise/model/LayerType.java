package io.layerwise.model;

import java.util.Locale;

/**
 * Every layer kind Layerwise knows, by its Keras class name (PyTorch's for the kinds only PyTorch
 * has, such as {@code AdaptiveAvgPool2d}; LeNet-5's for {@code RBF} and {@code Subsampling2D}).
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
  CONV3D_TRANSPOSE("Conv3DTranspose"),
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
  GROUP_NORMALIZATION("GroupNormalization"),
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
  MULTI_HEAD_ATTENTION("MultiHeadAttention"),
  ADAPTIVE_AVG_POOL1D("AdaptiveAvgPool1d"),
  ADAPTIVE_AVG_POOL2D("AdaptiveAvgPool2d"),
  ADAPTIVE_MAX_POOL1D("AdaptiveMaxPool1d"),
  ADAPTIVE_MAX_POOL2D("AdaptiveMaxPool2d"),
  RBF("RBF"),
  TIME_DISTRIBUTED("TimeDistributed");

  private final String className;
  private final String autoName;

  LayerType(String className) {
    this.className = className;
    this.autoName = snakeCase(className);
  }

  public String className() {
    return className;
  }

  /**
   * The class name in the given framework: PyTorch's where PyTorch has a module for the kind
   * ({@code Conv2d}, {@code Linear}, {@code MaxPool2d}, {@code BatchNorm1d/2d/3d} by the input's
   * rank), the Keras name where it has none (merges, global pooling, {@code Bidirectional}).
   *
   * @param inputRank the rank of the layer's input without the batch axis; 0 when not known
   */
  public String className(Framework framework, int inputRank) {
    return switch (framework) {
      case KERAS -> className;
      case PYTORCH -> torchName(inputRank);
    };
  }

  private String torchName(int inputRank) {
    return switch (this) {
      case CONV1D -> "Conv1d";
      case CONV2D, DEPTHWISE_CONV2D -> "Conv2d";
      case CONV3D -> "Conv3d";
      case CONV1D_TRANSPOSE -> "ConvTranspose1d";
      case CONV2D_TRANSPOSE -> "ConvTranspose2d";
      case CONV3D_TRANSPOSE -> "ConvTranspose3d";
      case MAX_POOLING1D -> "MaxPool1d";
      case MAX_POOLING2D -> "MaxPool2d";
      case MAX_POOLING3D -> "MaxPool3d";
      case AVERAGE_POOLING1D -> "AvgPool1d";
      case AVERAGE_POOLING2D -> "AvgPool2d";
      case AVERAGE_POOLING3D -> "AvgPool3d";
      case DENSE -> "Linear";
      case BATCH_NORMALIZATION -> inputRank <= 0 ? className : inputRank <= 2 ? "BatchNorm1d"
          : inputRank <= 4 ? "BatchNorm" + (inputRank - 1) + "d" : className;
      case LAYER_NORMALIZATION -> "LayerNorm";
      case GROUP_NORMALIZATION -> "GroupNorm";
      case ZERO_PADDING2D -> "ZeroPad2d";
      case UP_SAMPLING2D -> "Upsample";
      case SIMPLE_RNN -> "RNN";
      case SEPARABLE_CONV2D, GLOBAL_AVERAGE_POOLING1D, GLOBAL_AVERAGE_POOLING2D,
          GLOBAL_MAX_POOLING1D, GLOBAL_MAX_POOLING2D, SUBSAMPLING2D, FLATTEN, DROPOUT, ACTIVATION,
          CROPPING2D, RESHAPE, ADD, SUBTRACT, MULTIPLY, MAXIMUM, AVERAGE, CONCATENATE, EMBEDDING,
          LSTM, GRU, BIDIRECTIONAL, MULTI_HEAD_ATTENTION, ADAPTIVE_AVG_POOL1D, ADAPTIVE_AVG_POOL2D,
          ADAPTIVE_MAX_POOL1D, ADAPTIVE_MAX_POOL2D, RBF, TIME_DISTRIBUTED -> className;
    };
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
