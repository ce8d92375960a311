package io.layerwise.cli;

import io.layerwise.build.SheetBuild;
import io.layerwise.build.BuildReport;
import io.layerwise.build.BuildRequest;
import io.layerwise.diagnostic.Diagnostic;
import io.layerwise.publish.Publisher;
import io.layerwise.render.Cover;
import io.layerwise.render.SheetKind;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code layerwise build}: question and answer sheets as HTML, PDF and AsciiDoc. */
@Command(
    name = "build",
    mixinStandardHelpOptions = true,
    description = "Builds question and answer sheets (HTML, PDF, AsciiDoc) for exercises.")
final class BuildCommand implements Callable<Integer> {

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Parameters(arity = "0..*", paramLabel = "FILE|DIR",
      description = "Exercise files or directories (default: exercises/).")
  List<Path> inputs;

  @CommandLine.Mixin SheetOptions options;

  @Option(names = "--sheet", split = ",", defaultValue = "questions,answers", paramLabel = "SHEET",
      description = "questions, answers and/or key, the compact answer key"
          + " (default: ${DEFAULT-VALUE}).")
  List<SheetKind> sheets;

  @Option(names = "--handout", paramLabel = "NAME",
      description = "One document with all given exercises, a title page and a contents list.")
  Optional<String> handout;

  @Option(names = "--title", paramLabel = "TEXT",
      description = "The handout's title (default: its NAME).")
  Optional<String> title;

  @Option(names = "--course", paramLabel = "TEXT", description = "The course, on the title page.")
  Optional<String> course;

  @Option(names = "--date", paramLabel = "TEXT", description = "The date, on the title page.")
  Optional<String> date;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    List<Path> in = inputs == null || inputs.isEmpty() ? List.of(Path.of("exercises")) : inputs;
    for (Path p : in) {
      if (!Files.exists(p)) {
        err.println(p + ": error: no such file or directory");
        return 1;
      }
    }
    if (handout.isPresent() && !handout.get().matches("[A-Za-z0-9][A-Za-z0-9._-]*")) {
      throw new CommandLine.ParameterException(spec.commandLine(),
          "--handout takes a file name of letters, digits, '.', '_' and '-'");
    }
    if (options.templates.isPresent() && !Files.isDirectory(options.templates.get())) {
      err.println(options.templates.get() + ": error: not a directory of templates");
      return 1;
    }
    if (Files.exists(options.out) && !Files.isDirectory(options.out)) {
      err.println(options.out + ": error: the output path exists and is not a directory");
      return 1;
    }
    if (handout.isEmpty() && (title.isPresent() || course.isPresent() || date.isPresent())) {
      throw new CommandLine.ParameterException(spec.commandLine(),
          "--title, --course and --date go on a handout's title page: give --handout NAME too");
    }
    BuildRequest request = new BuildRequest(in, options.out, EnumSet.copyOf(options.formats),
        EnumSet.copyOf(sheets), handout, options.templates, options.locale(),
        new Cover(title.orElse(""), course.orElse(""), date.orElse("")));
    long start = System.nanoTime();
    ProgressBar bar = new ProgressBar(err, System.console() != null);
    BuildReport report;
    try (Publisher publisher = new Publisher(options.paper)) {
      report = SheetBuild.run(request, bar, publisher);
    }
    bar.finish();
    for (Diagnostic d : report.diagnostics()) {
      err.println(d.format());
    }
    double seconds = (System.nanoTime() - start) / 1e9;
    out.printf(Locale.ROOT, "built %d, up to date %d, failed %d: %d files in %s (%.1f s)%n",
        report.built(), report.upToDate(), report.failed(), report.written().size(),
        options.out, seconds);
    out.flush();
    return report.ok() ? 0 : 1;
  }
}
