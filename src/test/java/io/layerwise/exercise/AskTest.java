package io.layerwise.exercise;

import static org.assertj.core.api.Assertions.assertThat;

import io.layerwise.Bundled;
import io.layerwise.model.Exercise;
import io.layerwise.model.LayerAsk;
import io.layerwise.model.Quantity;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class AskTest {

  private static Exercise read(String asks) {
    return Bundled.analyzeText("""
        title: t
        input: [8, 8, 3]
        ask: %s
        layers:
          - {type: Conv2D, name: conv, filters: 4, kernel_size: 3}
          - {type: BatchNormalization, name: bn}
          - {type: Conv2D, name: conv_2, filters: 4, kernel_size: 3}
          - {type: BatchNormalization, name: bn_2}
          - {type: Flatten}
          - {type: Dense, name: fc, units: 2}
        """.formatted(asks)).exercise();
  }

  @Test
  void aQuantityAloneIsAskedOfEveryLayer() {
    Exercise e = read("[params, total]");
    assertThat(e.ask()).containsExactly(Quantity.PARAMS, Quantity.TOTAL);
    assertThat(e.layerAsks()).isEmpty();
    assertThat(e.asks(Quantity.PARAMS, "fc")).isTrue();
    assertThat(e.asks(Quantity.TOTAL, "fc")).isFalse();
  }

  @Test
  void aKindSelectsItsLayersInNetworkOrder() {
    Exercise e = read("[total, {non_trainable_params: {type: batch_normalization}}]");
    assertThat(e.layerAsks()).containsExactly(new LayerAsk(Quantity.NON_TRAINABLE_PARAMS,
        List.of("bn", "bn_2"), Optional.of("batch_normalization")));
    assertThat(e.asks(Quantity.NON_TRAINABLE_PARAMS, "bn_2")).isTrue();
    assertThat(e.asks(Quantity.NON_TRAINABLE_PARAMS, "conv")).isFalse();
    assertThat(e.asksAnywhere(Quantity.NON_TRAINABLE_PARAMS)).isTrue();
    assertThat(e.asks(Quantity.NON_TRAINABLE_PARAMS)).isFalse();
  }

  @Test
  void namedLayersAreFoundInAnyCaseAndKeptInNetworkOrder() {
    Exercise e = read("[{receptive_field: [CONV_2, conv]}, {macs: fc}]");
    assertThat(e.ask()).isEmpty();
    assertThat(e.layerAsks()).containsExactly(
        new LayerAsk(Quantity.RECEPTIVE_FIELD, List.of("conv", "conv_2"), Optional.empty()),
        new LayerAsk(Quantity.MACS, List.of("fc"), Optional.empty()));
  }

  @Test
  void memoryIsAskedOfLayersAndOfTheNetworkWithATrainingSection() {
    Exercise e = Bundled.analyzeText("""
        title: t
        input: [8, 8, 3]
        training: {batch: 2, optimizer: sgd}
        ask: [params, total_bytes, {activation_bytes: [fc]}, memory]
        layers:
          - {type: Conv2D, name: conv, filters: 4, kernel_size: 3}
          - {type: Flatten}
          - {type: Dense, name: fc, units: 2}
        """).exercise();
    assertThat(e.ask()).containsExactly(Quantity.PARAMS, Quantity.TOTAL_BYTES, Quantity.MEMORY);
    assertThat(e.asks(Quantity.TOTAL_BYTES, "conv")).isTrue();
    assertThat(e.asks(Quantity.ACTIVATION_BYTES, "fc")).isTrue();
    assertThat(e.asks(Quantity.ACTIVATION_BYTES, "conv")).isFalse();
    assertThat(e.asks(Quantity.MEMORY, "fc")).as("the network's, not a layer's").isFalse();
    assertThat(e.asks(Quantity.MEMORY)).isTrue();
  }
}
