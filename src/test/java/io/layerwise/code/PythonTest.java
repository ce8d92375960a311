package io.layerwise.code;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PythonTest {

  @TempDir Path dir;

  @ParameterizedTest
  @CsvSource({
      "block1-conv, block1_conv",
      "1st, layer_1st",
      "class, class_",
      "forward, forward_",
      "training, training_",
      "x, x_",
      "torch, torch_",
      "_hidden, layer__hidden",
      "dense 1, dense_1",
      "über, layer__ber",
      "conv1, conv1"
  })
  void identifiersAreSanitised(String name, String identifier) {
    assertThat(Python.identifier(name)).isEqualTo(identifier);
  }

  @Test
  void namesStayUnique() {
    Python.Names ids = new Python.Names(true, List.of("Net"));
    assertThat(List.of(ids.take("a-b"), ids.take("a_b"), ids.take("a b"), ids.take("Net")))
        .containsExactly("a_b", "a_b_1", "a_b_2", "Net_1");
    Python.Names keras = new Python.Names(false, List.of("conv1_pad"));
    assertThat(keras.take("conv1_pad")).isEqualTo("conv1_pad_1");
  }

  @Test
  void literals() {
    assertThat(Python.str("it's a \\ \"test\"\n")).isEqualTo("'it\\'s a \\\\ \"test\"\\x0a'");
    assertThat(Python.tuple(List.of(200L))).isEqualTo("(200,)");
    assertThat(Python.intOrTuple(List.of(3L, 3L))).isEqualTo("3");
    assertThat(Python.intOrTuple(List.of(3L, 5L))).isEqualTo("(3, 5)");
    assertThat(TorchProgram.className("course-example")).isEqualTo("CourseExample");
    assertThat(TorchProgram.className("2nd try")).isEqualTo("Net2ndTry");
    assertThat(TorchProgram.className("none")).isEqualTo("NoneNet");
  }

  /** Layer names that are no Python identifiers still give programs that compile. */
  @Test
  @Tag("python")
  void oddLayerNamesCompile() throws Exception {
    FrameworkCode code = Given.keras("[8, 8, 3]",
        "{type: Conv2D, name: block1-conv, filters: 4, kernel_size: 3}",
        "{type: Conv2D, name: 1st, inputs: [input], filters: 4, kernel_size: 3}",
        "{type: Add, name: class, inputs: [block1-conv, 1st]}",
        "{type: Flatten, name: \"it's \\\"odd\\\"\"}",
        "{type: Dense, name: forward, units: 2}",
        "{type: Dense, name: x, units: 2}",
        "{type: Dense, name: torch, units: 2}");
    String torch = Given.torchCode(code);
    assertThat(torch).contains("self.block1_conv = nn.Conv2d(3, 4, kernel_size=3)")
        .contains("class_ = block1_conv + layer_1st")
        .contains("self.forward_ = nn.Linear(")
        .contains("torch_ = self.torch_(x_)");
    String keras = Given.kerasCode(code);
    assertThat(keras).contains("layers.Flatten(name='it\\'s \"odd\"')(class_)")
        .contains("layer_1st = layers.Conv2D(4, 3, name='1st')(inputs)");
    PythonRunner.requirePython();
    Files.writeString(dir.resolve("t.py"), torch);
    Files.writeString(dir.resolve("k.py"), keras);
    PythonRunner.Result r = PythonRunner.run(dir, "-m", "py_compile", "t.py", "k.py");
    assertThat(r.exit()).as(r.output()).isZero();
  }
}
