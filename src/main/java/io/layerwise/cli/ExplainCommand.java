package io.layerwise.cli;

import io.layerwise.Layerwise;
import io.layerwise.diagnostic.ExerciseException;
import io.layerwise.diagnostic.Diagnostic;
import io.layerwise.report.FileResult;
import io.layerwise.report.JsonReport;
import io.layerwise.report.TextReport;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code layerwise explain FILE...}: shapes, counts and derivations in the terminal or as JSON. */
@Command(
    name = "explain",
    mixinStandardHelpOptions = true,
    description = "Prints output shapes, parameter counts and their derivations for each layer.")
final class ExplainCommand implements Callable<Integer> {

  /** The output formats of {@code explain}. */
  enum Format {
    TEXT,
    JSON
  }

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Parameters(arity = "1..*", paramLabel = "FILE", description = "Exercise YAML files.")
  List<Path> files;

  @Option(
      names = "--format",
      defaultValue = "text",
      description = "text (default) or json.")
  Format format;

  @CommandLine.Mixin LanguageOption language;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    List<FileResult> results = new ArrayList<>();
    boolean failed = false;
    for (Path file : files) {
      try {
        results.add(FileResult.ok(file.toString(), Layerwise.explain(file)));
      } catch (ExerciseException e) {
        failed = true;
        results.add(FileResult.failed(file.toString(), e.diagnostics()));
        for (Diagnostic d : e.diagnostics()) {
          err.println(d.format());
        }
      }
    }
    switch (format) {
      case JSON -> out.print(JsonReport.render(results, files.size() > 1, language.locale()));
      case TEXT -> {
        boolean first = true;
        for (FileResult r : results) {
          if (r.analysis().isPresent()) {
            if (!first) {
              out.println();
            }
            out.print(TextReport.render(r.analysis().get(), language.locale()));
            first = false;
          }
        }
      }
    }
    out.flush();
    return failed ? 1 : 0;
  }
}
