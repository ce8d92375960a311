package io.layerwise.build;

import io.layerwise.engine.Analysis;
import java.nio.file.Path;

/**
 * An analysed exercise of a build and the fingerprint of everything its sheets depend on.
 *
 * @param file the exercise file
 * @param analysis its analysis
 * @param fingerprint what {@link BuildState} compares with the last build's
 */
record Job(Path file, Analysis analysis, String fingerprint) {

  String id() {
    return analysis.exercise().id();
  }
}
