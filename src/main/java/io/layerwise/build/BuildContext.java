package io.layerwise.build;

import io.layerwise.diagnostic.Diagnostic;
import io.layerwise.diagnostic.Location;
import io.layerwise.publish.OutputFormat;
import io.layerwise.publish.Publisher;
import io.layerwise.render.RenderException;
import io.layerwise.render.SheetKind;
import io.layerwise.render.Sheets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * One run of a build as its parts see it: what was asked, where progress goes, the publisher,
 * the build state, and what the run has found and written so far. FreeMarker is configured only
 * when a sheet is to be rendered. Lives for one run.
 */
final class BuildContext {

  final BuildRequest request;
  final BuildListener listener;
  final Publisher publisher;
  final BuildState state;
  final List<Diagnostic> diagnostics = new ArrayList<>();
  final List<Path> written = new ArrayList<>();
  int built;
  int upToDate;
  int failed;
  private Sheets sheets;

  BuildContext(BuildRequest request, BuildListener listener, Publisher publisher) {
    this.request = request;
    this.listener = listener;
    this.publisher = publisher;
    this.state = new BuildState(request, publisher.paper());
  }

  /** The formats each sheet is written in. */
  Set<OutputFormat> sheetFormats() {
    return request.formats().stream().filter(OutputFormat::perSheet)
        .collect(java.util.stream.Collectors.toSet());
  }

  List<SheetKind> sorted() {
    return request.sheets().stream().sorted().toList();
  }

  void warn(Path file, List<String> warnings) {
    for (String w : warnings) {
      diagnostics.add(Diagnostic.warning(Location.ofFile(file.toString()), w));
    }
  }

  Sheets sheets() throws RenderException {
    if (sheets == null) {
      sheets = Sheets.create(request.templates());
    }
    return sheets;
  }
}
