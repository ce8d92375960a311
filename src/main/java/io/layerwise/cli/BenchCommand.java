package io.layerwise.cli;

import io.layerwise.Layerwise;
import io.layerwise.diagnostic.ExerciseException;
import io.layerwise.engine.Analysis;
import io.layerwise.exercise.LimitFiles;
import io.layerwise.report.FileResult;
import io.layerwise.report.JsonReport;
import io.layerwise.variant.Variants;
import io.layerwise.variant.VaryFiles;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.function.Supplier;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code layerwise bench}: measures reading plus analysis, and JSON rendering, on generated chains
 * of growing depth, and prints the cost per layer, which must stay flat as the depth grows.
 */
@Command(
    name = "bench",
    mixinStandardHelpOptions = true,
    description = "Prints the engine's cost per layer on generated networks of growing depth.")
final class BenchCommand implements Callable<Integer> {

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Option(names = "--sizes", split = ",", defaultValue = "100,1000,10000",
      description = "Network depths in layers (default: ${DEFAULT-VALUE}).")
  List<Integer> sizes;

  @Option(names = "--repeat", defaultValue = "7",
      description = "Timed runs per depth after warm-up; the median is printed.")
  int repeat;

  @Option(names = "--limits",
      description = "Instead: how long each limit's hostile file takes to be refused.")
  boolean limits;

  @Override
  public Integer call() throws ExerciseException {
    if (limits) {
      return limits(spec.commandLine().getOut());
    }
    if (repeat < 1 || sizes.stream().anyMatch(s -> s < 4 || s > 20_000)) {
      throw new CommandLine.ParameterException(spec.commandLine(),
          "--repeat must be at least 1 and --sizes between 4 and 20000");
    }
    PrintWriter out = spec.commandLine().getOut();
    out.printf("%8s  %14s  %14s  %14s%n", "layers", "read+engine", "per layer", "+JSON/layer");
    for (int size : sizes) {
      String text = chain(size);
      for (int i = 0; i < 3; i++) {
        JsonReport.render(List.of(FileResult.ok("bench", Layerwise.explain("bench.yaml", text))),
            false);
      }
      long[] engine = new long[repeat];
      long[] json = new long[repeat];
      for (int i = 0; i < repeat; i++) {
        long t0 = System.nanoTime();
        Analysis a = Layerwise.explain("bench.yaml", text);
        long t1 = System.nanoTime();
        JsonReport.render(List.of(FileResult.ok("bench", a)), false);
        long t2 = System.nanoTime();
        engine[i] = t1 - t0;
        json[i] = t2 - t1;
      }
      long e = median(engine);
      long j = median(json);
      out.printf("%8d  %11.2f ms  %11.2f µs  %11.2f µs%n", size, e / 1e6, e / 1e3 / size,
          j / 1e3 / size);
    }
    out.flush();
    return 0;
  }

  /**
   * Times the refusal of each limit's hostile file (best of three after a warm-up run): each
   * must be answered by a diagnostic in well under a second, never by running out of memory.
   */
  private int limits(PrintWriter out) {
    out.printf("%-22s  %10s  %s%n", "limit", "refused in", "first message");
    for (Map.Entry<String, Supplier<String>> e : LimitFiles.all().entrySet()) {
      String text = e.getValue().get();
      String message = "";
      long best = Long.MAX_VALUE;
      for (int run = 0; run < 4; run++) {
        long start = System.nanoTime();
        try {
          Layerwise.explain("limits.yaml", text);
          message = "NOT REFUSED";
        } catch (ExerciseException x) {
          message = x.diagnostics().get(0).message();
        }
        if (run > 0) {
          best = Math.min(best, System.nanoTime() - start);
        }
      }
      out.printf("%-22s  %7.1f ms  %s%n", e.getKey(), best / 1e6,
          message.length() > 70 ? message.substring(0, 69) + "…" : message);
    }
    hopelessVariants(out);
    out.flush();
    return 0;
  }

  /**
   * Times {@code variants --count 200} on {@link VaryFiles#hopeless}, a 2,013-layer exercise
   * whose draws are all but one in 10⁵ invalid, once: each draw reads and analyses the whole
   * network, so this takes seconds, not milliseconds (before the early refusal: the whole 60 s
   * budget).
   */
  private static void hopelessVariants(PrintWriter out) {
    String message;
    long start = System.nanoTime();
    try {
      Path file = Files.createTempFile("layerwise-hopeless", ".yaml");
      try {
        Files.writeString(file, VaryFiles.hopeless());
        start = System.nanoTime();
        Variants.generate(file, Optional.of(200), 7, Optional.empty());
        message = "NOT REFUSED";
      } finally {
        Files.deleteIfExists(file);
      }
    } catch (ExerciseException x) {
      message = x.diagnostics().get(0).message();
    } catch (IOException x) {
      message = "cannot write the exercise: " + x.getMessage();
    }
    out.printf("%-22s  %7.1f s   %s%n", "variants, hopeless", (System.nanoTime() - start) / 1e9,
        message.length() > 70 ? message.substring(0, 69) + "…" : message);
  }

  private static long median(long[] values) {
    long[] copy = values.clone();
    Arrays.sort(copy);
    return copy[copy.length / 2];
  }

  /**
   * A residual chain of the given depth whose shapes never change: convolution, batch norm,
   * activation, and an Add back to the block's input every fourth layer.
   */
  static String chain(int layers) {
    StringBuilder sb = new StringBuilder("title: bench\ninput: [32, 32, 16]\nlayers:\n");
    String blockInput = "input";
    for (int i = 0; i < layers; i++) {
      String name = "l" + i;
      switch (i % 4) {
        case 0 -> sb.append("  - {type: Conv2D, name: ").append(name)
            .append(", filters: 16, kernel_size: 3, padding: same}\n");
        case 1 -> sb.append("  - {type: BatchNormalization, name: ").append(name).append("}\n");
        case 2 -> sb.append("  - {type: Activation, name: ").append(name)
            .append(", activation: relu}\n");
        default -> {
          sb.append("  - {type: Add, name: ").append(name).append(", inputs: [")
              .append(blockInput).append(", l").append(i - 1).append("]}\n");
          blockInput = name;
        }
      }
    }
    return sb.toString();
  }
}
