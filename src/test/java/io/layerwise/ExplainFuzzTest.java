package io.layerwise;

import io.layerwise.diagnostic.ExerciseException;
import io.layerwise.diagnostic.Diagnostic;
import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.layerwise.engine.Analysis;
import io.layerwise.engine.LayerResult;
import io.layerwise.report.FileResult;
import io.layerwise.report.JsonReport;
import io.layerwise.report.TextReport;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Tag;

/**
 * Coverage-guided fuzzing of reading and explaining: any bytes, as an exercise file, give an
 * analysis or located diagnostics, never another exception, a hang or a negative count.
 *
 * <p>{@code mvn verify} replays the seeds (the bundled exercises and the bad-input fixtures,
 * copied by the build into {@code ExplainFuzzTestInputs/explain}) and every finding kept in
 * {@code src/test/resources/io/layerwise/ExplainFuzzTestInputs/explain}. {@code JAZZER_FUZZ=1}
 * fuzzes for {@code maxDuration} (or {@code -Djazzer.max_duration}); {@code fuzz/run.sh} does
 * that and reports executions and crashes.
 */
@Tag("fuzz")
class ExplainFuzzTest {

  private static final String FILE = "fuzz.yaml";
  /** What a message shows only if a parser's or the JDK's words leaked into it. */
  private static final List<String> INTERNALS = List.of("Exception", "java.", "snakeyaml",
      "jackson", "StreamReadConstraints");

  @FuzzTest(maxDuration = "60s")
  void explain(byte[] input) {
    fuzzerTestOneInput(input);
  }

  /** The same target for Jazzer's own driver, which {@code fuzz/run.sh} runs for any duration. */
  public static void fuzzerTestOneInput(byte[] input) {
    String text = new String(input, StandardCharsets.UTF_8);
    FileResult result;
    try {
      Analysis a = Layerwise.explain(FILE, text);
      for (LayerResult l : a.layers()) {
        assertThat(l.params()).as(l.name()).isNotNegative();
        assertThat(l.macs()).as(l.name()).isNotNegative();
        assertThat(l.output().dims()).as(l.name()).allMatch(d -> d > 0);
        assertThat(l.trainable() + l.nonTrainable()).as(l.name()).isEqualTo(l.params());
      }
      assertThat(a.totals().params()).isNotNegative();
      assertThat(TextReport.render(a)).isNotEmpty();
      result = FileResult.ok(FILE, a);
    } catch (ExerciseException e) {
      for (Diagnostic d : e.diagnostics()) {
        assertThat(d.location().file()).isEqualTo(FILE);
        assertThat(d.message()).isNotBlank();
        for (String internal : INTERNALS) {
          if (!text.contains(internal)) {
            assertThat(d.message()).as("no internals in messages").doesNotContain(internal);
          }
        }
        assertThat(d.format()).startsWith(FILE);
      }
      result = FileResult.failed(FILE, e.diagnostics());
    }
    assertThat(JsonReport.render(List.of(result), false)).startsWith("{");
  }
}
