package io.layerwise.code;

import static io.layerwise.code.Given.keras;
import static io.layerwise.code.Given.kerasCode;
import static io.layerwise.code.Given.pytorch;
import static org.assertj.core.api.Assertions.assertThat;

import io.layerwise.model.Framework;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The Keras code of each layer kind, from Keras and from PyTorch exercises. */
class KerasLayersTest {

  private static List<String> keys(FrameworkCode code, CodeNote.Kind kind) {
    return code.notes(kind).stream().map(CodeNote::key).toList();
  }

  @Test
  void convolutionsAsWritten() {
    assertThat(kerasCode(keras("[32, 32, 3]", "{type: Conv2D, name: conv1, filters: 8,"
        + " kernel_size: 5, activation: relu}")))
        .contains("layers.Conv2D(8, 5, name='conv1', activation='relu'),");
    assertThat(kerasCode(keras("[32, 32, 8]", "{type: Conv2D, name: c, filters: 16,"
        + " kernel_size: [3, 5], strides: 2, padding: same, groups: 2, use_bias: false}")))
        .contains("layers.Conv2D(16, (3, 5), name='c', strides=2, padding='same', groups=2,"
            + " use_bias=False),");
    assertThat(kerasCode(keras("[100, 16]", "{type: Conv1D, name: c, filters: 4, kernel_size: 3,"
        + " dilation_rate: 2}")))
        .contains("layers.Conv1D(4, 3, name='c', dilation_rate=2),");
    assertThat(kerasCode(keras("[8, 16, 16, 2]", "{type: Conv3D, name: c, filters: 4,"
        + " kernel_size: 3}"))).contains("layers.Conv3D(4, 3, name='c'),");
  }

  /** PyTorch's padding 2 is a ZeroPadding2D in front of a 'valid' convolution. */
  @Test
  void explicitPaddingIsAZeroPaddingLayer() {
    FrameworkCode code = pytorch("[3, 224, 224]", "{type: Conv2D, name: c, filters: 64,"
        + " kernel_size: 11, strides: 4, padding: 2}");
    assertThat(kerasCode(code))
        .contains("keras.Input(shape=(224, 224, 3), name='input'),\n"
            + "    layers.ZeroPadding2D(2, name='c_pad'),\n"
            + "    layers.Conv2D(64, 11, name='c', strides=4),");
    assertThat(code.notes()).singleElement().satisfies(n -> {
      assertThat(n.framework()).isEqualTo(Framework.KERAS);
      assertThat(n.kind()).isEqualTo(CodeNote.Kind.REWRITTEN);
      assertThat(n.args()).containsExactly("c_pad");
    });
    assertThat(kerasCode(keras("[32, 32, 3]", "{type: Conv2D, name: c, filters: 8,"
        + " kernel_size: 3, padding: [[1, 2], [0, 1]]}")))
        .contains("layers.ZeroPadding2D(((1, 2), (0, 1)), name='c_pad'),");
  }

  @Test
  void helperNamesAvoidTheExercisesNames() {
    assertThat(kerasCode(pytorch("[3, 32, 32]", "{type: ZeroPadding2D, name: c_pad, padding: 1}",
        "{type: Conv2D, name: c, filters: 8, kernel_size: 3, padding: 1}")))
        .contains("layers.ZeroPadding2D(1, name='c_pad'),")
        .contains("layers.ZeroPadding2D(1, name='c_pad_1'),");
  }

  @Test
  void dilationWithStridesHasNoKerasEquivalent() {
    FrameworkCode code = pytorch("[3, 32, 32]", "{type: Conv2D, name: c, filters: 8,"
        + " kernel_size: 3, strides: 2, dilation_rate: 2}");
    assertThat(code.keras()).isEmpty();
    assertThat(code.pytorch()).isPresent();
    assertThat(keys(code, CodeNote.Kind.NO_EQUIVALENT)).containsExactly("none.dilationWithStrides");
  }

  /** PyTorch's padding 1 with output padding 1: Keras' full output, cropped by 1. */
  @Test
  void transposedConvolutions() {
    assertThat(kerasCode(keras("[16, 16, 8]", "{type: Conv2DTranspose, name: up, filters: 4,"
        + " kernel_size: 3, strides: 2, padding: same}")))
        .contains("layers.Conv2DTranspose(4, 3, name='up', strides=2, padding='same'),");
    FrameworkCode code = pytorch("[8, 16, 16]", "{type: Conv2DTranspose, name: up, filters: 4,"
        + " kernel_size: 3, strides: 2, padding: 1, output_padding: 1}");
    assertThat(kerasCode(code))
        .contains("layers.Conv2DTranspose(4, 3, name='up', strides=2, output_padding=1),\n"
            + "    layers.Cropping2D(1, name='up_crop'),");
    assertThat(keys(code, CodeNote.Kind.REWRITTEN)).containsExactly("rewritten.cropping");
    assertThat(kerasCode(pytorch("[8, 16]", "{type: Conv1DTranspose, name: up, filters: 4,"
        + " kernel_size: 1, strides: 2}")))
        .contains("layers.Conv1DTranspose(4, 1, name='up', strides=2, output_padding=0),");
  }

  @Test
  void depthwiseAndSeparable() {
    assertThat(kerasCode(keras("[32, 32, 8]", "{type: DepthwiseConv2D, name: dw, kernel_size: 3,"
        + " strides: 2, depth_multiplier: 2, use_bias: false}")))
        .contains("layers.DepthwiseConv2D(3, name='dw', strides=2, depth_multiplier=2,"
            + " use_bias=False),");
    assertThat(kerasCode(keras("[32, 32, 8]", "{type: SeparableConv2D, name: sep, filters: 16,"
        + " kernel_size: 3, activation: relu}")))
        .contains("layers.SeparableConv2D(16, 3, name='sep', activation='relu'),");
  }

  @Test
  void pooling() {
    assertThat(kerasCode(keras("[32, 32, 8]",
        "{type: MaxPooling2D, name: p, pool_size: 3, strides: 2, padding: same}")))
        .contains("layers.MaxPooling2D(3, name='p', strides=2, padding='same'),");
    assertThat(kerasCode(keras("[100, 8]", "{type: AveragePooling1D, name: p}")))
        .contains("layers.AveragePooling1D(2, name='p'),");
    assertThat(kerasCode(keras("[8, 8, 8, 2]", "{type: MaxPooling3D, name: p}")))
        .contains("layers.MaxPooling3D(2, name='p'),");
    assertThat(kerasCode(pytorch("[4, 8, 8]",
        "{type: AveragePooling2D, name: p, pool_size: 3, strides: 1, padding: 1}")))
        .contains("layers.ZeroPadding2D(1, name='p_pad'),\n"
            + "    layers.AveragePooling2D(3, name='p', strides=1),");
  }

  /** PyTorch pads max pooling with −∞: zeros do the same only on a non-negative input. */
  @Test
  void pytorchMaxPoolingPadding() {
    FrameworkCode afterRelu = pytorch("[4, 8, 8]",
        "{type: Conv2D, name: c, filters: 4, kernel_size: 1, activation: relu}",
        "{type: MaxPooling2D, name: p, pool_size: 3, strides: 2, padding: 1}");
    assertThat(kerasCode(afterRelu)).contains("layers.ZeroPadding2D(1, name='p_pad'),");
    assertThat(keys(afterRelu, CodeNote.Kind.REWRITTEN)).containsExactly("rewritten.maxPoolZeros");
    FrameworkCode raw = pytorch("[4, 8, 8]",
        "{type: Conv2D, name: c, filters: 4, kernel_size: 1}",
        "{type: MaxPooling2D, name: p, pool_size: 3, strides: 2, padding: 1}");
    assertThat(raw.keras()).isEmpty();
    assertThat(keys(raw, CodeNote.Kind.NO_EQUIVALENT)).containsExactly("none.maxPoolPadding");
  }

  @Test
  void shapeLayers() {
    String code = kerasCode(keras("[3136]", "{type: Reshape, name: r, target_shape: [7, 7, -1]}",
        "{type: ZeroPadding2D, name: zp, padding: [[1, 2], [3, 4]]}",
        "{type: Cropping2D, name: crop, cropping: [1, 2]}",
        "{type: UpSampling2D, name: up, size: [2, 3]}",
        "{type: GlobalMaxPooling2D, name: g, keepdims: true}",
        "{type: Flatten, name: f}", "{type: Dropout, name: d, rate: 0.5}",
        "{type: Activation, name: a, activation: softmax}"));
    assertThat(code).contains("layers.Reshape((7, 7, -1), name='r'),")
        .contains("layers.ZeroPadding2D(((1, 2), (3, 4)), name='zp'),")
        .contains("layers.Cropping2D((1, 2), name='crop'),")
        .contains("layers.UpSampling2D((2, 3), name='up'),")
        .contains("layers.GlobalMaxPooling2D(name='g', keepdims=True),")
        .contains("layers.Flatten(name='f'),").contains("layers.Dropout(0.5, name='d'),")
        .contains("layers.Activation('softmax', name='a'),");
  }

  /** PyTorch's BatchNorm on (C, H, W) normalises C, which Keras holds last. */
  @Test
  void normalizationAxes() {
    FrameworkCode bn = pytorch("[16, 8, 8]", "{type: Conv2D, name: c, filters: 16,"
        + " kernel_size: 1}", "{type: BatchNormalization, name: bn}");
    assertThat(kerasCode(bn)).contains("layers.BatchNormalization(name='bn'),")
        .contains("keras.Input(shape=(8, 8, 16), name='input')");
    assertThat(kerasCode(pytorch("[16, 8, 8]", "{type: BatchNormalization, name: bn}")))
        .contains("keras.Input(shape=(16, 8, 8), name='input'),\n"
            + "    layers.BatchNormalization(name='bn', axis=1),");
    assertThat(bn.notes()).singleElement().satisfies(n -> {
      assertThat(n.framework()).isEqualTo(Framework.KERAS);
      assertThat(n.args()).containsExactly(64L, 32L, 32L, 32L);
    });
    assertThat(kerasCode(keras("[10, 6]", "{type: BatchNormalization, name: bn, axis: 1,"
        + " center: false}"))).contains("layers.BatchNormalization(name='bn', axis=1,"
            + " center=False),");
    assertThat(kerasCode(keras("[10, 6]", "{type: LayerNormalization, name: ln, axis: 1,"
        + " scale: false}"))).contains("layers.LayerNormalization(name='ln', axis=1,"
            + " scale=False),");
  }

  /** A PyTorch Linear acts on W of (C, H, W): Keras permutes back to the exercise's order. */
  @Test
  void denseOnAChannelsFirstTensorPermutes() {
    FrameworkCode code = pytorch("[3, 10, 10]",
        "{type: Conv2D, name: conv, filters: 8, kernel_size: 3}",
        "{type: Dense, name: dense, units: 4}");
    assertThat(kerasCode(code)).contains("layers.Permute((3, 1, 2), name='dense_permute'),\n"
        + "    layers.Dense(4, name='dense'),");
    assertThat(keys(code, CodeNote.Kind.REWRITTEN)).containsExactly("rewritten.permute");
    assertThat(code.keras().orElseThrow().params()).isEqualTo(224 + 8 * 4 + 4);
  }

  @Test
  void functionalApiForGraphs() {
    String code = kerasCode(keras("[8, 8, 4]",
        "{type: Conv2D, name: a, filters: 4, kernel_size: 1}",
        "{type: Conv2D, name: b, inputs: [input], filters: 2, kernel_size: 1}",
        "{type: Concatenate, name: cat, inputs: [a, b]}",
        "{type: Subtract, name: sub, inputs: [cat, cat]}"));
    assertThat(code).contains("inputs = keras.Input(shape=(8, 8, 4), name='input')\n")
        .contains("a = layers.Conv2D(4, 1, name='a')(inputs)\n")
        .contains("cat = layers.Concatenate(name='cat')([a, b])\n")
        .contains("sub = layers.Subtract(name='sub')([cat, cat])\n")
        .contains("model = keras.Model(inputs, sub)\n");
  }

  @Test
  void severalOutputs() {
    String code = kerasCode(keras("[10]", "{type: Dense, name: a, units: 2}",
        "{type: Dense, name: b, inputs: [input], units: 3}"));
    assertThat(code).contains("model = keras.Model(inputs, [a, b])");
    String torch = Given.torchCode(keras("[10]", "{type: Dense, name: a, units: 2}",
        "{type: Dense, name: b, inputs: [input], units: 3}"));
    assertThat(torch).contains("return a, b")
        .contains("print([y.shape for y in model(torch.zeros(1, 10))])");
  }

  @Test
  void sequenceLayers() {
    String code = kerasCode(keras("[200]", "{type: Embedding, name: emb, input_dim: 1000,"
        + " output_dim: 16}",
        "{type: GRU, name: gru, units: 8, return_sequences: true, reset_after: false}",
        "{type: Bidirectional, name: bi, merge_mode: ave, layer: {type: SimpleRNN, units: 4,"
        + " activation: relu}}"));
    assertThat(code).contains("keras.Input(shape=(200,), dtype='int32', name='input'),")
        .contains("layers.Embedding(1000, 16, name='emb'),")
        .contains("layers.GRU(8, name='gru', return_sequences=True, reset_after=False),")
        .contains("layers.Bidirectional(layers.SimpleRNN(4, activation='relu'), name='bi',"
            + " merge_mode='ave'),");
    assertThat(kerasCode(pytorch("[10, 16]",
        "{type: LSTM, name: lstm, input_size: 16, hidden_size: 32}")))
        .contains("layers.LSTM(32, name='lstm', return_sequences=True),");
    assertThat(kerasCode(pytorch("[10, 16]", "{type: GRU, name: gru, input_size: 16,"
        + " hidden_size: 8, bidirectional: true}")))
        .contains("layers.Bidirectional(layers.GRU(8, return_sequences=True), name='gru'),");
  }

  @Test
  void attentionIsCalledWithQueryAndValue() {
    String code = kerasCode(keras("[64, 256]",
        "{type: MultiHeadAttention, name: att, num_heads: 4, key_dim: 16, value_dim: 8,"
        + " use_bias: false}"));
    assertThat(code).contains("att = layers.MultiHeadAttention(4, 16, name='att', value_dim=8,"
        + " use_bias=False)(inputs, inputs)");
  }

  @Test
  void frozenLayers() {
    FrameworkCode code = keras("[10]", "{type: Dense, name: d, units: 4, trainable: false}",
        "{type: BatchNormalization, name: bn, trainable: false}");
    assertThat(kerasCode(code)).contains("layers.Dense(4, name='d', trainable=False),")
        .contains("layers.BatchNormalization(name='bn', trainable=False),");
    assertThat(code.keras().orElseThrow().trainable()).isZero();
    assertThat(code.keras().orElseThrow().params()).isEqualTo(44 + 16);
    assertThat(code.pytorch().orElseThrow().params()).isEqualTo(44 + 8);
  }
}
