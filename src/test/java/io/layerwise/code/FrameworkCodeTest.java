package io.layerwise.code;

import io.layerwise.Layerwise;
import io.layerwise.Bundled;
import io.layerwise.diagnostic.ExerciseException;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.layerwise.engine.Analysis;
import io.layerwise.model.Framework;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class FrameworkCodeTest {

  @TempDir Path dir;

  static Stream<Path> bundled() {
    return Bundled.files().stream();
  }

  private static Analysis analyze(Path file) throws ExerciseException {
    Analysis a = Layerwise.explain(file);
    TargetCounts.verify(a);
    return a;
  }

  /** Each program of a bundled exercise, written to the temp dir. */
  private List<Path> write(Analysis a, FrameworkCode code) throws IOException {
    List<Path> files = new ArrayList<>();
    for (Framework f : Framework.values()) {
      if (code.program(f).isPresent()) {
        Path file = dir.resolve(a.exercise().id().replace('-', '_') + "_" + f.id() + ".py");
        Files.writeString(file, code.program(f).get().source());
        files.add(file);
      }
    }
    return files;
  }

  @ParameterizedTest
  @MethodSource("bundled")
  @Tag("python")
  void everyBundledProgramCompilesAsPython(Path file) throws Exception {
    PythonRunner.requirePython();
    Analysis a = analyze(file);
    List<Path> files = write(a, FrameworkCode.of(a));
    assumeTrue(!files.isEmpty(), "neither framework can build this network");
    List<String> args = new ArrayList<>(List.of("-m", "py_compile"));
    files.forEach(f -> args.add(f.toString()));
    PythonRunner.Result r = PythonRunner.run(dir, args.toArray(String[]::new));
    assertThat(r.exit()).as(r.output()).isZero();
  }

  /** A missing program is never silent, and the exercise's own program prints its totals. */
  @ParameterizedTest
  @MethodSource("bundled")
  void everyBundledExerciseHasBothProgramsOrSaysWhy(Path file) throws Exception {
    Analysis a = analyze(file);
    FrameworkCode code = FrameworkCode.of(a);
    for (Framework f : Framework.values()) {
      boolean said = code.notes(CodeNote.Kind.NO_EQUIVALENT).stream()
          .anyMatch(n -> n.framework() == f);
      assertThat(code.program(f).isPresent()).as(f + " " + code.notes()).isNotEqualTo(said);
    }
    code.program(a.exercise().framework()).ifPresent(p -> {
      assertThat(p.params()).isEqualTo(a.totals().params());
      assertThat(p.trainable()).isEqualTo(a.totals().trainable());
    });
    for (CodeNote n : code.notes()) {
      assertThat(n.text(Locale.ENGLISH)).doesNotContain("{").startsWith("‘" + n.layer() + "’");
    }
  }

  @Test
  void bundledExercisesWithAnEquivalentGetBoth() throws Exception {
    for (Path file : Bundled.files()) {
      FrameworkCode code = FrameworkCode.of(analyze(file));
      // trainable subsampling and LeNet-5's RBF output have no layer in either framework
      String name = file.getFileName().toString();
      boolean subsampling = name.contains("subsampling") || name.equals("lenet5-1998.yaml");
      assertThat(code.keras().isPresent()).as(file.toString()).isNotEqualTo(subsampling);
      assertThat(code.pytorch().isPresent()).as(file.toString()).isNotEqualTo(subsampling);
    }
  }

  @Test
  void courseExampleInKeras() {
    FrameworkCode code = FrameworkCode.of(Bundled.analyze("course-example"));
    assertThat(Given.kerasCode(code)).isEqualTo("""
        import keras
        from keras import layers

        model = keras.Sequential([
            keras.Input(shape=(32, 32, 3), name='input'),
            layers.Conv2D(8, 5, name='conv1', activation='relu'),
            layers.MaxPooling2D(2, name='pool1'),
            layers.Conv2D(16, 5, name='conv2', activation='relu'),
            layers.MaxPooling2D(2, name='pool2'),
            layers.Flatten(name='flatten'),
            layers.Dense(120, name='fc3', activation='relu'),
            layers.Dense(84, name='fc4', activation='relu'),
            layers.Dense(10, name='softmax', activation='softmax'),
        ])
        model.summary()
        """);
    assertThat(code.keras().orElseThrow().params()).isEqualTo(62_958);
    assertThat(code.notes()).isEmpty();
  }

  @Test
  void courseExampleInPytorch() {
    FrameworkCode code = FrameworkCode.of(Bundled.analyze("course-example"));
    assertThat(Given.torchCode(code)).isEqualTo("""
        import torch
        from torch import nn


        class CourseExample(nn.Module):
            def __init__(self):
                super().__init__()
                self.conv1 = nn.Conv2d(3, 8, kernel_size=5)
                self.pool1 = nn.MaxPool2d(2)
                self.conv2 = nn.Conv2d(8, 16, kernel_size=5)
                self.pool2 = nn.MaxPool2d(2)
                self.flatten = nn.Flatten()
                self.fc3 = nn.Linear(400, 120)
                self.fc4 = nn.Linear(120, 84)
                self.softmax = nn.Linear(84, 10)

            def forward(self, x):
                x = torch.relu(self.conv1(x))
                x = self.pool1(x)
                x = torch.relu(self.conv2(x))
                x = self.pool2(x)
                x = self.flatten(x)
                x = torch.relu(self.fc3(x))
                x = torch.relu(self.fc4(x))
                x = torch.softmax(self.softmax(x), dim=-1)
                return x


        model = CourseExample().eval()
        print(model(torch.zeros(1, 3, 32, 32)).shape)
        print(sum(p.numel() for p in model.parameters()), \
        sum(p.numel() for p in model.parameters() if p.requires_grad))
        """.replace("\\\n", ""));
    assertThat(code.pytorch().orElseThrow().params()).isEqualTo(62_958);
  }

  @Test
  void otherFrameworksCountsComeFromTheEngine() {
    FrameworkCode resnet = FrameworkCode.of(Bundled.analyze("zoo/resnet50-torchvision"));
    assertThat(resnet.pytorch().orElseThrow().params()).isEqualTo(25_557_032);
    // Keras counts the 53 BatchNorm layers' moving statistics: 2·26,560 more.
    assertThat(resnet.keras().orElseThrow().params()).isEqualTo(25_557_032 + 53_120);
    assertThat(resnet.keras().orElseThrow().nonTrainable()).isEqualTo(53_120);
    FrameworkCode mobilenet = FrameworkCode.of(Bundled.analyze("zoo/mobilenetv2"));
    assertThat(mobilenet.keras().orElseThrow().params()).isEqualTo(3_538_984);
    assertThat(mobilenet.pytorch().orElseThrow().params()).isEqualTo(3_538_984 - 34_112);
  }

  @Test
  void missingProgramsAreNamedInTheNotes() {
    FrameworkCode code = FrameworkCode.of(Bundled.analyze("two-class-cnn-subsampling"));
    assertThat(code.keras()).isEmpty();
    assertThat(code.pytorch()).isEmpty();
    assertThat(code.notes()).extracting(CodeNote::framework, CodeNote::layer, CodeNote::key)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(Framework.KERAS, "subsample", "none.subsampling"),
            org.assertj.core.groups.Tuple.tuple(Framework.PYTORCH, "subsample",
                "none.subsampling"));
    assertThat(code.notes().get(1).text()).contains("PyTorch has no layer for LeNet-5’s");
  }

  /**
   * Each bundled PyTorch program runs on a shape-only stand-in for PyTorch (test resources) that
   * checks every module's input as PyTorch does and counts parameters by PyTorch's shapes: it
   * prints the engine's counts and an output of the last layer's size.
   */
  @Test
  @Tag("python")
  void pytorchProgramsRunOnAShapeOnlyStandIn() throws Exception {
    PythonRunner.requirePython();
    List<String> files = new ArrayList<>();
    java.util.Map<String, Program> programs = new java.util.HashMap<>();
    java.util.Map<String, Long> sizes = new java.util.HashMap<>();
    for (Path file : Bundled.files()) {
      Analysis a = analyze(file);
      FrameworkCode code = FrameworkCode.of(a);
      if (code.pytorch().isPresent()) {
        String name = a.exercise().id().replace('-', '_') + ".py";
        Files.writeString(dir.resolve(name), code.pytorch().get().source());
        files.add(name);
        programs.put(name, code.pytorch().get());
        sizes.put(name, a.layers().get(a.layers().size() - 1).activations());
      }
    }
    java.util.Map<String, String> out = PythonRunner.runOnFakeTorch(dir, files);
    for (String f : files) {
      assertThat(out.get(f)).as(f).isEqualTo(StandIn.expected(programs.get(f), sizes.get(f),
          out.get(f)));
    }
  }

  private static final Pattern COUNTS = Pattern.compile("(?m)^(\\d+) (\\d+)\\s*\\z");

  /** The bundled exercises PyTorch can build (LeNet-5's trainable subsampling it cannot). */
  static Stream<Path> bundledWithPytorchCode() throws ExerciseException {
    List<Path> files = new ArrayList<>();
    for (Path file : Bundled.files()) {
      if (FrameworkCode.of(analyze(file)).pytorch().isPresent()) {
        files.add(file);
      }
    }
    return files.stream();
  }

  /** Each generated program runs on real PyTorch and prints the engine's PyTorch counts. */
  @ParameterizedTest
  @MethodSource("bundledWithPytorchCode")
  @Tag("python")
  void pytorchProgramsPrintTheEngineCounts(Path file) throws Exception {
    PythonRunner.requireTorch();
    Analysis a = analyze(file);
    FrameworkCode code = FrameworkCode.of(a);
    Path py = dir.resolve("model.py");
    Files.writeString(py, code.pytorch().get().source());
    PythonRunner.Result r = PythonRunner.run(dir, py.toString());
    assertThat(r.exit()).as(r.output()).isZero();
    Matcher m = COUNTS.matcher(r.output());
    assertThat(m.find()).as(r.output()).isTrue();
    assertThat(Long.parseLong(m.group(1))).isEqualTo(code.pytorch().get().params());
    assertThat(Long.parseLong(m.group(2))).isEqualTo(code.pytorch().get().trainable());
  }

  private static final Pattern KERAS_TOTAL = Pattern.compile("Total params: ([\\d,]+)");
  private static final Pattern KERAS_TRAINABLE = Pattern.compile("(?m)^\\s*Trainable params: ([\\d,]+)");

  /** With Keras installed, each generated program's summary shows the engine's Keras counts. */
  @ParameterizedTest
  @MethodSource("bundled")
  @Tag("python")
  void kerasProgramsPrintTheEngineCounts(Path file) throws Exception {
    // no TensorFlow (so no Keras) exists for Debian's Python: these run where Keras is installed
    assumeTrue(PythonRunner.hasModule("keras"), "Keras is not installed");
    Analysis a = analyze(file);
    FrameworkCode code = FrameworkCode.of(a);
    assumeTrue(code.keras().isPresent());
    Path py = dir.resolve("model.py");
    Files.writeString(py, code.keras().get().source());
    PythonRunner.Result r = PythonRunner.run(dir, py.toString());
    assertThat(r.exit()).as(r.output()).isZero();
    Matcher total = KERAS_TOTAL.matcher(r.output());
    Matcher trainable = KERAS_TRAINABLE.matcher(r.output());
    assertThat(total.find() && trainable.find()).as(r.output()).isTrue();
    assertThat(Long.parseLong(total.group(1).replace(",", "")))
        .isEqualTo(code.keras().get().params());
    assertThat(Long.parseLong(trainable.group(1).replace(",", "")))
        .isEqualTo(code.keras().get().trainable());
  }
}
