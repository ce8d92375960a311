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
    out.print(switch (format) {
      case JSON -> JsonReport.render(results, files.size() > 1, language.locale());
      case TEXT -> text(results);
    });
    out.flush();
    return failed ? 1 : 0;
  }

  /** The text reports of the files that analysed, a blank line between two. */
  private String text(List<FileResult> results) {
    StringBuilder sb = new StringBuilder();
    for (FileResult r : results) {
      if (r.analysis().isPresent()) {
        if (sb.length() > 0) {
          sb.append(System.lineSeparator());
        }
        sb.append(TextReport.render(r.analysis().get(), language.locale()));
      }
    }
    return sb.toString();
  }
}
