package io.layerwise.code;

import static io.layerwise.code.Given.kerasCode;
import static io.layerwise.code.Given.pytorch;
import static io.layerwise.code.Given.torchCode;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import org.junit.jupiter.api.Test;

/**
 * PyTorch modules read with PyTorch's own arguments (ceil_mode, adaptive pooling, stacked
 * recurrent modules, LayerNorm over several axes) in both programs; the counts of each program
 * come from the engine, so a wrong rewrite fails there too.
 */
class PytorchModulesCodeTest {

  @Test
  void ceilModeIsWrittenForPyTorchAndLeftOutOfKerasWhereItChangesTheOutput() {
    // 112 − 3 = 109 is odd: ceil_mode adds a last window (56 instead of 55)
    FrameworkCode changes = pytorch("[64, 112, 112]",
        "{type: MaxPool2d, name: pool, kernel_size: 3, stride: 2, ceil_mode: true}");
    assertThat(torchCode(changes))
        .contains("self.pool = nn.MaxPool2d(3, stride=2, ceil_mode=True)");
    assertThat(changes.keras()).isEmpty();
    assertThat(changes.notes()).extracting(CodeNote::key).contains("none.ceilMode");
    // 111 − 3 = 108 is even: the same windows either way, and Keras has the layer
    FrameworkCode same = pytorch("[64, 111, 111]",
        "{type: MaxPool2d, name: pool, kernel_size: 3, stride: 2, ceil_mode: true}");
    assertThat(kerasCode(same)).contains("layers.MaxPooling2D(3, name='pool', strides=2)");
  }

  @Test
  void dilatedMaxPoolingHasNoKerasEquivalent() {
    FrameworkCode code = pytorch("[4, 20, 20]",
        "{type: MaxPool2d, name: pool, kernel_size: 3, stride: 1, dilation: 2}");
    assertThat(torchCode(code)).contains("nn.MaxPool2d(3, stride=1, dilation=2)");
    assertThat(code.keras()).isEmpty();
    assertThat(code.notes()).extracting(CodeNote::key).contains("none.poolDilation");
  }

  @Test
  void adaptivePoolingBecomesOrdinaryPoolingInKerasWhereTheSizesDivide() {
    FrameworkCode divides = pytorch("[256, 12, 12]",
        "{type: AdaptiveAvgPool2d, name: avg, output_size: [6, 6]}");
    assertThat(torchCode(divides)).contains("self.avg = nn.AdaptiveAvgPool2d((6, 6))");
    assertThat(kerasCode(divides)).contains("layers.AveragePooling2D(2, name='avg')");
    assertThat(divides.notes()).extracting(CodeNote::key)
        .contains("rewritten.adaptivePooling");
    FrameworkCode uneven = pytorch("[256, 13, 13]",
        "{type: AdaptiveMaxPool2d, name: mx, output_size: 6}");
    assertThat(torchCode(uneven)).contains("self.mx = nn.AdaptiveMaxPool2d((6, 6))");
    assertThat(uneven.keras()).isEmpty();
    assertThat(uneven.notes()).filteredOn(n -> n.key().equals("none.adaptivePooling"))
        .singleElement().satisfies(n -> assertThat(n.text(Locale.ENGLISH)).contains("13")
            .contains("6"));
  }

  @Test
  void stackedRecurrentModulesKeepTheirLayersAndBiases() {
    FrameworkCode two = pytorch("[10, 16]", "{type: LSTM, name: lstm, input_size: 16,"
        + " hidden_size: 32, num_layers: 2, bidirectional: true}");
    assertThat(torchCode(two)).contains("nn.LSTM(16, 32, num_layers=2, batch_first=True,"
        + " bidirectional=True)");
    // layer 1: 4·32·(16 + 32) + 2·4·32 per direction; layer 2 reads 64 features
    long first = 2 * (4 * 32 * (16 + 32) + 2 * 4 * 32);
    long second = 2 * (4 * 32 * (64 + 32) + 2 * 4 * 32);
    assertThat(two.pytorch().orElseThrow().params()).isEqualTo(first + second);
    assertThat(two.keras()).isEmpty();
    assertThat(two.notes()).extracting(CodeNote::key).contains("none.recurrentStack");
    // one layer: Keras' LSTM, which counts one bias vector per gate instead of two
    FrameworkCode one = pytorch("[10, 16]",
        "{type: LSTM, name: lstm, input_size: 16, hidden_size: 32}");
    assertThat(one.keras().orElseThrow().params()).isEqualTo(4 * 32 * (16 + 32) + 4 * 32);
    assertThat(one.pytorch().orElseThrow().params()).isEqualTo(4 * 32 * (16 + 32) + 2 * 4 * 32);
  }

  @Test
  void layerNormOverSeveralTrailingAxes() {
    FrameworkCode code = pytorch("[8, 5, 5]",
        "{type: LayerNorm, name: ln, normalized_shape: [8, 5, 5]}");
    assertThat(torchCode(code)).contains("self.ln = nn.LayerNorm((8, 5, 5))");
    assertThat(code.pytorch().orElseThrow().params()).isEqualTo(2 * 8 * 5 * 5);
    assertThat(code.keras()).isEmpty();
  }

  @Test
  void connectionTablesAndRbfHaveNoCodeInEitherFramework() {
    FrameworkCode code = pytorch("[4, 8]", "{type: RBF, name: out, units: 3}");
    assertThat(code.keras()).isEmpty();
    assertThat(code.pytorch()).isEmpty();
    assertThat(code.notes()).extracting(CodeNote::key).containsOnly("none.rbf");
  }
}
