package io.layerwise;

import io.layerwise.diagnostic.ExerciseException;
import io.layerwise.engine.Analysis;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** The exercises bundled in {@code exercises/}, for tests that check them all. */
public final class Bundled {

  public static final Path DIR = Path.of("exercises");

  private Bundled() {}

  /** Every exercise below {@code exercises/}, the model zoo included. */
  public static List<Path> files() {
    try (Stream<Path> s = Files.walk(DIR)) {
      return s.filter(Layerwise::isExerciseFile).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public static Analysis analyze(String id) {
    try {
      return Layerwise.explain(DIR.resolve(id + ".yaml"));
    } catch (ExerciseException e) {
      throw new AssertionError(e.diagnostics().toString(), e);
    }
  }

  public static Analysis analyzeText(String text) {
    try {
      return Layerwise.explain("test.yaml", text);
    } catch (ExerciseException e) {
      throw new AssertionError(e.diagnostics().toString(), e);
    }
  }
}
