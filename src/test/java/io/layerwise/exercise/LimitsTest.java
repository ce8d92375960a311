package io.layerwise.exercise;

import io.layerwise.Layerwise;
import io.layerwise.diagnostic.ExerciseException;
import io.layerwise.diagnostic.Diagnostic;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every {@link Limits limit}, crossed by a file made for it: refused with a diagnostic that
 * names the limit, never by running out of memory. How fast each is refused is measured by
 * {@code layerwise bench --limits}, not here.
 */
class LimitsTest {

  static Stream<Arguments> limits() {
    return Stream.of(
        Arguments.of("file size",
            "the file has 1,000,002 characters; exercise files are limited to 1,000,000"),
        Arguments.of("alias expansion", "the file holds more than 1,000,000 values, counting"
            + " each alias as the values it repeats"),
        Arguments.of("nesting depth", "lists and mappings nest more than 64 deep here"),
        Arguments.of("layers", "the network has 20,001 layers; exercises are limited to 20,000"),
        Arguments.of("dimension", "input 2147483649 is larger than the limit of 2,147,483,648"),
        Arguments.of("digits", "a number written with 500 characters; numbers are limited to 100"
            + " digits"),
        Arguments.of("unknown names", "unknown layer 'x0' in the inputs of layer 'dense'"),
        Arguments.of("axes", "input has 300,001 axes; shapes are limited to 8"),
        Arguments.of("inputs of a layer", "inputs names 200,001 layers; a layer takes at most"
            + " 256"),
        Arguments.of("blocks using blocks",
            "blocks expand to more than 20000 layers, the limit of an exercise"),
        Arguments.of("interpolated text", "blocks expand to more than 1,000,000 values (layers,"
            + " their settings and the characters of interpolated texts)"),
        Arguments.of("long text", "units must be a positive integer, not the text"
            + " '99999999999999999999999999999999999999999999999999…' (900,000 characters)"),
        Arguments.of("long name", "unknown layer '" + "n".repeat(50) + "… (100,001 characters)'"
            + " in the inputs of layer 'dense' (Dense)"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("limits")
  void eachLimitIsRefusedWithAMessageThatNamesIt(String limit, String message) {
    List<Diagnostic> diagnostics = refuse(LimitFiles.all().get(limit).get());
    assertThat(diagnostics).as(limit).isNotEmpty();
    assertThat(diagnostics.get(0).message()).as(limit).startsWith(message);
    assertThat(diagnostics).as(limit + ": every message quotes at most 50 characters of a value")
        .allSatisfy(d -> assertThat(d.message()).hasSizeLessThan(400));
  }

  @org.junit.jupiter.api.Test
  void everyLimitFileIsChecked() {
    assertThat(limits().map(a -> (String) a.get()[0])).containsExactlyElementsOf(
        LimitFiles.all().keySet());
  }

  private static List<Diagnostic> refuse(String text) {
    ExerciseException e = catchThrowableOfType(ExerciseException.class,
        () -> Layerwise.explain("limits.yaml", text));
    assertThat(e).isNotNull();
    return e.diagnostics();
  }
}
