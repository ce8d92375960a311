package io.layerwise;

import io.layerwise.diagnostic.ExerciseException;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code compare_with} reads only a regular file: a FIFO blocked the build for ever, a device
 * never ends. Each is one located diagnostic at {@code compare_with}, at once. (The timeout
 * guards against the hang; it measures no speed.)
 */
class CompareWithTest {

  private static final String EXERCISE = "title: t\nframework: pytorch\ncompare_with: other.yaml\n"
      + "input: [4]\nlayers:\n  - {type: Linear, in_features: 4, out_features: 2}\n";

  private static void refusedAtCompareWith(Path dir) {
    ExerciseException e = assertTimeoutPreemptively(Duration.ofSeconds(30),
        () -> catchThrowableOfType(ExerciseException.class,
            () -> Layerwise.explain(dir.resolve("main.yaml"))));
    assertThat(e).isNotNull();
    assertThat(e.diagnostics()).singleElement().satisfies(d -> {
      assertThat(d.location().line()).isEqualTo(3);
      assertThat(d.location().column()).isEqualTo(15);
      assertThat(d.message()).isEqualTo("cannot compare with 'other.yaml': it is not a regular"
          + " file (a directory, FIFO, device or socket); name an exercise file");
    });
  }

  @Test
  void aDirectoryIsRefused(@TempDir Path tmp) throws IOException {
    Files.writeString(tmp.resolve("main.yaml"), EXERCISE);
    Files.createDirectory(tmp.resolve("other.yaml"));
    refusedAtCompareWith(tmp);
  }

  @Test
  void aFifoIsRefusedWithoutBlocking(@TempDir Path tmp) throws Exception {
    Files.writeString(tmp.resolve("main.yaml"), EXERCISE);
    Process mkfifo = new ProcessBuilder("mkfifo", tmp.resolve("other.yaml").toString())
        .inheritIO().start();
    assertThat(mkfifo.waitFor()).as("mkfifo").isZero();
    refusedAtCompareWith(tmp);
  }

  @Test
  void aLinkToADeviceIsRefused(@TempDir Path tmp) throws IOException {
    Files.writeString(tmp.resolve("main.yaml"), EXERCISE);
    Files.createSymbolicLink(tmp.resolve("other.yaml"), Path.of("/dev/zero"));
    refusedAtCompareWith(tmp);
  }
}
