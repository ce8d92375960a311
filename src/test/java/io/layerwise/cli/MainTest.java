package io.layerwise.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MainTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  /** What a run printed and returned. */
  private record Run(int code, String out, String err) {
    JsonNode json() throws IOException {
      return JSON.readTree(out);
    }
  }

  private static Run run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = Main.run(args, new PrintWriter(out), new PrintWriter(err));
    return new Run(code, out.toString(), err.toString());
  }

  private static List<String> fieldNames(JsonNode node) {
    List<String> names = new ArrayList<>();
    node.fieldNames().forEachRemaining(names::add);
    return names;
  }

  @Test
  void explainPrintsSummaryTableTotalsAndDerivations() {
    Run r = run("explain", "exercises/course-example.yaml");
    assertThat(r.code()).isZero();
    assertThat(r.err()).isEmpty();
    assertThat(r.out())
        .contains("conv1 (Conv2D)         (None, 28, 28, 8)        608")
        .contains("Total params: 62,958")
        .contains("Non-trainable params: 0")
        .contains("weights = K_h·K_w·C_in·F = 5·5·3·8 = 600")
        .contains("H_out = ⌊(H_in + 2P − K)/S⌋ + 1 = ⌊(32 + 2·0 − 5)/1⌋ + 1 = 28");
  }

  @Test
  void jsonFollowsTheContract() throws IOException {
    Run r = run("explain", "--format", "json", "exercises/two-class-cnn.yaml");
    assertThat(r.code()).isZero();
    JsonNode root = r.json();
    assertThat(fieldNames(root))
        .contains("title", "framework", "input_shape", "layers", "total");
    assertThat(root.get("framework").asText()).isEqualTo("keras");
    assertThat(root.get("input_shape").toString()).isEqualTo("[100,100,1]");
    JsonNode total = root.get("total");
    assertThat(fieldNames(total)).containsExactly(
        "params", "trainable_params", "non_trainable_params", "macs", "activations");
    assertThat(total.get("params").asLong()).isEqualTo(50_828_751);

    JsonNode conv1 = root.get("layers").get(0);
    assertThat(fieldNames(conv1)).containsExactly("name", "type", "inputs", "output_shape",
        "activations", "weights", "biases", "params", "trainable_params",
        "non_trainable_params", "macs", "receptive_field", "effective_stride", "derivations");
    assertThat(conv1.get("name").asText()).isEqualTo("conv1");
    assertThat(conv1.get("type").asText()).isEqualTo("Conv2D");
    assertThat(conv1.get("inputs").toString()).isEqualTo("[\"input\"]");
    assertThat(conv1.get("output_shape").toString()).isEqualTo("[94,94,60]");
    assertThat(conv1.get("params").asLong()).isEqualTo(3_000);
    assertThat(conv1.get("receptive_field").toString()).isEqualTo("[7,7]");
    JsonNode first = conv1.get("derivations").get(0);
    assertThat(fieldNames(first))
        .contains("quantity", "formula", "substituted", "result", "latex");
    assertThat(first.get("quantity").asText()).isEqualTo("output_shape[0]");
    assertThat(first.get("formula").asText()).isEqualTo("H_out = ⌊(H_in + 2P − K)/S⌋ + 1");
    assertThat(first.get("substituted").asText()).isEqualTo("⌊(100 + 2·0 − 7)/1⌋ + 1");
    assertThat(first.get("result").asLong()).isEqualTo(94);

    JsonNode flatten = root.get("layers").get(3);
    assertThat(flatten.get("receptive_field").isNull()).isTrue();
    assertThat(flatten.get("effective_stride").isNull()).isTrue();
  }

  @Test
  void jsonHasMemoryOnlyWithATrainingSection() throws IOException {
    assertThat(fieldNames(run("explain", "--format", "json", "exercises/two-class-cnn.yaml")
        .json())).doesNotContain("memory");
    Run r = run("explain", "--format", "json", "exercises/vgg16.yaml");
    assertThat(r.code()).isZero();
    JsonNode root = r.json();
    assertThat(fieldNames(root)).endsWith("total", "memory");
    JsonNode memory = root.get("memory");
    assertThat(memory.get("batch").asLong()).isEqualTo(1);
    assertThat(memory.get("dtype").asText()).isEqualTo("float32");
    assertThat(memory.get("optimizer").asText()).isEqualTo("none");
    JsonNode total = memory.get("total");
    assertThat(total.get("output_values").asLong()).isEqualTo(15_112_168L);
    assertThat(total.get("view_values").asLong()).isEqualTo(25_088L);
    assertThat(total.get("stored_activations").asLong()).isEqualTo(15_087_080L);
    assertThat(total.get("input_bytes").asLong()).isEqualTo(150_528L * 4);
    assertThat(total.get("param_bytes").asLong()).isEqualTo(553_430_176L);
    assertThat(total.get("param_mb").decimalValue()).isEqualByComparingTo("553.430176");
    assertThat(total.get("param_mib").decimalValue()).isEqualByComparingTo("527.7921448");
    assertThat(total.get("total_bytes").asLong())
        .isEqualTo(150_528L * 4 + 15_087_080L * 4 + 553_430_176L);
    assertThat(total.get("forward_flops").asLong()).isEqualTo(2 * 15_470_264_320L);
    JsonNode flatten = memory.get("layers").get(18);
    assertThat(flatten.get("name").asText()).isEqualTo("flatten");
    assertThat(flatten.get("view").asBoolean()).isTrue();
    assertThat(flatten.get("activation_bytes").asLong()).isZero();
    JsonNode conv = memory.get("layers").get(0).get("derivations").get(0);
    assertThat(conv.get("quantity").asText()).isEqualTo("activation_bytes");
    assertThat(conv.get("formula").asText()).isEqualTo("M_act = N·H_out·W_out·C_out·b");
    assertThat(conv.get("substituted").asText()).isEqualTo("1·224·224·64·4");
    assertThat(conv.get("result").asLong()).isEqualTo(224L * 224 * 64 * 4);
    assertThat(run("explain", "exercises/vgg16.yaml").out())
        .contains("flatten (view)")
        .contains("Total:              614,380,608 B   585.92 MiB   614.38 MB")
        .contains("A_stored = A_out − A_view = 15,112,168 − 25,088 = 15,087,080");
  }

  @Test
  void severalFilesGiveAnArrayWithErrorsInPlace(@TempDir Path dir) throws IOException {
    Path bad = dir.resolve("bad.yaml");
    Files.writeString(bad, "title: Bad\ninput: [8, 8, 1]\nlayers:\n"
        + "  - {type: Conv2D, name: c, filters: 2, kernel_size: 9}\n");
    Run r = run("explain", "--format", "json", "exercises/course-example.yaml", bad.toString());
    assertThat(r.code()).isEqualTo(1);
    JsonNode root = r.json();
    assertThat(root.isArray()).isTrue();
    assertThat(root.get(0).get("total").get("params").asLong()).isEqualTo(62_958);
    JsonNode failure = root.get(1);
    assertThat(failure.get("file").asText()).isEqualTo(bad.toString());
    JsonNode error = failure.get("error");
    assertThat(fieldNames(error)).containsExactly("message", "line", "column", "layer");
    assertThat(error.get("line").asInt()).isEqualTo(4);
    assertThat(error.get("column").asInt()).isEqualTo(54);
    assertThat(error.get("layer").asText()).isEqualTo("c");
    assertThat(error.get("message").asText()).startsWith("kernel 9 exceeds padded input height 8");
    assertThat(r.err()).startsWith(bad + ":4:54: error: kernel 9 exceeds padded input height 8");
  }

  @Test
  void errorsShowTheSourceLineAndACaret(@TempDir Path dir) throws IOException {
    Path bad = dir.resolve("typo.yaml");
    Files.writeString(bad, "title: T\ninput: [10]\nlayers:\n  - {type: Dense, unitz: 4}\n");
    Run r = run("explain", bad.toString());
    assertThat(r.code()).isEqualTo(1);
    assertThat(r.err()).contains("did you mean 'units'?")
        .contains("  - {type: Dense, unitz: 4}" + System.lineSeparator() + "                  ^");
    assertThat(r.out()).isEmpty();
  }

  @Test
  void controlCharactersFromTheFileDoNotReachTheTerminal(@TempDir Path dir) throws IOException {
    Path f = dir.resolve("esc.yaml");
    Files.writeString(f, "title: \"Red \\e[31m alert\"\ninput: [4]\nlayers:\n"
        + "  - {type: Dense, name: \"x\\e]0;pwned\\a\", units: zero}\n");
    Run r = run("explain", f.toString());
    assertThat(r.err()).contains("\\u001b").doesNotContain("\u001b").doesNotContain("\u0007");
    Files.writeString(f, Files.readString(f).replace("units: zero", "units: 1"));
    Run ok = run("explain", f.toString());
    assertThat(ok.out()).contains("Red \\u001b[31m alert").doesNotContain("\u001b");
  }

  @Test
  void missingFileIsAnInvalidExerciseNotACrash() {
    Run r = run("explain", "no/such/file.yaml");
    assertThat(r.code()).isEqualTo(1);
    assertThat(r.err()).contains("no/such/file.yaml: error: no such file")
        .doesNotContain("Exception").doesNotContain("\tat ");
  }

  @Test
  void binaryGarbageIsAnInvalidExerciseNotACrash(@TempDir Path dir) throws IOException {
    Path junk = dir.resolve("junk.yaml");
    Files.write(junk, new byte[] {(byte) 0xff, (byte) 0xfe, 0, 1, 2, '{', '[', ':'});
    Run r = run("explain", "--format", "json", junk.toString());
    assertThat(r.code()).isEqualTo(1);
    assertThat(r.json().get("error").get("message").asText()).isNotEmpty();
    assertThat(r.err()).doesNotContain("\tat ");
  }

  @Test
  void usageErrorsExitWithTwo() {
    assertThat(run("explain").code()).isEqualTo(2);
    assertThat(run("explain", "--format", "xml", "exercises/vgg16.yaml").code()).isEqualTo(2);
    assertThat(run("frobnicate").code()).isEqualTo(2);
  }

  @Test
  void versionAndHelp() {
    Run version = run("--version");
    assertThat(version.code()).isZero();
    assertThat(version.out()).startsWith("layerwise ");
    Run help = run("--help");
    assertThat(help.code()).isZero();
    assertThat(help.out()).contains("explain");
    assertThat(run("explain", "--help").out()).contains("--format");
  }

  @Test
  void checkPrintsTheJsonContractAndFailsOnWrongAnswers() throws Exception {
    Run r = run("check", "--format", "json", "exercises/course-example.yaml",
        "exercises/answers/course-example.article.yaml");
    assertThat(r.code()).isEqualTo(1);
    JsonNode root = JSON.readTree(r.out());
    assertThat(root.get("score").get("total").asInt()).isEqualTo(18);
    assertThat(root.get("score").get("correct").asInt()).isEqualTo(13);
    assertThat(fieldNames(root.get("score")))
        .containsExactly("correct", "carried", "wrong", "credited", "total");
    assertThat(root.get("score").get("credited").asInt()).isEqualTo(13);
    JsonNode first = root.get("findings").get(0);
    assertThat(fieldNames(first)).startsWith("layer", "quantity", "given", "expected", "correct",
        "mistake", "carried_from", "explanation");
    assertThat(first.get("given").isArray()).isTrue();
    JsonNode conv1 = root.get("findings").get(2);
    assertThat(conv1.get("given").asLong()).isEqualTo(208);
    assertThat(conv1.get("expected").asLong()).isEqualTo(608);
    assertThat(conv1.get("mistake").asText()).isEqualTo("forgot-input-channels");
    assertThat(conv1.get("carried_from").isNull()).isTrue();
  }

  @Test
  void checkExitsZeroWhenEverythingIsRight(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir)
      throws Exception {
    java.nio.file.Path answers = dir.resolve("a.yaml");
    java.nio.file.Files.writeString(answers,
        "layers:\n  CONV1: {output_shape: '(None, 28, 28, 8)', params: 608}\ntotal: 62958\n");
    Run r = run("check", "exercises/course-example.yaml", answers.toString());
    assertThat(r.code()).as(r.out() + r.err()).isZero();
    assertThat(r.out()).contains("Score: 3 of 3 right");
  }

  @Test
  void aBadAnswersFileIsReportedWithItsPlace(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir)
      throws Exception {
    java.nio.file.Path answers = dir.resolve("a.yaml");
    java.nio.file.Files.writeString(answers,
        "layers:\n  conv9: {params: 608}\n  conv2: {parms: 1, output_shape: big}\n  \"12\": {params: 1}\n");
    Run r = run("check", "exercises/course-example.yaml", answers.toString());
    assertThat(r.code()).isEqualTo(1);
    assertThat(r.err())
        .contains("a.yaml:2:3: error: unknown layer 'conv9'; did you mean 'conv1'?")
        .contains("a.yaml:3:11: error: unknown quantity 'parms' for layer 'conv2'; did you mean"
            + " 'params'?")
        .contains("output_shape of layer 'conv2' must be a shape")
        .contains("there is no layer 12: the exercise has 8 layers")
        .doesNotContain("Exception");
  }

  @Test
  void anUnwritableOutputDirectoryIsAClearErrorNotAStackTrace(@TempDir Path dir)
      throws IOException {
    Path blocker = dir.resolve("file");
    Files.writeString(blocker, "x");
    Run r = run("build", "exercises/course-example.yaml", "--format", "adoc", "--out",
        blocker.resolve("out").toString());
    assertThat(r.code()).isEqualTo(1);
    assertThat(r.err()).contains(blocker.resolve("out") + ": error: cannot write to the output"
        + " directory: ").doesNotContain("Exception").doesNotContain("\tat ");
  }

  @Test
  void hostileFilesAreAnsweredWithDiagnosticsNotStackTraces(@TempDir Path dir)
      throws IOException {
    StringBuilder deep = new StringBuilder("title: t\ninput: [1]\nlayers: ");
    deep.append("[".repeat(10_000)).append("]".repeat(10_000)).append('\n');
    Files.writeString(dir.resolve("deep.yaml"), deep);
    Files.write(dir.resolve("big.yaml"), new byte[1_000_001]);
    Run r = run("explain", dir.resolve("deep.yaml").toString(), dir.resolve("big.yaml").toString(),
        "/dev/zero");
    assertThat(r.code()).isEqualTo(1);
    assertThat(r.err()).contains("deep.yaml:3:72: error: lists and mappings nest more than 64")
        .contains("big.yaml: error: the file has more than 1,000,000 bytes")
        .contains("/dev/zero: error: the file has more than 1,000,000 bytes")
        .doesNotContain("Exception").doesNotContain("\tat ");
  }

  /**
   * A teacher's template whose macro calls itself, and a template that is a symbolic link out of
   * the templates folder, are each one located error with exit 1: no stack trace, no internal
   * error.
   */
  @org.junit.jupiter.api.Test
  void aRecursiveOrEscapingTemplateIsOneErrorWithoutATrace(
      @org.junit.jupiter.api.io.TempDir java.nio.file.Path tmp) throws Exception {
    java.nio.file.Path recursive = java.nio.file.Files.createDirectories(tmp.resolve("rec"));
    java.nio.file.Files.writeString(recursive.resolve("questions.adoc.ftl"),
        "<#macro m><@m/></#macro><@m/>");
    java.nio.file.Path escaping = java.nio.file.Files.createDirectories(tmp.resolve("esc"));
    java.nio.file.Path outside = java.nio.file.Files.writeString(tmp.resolve("outside.ftl"), "x");
    java.nio.file.Files.createSymbolicLink(escaping.resolve("questions.adoc.ftl"), outside);
    for (String dir : List.of("rec", "esc")) {
      Run r = run("build", "exercises/two-class-cnn.yaml", "--format", "adoc", "--out",
          tmp.resolve("out-" + dir).toString(), "--templates", tmp.resolve(dir).toString());
      assertThat(r.code()).as(r.err()).isEqualTo(1);
      assertThat(r.err()).contains("error: template questions.adoc.ftl: ")
          .contains(dir.equals("rec") ? "calls itself without end" : "outside the templates")
          .doesNotContain("internal error").doesNotContain("\tat ")
          .doesNotContain("Exception").doesNotContain("Error:");
    }
  }

  @Test
  void buildWritesTheLmsPackagesItsHelpLists(@TempDir Path dir) {
    assertThat(run("build", "--help").out()).contains("qti").contains("canvas");
    Run r = run("build", "exercises/lenet5-keras.yaml", "--format", "qti,canvas", "--out",
        dir.toString());
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(dir.resolve("lenet5-keras-qti.zip")).isRegularFile();
    assertThat(dir.resolve("lenet5-keras-canvas.zip")).isRegularFile();
    assertThat(dir.resolve("lenet5-keras-questions.html")).doesNotExist();
  }
}
