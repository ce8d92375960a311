package io.layerwise.exercise;

import io.layerwise.diagnostic.ExerciseException;
import static org.assertj.core.api.Assertions.assertThat;

import io.layerwise.model.Conv;
import io.layerwise.model.Exercise;
import io.layerwise.model.Framework;
import io.layerwise.model.LayerNode;
import io.layerwise.model.LayerType;
import io.layerwise.model.Pad;
import io.layerwise.model.Padding;
import io.layerwise.model.PaddingMode;
import io.layerwise.model.Pooling;
import io.layerwise.model.Shape;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ExerciseReaderTest {

  private static Exercise read(String layers) throws ExerciseException {
    return ExerciseReader.read("dir/my-net.yaml",
        "title: t\ninput: [32, 32, 3]\nlayers:\n" + layers).exercise();
  }

  @ParameterizedTest
  @ValueSource(strings = {"MaxPooling2D", "maxpooling2d", "max_pooling2d", "MAXPOOLING2D",
      "MaxPool2D"})
  void typeNamesIgnoreCaseAndUnderscoresAndKnowKerasAliases(String name)
      throws ExerciseException {
    Exercise e = read("  - {type: " + name + "}\n");
    assertThat(e.network().layers().get(0).layer().type()).isEqualTo(LayerType.MAX_POOLING2D);
  }

  @Test
  void automaticNamesFollowKerasAndAvoidExplicitOnes() throws ExerciseException {
    Exercise e = read("""
          - {type: Conv2D, filters: 4, kernel_size: 3}
          - {type: Conv2D, name: conv2d_1, filters: 4, kernel_size: 3}
          - {type: Conv2D, filters: 4, kernel_size: 3}
          - {type: MaxPooling2D}
          - {type: Flatten}
          - {type: Dense, units: 3}
          - {type: Dense, units: 2}
        """);
    assertThat(e.network().layers().stream().map(LayerNode::name).toList()).containsExactly(
        "conv2d", "conv2d_1", "conv2d_2", "max_pooling2d", "flatten", "dense", "dense_1");
  }

  @Test
  void layersTakeThePreviousOutputUnlessInputsSaySo() throws ExerciseException {
    Exercise e = read("""
          - {type: Conv2D, name: a, filters: 4, kernel_size: 3, padding: same}
          - {type: Conv2D, name: b, filters: 4, kernel_size: 3, padding: same}
          - {type: Add, name: sum, inputs: [a, b]}
          - {type: Activation, activation: relu, inputs: a}
        """);
    List<LayerNode> layers = e.network().layers();
    assertThat(layers.get(0).inputs()).containsExactly("input");
    assertThat(layers.get(1).inputs()).containsExactly("a");
    assertThat(layers.get(2).inputs()).containsExactly("a", "b");
    assertThat(layers.get(3).inputs()).containsExactly("a");
  }

  @Test
  void defaultsFollowKeras() throws ExerciseException {
    Exercise e = read("""
          - {type: Conv2D, filters: 4, kernel_size: 3}
          - {type: MaxPooling2D, pool_size: 3}
        """);
    Conv conv = (Conv) e.network().layers().get(0).layer();
    assertThat(conv.window().strides()).containsExactly(1L, 1L);
    assertThat(conv.window().padding()).isEqualTo(Padding.VALID);
    assertThat(conv.useBias()).isTrue();
    assertThat(conv.groups()).isEqualTo(1);
    Pooling pool = (Pooling) e.network().layers().get(1).layer();
    assertThat(pool.window().strides()).as("strides default to pool_size").containsExactly(3L, 3L);
    assertThat(e.framework()).isEqualTo(Framework.KERAS);
    assertThat(e.id()).as("the file name").isEqualTo("my-net");
    assertThat(e.network().input()).isEqualTo(Shape.of(32, 32, 3));
  }

  @Test
  void paddingForms() throws ExerciseException {
    Exercise e = read("""
          - {type: Conv2D, filters: 4, kernel_size: 3, padding: SAME}
          - {type: Conv2D, filters: 4, kernel_size: 3, padding: 2}
          - {type: Conv2D, filters: 4, kernel_size: 3, padding: [1, 2]}
          - {type: Conv2D, filters: 4, kernel_size: 3, padding: [[0, 1], [2, 3]]}
        """);
    List<Padding> p = e.network().layers().stream()
        .map(n -> ((Conv) n.layer()).window().padding()).toList();
    assertThat(p.get(0)).isEqualTo(Padding.SAME);
    assertThat(p.get(1).pads()).containsExactly(Pad.symmetric(2), Pad.symmetric(2));
    assertThat(p.get(2).pads()).containsExactly(Pad.symmetric(1), Pad.symmetric(2));
    assertThat(p.get(3).pads()).containsExactly(new Pad(0, 1), new Pad(2, 3));
    assertThat(p.get(3).mode()).isEqualTo(PaddingMode.EXPLICIT);
  }

  @Test
  void kerasArgumentsThatChangeNoCountAreAccepted() throws ExerciseException {
    Exercise e = read("""
          - {type: Conv2D, filters: 4, kernel_size: 3, kernel_initializer: he_normal,
             kernel_regularizer: l2}
          - {type: BatchNormalization, momentum: 0.9, epsilon: 0.001}
          - {type: Dropout, rate: 0.5, seed: 1}
        """);
    assertThat(e.network().layers()).hasSize(3);
  }

  @Test
  void anchorsRepeatLayersAndMergeKeysFillInDefaults() throws ExerciseException {
    Exercise e = read("""
          - &block {type: Conv2D, filters: 4, kernel_size: 3, padding: same}
          - *block
          - {<<: *block, name: wide, filters: 8}
          - {<<: [{strides: 2}, *block], name: strided}
        """);
    List<LayerNode> layers = e.network().layers();
    assertThat(layers).extracting(LayerNode::name)
        .containsExactly("conv2d", "conv2d_1", "wide", "strided");
    assertThat(((Conv) layers.get(1).layer()).filters()).isEqualTo(4);
    assertThat(((Conv) layers.get(2).layer()).filters()).as("explicit keys win").isEqualTo(8);
    assertThat(((Conv) layers.get(3).layer()).window().strides())
        .as("earlier merged mappings win").containsExactly(2L, 2L);
  }

  @Test
  void readAllKeepsWhatReadAndNamesTheLayersThatDidNot() throws ExerciseException {
    ParsedExercise p = ExerciseReader.readAll("f.yaml", """
        title: t
        input: [8]
        layers:
          - {type: Dense, name: good, units: 4}
          - {type: Dense, name: bad, units: four}
          - {type: Dens, name: unknown, units: 4}
          - {type: Dense, name: after, units: 2}
        """);
    assertThat(p.problems()).hasSize(2);
    assertThat(p.analysable()).isTrue();
    assertThat(p.unread()).as("positions; a layer of no known kind keeps a placeholder")
        .containsExactlyInAnyOrder(1, 2);
    assertThat(p.exercise().network().layers()).extracting(LayerNode::name)
        .containsExactly("good", "bad", "unknown", "after");
    assertThat(p.sourceMap().locate(3, "units").line()).isEqualTo(7);
  }
}
