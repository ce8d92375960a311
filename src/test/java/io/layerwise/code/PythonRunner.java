package io.layerwise.code;

import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs Python for the tests of generated code: Debian's {@code /usr/bin/python3} where it exists
 * (apt's {@code python3-torch} installs PyTorch for it, not for a pyenv or venv {@code python3}
 * earlier on the PATH), else {@code python3}. Without Python those tests are skipped, but fail
 * where the environment variable {@code CI} is set (CI must run them).
 */
final class PythonRunner {

  /**
   * What a run printed.
   *
   * @param exit the exit code
   * @param output standard output and error
   */
  record Result(int exit, String output) {}

  private static Boolean available;

  private PythonRunner() {}

  /** Skips the test, or fails it in CI, unless {@code python3} runs. */
  static void requirePython() {
    requirePython("python3 is needed to compile the generated code");
  }

  /** Skips the test, or fails it in CI, unless PyTorch imports. */
  static void requireTorch() {
    requirePython("python3 is needed to run the generated PyTorch code");
    if (!hasModule("torch")) {
      if (System.getenv("CI") != null) {
        fail("PyTorch (apt-get install python3-torch) is needed for " + INTERPRETER
            + ", and CI is set");
      }
      assumeTrue(false, "PyTorch is not installed for " + INTERPRETER);
    }
  }

  /** The interpreter: Debian's, for which apt installs python3-torch, else the PATH's. */
  static final String INTERPRETER = java.nio.file.Files.isExecutable(Path.of("/usr/bin/python3"))
      ? "/usr/bin/python3" : "python3";

  private static void requirePython(String why) {
    if (!available()) {
      if (System.getenv("CI") != null) {
        fail(why + ", and CI is set");
      }
      assumeTrue(false, "python3 is not installed");
    }
  }

  static synchronized boolean available() {
    if (available == null) {
      available = run(Path.of("."), "-c", "pass").exit() == 0;
    }
    return available;
  }

  /** Whether a Python module (torch, keras) imports. */
  static synchronized boolean hasModule(String module) {
    return MODULES.computeIfAbsent(module,
        m -> available() && run(Path.of("."), "-c", "import " + m).exit() == 0);
  }

  private static final java.util.Map<String, Boolean> MODULES = new java.util.HashMap<>();

  /** The shape-only stand-in for PyTorch in the test resources. */
  static final Path FAKE_TORCH = Path.of("src/test/resources/io/layerwise/code/faketorch");

  /**
   * Runs PyTorch programs with the shape-only stand-in (in one Python process): for each file,
   * the last two lines it printed (output shape, then counts), or the error it raised.
   */
  static java.util.Map<String, String> runOnFakeTorch(Path dir, List<String> files) {
    String driver = String.join("\n",
        "import contextlib, io, runpy, sys",
        "for f in sys.argv[1:]:",
        "    out = io.StringIO()",
        "    try:",
        "        with contextlib.redirect_stdout(out):",
        "            runpy.run_path(f, run_name='__main__')",
        "        print(f + '\\t' + '\\t'.join(out.getvalue().splitlines()[-2:]))",
        "    except Exception as e:",
        "        print(f + '\\tERROR ' + type(e).__name__ + ': ' + repr(e))");
    List<String> args = new ArrayList<>(List.of("-c", driver));
    args.addAll(files);
    Result r = run(dir, java.util.Map.of("PYTHONPATH", FAKE_TORCH.toAbsolutePath().toString()),
        args.toArray(String[]::new));
    java.util.Map<String, String> out = new java.util.HashMap<>();
    for (String line : r.output().split("\n")) {
      int tab = line.indexOf('\t');
      if (tab > 0) {
        out.put(line.substring(0, tab), line.substring(tab + 1));
      }
    }
    return out;
  }

  static Result run(Path dir, String... args) {
    return run(dir, java.util.Map.of(), args);
  }

  static Result run(Path dir, java.util.Map<String, String> env, String... args) {
    List<String> command = new ArrayList<>(List.of(INTERPRETER));
    command.addAll(List.of(args));
    try {
      ProcessBuilder pb = new ProcessBuilder(command).directory(dir.toFile())
          .redirectErrorStream(true);
      pb.environment().putAll(env);
      Process p = pb.start();
      p.getOutputStream().close();
      byte[] out = p.getInputStream().readAllBytes();
      if (!p.waitFor(5, TimeUnit.MINUTES)) {
        p.destroyForcibly();
        return new Result(-1, "timed out");
      }
      return new Result(p.exitValue(), new String(out, StandardCharsets.UTF_8));
    } catch (IOException e) {
      return new Result(-1, e.toString());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return new Result(-1, e.toString());
    }
  }
}
