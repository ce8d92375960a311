package io.layerwise.build;

import io.layerwise.Layerwise;
import io.layerwise.diagnostic.ExerciseException;
import io.layerwise.diagnostic.Location;
import io.layerwise.diagnostic.Diagnostic;
import io.layerwise.engine.Analysis;
import io.layerwise.publish.OutputFormat;
import io.layerwise.publish.Publisher;
import io.layerwise.render.RenderException;
import io.layerwise.render.Sheets;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * One run of {@code build}: reads and analyses every exercise, skips those whose inputs,
 * templates and Layerwise version are unchanged since their sheets were last made, and renders and
 * publishes the rest. A broken exercise is reported and the others still built; its earlier
 * output stays as it was. FreeMarker and Asciidoctor are touched only if something is to be made.
 * Each exercise's files are written to a {@link Stage} and replace the earlier ones together.
 */
public final class SheetBuild {

  private final BuildContext c;
  private final BuildRequest request;
  private final boolean wasStarted;

  private SheetBuild(BuildRequest request, BuildListener listener, Publisher publisher) {
    this.c = new BuildContext(request, listener, publisher);
    this.request = request;
    this.wasStarted = publisher.started();
  }

  /**
   * Builds sheets as the request says, reporting progress to the listener. Never throws for a bad
   * exercise or a failed conversion: those are in the report's diagnostics.
   *
   * @param publisher converts and writes; keep one for many builds (as {@code watch} does) to
   *     start Asciidoctor only once
   */
  public static BuildReport run(BuildRequest request, BuildListener listener,
      Publisher publisher) {
    return new SheetBuild(request, listener, publisher).build();
  }

  private BuildReport build() {
    List<Path> files = exerciseFiles();
    String templates;
    try {
      templates = Sheets.fingerprint(request.templates());
    } catch (RenderException e) {
      c.diagnostics.add(Diagnostic.error(Location.ofFile(request.templates().map(Path::toString)
          .orElse("templates")), e.getMessage()));
      return report(files.size());
    }
    List<Job> jobs = new ArrayList<>();
    Map<String, Path> ids = new HashMap<>();
    boolean fresh = c.state.fresh() && request.handout().isEmpty()
        && (request.formats().contains(OutputFormat.HTML)
            || request.formats().contains(OutputFormat.PDF));
    for (Path file : files) {
      try {
        String text = Layerwise.read(file);
        Analysis a = Layerwise.explain(file.toString(), text);
        if (jobs.isEmpty() && fresh) {
          // nothing here is up to date: JRuby's seconds of start-up overlap the rest
          c.publisher.startInBackground();
        }
        Path other = ids.putIfAbsent(a.exercise().id(), file);
        if (other != null) {
          c.failed++;
          c.diagnostics.add(Diagnostic.error(Location.ofFile(file.toString()), "id '"
              + a.exercise().id() + "' is already used by " + other
              + "; give one of them another id"));
          continue;
        }
        // A comparison's sheet also depends on the network it is compared with: all of it.
        String compared = a.counterpart().map(c -> c.exercise() + "\u0000" + c.layers().stream()
            .map(l -> l.name() + l.output() + l.weights() + "/" + l.biases() + "/"
                + l.nonTrainable()).toList()).orElse("");
        jobs.add(new Job(file, a, c.state.fingerprint(templates, file.toString(), text + compared)));
      } catch (ExerciseException e) {
        c.failed++;
        c.diagnostics.addAll(e.diagnostics());
      }
    }
    if (!jobs.isEmpty() && !outputWritable()) {
      c.failed += jobs.size();
      return report(files.size());
    }
    Publisher.removeStaleWork(request.out());
    if (request.handout().isPresent()) {
      CombinedSheets.handout(c, request.handout().get(), jobs, templates);
    } else {
      List<Job> todo =
          jobs.stream().filter(j -> !c.state.upToDate(j.id(), j.fingerprint())).toList();
      c.upToDate = jobs.size() - todo.size();
      ExerciseSheets.build(c, todo);
      CombinedSheets.variantSets(c, jobs, templates);
    }
    return report(files.size());
  }

  /**
   * Whether the output directory exists, or can be made, and takes files: else one diagnostic
   * says why, rather than one per sheet, and nothing is converted in vain.
   */
  private boolean outputWritable() {
    Path out = request.out();
    try {
      Files.createDirectories(out);
      Files.delete(Files.createTempFile(out, ".layerwise-", ".tmp"));
      return true;
    } catch (IOException | SecurityException e) {
      String why = e instanceof java.nio.file.FileAlreadyExistsException ? "it is not a directory"
          : e instanceof java.nio.file.AccessDeniedException ? "permission denied"
          : e instanceof java.nio.file.FileSystemException f && f.getReason() != null
              ? (f.getFile() == null ? "" : f.getFile() + ": ") + f.getReason()
          : String.valueOf(e.getMessage());
      c.diagnostics.add(Diagnostic.error(Location.ofFile(out.toString()),
          "cannot write to the output directory: " + why));
      return false;
    }
  }

  private BuildReport report(int files) {
    if (files == 0 && c.diagnostics.isEmpty()) {
      c.diagnostics.add(Diagnostic.error(Location.ofFile(request.inputs().toString()),
          "no exercise files (*.yaml) found"));
      c.failed++;
    }
    return new BuildReport(c.written, c.built, c.upToDate, c.failed, c.diagnostics,
        c.publisher.started() && !wasStarted);
  }

  /** The inputs with directories replaced by the exercise files below them, sorted. */
  private List<Path> exerciseFiles() {
    List<Path> files = new ArrayList<>();
    for (Path in : request.inputs()) {
      if (Files.isDirectory(in)) {
        try (Stream<Path> s = Files.walk(in)) {
          s.filter(Files::isRegularFile).filter(Layerwise::isExerciseFile)
              .sorted().forEach(files::add);
        } catch (IOException e) {
          c.diagnostics.add(Diagnostic.error(Location.ofFile(in.toString()),
              "cannot list the directory: " + e.getMessage()));
          c.failed++;
        }
      } else {
        files.add(in);
      }
    }
    return files;
  }
}
