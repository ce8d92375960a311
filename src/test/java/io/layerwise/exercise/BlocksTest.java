package io.layerwise.exercise;

import io.layerwise.diagnostic.ExerciseException;
import static org.assertj.core.api.Assertions.assertThat;

import io.layerwise.model.Conv;
import io.layerwise.model.LayerNode;
import io.layerwise.model.Network;
import java.util.List;
import org.junit.jupiter.api.Test;

class BlocksTest {

  private static Network read(String text) throws ExerciseException {
    return ExerciseReader.read("blocks.yaml", text).exercise().network();
  }

  private static List<String> names(Network n) {
    return n.layers().stream().map(LayerNode::name).toList();
  }

  private static LayerNode layer(Network n, String name) {
    return n.layers().stream().filter(l -> l.name().equals(name)).findFirst().orElseThrow();
  }

  @Test
  void instancesPrefixTheirLayersAndResolveInputsWithinThemselves() throws ExerciseException {
    Network n = read("""
        title: t
        input: [8, 8, 4]
        blocks:
          residual:
            params: [filters]
            layers:
              - {type: Conv2D, name: conv1, filters: $filters, kernel_size: 3, padding: same}
              - {type: Conv2D, name: conv2, filters: $filters, kernel_size: 3, padding: same}
              - {type: Add, name: add, inputs: [$input, conv2]}
        layers:
          - {type: Conv2D, name: stem, filters: 4, kernel_size: 1}
          - {use: residual, name: stage1_block1, filters: 4}
          - {use: residual, name: stage1_block2, filters: 4}
        """);
    assertThat(names(n)).containsExactly("stem", "stage1_block1_conv1", "stage1_block1_conv2",
        "stage1_block1_add", "stage1_block2_conv1", "stage1_block2_conv2", "stage1_block2_add");
    assertThat(layer(n, "stage1_block1_add").inputs())
        .containsExactly("stem", "stage1_block1_conv2");
    assertThat(layer(n, "stage1_block2_add").inputs())
        .containsExactly("stage1_block1_add", "stage1_block2_conv2");
    assertThat(layer(n, "stage1_block2_conv1").inputs()).containsExactly("stage1_block1_add");
  }

  @Test
  void aWholeScalarKeepsTheValuesTypeAndInterpolationMakesText() throws ExerciseException {
    Network n = read("""
        title: t
        input: [16, 16, 3]
        blocks:
          conv:
            params: {kernel: [3, 5], tag: ~, act: relu}
            layers:
              - {type: Conv2D, name: "c_${tag}", filters: 2, kernel_size: $kernel, activation: $act}
        layers:
          - {use: conv, name: a, tag: 1}
          - {use: conv, name: b, tag: x, kernel: 1, act: tanh}
        """);
    assertThat(names(n)).containsExactly("a_c_1", "b_c_x");
    Conv a = (Conv) n.layers().get(0).layer();
    Conv b = (Conv) n.layers().get(1).layer();
    assertThat(a.window().kernel()).containsExactly(3L, 5L);
    assertThat(a.activation()).contains("relu");
    assertThat(b.window().kernel()).containsExactly(1L, 1L);
    assertThat(b.activation()).contains("tanh");
  }

  @Test
  void instanceInputsFeedTheFirstLayerAndDollarInput() throws ExerciseException {
    Network n = read("""
        title: t
        input: [8]
        blocks:
          head:
            layers:
              - {type: Dense, name: fc, units: 4}
              - {type: Concatenate, name: cat, inputs: [$input, fc]}
        layers:
          - {type: Dense, name: a, units: 3}
          - {type: Dense, name: b, units: 5}
          - {use: head, name: h, inputs: [a]}
        """);
    assertThat(layer(n, "h_fc").inputs()).containsExactly("a");
    assertThat(layer(n, "h_cat").inputs()).containsExactly("a", "h_fc");
  }

  @Test
  void blocksNestAndUnnamedLayersAreNamedAfterTheirType() throws ExerciseException {
    Network n = read("""
        title: t
        input: [8, 8, 3]
        blocks:
          unit:
            params: [f]
            layers:
              - {type: Conv2D, filters: $f, kernel_size: 1}
              - {type: Conv2D, filters: $f, kernel_size: 1}
              - {type: Activation, activation: relu}
          stage:
            params: [f]
            layers:
              - {use: unit, name: block1, f: $f}
              - {use: unit, name: block2, f: $f}
              - {type: Add, name: sum, inputs: [block1_activation, block2_activation]}
        layers:
          - {use: stage, name: stage3, f: 6}
        """);
    assertThat(names(n)).containsExactly("stage3_block1_conv2d", "stage3_block1_conv2d_1",
        "stage3_block1_activation", "stage3_block2_conv2d", "stage3_block2_conv2d_1",
        "stage3_block2_activation", "stage3_sum");
    assertThat(layer(n, "stage3_sum").inputs())
        .containsExactly("stage3_block1_activation", "stage3_block2_activation");
    assertThat(((Conv) layer(n, "stage3_block2_conv2d").layer()).filters()).isEqualTo(6);
  }

  @Test
  void namesOutsideTheBlockReferToTheNetwork() throws ExerciseException {
    Network n = read("""
        title: t
        input: [8]
        blocks:
          skip:
            layers:
              - {type: Dense, name: fc, units: 8}
              - {type: Add, name: add, inputs: [fc, first]}
        layers:
          - {type: Dense, name: first, units: 8}
          - {use: skip, name: s}
        """);
    assertThat(layer(n, "s_add").inputs()).containsExactly("s_fc", "first");
  }

  @Test
  void expandedLayersKeepTheLinesOfTheirDefinition() {
    ExerciseException e = org.assertj.core.api.Assertions.catchThrowableOfType(
        ExerciseException.class, () -> read("""
            title: t
            input: [8, 8, 3]
            blocks:
              b:
                params: [k]
                layers:
                  - {type: Conv2D, name: conv, filters: 2, kernel_size: $k}
            layers:
              - {use: b, name: one, k: 3}
              - {use: b, name: two, k: three}
            """));
    assertThat(e.diagnostics()).hasSize(1);
    assertThat(e.diagnostics().get(0).location().line()).isEqualTo(10);
    assertThat(e.diagnostics().get(0).message())
        .isEqualTo("kernel_size must be a positive integer, not the text 'three' in layer"
            + " 'two_conv' (Conv2D)");
  }
}
