package io.layerwise;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The library never prints, never exits and never dumps a stack trace: only {@code
 * io.layerwise.cli} talks to the terminal and ends the process. Checked on the sources, so that a
 * new class cannot slip past.
 */
class LibraryBoundariesTest {

  private static final Path MAIN = Path.of("src/main/java/io/layerwise");
  private static final Pattern FORBIDDEN = Pattern.compile(
      "System\\.(out|err|exit)\\b|Runtime\\.getRuntime\\(\\)\\.(exit|halt)|printStackTrace\\(");

  @Test
  void onlyTheCommandLinePrintsOrExits() throws IOException {
    List<Path> sources;
    try (Stream<Path> s = Files.walk(MAIN)) {
      sources = s.filter(p -> p.toString().endsWith(".java"))
          .filter(p -> !p.startsWith(MAIN.resolve("cli"))).toList();
    }
    assertThat(sources).hasSizeGreaterThan(50);
    for (Path p : sources) {
      assertThat(FORBIDDEN.matcher(Files.readString(p)).find()).as(p.toString()).isFalse();
    }
  }

  /** The Eclipse Layout Kernel (and the EMF it rests on) stays behind the diagram package. */
  @Test
  void onlyTheDiagramPackageImportsTheLayoutKernel() throws IOException {
    Pattern elk = Pattern.compile("(?m)^import (static )?org\\.eclipse\\.(elk|emf)\\.");
    List<Path> importers;
    try (Stream<Path> s = Files.walk(MAIN)) {
      importers = s.filter(p -> p.toString().endsWith(".java")).filter(p -> {
        try {
          return elk.matcher(Files.readString(p)).find();
        } catch (IOException e) {
          throw new java.io.UncheckedIOException(e);
        }
      }).toList();
    }
    assertThat(importers).isNotEmpty()
        .allMatch(p -> p.startsWith(MAIN.resolve("diagram")), "in io.layerwise.diagram");
  }
}
