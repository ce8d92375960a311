package io.layerwise.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class VariantsCommandTest {

  /** What a run printed and returned. */
  private record Run(int code, String out, String err) {}

  private static Run run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = Main.run(args, new PrintWriter(out), new PrintWriter(err));
    return new Run(code, out.toString(), err.toString());
  }

  @Test
  void everyRunPrintsTheReportBelowItsSummaryLine(@TempDir Path dir) {
    Run r = run("variants", "exercises/course-example.yaml", "--count", "30", "--seed", "7",
        "--out", dir.toString());
    assertThat(r.code()).isZero();
    String[] lines = r.out().split("\n");
    assertThat(lines[0]).startsWith("wrote 30 variants of course-example to ");
    assertThat(lines[2]).matches("  question +distinct  range +shared  most shared");
    assertThat(r.out()).contains("\n  pool1 params  ").containsPattern(
        "\n  conv1 output_shape +\\d+  24–44 × 24–44 × 6–12 +\\d+  ")
        .contains("Answer-identical: 0 of 30 variants share every answer with another variant.")
        .contains("Carried credit is gated: ")
        .contains(" on any of the first 20 variants, 0 of them as carried;")
        .doesNotContain("Shared answers:");
    assertThat(dir.resolve("course-example-v30.yaml")).exists();
  }

  @Test
  void reportDrawsAndReportsButWritesNothing(@TempDir Path dir) throws Exception {
    Run r = run("variants", "exercises/course-example.yaml", "--count", "5", "--seed", "7",
        "--out", dir.resolve("none").toString(), "--report");
    assertThat(r.code()).isZero();
    assertThat(r.out()).startsWith("drew 5 variants of course-example, wrote none (--report;")
        .contains("Shared answers:\n  conv1 params: 608 (").contains(" on any variant, ")
        .containsPattern("\n  pool1 params: 0 \\(v1, v2, v3, v4, v5\\)\n");
    assertThat(Files.exists(dir.resolve("none"))).isFalse();
  }

  @Test
  void aHopelessSpaceExitsOneWithTheFigures(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("hopeless.yaml");
    Files.writeString(file, """
        title: hopeless small
        vary:
          k: [3, 65, 66, 67, 68, 69, 70, 71, 72, 73]
          j: [3, 65, 66, 67, 68, 69, 70, 71, 72, 73]
          l: [3, 65, 66, 67, 68, 69, 70, 71, 72, 73]
          m: [3, 65, 66, 67, 68, 69, 70, 71, 72, 73]
          o: [3, 65, 66, 67, 68, 69, 70, 71, 72, 73]
        input: [32, 32, 1]
        layers:
          - {type: Conv2D, filters: 2, kernel_size: $k}
          - {type: Conv2D, filters: 2, kernel_size: $j}
          - {type: Conv2D, filters: 2, kernel_size: $l}
          - {type: Conv2D, filters: 2, kernel_size: $m}
          - {type: Conv2D, filters: 2, kernel_size: $o}
        """);
    Run r = run("variants", file.toString(), "--count", "5", "--seed", "1", "--out",
        dir.resolve("out").toString());
    assertThat(r.code()).isEqualTo(1);
    assertThat(r.out()).isEmpty();
    assertThat(r.err()).contains(":3:3: error: stopped after ").contains(" draws (")
        .contains("none made a valid network, so at most").contains("the rule of three: 3/")
        .contains("; widen the choices in 'vary:' (e.g. ").endsWith(" or lower --count\n");
  }

  @Test
  void formatJsonPrintsTheSetAndItsReportAsOneObject(@TempDir Path dir) throws Exception {
    Run r = run("variants", "exercises/course-example.yaml", "--count", "30", "--seed", "7",
        "--out", dir.toString(), "--format", "json");
    assertThat(r.code()).isZero();
    var json = new com.fasterxml.jackson.databind.ObjectMapper().readTree(r.out());
    List<String> names = new ArrayList<>();
    json.fieldNames().forEachRemaining(names::add);
    assertThat(names).containsExactly("exercise", "seed", "count", "written", "combinations",
        "checked", "valid", "variants", "questions", "answer_identical", "gaming");
    assertThat(json.get("written").asText()).isEqualTo(dir.toString());
    assertThat(json.get("variants")).hasSize(30);
    assertThat(json.get("questions")).hasSize(25);
    var pool = json.get("questions").get(5);
    assertThat(pool.get("layer").asText()).isEqualTo("pool1");
    assertThat(pool.get("quantity").asText()).isEqualTo("params");
    assertThat(pool.get("range").toString()).isEqualTo("[[0,0]]");
    assertThat(pool.get("shared").get(0).get("answer").asLong()).isZero();
    assertThat(pool.get("shared").get(0).get("variants")).hasSize(30);
    assertThat(json.get("questions").get(0).get("range")).hasSize(3);
    assertThat(json.get("answer_identical")).isEmpty();
    assertThat(json.get("gaming").get("gate").asBoolean()).isTrue();
    assertThat(json.get("gaming").get("most_carried").asLong()).isZero();
    assertThat(json.get("gaming").get("variants").asInt()).isEqualTo(20);
  }
}
