package io.layerwise.cli;

import io.layerwise.BuildReport;
import io.layerwise.BuildRequest;
import io.layerwise.Diagnostic;
import io.layerwise.Layerwise;
import io.layerwise.publish.OutputFormat;
import io.layerwise.publish.Publisher;
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

  @Option(names = "--out", defaultValue = "output", paramLabel = "DIR",
      description = "Output directory (default: ${DEFAULT-VALUE}).")
  Path out;

  @Option(names = "--format", split = ",", defaultValue = "html,pdf", paramLabel = "FORMAT",
      description = "html, pdf and/or adoc (default: ${DEFAULT-VALUE}).")
  List<OutputFormat> formats;

  @Option(names = "--sheet", split = ",", defaultValue = "questions,answers", paramLabel = "SHEET",
      description = "questions and/or answers (default: ${DEFAULT-VALUE}).")
  List<SheetKind> sheets;

  @Option(names = "--handout", paramLabel = "NAME",
      description = "One document with all given exercises, a title page and a contents list.")
  Optional<String> handout;

  @Option(names = "--templates", paramLabel = "DIR",
      description = "Templates here replace the bundled ones of the same name.")
  Optional<Path> templates;

  @Option(names = "--lang", defaultValue = "en", paramLabel = "LANG",
      description = "Language of the sheets (default: ${DEFAULT-VALUE}).")
  String lang;

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
    if (templates.isPresent() && !Files.isDirectory(templates.get())) {
      err.println(templates.get() + ": error: not a directory of templates");
      return 1;
    }
    if (Files.exists(this.out) && !Files.isDirectory(this.out)) {
      err.println(this.out + ": error: the output path exists and is not a directory");
      return 1;
    }
    BuildRequest request = new BuildRequest(in, this.out, EnumSet.copyOf(formats),
        EnumSet.copyOf(sheets), handout, templates, Locale.forLanguageTag(lang));
    long start = System.nanoTime();
    ProgressBar bar = new ProgressBar(err, System.console() != null);
    BuildReport report;
    try (Publisher publisher = new Publisher()) {
      report = Layerwise.build(request, bar, publisher);
    }
    bar.finish();
    for (Diagnostic d : report.diagnostics()) {
      err.println(d.format());
    }
    double seconds = (System.nanoTime() - start) / 1e9;
    out.printf(Locale.ROOT, "built %d, up to date %d, failed %d: %d files in %s (%.1f s)%n",
        report.built(), report.upToDate(), report.failed(), report.written().size(),
        this.out, seconds);
    out.flush();
    return report.ok() ? 0 : 1;
  }
}
