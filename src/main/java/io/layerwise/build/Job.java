package io.layerwise.build;

import io.layerwise.diagnosis.Diagnosis;
import io.layerwise.engine.Analysis;
import java.nio.file.Path;

/**
 * An analysed exercise of a build and the fingerprint of everything its sheets depend on; its
 * diagnosis (the mistake predictions the self-check page and the Moodle bank read) is computed
 * once, when the first of them needs it.
 */
final class Job {

  private final Path file;
  private final Analysis analysis;
  private final String fingerprint;
  private Diagnosis diagnosis;

  /**
   * @param file the exercise file
   * @param analysis its analysis
   * @param fingerprint what {@link BuildState} compares with the last build's
   */
  Job(Path file, Analysis analysis, String fingerprint) {
    this.file = file;
    this.analysis = analysis;
    this.fingerprint = fingerprint;
  }

  Path file() {
    return file;
  }

  Analysis analysis() {
    return analysis;
  }

  String fingerprint() {
    return fingerprint;
  }

  /** The diagnosis of the analysis, computed on first use and kept. */
  synchronized Diagnosis diagnosis() {
    if (diagnosis == null) {
      diagnosis = Diagnosis.of(analysis);
    }
    return diagnosis;
  }

  String id() {
    return analysis.exercise().id();
  }
}
