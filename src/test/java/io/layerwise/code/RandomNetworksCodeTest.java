package io.layerwise.code;

import io.layerwise.Layerwise;
import io.layerwise.diagnostic.ExerciseException;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import io.layerwise.engine.Analysis;
import io.layerwise.model.Framework;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Random chains of window layers in both frameworks: the other framework's engine analysis of
 * every translated layer must find the exercise's shapes and the counts the analysis gave for
 * that framework ({@link TargetCounts}), every program
 * must compile, and every PyTorch program must run on the shape-only stand-in with the engine's
 * counts.
 */
class RandomNetworksCodeTest {

  @TempDir Path dir;

  private final Random rnd = new Random(20260101);

  private int between(int lo, int hi) {
    return lo + rnd.nextInt(hi - lo + 1);
  }

  private String padding(boolean pytorch, boolean transposed) {
    return switch (rnd.nextInt(transposed ? 3 : 4)) {
      case 0 -> "valid";
      case 1 -> pytorch ? "valid" : "same";
      case 2 -> Integer.toString(between(0, 2));
      default -> "[[" + between(0, 2) + ", " + between(0, 2) + "], [" + between(0, 2) + ", "
          + between(0, 2) + "]]";
    };
  }

  private String layer(boolean pytorch, int i) {
    String name = "l" + i;
    int k = between(1, 4);
    int s = between(1, 3);
    return switch (rnd.nextInt(10)) {
      case 0, 1 -> "{type: Conv2D, name: " + name + ", filters: " + between(1, 6)
          + ", kernel_size: " + k + ", strides: " + s + ", padding: " + padding(pytorch, false)
          + (rnd.nextInt(4) == 0 ? ", dilation_rate: 2" : "") + "}";
      case 2 -> "{type: Conv2DTranspose, name: " + name + ", filters: " + between(1, 4)
          + ", kernel_size: " + k + ", strides: " + s + ", padding: " + padding(pytorch, true)
          + (rnd.nextBoolean() ? ", output_padding: " + between(0, s - 1) : "") + "}";
      case 3 -> "{type: DepthwiseConv2D, name: " + name + ", kernel_size: " + k + ", strides: "
          + s + ", padding: " + padding(pytorch, false) + "}";
      case 4 -> "{type: SeparableConv2D, name: " + name + ", filters: 3, kernel_size: " + k
          + ", padding: " + padding(pytorch, false) + "}";
      case 5, 6 -> "{type: " + (rnd.nextBoolean() ? "MaxPooling2D" : "AveragePooling2D")
          + ", name: " + name + ", pool_size: " + k + ", strides: " + s + ", padding: "
          + (pytorch ? Integer.toString(between(0, k / 2)) : padding(false, false)) + "}";
      case 7 -> "{type: BatchNormalization, name: " + name + "}";
      case 8 -> "{type: Activation, name: " + name + ", activation: "
          + (rnd.nextBoolean() ? "relu" : "softmax") + "}";
      default -> "{type: ZeroPadding2D, name: " + name + ", padding: [[0, 1], [2, 0]]}";
    };
  }

  private Optional<Analysis> network(int n) {
    boolean pytorch = rnd.nextBoolean();
    int h = between(6, 20);
    int w = between(6, 20);
    int c = between(1, 4);
    StringBuilder yaml = new StringBuilder("title: random\nid: random" + n + "\nframework: "
        + (pytorch ? "pytorch" : "keras") + "\ninput: "
        + (pytorch ? "[" + c + ", " + h + ", " + w + "]" : "[" + h + ", " + w + ", " + c + "]")
        + "\nlayers:\n");
    int layers = between(1, 5);
    for (int i = 0; i < layers; i++) {
      yaml.append("  - ").append(layer(pytorch, i)).append('\n');
    }
    if (rnd.nextBoolean()) {
      yaml.append("  - {type: Dense, name: head, units: 3, activation: softmax}\n");
    }
    try {
      return Optional.of(Layerwise.explain("random.yaml", yaml.toString()));
    } catch (ExerciseException e) {
      return Optional.empty();
    }
  }

  /** Without Python: the counts the analysis gives for the other framework, cross-checked. */
  @Test
  void translatedLayersKeepTheirShapesAndTheAnalysisCounts() {
    int analysed = 0;
    for (int n = 0; analysed < 400 && n < 4000; n++) {
      Optional<Analysis> a = network(n);
      if (a.isPresent()) {
        analysed++;
        TargetCounts.verify(a.get());
      }
    }
    assertThat(analysed).isEqualTo(400);
  }

  @Test
  @Tag("python")
  void translatedLayersKeepTheirShapesAndCompile() throws Exception {
    List<String> files = new ArrayList<>();
    java.util.Map<String, Program> torch = new java.util.HashMap<>();
    java.util.Map<String, Long> sizes = new java.util.HashMap<>();
    int analysed = 0;
    for (int n = 0; analysed < 400 && n < 4000; n++) {
      Optional<Analysis> a = network(n);
      if (a.isEmpty()) {
        continue;
      }
      analysed++;
      FrameworkCode[] code = new FrameworkCode[1];
      assertThatCode(() -> code[0] = FrameworkCode.of(a.get()))
          .as(a.get().exercise().network().toString()).doesNotThrowAnyException();
      Framework own = a.get().exercise().framework();
      code[0].program(own).ifPresent(p ->
          assertThat(p.params()).isEqualTo(a.get().totals().params()));
      for (Framework f : Framework.values()) {
        if (code[0].program(f).isPresent()) {
          String file = "r" + n + "_" + f.id() + ".py";
          Files.writeString(dir.resolve(file), code[0].program(f).get().source());
          files.add(file);
          if (f == Framework.PYTORCH) {
            torch.put(file, code[0].program(f).get());
            sizes.put(file, a.get().layers().get(a.get().layers().size() - 1).activations());
          }
        }
      }
    }
    assertThat(analysed).isEqualTo(400);
    PythonRunner.requirePython();
    List<String> args = new ArrayList<>(List.of("-m", "py_compile"));
    args.addAll(files);
    PythonRunner.Result r = PythonRunner.run(dir, args.toArray(String[]::new));
    assertThat(r.exit()).as(r.output()).isZero();
    java.util.Map<String, String> out = PythonRunner.runOnFakeTorch(dir, List.copyOf(torch.keySet()));
    assertThat(torch).hasSizeGreaterThan(300);
    torch.forEach((file, program) -> assertThat(out.get(file)).as(file)
        .isEqualTo(StandIn.expected(program, sizes.get(file), out.get(file))));
  }
}
