package io.layerwise.exercise;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.layerwise.Diagnostic;
import io.layerwise.ExerciseException;
import io.layerwise.Layerwise;
import java.util.List;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every {@link Limits limit}, crossed by a file made for it: refused with a diagnostic that
 * names the limit, in well under a second (the best of three runs after a warm-up, so that the
 * figure is the program's and not the JIT's), never by running out of memory.
 */
class LimitsTest {

  private static final String HEAD = "title: limits\ninput: [8]\nlayers:\n";

  /** A file with {@code n} copies of {@code line} after the head. */
  private static String repeated(String line, int n) {
    return HEAD + (line + "\n").repeat(n);
  }

  /** Nine anchors, each a list of ten aliases of the one before: 10⁹ values once expanded. */
  private static String billionLaughs() {
    StringBuilder sb = new StringBuilder(HEAD).append("  - &a0 {type: Dense, units: 3}\n");
    for (int i = 1; i <= 9; i++) {
      sb.append("  - &a").append(i).append(" [")
          .append(String.join(", ", java.util.Collections.nCopies(10, "*a" + (i - 1))))
          .append("]\n");
    }
    return sb.toString();
  }

  static Stream<Arguments> limits() {
    return Stream.of(
        Arguments.of("file size", (Supplier<String>) () -> "# " + "x".repeat(Limits.FILE_BYTES),
            "the file has 1,000,002 characters; exercise files are limited to 1,000,000"),
        Arguments.of("alias expansion", (Supplier<String>) LimitsTest::billionLaughs,
            "the file holds more than 1,000,000 values, counting each alias as the values it"
                + " repeats"),
        Arguments.of("nesting depth", (Supplier<String>) () -> HEAD.strip() + " "
            + "[".repeat(100_000)
            + "]".repeat(100_000), "lists and mappings nest more than 64 deep here"),
        Arguments.of("layers", (Supplier<String>) () -> repeated("  - {type: Dense, units: 3}",
            Limits.LAYERS + 1), "the network has 20,001 layers; exercises are limited to 20,000"),
        Arguments.of("dimension", (Supplier<String>) () -> HEAD.replace("[8]", "[2147483649]")
            + "  - {type: Dense, units: 3}\n", "input 2147483649 is larger than the limit of"
            + " 2,147,483,648"),
        Arguments.of("digits", (Supplier<String>) () -> HEAD + "  - {type: Dense, units: "
            + "9".repeat(500) + "}\n", "a number written with 500 characters; numbers"
            + " are limited to 100 digits"),
        Arguments.of("unknown names", (Supplier<String>) () -> HEAD + Stream.iterate(0, i -> i + 1)
            .limit(Limits.LAYERS).map(i -> "  - {type: Dense, units: 3, inputs: [x" + i + "]}\n")
            .reduce("", String::concat).substring(0, 900_000).replaceAll("\n[^\n]*$", "\n"),
            "unknown layer 'x0' in the inputs of layer 'dense'"),
        Arguments.of("axes", (Supplier<String>) () -> HEAD.replace("[8]", "[" + "1, ".repeat(
            300_000) + "1]") + "  - {type: Dense, units: 3}\n", "input has 300,001 axes; shapes"
            + " are limited to 8"),
        Arguments.of("inputs of a layer", (Supplier<String>) () -> HEAD
            + "  - {type: Dense, name: a, units: 2}\n  - {type: Add, inputs: ["
            + "a, ".repeat(200_000) + "a]}\n", "inputs names 200,001 layers; a layer takes at most"
            + " 256"),
        Arguments.of("long text", (Supplier<String>) () -> HEAD + "  - {type: Dense, units: "
            + "9".repeat(900_000) + "}\n", "units must be a positive integer, not the text"
            + " '99999999999999999999999999999999999999999999999999…' (900,000 characters)"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("limits")
  void eachLimitIsRefusedQuicklyWithAMessageThatNamesIt(String limit, Supplier<String> file,
      String message) {
    String text = file.get();
    List<Diagnostic> diagnostics = refuse(text);
    assertThat(diagnostics).as(limit).isNotEmpty();
    assertThat(diagnostics.get(0).message()).as(limit).startsWith(message);
    long best = Long.MAX_VALUE;
    for (int run = 0; run < 3; run++) {
      long start = System.nanoTime();
      refuse(text);
      best = Math.min(best, System.nanoTime() - start);
    }
    System.out.printf("%s: refused in %d ms%n", limit, best / 1_000_000);
    assertThat(best / 1_000_000).as("%s: milliseconds to refuse", limit).isLessThan(1000);
  }

  private static List<Diagnostic> refuse(String text) {
    ExerciseException e = catchThrowableOfType(ExerciseException.class,
        () -> Layerwise.explain("limits.yaml", text));
    assertThat(e).isNotNull();
    return e.diagnostics();
  }
}
