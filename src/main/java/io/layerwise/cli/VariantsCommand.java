package io.layerwise.cli;

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
      if (report) {
        o.printf(Locale.ROOT, "drew %d variants of %s, wrote none (--report; %s combinations of"
            + " choices; %d of %d checked make a valid network)%n", set.files().size(),
            set.of(), set.combinations(), set.valid(), set.checked());
      } else {
        Path dir = out.orElse(Path.of("output", set.of() + "-variants"));
        List<Path> written = Variants.write(set, dir);
        o.printf(Locale.ROOT, "wrote %d variants of %s to %s (%s combinations of choices; %d of"
            + " %d checked make a valid network)%n", written.size(), set.of(), dir,
            set.combinations(), set.valid(), set.checked());
      }
      o.print(VariantReportText.render(set.report(), report));
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
