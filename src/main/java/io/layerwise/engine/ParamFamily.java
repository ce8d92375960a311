package io.layerwise.engine;

import io.layerwise.model.Layer;
import io.layerwise.model.LayerType;
import io.layerwise.model.TimeDistributed;

/**
 * The families of layers whose parameters a comparison of two networks adds up separately:
 * convolutions, normalisations, dense layers, recurrent layers, embeddings, attention.
 */
enum ParamFamily {
  CONVOLUTION("conv"),
  NORMALIZATION("norm"),
  DENSE("dense"),
  RECURRENT("rnn"),
  EMBEDDING("emb"),
  ATTENTION("att"),
  OTHER("other");

  private final String symbol;

  ParamFamily(String symbol) {
    this.symbol = symbol;
  }

  /** The subscript in formulas: {@code B_conv}. */
  String symbol() {
    return symbol;
  }

  /** The plural in sentences, in the sheet's language: "convolutions", "Faltungen". */
  Explanation words() {
    return Explanation.of("family." + symbol);
  }

  static ParamFamily of(Layer layer) {
    if (layer instanceof TimeDistributed t) {
      return of(t.layer());
    }
    LayerType type = layer.type();
    return switch (type) {
      case CONV1D, CONV2D, CONV3D, CONV1D_TRANSPOSE, CONV2D_TRANSPOSE, CONV3D_TRANSPOSE,
          DEPTHWISE_CONV2D,
          SEPARABLE_CONV2D -> CONVOLUTION;
      case BATCH_NORMALIZATION, LAYER_NORMALIZATION, GROUP_NORMALIZATION -> NORMALIZATION;
      case DENSE, RBF -> DENSE;
      case SIMPLE_RNN, LSTM, GRU, BIDIRECTIONAL -> RECURRENT;
      case EMBEDDING -> EMBEDDING;
      case MULTI_HEAD_ATTENTION -> ATTENTION;
      case MAX_POOLING1D, MAX_POOLING2D, MAX_POOLING3D, AVERAGE_POOLING1D, AVERAGE_POOLING2D,
          AVERAGE_POOLING3D, GLOBAL_AVERAGE_POOLING1D, GLOBAL_AVERAGE_POOLING2D,
          GLOBAL_MAX_POOLING1D, GLOBAL_MAX_POOLING2D, SUBSAMPLING2D, FLATTEN, DROPOUT, ACTIVATION,
          ZERO_PADDING2D, CROPPING2D, UP_SAMPLING2D, RESHAPE, ADD, SUBTRACT, MULTIPLY, MAXIMUM,
          AVERAGE, CONCATENATE, ADAPTIVE_AVG_POOL1D, ADAPTIVE_AVG_POOL2D, ADAPTIVE_MAX_POOL1D,
          ADAPTIVE_MAX_POOL2D, TIME_DISTRIBUTED -> OTHER;
    };
  }
}
