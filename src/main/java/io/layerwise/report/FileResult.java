package io.layerwise.report;

import io.layerwise.diagnostic.Diagnostic;
import io.layerwise.engine.Analysis;
import java.util.List;
import java.util.Optional;

/**
 * What became of one file given on the command line: an analysis, or the problems that stopped it.
 *
 * @param file the path as given
 * @param analysis present when the file is valid
 * @param diagnostics the problems, empty when the file is valid
 */
public record FileResult(String file, Optional<Analysis> analysis, List<Diagnostic> diagnostics) {

  public FileResult {
    diagnostics = List.copyOf(diagnostics);
    if (analysis.isPresent() == !diagnostics.isEmpty()) {
      throw new IllegalArgumentException("a file has either an analysis or diagnostics");
    }
  }

  public static FileResult ok(String file, Analysis analysis) {
    return new FileResult(file, Optional.of(analysis), List.of());
  }

  public static FileResult failed(String file, List<Diagnostic> diagnostics) {
    return new FileResult(file, Optional.empty(), diagnostics);
  }
}
