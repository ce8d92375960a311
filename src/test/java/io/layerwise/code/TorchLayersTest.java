package io.layerwise.code;

import static io.layerwise.code.Given.keras;
import static io.layerwise.code.Given.pytorch;
import static io.layerwise.code.Given.torchCode;
import static org.assertj.core.api.Assertions.assertThat;

import io.layerwise.model.Framework;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The PyTorch code of each layer kind, from Keras and from PyTorch exercises. */
class TorchLayersTest {

  private static List<String> keys(FrameworkCode code, CodeNote.Kind kind) {
    return code.notes(kind).stream().map(CodeNote::key).toList();
  }

  @Test
  void convolutionsTakeChannelsFirst() {
    String code = torchCode(keras("[32, 32, 3]",
        "{type: Conv2D, name: conv1, filters: 8, kernel_size: 5, activation: relu}"));
    assertThat(code).contains("self.conv1 = nn.Conv2d(3, 8, kernel_size=5)")
        .contains("x = torch.relu(self.conv1(x))")
        .contains("print(model(torch.zeros(1, 3, 32, 32)).shape)");
  }

  @Test
  void conv1dAnd3dWithGroupsDilationAndNoBias() {
    assertThat(torchCode(keras("[100, 16]", "{type: Conv1D, name: c, filters: 32, kernel_size: 3,"
        + " dilation_rate: 2, groups: 4, use_bias: false}")))
        .contains("self.c = nn.Conv1d(16, 32, kernel_size=3, dilation=2, groups=4, bias=False)");
    assertThat(torchCode(keras("[8, 16, 16, 2]", "{type: Conv3D, name: c, filters: 4,"
        + " kernel_size: [1, 3, 3], strides: [1, 2, 2]}")))
        .contains("self.c = nn.Conv3d(2, 4, kernel_size=(1, 3, 3), stride=(1, 2, 2))");
  }

  /** Keras' 'same' with stride 2 on 32 pads 0 before and 1 after: explicit in PyTorch. */
  @Test
  void kerasSameWithStridesPadsExplicitly() {
    FrameworkCode code = keras("[32, 32, 3]",
        "{type: Conv2D, name: c, filters: 8, kernel_size: 3, strides: 2, padding: same}");
    assertThat(torchCode(code)).contains("self.c = nn.Sequential(nn.ZeroPad2d((0, 1, 0, 1)),"
        + " nn.Conv2d(3, 8, kernel_size=3, stride=2))");
    assertThat(keys(code, CodeNote.Kind.REWRITTEN)).containsExactly("rewritten.samePadding");
    assertThat(code.pytorch().orElseThrow().params()).isEqualTo(3 * 3 * 3 * 8 + 8);
  }

  @Test
  void sameAtStrideOneIsANumberOrSame() {
    assertThat(torchCode(keras("[28, 28, 1]",
        "{type: Conv2D, name: c, filters: 6, kernel_size: 5, padding: same}")))
        .contains("nn.Conv2d(1, 6, kernel_size=5, padding=2)");
    assertThat(torchCode(keras("[28, 28, 1]",
        "{type: Conv2D, name: c, filters: 6, kernel_size: 4, padding: same}")))
        .contains("nn.Conv2d(1, 6, kernel_size=4, padding='same')");
    assertThat(torchCode(keras("[28, 28, 1]",
        "{type: Conv2D, name: c, filters: 6, kernel_size: 1, padding: same}")))
        .contains("nn.Conv2d(1, 6, kernel_size=1)");
  }

  @Test
  void asymmetricExplicitPaddingIsAZeroPad() {
    assertThat(torchCode(keras("[32, 32, 3]", "{type: Conv2D, name: c, filters: 8,"
        + " kernel_size: 3, padding: [[1, 2], [0, 1]]}")))
        .contains("nn.Sequential(nn.ZeroPad2d((0, 1, 1, 2)), nn.Conv2d(3, 8, kernel_size=3))");
    assertThat(torchCode(pytorch("[3, 224, 224]", "{type: Conv2D, name: c, filters: 64,"
        + " kernel_size: 11, strides: 4, padding: 2}")))
        .contains("self.c = nn.Conv2d(3, 64, kernel_size=11, stride=4, padding=2)");
  }

  /** TF's 'same' transposed convolution keeps the full output from row 0: the odd row is cut. */
  @Test
  void transposedConvolutions() {
    assertThat(torchCode(keras("[16, 16, 8]", "{type: Conv2DTranspose, name: up, filters: 4,"
        + " kernel_size: 4, strides: 2, padding: same}")))
        .contains("self.up = nn.ConvTranspose2d(8, 4, kernel_size=4, stride=2, padding=1)");
    FrameworkCode odd = keras("[16, 16, 8]", "{type: Conv2DTranspose, name: up, filters: 4,"
        + " kernel_size: 3, strides: 2, padding: same}");
    assertThat(torchCode(odd)).contains("self.up = nn.Sequential(nn.ConvTranspose2d(8, 4,"
        + " kernel_size=3, stride=2), nn.ZeroPad2d((0, -1, 0, -1)))");
    assertThat(keys(odd, CodeNote.Kind.REWRITTEN)).containsExactly("rewritten.transposeCrop");
    assertThat(torchCode(keras("[16, 16, 8]", "{type: Conv2DTranspose, name: up, filters: 4,"
        + " kernel_size: 1, strides: 2}")))
        .contains("nn.ConvTranspose2d(8, 4, kernel_size=1, stride=2, output_padding=1)");
    assertThat(torchCode(keras("[10, 8]", "{type: Conv1DTranspose, name: up, filters: 4,"
        + " kernel_size: 3, strides: 2, padding: same, output_padding: 1}")))
        .contains("nn.Sequential(nn.ConvTranspose1d(8, 4, kernel_size=3, stride=2),"
            + " nn.ZeroPad1d((0, -1)))");
    assertThat(torchCode(pytorch("[8, 16, 16]", "{type: Conv2DTranspose, name: up, filters: 4,"
        + " kernel_size: 3, strides: 2, padding: 1, output_padding: 1}")))
        .contains("nn.ConvTranspose2d(8, 4, kernel_size=3, stride=2, padding=1, output_padding=1)");
  }

  @Test
  void depthwiseAndSeparable() {
    assertThat(torchCode(keras("[32, 32, 8]", "{type: DepthwiseConv2D, name: dw, kernel_size: 3,"
        + " padding: same, depth_multiplier: 2}")))
        .contains("self.dw = nn.Conv2d(8, 16, kernel_size=3, padding=1, groups=8)");
    assertThat(torchCode(keras("[32, 32, 8]", "{type: SeparableConv2D, name: sep, filters: 16,"
        + " kernel_size: 3}")))
        .contains("self.sep = nn.Sequential(nn.Conv2d(8, 8, kernel_size=3, groups=8,"
            + " bias=False), nn.Conv2d(8, 16, kernel_size=1))");
  }

  @Test
  void pooling() {
    assertThat(torchCode(keras("[100, 4]", "{type: MaxPooling1D, name: p, pool_size: 2}")))
        .contains("self.p = nn.MaxPool1d(2)");
    assertThat(torchCode(keras("[8, 8, 8, 4]",
        "{type: AveragePooling3D, name: p, pool_size: 2, strides: 1}")))
        .contains("self.p = nn.AvgPool3d(2, stride=1)");
    assertThat(torchCode(keras("[8, 8, 4]",
        "{type: AveragePooling2D, name: p, pool_size: 3, strides: 1, padding: same}")))
        .contains("self.p = nn.AvgPool2d(3, stride=1, padding=1, count_include_pad=False)");
    assertThat(torchCode(pytorch("[64, 112, 112]",
        "{type: MaxPooling2D, name: p, pool_size: 3, strides: 2, padding: 1}")))
        .contains("self.p = nn.MaxPool2d(3, stride=2, padding=1)");
  }

  /** Keras pads 7 by (0, 1) for 'same' 2×2 pooling: PyTorch's ceil mode adds that window. */
  @Test
  void kerasSamePoolingWithOddPadding() {
    FrameworkCode avg = keras("[7, 7, 4]",
        "{type: AveragePooling2D, name: p, pool_size: 2, padding: same}");
    assertThat(torchCode(avg))
        .contains("self.p = nn.AvgPool2d(2, ceil_mode=True, count_include_pad=False)");
    assertThat(keys(avg, CodeNote.Kind.REWRITTEN)).containsExactly("rewritten.ceilMode");
    assertThat(torchCode(keras("[7, 7, 4]",
        "{type: MaxPooling2D, name: p, pool_size: 2, strides: 1, padding: same}")))
        .contains("self.p = nn.Sequential(nn.ConstantPad2d((0, 1, 0, 1), float('-inf')),"
            + " nn.MaxPool2d(2, stride=1))");
    FrameworkCode none = keras("[7, 7, 4]",
        "{type: AveragePooling2D, name: p, pool_size: 2, strides: 1, padding: same}");
    assertThat(none.pytorch()).isEmpty();
    assertThat(none.keras()).isPresent();
    assertThat(keys(none, CodeNote.Kind.NO_EQUIVALENT)).containsExactly("none.averagePoolSame");
  }

  @Test
  void globalPoolingAndFlatten() {
    String code = torchCode(keras("[7, 7, 64]", "{type: GlobalAveragePooling2D, name: gap}",
        "{type: Dense, name: fc, units: 10}"));
    assertThat(code).contains("self.gap = nn.Sequential(nn.AdaptiveAvgPool2d(1), nn.Flatten())")
        .contains("self.fc = nn.Linear(64, 10)");
    assertThat(torchCode(keras("[100, 64]",
        "{type: GlobalMaxPooling1D, name: gmp, keepdims: true}")))
        .contains("self.gmp = nn.AdaptiveMaxPool1d(1)");
    assertThat(torchCode(keras("[4, 4, 2]", "{type: Flatten, name: f}")))
        .contains("self.f = nn.Flatten()");
  }

  /** Dense acts on the exercise's last axis, Keras' channels: PyTorch's tensor is permuted. */
  @Test
  void denseOnANonFlatInput() {
    String code = torchCode(keras("[10, 10, 3]",
        "{type: Conv2D, name: conv, filters: 8, kernel_size: 3}",
        "{type: Dense, name: dense, units: 4}"));
    assertThat(code).contains("self.dense = nn.Linear(8, 4)")
        .contains("x = self.dense(x.permute(0, 2, 3, 1))")
        .contains("torch.zeros(1, 3, 10, 10)");
  }

  @Test
  void dropoutAndActivations() {
    String code = torchCode(keras("[10]", "{type: Dropout, name: d, rate: 0.25}",
        "{type: Activation, name: a, activation: relu6}",
        "{type: Dense, name: out, units: 3, activation: leaky_relu}",
        "{type: Activation, name: e, activation: exponential}"));
    assertThat(code).contains("self.d = nn.Dropout(0.25)").contains("self.a = nn.ReLU6()")
        .contains("x = nn.functional.leaky_relu(self.out(x), 0.2)")
        .contains("x = torch.exp(x)");
  }

  /** Keras' softmax over channels-last channels is PyTorch's softmax over axis 1. */
  @Test
  void softmaxFollowsTheAxis() {
    assertThat(torchCode(keras("[8, 8, 3]", "{type: Conv2D, name: c, filters: 4, kernel_size: 1}",
        "{type: Activation, name: s, activation: softmax}")))
        .contains("self.s = nn.Softmax(dim=1)");
    assertThat(torchCode(keras("[8, 8, 3]", "{type: Conv2D, name: c, filters: 4, kernel_size: 1,"
        + " activation: softmax}")))
        .contains("x = torch.softmax(self.c(x), dim=1)");
  }

  @Test
  void unknownActivationHasNoEquivalent() {
    FrameworkCode code = keras("[10]", "{type: Dense, name: d, units: 3, activation: glu_x}");
    assertThat(code.pytorch()).isEmpty();
    assertThat(code.keras()).isPresent();
    assertThat(code.notes().get(0).text()).isEqualTo("‘d’: PyTorch has no activation ‘glu_x’"
        + " that is known to compute the same function, so there is no PyTorch code for this"
        + " network.");
  }

  /** Keras 4·C (2·C non-trainable), PyTorch 2·C and two buffers. */
  @Test
  void batchNormCountsDiffer() {
    FrameworkCode code = keras("[8, 8, 16]", "{type: BatchNormalization, name: bn}");
    assertThat(torchCode(code)).contains("self.bn = nn.BatchNorm2d(16)");
    CodeNote note = code.notes(CodeNote.Kind.COUNTS_DIFFER).get(0);
    assertThat(note.framework()).isEqualTo(Framework.PYTORCH);
    assertThat(note.args()).containsExactly(64L, 32L, 32L, 32L);
    assertThat(note.text()).isEqualTo("‘bn’: Keras counts 64 parameters (32 of them"
        + " non-trainable, among them the moving mean and variance), PyTorch 32: PyTorch keeps"
        + " the running mean and variance as buffers, which parameters() leaves out (32 fewer).");
    assertThat(torchCode(keras("[10]", "{type: BatchNormalization, name: bn}")))
        .contains("nn.BatchNorm1d(10)");
    FrameworkCode noBeta = keras("[10]", "{type: BatchNormalization, name: bn, center: false}");
    assertThat(noBeta.pytorch()).isEmpty();
    assertThat(keys(noBeta, CodeNote.Kind.NO_EQUIVALENT)).containsExactly("none.batchNormAffine");
    assertThat(torchCode(keras("[10]",
        "{type: BatchNormalization, name: bn, center: false, scale: false}")))
        .contains("nn.BatchNorm1d(10, affine=False)");
  }

  /** BatchNorm on a Keras sequence's features is PyTorch's BatchNorm1d on (N, C, L). */
  @Test
  void batchNormOnASequenceMovesTheAxis() {
    assertThat(torchCode(keras("[20, 6]", "{type: BatchNormalization, name: bn}",
        "{type: Dense, name: d, units: 2}")))
        .contains("self.bn = nn.BatchNorm1d(6)")
        .contains("torch.zeros(1, 6, 20)")
        .contains("x = self.bn(x)")
        .contains("x = self.d(x.permute(0, 2, 1))");
  }

  @Test
  void layerNormalization() {
    assertThat(torchCode(keras("[64, 256]", "{type: LayerNormalization, name: ln}")))
        .contains("self.ln = nn.LayerNorm(256)");
    assertThat(torchCode(keras("[64, 256]",
        "{type: LayerNormalization, name: ln, rms_scaling: true}")))
        .contains("self.ln = nn.LayerNorm(256, bias=False)");
    FrameworkCode betaOnly = keras("[64, 256]",
        "{type: LayerNormalization, name: ln, scale: false}");
    assertThat(keys(betaOnly, CodeNote.Kind.NO_EQUIVALENT))
        .containsExactly("none.layerNormBetaOnly");
  }

  @Test
  void paddingCroppingUpSamplingReshape() {
    String code = torchCode(keras("[3136]", "{type: Reshape, name: r, target_shape: [7, 7, 64]}",
        "{type: ZeroPadding2D, name: zp, padding: [[1, 2], [3, 4]]}",
        "{type: Cropping2D, name: crop, cropping: [[1, 1], [2, 0]]}",
        "{type: UpSampling2D, name: up, size: 2}"));
    assertThat(code).contains("x = x.reshape(-1, 7, 7, 64)")
        .contains("self.zp = nn.ZeroPad2d((3, 4, 1, 2))")
        .contains("x = self.zp(x.permute(0, 3, 1, 2))")
        .contains("x = x[:, :, 1:9, 2:14]")
        .contains("self.up = nn.Upsample(scale_factor=2)");
  }

  @Test
  void mergesInForward() {
    String code = torchCode(keras("[8, 8, 4]",
        "{type: Conv2D, name: a, filters: 4, kernel_size: 1}",
        "{type: Conv2D, name: b, inputs: [input], filters: 4, kernel_size: 1}",
        "{type: Add, name: add, inputs: [a, b]}",
        "{type: Average, name: avg, inputs: [a, b, add]}",
        "{type: Maximum, name: mx, inputs: [a, b, avg]}",
        "{type: Subtract, name: sub, inputs: [a, mx]}",
        "{type: Multiply, name: mul, inputs: [sub, b]}",
        "{type: Concatenate, name: cat, inputs: [mul, a]}"));
    assertThat(code).contains("add = a + b").contains("avg = (a + b + add) / 3")
        .contains("mx = torch.maximum(torch.maximum(a, b), avg)").contains("sub = a - mx")
        .contains("mul = sub * b").contains("cat = torch.cat([mul, a], dim=1)")
        .contains("return cat");
  }

  /** LSTM 16 → 32: Keras 6,272, PyTorch 6,400 (a second bias vector per gate). */
  @Test
  void lstmCountsDiffer() {
    FrameworkCode code = keras("[10, 16]", "{type: LSTM, name: lstm, units: 32}");
    assertThat(torchCode(code)).contains("self.lstm = nn.LSTM(16, 32, batch_first=True)")
        .contains("x = self.lstm(x)[0][:, -1]");
    assertThat(code.keras().orElseThrow().params()).isEqualTo(6_272);
    assertThat(code.pytorch().orElseThrow().params()).isEqualTo(6_400);
    assertThat(code.notes()).singleElement().satisfies(n -> {
      assertThat(n.key()).isEqualTo("counts.recurrent");
      assertThat(n.text()).isEqualTo("‘lstm’: Keras counts 6,272 parameters, PyTorch 6,400:"
          + " PyTorch gives every gate two bias vectors (b_ih and b_hh) where Keras gives one"
          + " (128 more).");
    });
  }

  @Test
  void recurrentVariants() {
    FrameworkCode gru = keras("[10, 16]", "{type: GRU, name: gru, units: 32,"
        + " return_sequences: true}");
    assertThat(torchCode(gru)).contains("self.gru = nn.GRU(16, 32, batch_first=True)")
        .contains("x = self.gru(x)[0]\n");
    assertThat(gru.notes()).isEmpty();
    FrameworkCode before = keras("[10, 16]", "{type: GRU, name: gru, units: 32,"
        + " reset_after: false}");
    assertThat(before.pytorch()).isEmpty();
    assertThat(keys(before, CodeNote.Kind.NO_EQUIVALENT)).containsExactly("none.gruResetBefore");
    assertThat(torchCode(keras("[10, 16]", "{type: SimpleRNN, name: rnn, units: 8,"
        + " activation: relu, use_bias: false}")))
        .contains("nn.RNN(16, 8, nonlinearity='relu', bias=False, batch_first=True)");
  }

  @Test
  void bidirectionalUsesTheFinalStates() {
    String last = torchCode(keras("[10, 16]",
        "{type: Bidirectional, name: bi, layer: {type: LSTM, units: 32}}"));
    assertThat(last).contains("self.bi = nn.LSTM(16, 32, batch_first=True, bidirectional=True)")
        .contains("x = self.bi(x)[1][0]\n        x = torch.cat([x[-2], x[-1]], dim=1)");
    String sum = torchCode(keras("[10, 16]", "{type: Bidirectional, name: bi, merge_mode: sum,"
        + " layer: {type: GRU, units: 32, return_sequences: true}}"));
    assertThat(sum).contains("x = self.bi(x)[0]\n        x = x[..., :32] + x[..., 32:]");
  }

  @Test
  void multiHeadAttention() {
    FrameworkCode self = keras("[64, 256]",
        "{type: MultiHeadAttention, name: att, num_heads: 8, key_dim: 32}");
    assertThat(torchCode(self))
        .contains("self.att = nn.MultiheadAttention(256, 8, batch_first=True)")
        .contains("x = self.att(x, x, x, need_weights=False)[0]");
    FrameworkCode narrow = keras("[64, 256]",
        "{type: MultiHeadAttention, name: att, num_heads: 4, key_dim: 16}");
    assertThat(narrow.pytorch()).isEmpty();
    assertThat(narrow.notes().get(0).text()).contains("key_dim 16 and value_dim 16");
    String cross = torchCode(keras("[10, 32]", "{type: Dense, name: mem, units: 48}",
        "{type: MultiHeadAttention, name: att, inputs: [input, mem], num_heads: 4, key_dim: 8}"));
    assertThat(cross).contains("nn.MultiheadAttention(32, 4, kdim=48, vdim=48, batch_first=True)")
        .contains("att = self.att(x, mem, mem, need_weights=False)[0]");
  }

  @Test
  void frozenLayersKeepTheirParametersOutOfTraining() {
    FrameworkCode code = keras("[10]", "{type: Dense, name: d, units: 4, trainable: false}",
        "{type: Dense, name: out, units: 1}");
    assertThat(torchCode(code)).contains("self.d = nn.Linear(10, 4).requires_grad_(False)");
    assertThat(code.pytorch().orElseThrow().trainable()).isEqualTo(5);
    assertThat(code.pytorch().orElseThrow().params()).isEqualTo(49);
  }

  @Test
  void subsamplingHasNoEquivalent() {
    FrameworkCode code = keras("[28, 28, 6]", "{type: Subsampling2D, name: s2}");
    assertThat(code.pytorch()).isEmpty();
    assertThat(code.keras()).isEmpty();
  }
}
