package io.layerwise;

import io.layerwise.diagnostic.ExerciseException;
import io.layerwise.diagnostic.Diagnostic;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Broken exercise files under {@code src/test/resources/diagnostics}, each stating the
 * diagnostics it must produce in {@code # expect: line:col: error: message} comments at its end.
 */
class DiagnosticsFixturesTest {

  private static final Path DIR = Path.of("src/test/resources/diagnostics");

  static List<Path> fixtures() throws IOException {
    try (Stream<Path> s = Files.list(DIR)) {
      return s.filter(p -> p.toString().endsWith(".yaml")).sorted().toList();
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("fixtures")
  void reportsExactlyTheExpectedDiagnostics(Path fixture) throws IOException {
    String text = Files.readString(fixture);
    List<String> expected = text.lines().filter(l -> l.startsWith("# expect: "))
        .map(l -> l.substring("# expect: ".length())).toList();
    assertThat(expected).as("the fixture states what it expects").isNotEmpty();

    ExerciseException e = catchThrowableOfType(ExerciseException.class,
        () -> Layerwise.explain(fixture.getFileName().toString(), text));

    assertThat(e).as("an invalid exercise is reported").isNotNull();
    List<String> actual = e.diagnostics().stream()
        .map(d -> d.location().line() + ":" + d.location().column() + ": error: " + d.message())
        .toList();
    assertThat(actual).containsExactlyElementsOf(expected);
    for (Diagnostic d : e.diagnostics()) {
      assertThat(d.format()).startsWith(fixture.getFileName() + ":" + d.location().line() + ":");
    }
  }
}
