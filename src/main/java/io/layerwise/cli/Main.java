package io.layerwise.cli;

import io.layerwise.Layerwise;
import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code layerwise}: the entry point that wires the subcommands. */
@Command(
    name = "layerwise",
    mixinStandardHelpOptions = true,
    versionProvider = Main.Version.class,
    description = "Worked solutions for neural-network shape and parameter exercises.",
    subcommands = {ExplainCommand.class, CheckCommand.class, BuildCommand.class, VariantsCommand.class,
      WatchCommand.class, BenchCommand.class,
      CommandLine.HelpCommand.class})
public final class Main implements Runnable {

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  public static void main(String[] args) {
    System.exit(run(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true)));
  }

  /** Runs a command line with the given streams and returns the exit code. */
  public static int run(String[] args, PrintWriter out, PrintWriter err) {
    CommandLine cl = new CommandLine(new Main());
    cl.setCaseInsensitiveEnumValuesAllowed(true);
    cl.setOut(out);
    cl.setErr(err);
    cl.setExecutionExceptionHandler(
        (e, commandLine, parseResult) -> {
          commandLine.getErr().println("layerwise: internal error: " + e);
          commandLine.getErr().println("Please report this with the file that caused it.");
          return 3;
        });
    int code;
    try {
      code = cl.execute(args);
    } catch (RuntimeException | Error e) {
      // picocli hands only Exceptions to the handler: an Error ends here, as one line
      err.println("layerwise: internal error: " + e);
      err.println("Please report this with the file that caused it.");
      code = 3;
    }
    out.flush();
    err.flush();
    return code;
  }

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  /** The version from the jar. */
  static final class Version implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
      return new String[] {"layerwise " + Layerwise.version()};
    }
  }
}
