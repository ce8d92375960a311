package io.layerwise.exercise;

import io.layerwise.model.LayerType;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The PyTorch modules an exercise with {@code framework: pytorch} may name, spelt exactly as
 * PyTorch spells them ({@code Conv2d}, {@code Linear}, {@code BatchNorm2d}). A layer named so is
 * read with PyTorch's constructor arguments; each maps to the layer kind that counts it.
 */
enum TorchType {
  CONV1D("Conv1d", LayerType.CONV1D),
  CONV2D("Conv2d", LayerType.CONV2D),
  CONV3D("Conv3d", LayerType.CONV3D),
  CONV_TRANSPOSE1D("ConvTranspose1d", LayerType.CONV1D_TRANSPOSE),
  CONV_TRANSPOSE2D("ConvTranspose2d", LayerType.CONV2D_TRANSPOSE),
  CONV_TRANSPOSE3D("ConvTranspose3d", LayerType.CONV3D_TRANSPOSE),
  LINEAR("Linear", LayerType.DENSE),
  BATCH_NORM1D("BatchNorm1d", LayerType.BATCH_NORMALIZATION),
  BATCH_NORM2D("BatchNorm2d", LayerType.BATCH_NORMALIZATION),
  BATCH_NORM3D("BatchNorm3d", LayerType.BATCH_NORMALIZATION),
  LAYER_NORM("LayerNorm", LayerType.LAYER_NORMALIZATION),
  GROUP_NORM("GroupNorm", LayerType.GROUP_NORMALIZATION),
  INSTANCE_NORM1D("InstanceNorm1d", LayerType.GROUP_NORMALIZATION),
  INSTANCE_NORM2D("InstanceNorm2d", LayerType.GROUP_NORMALIZATION),
  INSTANCE_NORM3D("InstanceNorm3d", LayerType.GROUP_NORMALIZATION),
  MAX_POOL1D("MaxPool1d", LayerType.MAX_POOLING1D),
  MAX_POOL2D("MaxPool2d", LayerType.MAX_POOLING2D),
  MAX_POOL3D("MaxPool3d", LayerType.MAX_POOLING3D),
  AVG_POOL1D("AvgPool1d", LayerType.AVERAGE_POOLING1D),
  AVG_POOL2D("AvgPool2d", LayerType.AVERAGE_POOLING2D),
  AVG_POOL3D("AvgPool3d", LayerType.AVERAGE_POOLING3D),
  ADAPTIVE_AVG_POOL1D("AdaptiveAvgPool1d", LayerType.ADAPTIVE_AVG_POOL1D),
  ADAPTIVE_AVG_POOL2D("AdaptiveAvgPool2d", LayerType.ADAPTIVE_AVG_POOL2D),
  ADAPTIVE_MAX_POOL1D("AdaptiveMaxPool1d", LayerType.ADAPTIVE_MAX_POOL1D),
  ADAPTIVE_MAX_POOL2D("AdaptiveMaxPool2d", LayerType.ADAPTIVE_MAX_POOL2D),
  RNN("RNN", LayerType.SIMPLE_RNN),
  LSTM("LSTM", LayerType.LSTM),
  GRU("GRU", LayerType.GRU),
  EMBEDDING("Embedding", LayerType.EMBEDDING),
  MULTIHEAD_ATTENTION("MultiheadAttention", LayerType.MULTI_HEAD_ATTENTION),
  DROPOUT("Dropout", LayerType.DROPOUT),
  FLATTEN("Flatten", LayerType.FLATTEN),
  RELU("ReLU", LayerType.ACTIVATION),
  RELU6("ReLU6", LayerType.ACTIVATION),
  SIGMOID("Sigmoid", LayerType.ACTIVATION),
  TANH("Tanh", LayerType.ACTIVATION),
  GELU("GELU", LayerType.ACTIVATION),
  SILU("SiLU", LayerType.ACTIVATION),
  ELU("ELU", LayerType.ACTIVATION),
  LEAKY_RELU("LeakyReLU", LayerType.ACTIVATION),
  SOFTMAX("Softmax", LayerType.ACTIVATION),
  IDENTITY("Identity", LayerType.ACTIVATION),
  ZERO_PAD2D("ZeroPad2d", LayerType.ZERO_PADDING2D),
  UPSAMPLE("Upsample", LayerType.UP_SAMPLING2D);

  private final String className;
  private final LayerType type;

  TorchType(String className, LayerType type) {
    this.className = className;
    this.type = type;
  }

  String className() {
    return className;
  }

  LayerType type() {
    return type;
  }

  /** The base of automatic names, snake_case as PyTorch users write attributes: max_pool2d. */
  String autoName() {
    return className.replace("LU", "lu").replaceAll("([a-z0-9])([A-Z])", "$1_$2")
        .toLowerCase(Locale.ROOT);
  }

  /** The module spelt exactly so, if PyTorch has one. */
  static Optional<TorchType> exactly(String name) {
    return Arrays.stream(values()).filter(t -> t.className.equals(name)).findFirst();
  }

  /** The module of this name in any case, for hints in Keras exercises. */
  static Optional<TorchType> loosely(String name) {
    return Arrays.stream(values()).filter(t -> t.className.equalsIgnoreCase(name)).findFirst();
  }

  static List<String> classNames() {
    return Arrays.stream(values()).map(TorchType::className).toList();
  }
}
