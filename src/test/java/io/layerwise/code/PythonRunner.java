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
 * Runs {@code python3} for the tests of generated code. Without it those tests are skipped, but
 * fail where the environment variable {@code CI} is set (CI must run them).
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
    if (!available()) {
      if (System.getenv("CI") != null) {
        fail("python3 is needed to compile the generated code, and CI is set");
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
  static boolean hasModule(String module) {
    return available() && run(Path.of("."), "-c", "import " + module).exit() == 0;
  }

  static Result run(Path dir, String... args) {
    List<String> command = new ArrayList<>(List.of("python3"));
    command.addAll(List.of(args));
    try {
      Process p = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true)
          .start();
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
