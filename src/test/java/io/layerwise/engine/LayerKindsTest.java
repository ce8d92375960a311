package io.layerwise.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.layerwise.Bundled;
import io.layerwise.model.Framework;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * One layer on a given input, against what Keras (or PyTorch, for {@code pytorch:} rows) builds:
 * output shape, parameters, non-trainable parameters. The expected numbers are worked out by hand
 * from the frameworks' documented weight shapes.
 */
class LayerKindsTest {

  private static LayerResult last(String framework, String input, String layer) {
    String text = "title: t\nframework: " + framework + "\ninput: " + input + "\nlayers:\n  - "
        + layer + "\n";
    List<LayerResult> layers = Bundled.analyzeText(text).layers();
    return layers.get(layers.size() - 1);
  }

  private static String dims(LayerResult l) {
    return l.output().dims().stream().map(String::valueOf).collect(Collectors.joining("x"));
  }

  @ParameterizedTest(name = "{0} {2} on {1}")
  @CsvSource(delimiter = '|', textBlock = """
      keras   | [100, 16]          | {type: Conv1D, filters: 32, kernel_size: 5, strides: 2}          | 48x32       | 2592  | 0
      keras   | [16, 16, 16, 3]    | {type: Conv3D, filters: 8, kernel_size: 3}                       | 14x14x14x8  | 656   | 0
      keras   | [7, 7, 64]         | {type: Conv2DTranspose, filters: 32, kernel_size: 3, strides: 2, padding: same} | 14x14x32 | 18464 | 0
      keras   | [7, 7, 64]         | {type: Conv2DTranspose, filters: 32, kernel_size: 3, strides: 2} | 15x15x32    | 18464 | 0
      keras   | [7, 7, 64]         | {type: Conv2DTranspose, filters: 32, kernel_size: 3, strides: 2, padding: same, output_padding: 1} | 14x14x32 | 18464 | 0
      keras   | [32, 32, 16]       | {type: DepthwiseConv2D, kernel_size: 3, padding: same, depth_multiplier: 2} | 32x32x32 | 320 | 0
      keras   | [32, 32, 16]       | {type: SeparableConv2D, filters: 64, kernel_size: 3, padding: same} | 32x32x64 | 1232 | 0
      keras   | [32, 32, 16]       | {type: SeparableConv2D, filters: 64, kernel_size: 3, use_bias: false} | 30x30x64 | 1168 | 0
      keras   | [7, 7, 512]        | {type: GlobalAveragePooling2D}                                   | 512         | 0     | 0
      keras   | [7, 7, 512]        | {type: GlobalMaxPooling2D, keepdims: true}                        | 1x1x512     | 0     | 0
      keras   | [50, 50, 100]      | {type: Dense, units: 250}                                        | 50x50x250   | 25250 | 0
      keras   | [32, 32, 64]       | {type: BatchNormalization}                                       | 32x32x64    | 256   | 128
      keras   | [32, 32, 64]       | {type: BatchNormalization, trainable: false}                     | 32x32x64    | 256   | 256
      keras   | [32, 32, 64]       | {type: BatchNormalization, center: false}                        | 32x32x64    | 192   | 128
      keras   | [32, 32, 64]       | {type: BatchNormalization, axis: 1}                              | 32x32x64    | 128   | 64
      keras   | [10, 64]           | {type: LayerNormalization}                                       | 10x64       | 128   | 0
      keras   | [10, 10, 3]        | {type: ZeroPadding2D, padding: [[1, 2], [3, 4]]}                 | 13x17x3     | 0     | 0
      keras   | [10, 10, 3]        | {type: ZeroPadding2D}                                            | 12x12x3     | 0     | 0
      keras   | [4, 5, 6]          | {type: UpSampling2D, size: [2, 3]}                               | 8x15x6      | 0     | 0
      keras   | [4, 4, 2]          | {type: Reshape, target_shape: [-1, 4]}                           | 8x4         | 0     | 0
      keras   | [7, 7, 3]          | {type: MaxPooling2D, pool_size: 2, padding: same}                | 4x4x3       | 0     | 0
      keras   | [7, 7, 3]          | {type: AveragePooling2D, pool_size: 3, strides: 1}               | 5x5x3       | 0     | 0
      keras   | [7, 7, 3]          | {type: Conv2D, filters: 4, kernel_size: 3, strides: 2, padding: same} | 4x4x4  | 112   | 0
      keras   | [28, 28, 6]        | {type: Subsampling2D}                                            | 14x14x6     | 12    | 0
      keras   | [20]               | {type: Dense, units: 10, trainable: false}                       | 10          | 210   | 210
      keras   | [20]               | {type: Dense, units: 10, use_bias: false}                        | 10          | 200   | 0
      keras   | [20, 20, 8]        | {type: Conv2D, filters: 16, kernel_size: 3, dilation_rate: 2}    | 16x16x16    | 1168  | 0
      keras   | [20, 20, 8]        | {type: Conv2D, filters: 16, kernel_size: 3, groups: 4}           | 18x18x16    | 304   | 0
      pytorch | [3, 32, 32]        | {type: Conv2D, filters: 16, kernel_size: 3, padding: 1}          | 16x32x32    | 448   | 0
      pytorch | [64, 32, 32]       | {type: BatchNormalization}                                       | 64x32x32    | 128   | 0
      pytorch | [16, 8, 8]         | {type: Dense, units: 4}                                          | 16x8x4      | 36    | 0
      pytorch | [16, 8, 8]         | {type: MaxPooling2D, pool_size: 2}                               | 16x4x4      | 0     | 0
      pytorch | [16, 8, 8]         | {type: GlobalAveragePooling2D}                                   | 16          | 0     | 0
      pytorch | [16, 7, 7]         | {type: Conv2DTranspose, filters: 8, kernel_size: 3, strides: 2, padding: 1, output_padding: 1} | 8x14x14 | 1160 | 0
      pytorch | [4, 5, 5]          | {type: Conv2DTranspose, filters: 2, kernel_size: 2, strides: 3}  | 2x14x14     | 34    | 0
      keras   | [5, 5, 4]          | {type: Conv2DTranspose, filters: 2, kernel_size: 2, strides: 3}  | 15x15x2     | 34    | 0
      keras   | [10, 64]           | {type: LayerNormalization, rms_scaling: true}                    | 10x64       | 64    | 0
      keras   | [16]               | {type: Dense, units: 0x10}                                       | 16          | 272   | 0
      keras   | [10, 16]           | {type: LSTM, units: 32}                                          | 32          | 6272  | 0
      pytorch | [10, 16]           | {type: LSTM, input_size: 16, hidden_size: 32}                    | 10x32       | 6400  | 0
      keras   | [10, 16]           | {type: GRU, units: 32}                                           | 32          | 4800  | 0
      keras   | [10, 16]           | {type: GRU, units: 32, reset_after: false}                       | 32          | 4704  | 0
      pytorch | [10, 16]           | {type: GRU, input_size: 16, hidden_size: 32}                     | 10x32       | 4800  | 0
      keras   | [10, 16]           | {type: SimpleRNN, units: 32, return_sequences: true}             | 10x32       | 1568  | 0
      pytorch | [10, 16]           | {type: SimpleRNN, units: 32}                                     | 32          | 1600  | 0
      keras   | [10, 16]           | {type: LSTM, units: 8, use_bias: false, trainable: false}        | 8           | 768   | 768
      keras   | [20]               | {type: Embedding, input_dim: 1000, output_dim: 64}               | 20x64       | 64000 | 0
      keras   | [10, 16]           | {type: Bidirectional, layer: {type: LSTM, units: 32}}            | 64          | 12544 | 0
      keras   | [10, 16]           | {type: Bidirectional, merge_mode: sum, layer: {type: GRU, units: 32, return_sequences: true}} | 10x32 | 9600 | 0
      pytorch | [10, 16]           | {type: Bidirectional, layer: {type: LSTM, units: 32}}            | 64          | 12800 | 0
      keras   | [10, 10, 3]        | {type: Cropping2D, cropping: [[1, 2], [3, 0]]}                   | 7x7x3       | 0     | 0
      keras   | [10, 10, 3]        | {type: Cropping2D, cropping: 1}                                  | 8x8x3       | 0     | 0
      keras   | [20, 8]            | {type: Conv1DTranspose, filters: 4, kernel_size: 3, strides: 2}  | 41x4        | 100   | 0
      keras   | [10, 16]           | {type: TimeDistributed, layer: {type: Dense, units: 8}}          | 10x8        | 136   | 0
      keras   | [5, 8, 8, 3]       | {type: TimeDistributed, layer: {type: Conv2D, filters: 4, kernel_size: 3}} | 5x6x6x4 | 112 | 0
      keras   | [5, 4, 4, 2]       | {type: TimeDistributed, layer: {type: Flatten}}                  | 5x32        | 0     | 0
      keras   | [5, 8]             | {type: TimeDistributed, layer: {type: BatchNormalization}}       | 5x8         | 32    | 16
      keras   | [84]               | {type: RBF, units: 10}                                           | 10          | 840   | 840
      keras   | [84]               | {type: RBF, units: 10, fixed: false}                             | 10          | 840   | 0
      keras   | [5, 5, 2]          | {type: Conv2D, filters: 2, kernel_size: 3, connections: [[0], [0, 1]]} | 3x3x2 | 29   | 0
      keras   | [14, 14, 6]        | {type: Conv2D, filters: 3, kernel_size: 5, connection_table: ["X..", "XX.", ".XX", "..X", "X.X", "XXX"]} | 10x10x3 | 278 | 0
      keras   | [8, 8, 3]          | {type: AdaptiveAvgPool2d, output_size: 2}                        | 2x2x3       | 0     | 0
      pytorch | [3, 32, 32]        | {type: Conv2d, in_channels: 3, out_channels: 16, kernel_size: 3, padding: 1} | 16x32x32 | 448 | 0
      pytorch | [8, 20, 20]        | {type: Conv2d, in_channels: 8, out_channels: 16, kernel_size: [3, 5], stride: 2, padding: [1, 2], dilation: 2, groups: 4, bias: false} | 16x9x8 | 480 | 0
      pytorch | [4, 10]            | {type: Conv1d, in_channels: 4, out_channels: 8, kernel_size: 3, padding: same} | 8x10 | 104 | 0
      pytorch | [2, 8, 8, 8]       | {type: Conv3d, in_channels: 2, out_channels: 4, kernel_size: 3} | 4x6x6x6     | 220   | 0
      pytorch | [16, 7, 7]         | {type: ConvTranspose2d, in_channels: 16, out_channels: 8, kernel_size: 3, stride: 2, padding: 1, output_padding: 1} | 8x14x14 | 1160 | 0
      pytorch | [120]              | {type: Linear, in_features: 120, out_features: 84}               | 84          | 10164 | 0
      pytorch | [16, 8, 8]         | {type: Linear, in_features: 8, out_features: 4, bias: false}     | 16x8x4      | 32    | 0
      pytorch | [64, 8, 8]         | {type: BatchNorm2d, num_features: 64}                            | 64x8x8      | 128   | 0
      pytorch | [32]               | {type: BatchNorm1d, num_features: 32}                            | 32          | 64    | 0
      pytorch | [32, 10]           | {type: BatchNorm1d, num_features: 32}                            | 32x10       | 64    | 0
      pytorch | [8, 4, 4]          | {type: BatchNorm2d, num_features: 8, affine: false}              | 8x4x4       | 0     | 0
      pytorch | [64, 112, 112]     | {type: MaxPool2d, kernel_size: 3, stride: 2, padding: 1}         | 64x56x56    | 0     | 0
      pytorch | [16, 7, 7]         | {type: MaxPool2d, kernel_size: 2}                                | 16x3x3      | 0     | 0
      pytorch | [16, 7, 7]         | {type: MaxPool2d, kernel_size: 2, ceil_mode: true}               | 16x4x4      | 0     | 0
      pytorch | [8, 6, 6]          | {type: AvgPool2d, kernel_size: 3, stride: 2, ceil_mode: true}    | 8x3x3       | 0     | 0
      pytorch | [1, 5, 5]          | {type: MaxPool2d, kernel_size: 2, stride: 2, padding: 1, ceil_mode: true} | 1x3x3 | 0  | 0
      pytorch | [4, 9, 9]          | {type: MaxPool2d, kernel_size: 3, stride: 2, dilation: 2}        | 4x3x3       | 0     | 0
      pytorch | [512, 7, 7]        | {type: AdaptiveAvgPool2d, output_size: [1, 1]}                   | 512x1x1     | 0     | 0
      pytorch | [8, 10, 10]        | {type: AdaptiveMaxPool2d, output_size: 3}                        | 8x3x3       | 0     | 0
      pytorch | [8, 5, 10]         | {type: AdaptiveAvgPool2d, output_size: [null, 2]}                | 8x5x2       | 0     | 0
      pytorch | [8, 20]            | {type: AdaptiveAvgPool1d, output_size: 4}                        | 8x4         | 0     | 0
      pytorch | [10, 16]           | {type: LSTM, input_size: 16, hidden_size: 32, num_layers: 2}     | 10x32       | 14848 | 0
      pytorch | [10, 16]           | {type: LSTM, input_size: 16, hidden_size: 32, num_layers: 2, bidirectional: true, batch_first: true} | 10x64 | 37888 | 0
      pytorch | [10, 16]           | {type: GRU, input_size: 16, hidden_size: 32, bias: false}        | 10x32       | 4608  | 0
      pytorch | [10, 10]           | {type: GRU, input_size: 10, hidden_size: 8, num_layers: 3, bidirectional: true} | 10x16 | 3456 | 0
      pytorch | [10, 16]           | {type: RNN, input_size: 16, hidden_size: 32, nonlinearity: relu} | 10x32       | 1600  | 0
      pytorch | [20]               | {type: Embedding, num_embeddings: 1000, embedding_dim: 64}       | 20x64       | 64000 | 0
      pytorch | [10]               | {type: Dropout, p: 0.2}                                          | 10          | 0     | 0
      pytorch | [10]               | {type: ReLU, inplace: true}                                      | 10          | 0     | 0
      pytorch | [16, 4, 4]         | {type: Flatten}                                                  | 256         | 0     | 0
      pytorch | [10, 64]           | {type: LayerNorm, normalized_shape: 64}                          | 10x64       | 128   | 0
      pytorch | [16, 8, 8]         | {type: LayerNorm, normalized_shape: [16, 8, 8]}                  | 16x8x8      | 2048  | 0
      pytorch | [16, 8, 8]         | {type: LayerNorm, normalized_shape: [8, 8], elementwise_affine: false} | 16x8x8 | 0   | 0
      pytorch | [16, 8, 8]         | {type: LayerNorm, normalized_shape: [8, 8], bias: false}         | 16x8x8      | 64    | 0
      """)
  void outputShapeAndCountsMatchTheFramework(String framework, String input, String layer,
      String shape, long params, long nonTrainable) {
    LayerResult l = last(framework, input, layer);
    assertThat(dims(l)).isEqualTo(shape);
    assertThat(l.params()).isEqualTo(params);
    assertThat(WeightShapes.count(WeightShapes.of(
        framework.equals("keras") ? Framework.KERAS : Framework.PYTORCH, l)))
        .as("the weight tensors the framework creates").isEqualTo(params);
    assertThat(l.nonTrainable()).isEqualTo(nonTrainable);
    assertThat(l.trainable()).isEqualTo(params - nonTrainable);
  }

  @Test
  void concatenateAddsTheChannels() {
    LayerResult cat = Bundled.analyzeText("""
        title: t
        input: [8, 8, 3]
        layers:
          - {type: Conv2D, name: a, filters: 5, kernel_size: 1}
          - {type: Concatenate, name: cat, inputs: [input, a]}
        """).layer("cat").orElseThrow();
    assertThat(dims(cat)).isEqualTo("8x8x8");
    assertThat(cat.derivationsOf(new Derived.OutputAxis(2)).get(0).equation(Notation.TEXT))
        .isEqualTo("C_out = C_1 + C_2 = 3 + 5 = 8");
  }

  @Test
  void elementWiseMergesKeepTheShapeAndSubtractTakesTwo() {
    for (String type : List.of("Add", "Multiply", "Maximum", "Average", "Subtract")) {
      LayerResult m = Bundled.analyzeText("title: t\ninput: [4, 4, 2]\nlayers:\n"
          + "  - {type: Conv2D, name: a, filters: 2, kernel_size: 1}\n"
          + "  - {type: " + type + ", name: m, inputs: [input, a]}\n").layer("m").orElseThrow();
      assertThat(dims(m)).isEqualTo("4x4x2");
      assertThat(m.params()).isZero();
    }
    assertThatThrownBy(() -> io.layerwise.Layerwise.explain("t.yaml", "title: t\ninput: [4]\n"
        + "layers:\n  - {type: Dense, name: a, units: 4}\n"
        + "  - {type: Subtract, inputs: [input, a, a]}\n"))
        .hasMessageContaining("takes exactly 2 inputs, but has 3").isInstanceOf(Exception.class);
  }

  @Test
  void multiHeadAttentionCountsItsFourProjections() {
    // keras.layers.MultiHeadAttention(num_heads=8, key_dim=64) on (10, 512), self-attention:
    // 3·(512·8·64 + 8·64) + 8·64·512 + 512 = 1,050,624 = PyTorch's 4·512² + 4·512.
    LayerResult self = last("keras", "[10, 512]",
        "{type: MultiHeadAttention, num_heads: 8, key_dim: 64}");
    assertThat(dims(self)).isEqualTo("10x512");
    assertThat(self.params()).isEqualTo(1_050_624).isEqualTo(4L * 512 * 512 + 4 * 512);
    LayerResult cross = Bundled.analyzeText("""
        title: t
        input: [6, 32]
        layers:
          - {type: Dense, name: mem, units: 16}
          - {type: Dense, name: q, inputs: [input], units: 24}
          - {type: MultiHeadAttention, name: att, inputs: [q, mem], num_heads: 2, key_dim: 8,
             value_dim: 4, use_bias: false}
        """).layer("att").orElseThrow();
    assertThat(dims(cross)).isEqualTo("6x24");
    assertThat(cross.params()).isEqualTo(24 * 2 * 8 + 16 * 2 * 8 + 16 * 2 * 4 + 2 * 4 * 24);
  }

  @Test
  void lstmExplainsItsFourGatesAndPytorchsSecondBias() {
    LayerResult keras = last("keras", "[10, 16]", "{type: LSTM, units: 32}");
    assertThat(keras.derivationsOf(Derived.Count.PARAMS).get(0).equation(Notation.TEXT))
        .isEqualTo("params = 4·(N_in·U + U·U + U) = 4·(16·32 + 32·32 + 32) = 6,272");
    assertThat(keras.derivationsOf(Derived.Count.WEIGHTS).get(0).explanation().text()).contains("4 gated");
    LayerResult torch = last("pytorch", "[10, 16]", "{type: SimpleRNN, units: 32}");
    assertThat(torch.derivationsOf(Derived.Count.PARAMS).get(0).equation(Notation.TEXT))
        .isEqualTo("params = N_in·U + U·U + 2U = 16·32 + 32·32 + 2·32 = 1,600");
    assertThat(torch.derivationsOf(Derived.Count.BIASES).get(0).explanation().text())
        .contains("b_ih and b_hh").contains("32 fewer");
    LayerResult module = last("pytorch", "[10, 16]", "{type: LSTM, input_size: 16, hidden_size: 32}");
    assertThat(module.derivationsOf(Derived.Count.PARAMS).get(0).equation(Notation.TEXT))
        .isEqualTo("params = 4·(H_in·H_out + H_out·H_out) + 4·(H_out + H_out)"
            + " = 4·(16·32 + 32·32) + 4·(32 + 32) = 6,400");
    assertThat(module.derivationsOf(new Derived.OtherParams(Framework.KERAS)).get(0).equation(Notation.TEXT))
        .isEqualTo("params_Keras = params − 4H_out = 6,400 − 4·32 = 6,272");
  }

  @Test
  void timeDistributedSharesTheWeightsAndRepeatsTheWork() {
    LayerResult td = last("keras", "[10, 16]",
        "{type: TimeDistributed, layer: {type: Dense, units: 8}}");
    assertThat(td.derivationsOf(new Derived.OutputAxis(0)).get(0).equation(Notation.TEXT))
        .isEqualTo("T_out = T = 10");
    assertThat(td.derivationsOf(new Derived.OutputAxis(1)).get(0).equation(Notation.TEXT))
        .isEqualTo("N_out = U = 8");
    assertThat(td.derivationsOf(Derived.Count.PARAMS).get(0).equation(Notation.TEXT))
        .isEqualTo("params = N_in·U + U = 16·8 + 8 = 136");
    assertThat(td.derivationsOf(Derived.Count.MACS).get(0).equation(Notation.TEXT))
        .isEqualTo("MACs = T·N_in·U = 10·16·8 = 1,280");
  }

  @Test
  void stackedLstmReadsTheLayerBelowInItsUpperLayers() {
    LayerResult lstm = last("pytorch", "[10, 16]",
        "{type: LSTM, input_size: 16, hidden_size: 32, num_layers: 3, bidirectional: true}");
    assertThat(lstm.derivationsOf(Derived.Count.WEIGHTS).get(0).equation(Notation.TEXT))
        .isEqualTo("weights = 2·4·(H_in·H_out + H_out·H_out) + (num_layers − 1)·2·4·(2H_out·H_out"
            + " + H_out·H_out) = 2·4·(16·32 + 32·32) + (3 − 1)·2·4·(2·32·32 + 32·32) = 61,440");
    assertThat(lstm.derivationsOf(Derived.Count.BIASES).get(0).equation(Notation.TEXT))
        .isEqualTo("biases = num_layers·2·4·(H_out + H_out) = 3·2·4·(32 + 32) = 1,536");
    assertThat(dims(lstm)).isEqualTo("10x64");
  }

  @Test
  void pytorchBatchNormSaysWhyRunningStatisticsAreNotCounted() {
    LayerResult bn = last("pytorch", "[64, 8, 8]", "{type: BatchNormalization}");
    assertThat(bn.derivationsOf(Derived.Count.PARAMS).get(0).explanation().text())
        .contains("running_mean and running_var are buffers").contains("256");
  }

  @Test
  void kerasBatchNormDerivesTheTrainableSplit() {
    LayerResult bn = last("keras", "[8, 8, 64]", "{type: BatchNormalization}");
    assertThat(bn.derivationsOf(Derived.Count.PARAMS).get(0).equation(Notation.TEXT))
        .isEqualTo("params = 4C = 4·64 = 256");
    assertThat(bn.derivationsOf(Derived.Count.NON_TRAINABLE).get(0).equation(Notation.TEXT))
        .isEqualTo("non_trainable = 2C = 2·64 = 128");
  }

  @Test
  void frozenLayerExplainsItsNonTrainableParameters() {
    LayerResult d = last("keras", "[20]", "{type: Dense, units: 10, trainable: false}");
    assertThat(d.derivationsOf(Derived.Count.NON_TRAINABLE).get(0).explanation().text())
        .contains("frozen");
  }

  @Test
  void denseOnANonFlatInputSaysItActsOnTheLastAxis() {
    LayerResult d = last("keras", "[50, 50, 100]", "{type: Dense, units: 250}");
    assertThat(d.derivationsOf(Derived.Count.WEIGHTS).get(0).explanation().text())
        .contains("last axis").contains("100×250").contains("50×50");
    assertThat(d.macs()).isEqualTo(50L * 50 * 100 * 250);
  }

  @Test
  void samePaddingExplainsWhyTheSizeIsKept() {
    LayerResult c = last("keras", "[9, 9, 1]", "{type: Conv2D, filters: 1, kernel_size: 3, padding: same}");
    Derivation h = c.derivationsOf(new Derived.OutputAxis(0)).get(0);
    assertThat(h.equation(Notation.TEXT)).isEqualTo("H_out = ⌈H_in/S⌉ = ⌈9/1⌉ = 9");
    assertThat(h.explanation().text()).contains("keeps the size");
  }

  @Test
  void groupedConvolutionDividesTheInputChannels() {
    LayerResult c = last("keras", "[20, 20, 8]", "{type: Conv2D, filters: 16, kernel_size: 3, groups: 4}");
    assertThat(c.derivationsOf(Derived.Count.WEIGHTS).get(0).equation(Notation.TEXT))
        .isEqualTo("weights = K_h·K_w·(C_in/G)·F = 3·3·(8/4)·16 = 288");
  }

  @Test
  void upSamplingMakesTheEffectiveStrideAFraction() {
    LayerResult up = last("keras", "[8, 8, 3]", "{type: UpSampling2D}");
    assertThat(up.geometry().orElseThrow().stride()).containsExactly(
        new Fraction(1, 2), new Fraction(1, 2));
  }

  @Test
  void receptiveFieldOfADilatedConvolution() {
    LayerResult c = last("keras", "[20, 20, 8]", "{type: Conv2D, filters: 16, kernel_size: 3, dilation_rate: 2}");
    assertThat(c.geometry().orElseThrow().receptiveField()).containsExactly(
        Fraction.of(5), Fraction.of(5));
    assertThat(c.derivationsOf(new Derived.ReceptiveField(0)).get(0).equation(Notation.TEXT))
        .isEqualTo("R_out = R_in + d·(K − 1)·J_in = 1 + 2·(3 − 1)·1 = 5");
  }
}
