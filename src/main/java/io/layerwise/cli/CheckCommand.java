package io.layerwise.cli;

import io.layerwise.Layerwise;
import io.layerwise.diagnostic.ExerciseException;
import io.layerwise.diagnostic.Diagnostic;
import io.layerwise.check.CheckResult;
import io.layerwise.report.CheckReport;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code layerwise check EXERCISE ANSWERS}: a verdict on each of a student's answers, with the
 * mistake that produced each wrong one. Exit 0 when everything is right, 1 otherwise.
 */
@Command(
    name = "check",
    mixinStandardHelpOptions = true,
    description = "Checks a student's answers file against an exercise and names the mistake"
        + " behind each wrong number.")
final class CheckCommand implements Callable<Integer> {

  /** The output formats of {@code check}. */
  enum Format {
    TEXT,
    JSON,
    HTML,
    PDF
  }

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Parameters(index = "0", paramLabel = "EXERCISE", description = "The exercise YAML file.")
  Path exercise;

  @Parameters(index = "1", paramLabel = "ANSWERS", description = "The student's answers YAML.")
  Path answers;

  @Option(names = "--format", defaultValue = "text",
      description = "text (default), json, html or pdf (a feedback sheet written to a file).")
  Format format;

  @Option(names = {"-o", "--output"}, paramLabel = "FILE",
      description = "Where html or pdf feedback goes (default: output/<exercise id>-feedback"
          + ".<format>).")
  Optional<Path> output;

  @CommandLine.Mixin LanguageOption language;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    CheckResult result;
    try {
      result = Layerwise.check(exercise, answers);
    } catch (ExerciseException e) {
      return report(err, e);
    }
    String shown;
    try {
      shown = switch (format) {
        case TEXT -> CheckReport.text(result, language.locale());
        case JSON -> CheckReport.json(result, language.locale());
        case HTML, PDF -> "wrote " + Layerwise.feedback(result, format == Format.HTML, output,
            language.locale()) + System.lineSeparator();
      };
    } catch (ExerciseException e) {
      return report(err, e);
    }
    out.print(shown);
    out.flush();
    return result.allCorrect() ? 0 : 1;
  }

  /** Prints every problem javac-style; returns the exit code of a bad input. */
  private static int report(PrintWriter err, ExerciseException e) {
    for (Diagnostic d : e.diagnostics()) {
      err.println(d.format());
    }
    err.flush();
    return 1;
  }
}
