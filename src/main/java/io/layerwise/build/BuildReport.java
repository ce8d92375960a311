package io.layerwise.build;

import io.layerwise.diagnostic.Diagnostic;
import java.nio.file.Path;
import java.util.List;

/**
 * What a build did.
 *
 * @param written files written, in order
 * @param built exercises (and handouts) whose sheets were made
 * @param upToDate exercises skipped because nothing they depend on changed
 * @param failed exercises that could not be built
 * @param diagnostics errors and warnings, by file
 * @param startedAsciidoctor whether this build had to start Asciidoctor (JRuby)
 */
public record BuildReport(List<Path> written, int built, int upToDate, int failed,
    List<Diagnostic> diagnostics, boolean startedAsciidoctor) {

  public BuildReport {
    written = List.copyOf(written);
    diagnostics = List.copyOf(diagnostics);
  }

  public boolean ok() {
    return failed == 0;
  }
}
