package io.layerwise.cli;

import io.layerwise.build.Watcher;
import io.layerwise.build.BuildReport;
import io.layerwise.build.BuildRequest;
import io.layerwise.diagnostic.Diagnostic;
import io.layerwise.publish.Publisher;
import io.layerwise.render.SheetKind;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalTime;
import java.time.temporal.ChronoUnit;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code layerwise watch}: rebuilds the sheets of an exercise each time it is saved. */
@Command(
    name = "watch",
    mixinStandardHelpOptions = true,
    description = "Builds, then rebuilds the sheets of every exercise file saved under DIR.")
final class WatchCommand implements Callable<Integer> {

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Parameters(arity = "0..1", paramLabel = "DIR", defaultValue = "exercises",
      description = "Directory to watch (default: ${DEFAULT-VALUE}).")
  Path dir;

  @CommandLine.Mixin SheetOptions options;

  @Override
  public Integer call() throws IOException {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    if (!Files.isDirectory(dir)) {
      err.println(dir + ": error: not a directory");
      return 1;
    }
    BuildRequest request = new BuildRequest(List.of(dir), options.out,
        EnumSet.copyOf(options.formats), EnumSet.of(SheetKind.QUESTIONS, SheetKind.ANSWERS), Optional.empty(),
        options.templates, options.locale());
    try (Publisher publisher = new Publisher(options.paper); Watcher watcher = new Watcher(request, publisher)) {
      report(out, err, watcher.buildAll(new ProgressBar(err, System.console() != null)));
      out.println("watching " + dir + " (Ctrl-C to stop)");
      out.flush();
      watcher.run(r -> report(out, err, r));
    }
    return 0;
  }

  private static void report(PrintWriter out, PrintWriter err, BuildReport r) {
    for (Diagnostic d : r.diagnostics()) {
      err.println(d.format());
    }
    err.flush();
    out.printf("%s built %d, up to date %d, failed %d%n",
        LocalTime.now().truncatedTo(ChronoUnit.SECONDS), r.built(), r.upToDate(), r.failed());
    out.flush();
  }
}
