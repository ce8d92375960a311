package io.layerwise.cli;

import io.layerwise.report.VariantsReport;
import io.layerwise.variant.Variants;
import io.layerwise.diagnostic.ExerciseException;
import io.layerwise.diagnostic.Diagnostic;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code layerwise variants EXERCISE --count N --seed S [--out DIR] [--students roster.csv]}:
 * distinct, valid, reproducible variants of an exercise that declares {@code vary:}.
 */
@Command(
    name = "variants",
    mixinStandardHelpOptions = true,
    description = "Writes distinct variant exercise files of an exercise that declares 'vary:';"
        + " the same seed gives the same files.")
final class VariantsCommand implements Callable<Integer> {

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Parameters(index = "0", paramLabel = "EXERCISE", description = "The exercise YAML file.")
  Path exercise;

  @Option(names = "--count", paramLabel = "N",
      description = "How many variants (default with --students: one per student).")
  Optional<Integer> count;

  @Option(names = "--seed", required = true, paramLabel = "S",
      description = "Seed of the draw, a whole number from 0 to 2147483648.")
  long seed;

  @Option(names = "--out", paramLabel = "DIR",
      description = "Where the files go (default: output/<exercise id>-variants).")
  Optional<Path> out;

  @Option(names = "--students", paramLabel = "ROSTER",
      description = "A CSV class list with a 'name' column (and optionally 'id'): one variant"
          + " per student, named after the student.")
  Optional<Path> students;

  /** What {@code variants} prints. */
  enum Format {
    TEXT,
    JSON
  }

  @Option(names = "--format", defaultValue = "text",
      description = "text (default): a summary line and the report as a table; json: both as"
          + " one JSON object.")
  Format format;

  @Option(names = "--report",
      description = "Draw and report only, writing no files: the report below the summary"
          + " also lists every shared answer and the variants that share it.")
  boolean report;

  @Override
  public Integer call() {
    PrintWriter o = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    if (count.isEmpty() && students.isEmpty()) {
      throw new CommandLine.ParameterException(spec.commandLine(),
          "give --count N, or --students ROSTER for one variant per student");
    }
    if (seed < 0 || seed > 1L << 31) {
      throw new CommandLine.ParameterException(spec.commandLine(),
          "--seed must be a whole number from 0 to 2147483648, not " + seed);
    }
    try {
      Variants.VariantSet set = Variants.generate(exercise, count, seed, students);
      Optional<Path> dir = report ? Optional.empty()
          : Optional.of(out.orElse(Path.of("output", set.of() + "-variants")));
      int written = dir.isPresent() ? Variants.write(set, dir.get()).size() : 0;
      o.print(switch (format) {
        case TEXT -> (dir.isPresent()
            ? String.format(Locale.ROOT, "wrote %d variants of %s to %s", written, set.of(),
                dir.get())
            : String.format(Locale.ROOT, "drew %d variants of %s, wrote none (--report;",
                set.files().size(), set.of()))
            + String.format(Locale.ROOT, "%s%s combinations of choices; %d of %d checked make a"
                + " valid network)%n", dir.isPresent() ? " (" : " ", set.combinations(),
                set.valid(), set.checked())
            + VariantReportText.render(set.report(), report);
        case JSON -> VariantsReport.json(set, seed, dir.map(Path::toString));
      });
      o.flush();
      return 0;
    } catch (ExerciseException e) {
      for (Diagnostic d : e.diagnostics()) {
        err.println(d.format());
      }
      err.flush();
      return 1;
    }
  }
}
