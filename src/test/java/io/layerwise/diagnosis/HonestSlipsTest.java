package io.layerwise.diagnosis;

import static org.assertj.core.api.Assertions.assertThat;

import io.layerwise.model.Shape;
import io.layerwise.model.Value;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class HonestSlipsTest {

  private static Value shape(String s) {
    String[] parts = s.split("x");
    long[] dims = new long[parts.length];
    for (int i = 0; i < parts.length; i++) {
      dims[i] = Long.parseLong(parts[i]);
    }
    return Value.of(Shape.of(dims));
  }

  @ParameterizedTest(name = "{1} for {0}")
  @CsvSource({
      "28x28x8, 29x29x8",   // one size off by one, on both axes that hold it
      "28x28x8, 27x28x8",   // off by one on one axis
      "28x28x8, 82x82x8",   // two digits swapped
      "28x28x8, 28x28x9",   // the channels off by one
      "28x28x8, 8x28x28",   // channels first
      "14x14x16, 14x14x61", // swapped
      "120, 130",           // one digit wrong
      "5x5x16, 6x6x16"})
  void honestSlipsOfAShapeAreExplained(String right, String given) {
    assertThat(HonestSlips.explains(shape(right), shape(given))).isTrue();
  }

  @ParameterizedTest(name = "{1} for {0}")
  @CsvSource({
      "28x28x8, 1x1x1",     // the gaming answer
      "28x28x8, 1x1x8",
      "28x28x8, 29x30x8",   // two different slips
      "28x28x8, 28x28",     // another rank
      "28x28x8, 280x280x8", // a digit added
      "5x5x16, 7x7x16",     // a one-digit size only off by one
      "400, 1",
      "2, 1"})              // all ones, even when one off
  void gamingAnswersAndTwoSlipsAreNot(String right, String given) {
    assertThat(HonestSlips.explains(shape(right), shape(given))).isFalse();
  }

  @ParameterizedTest(name = "{1} for {0}")
  @CsvSource({"608, 680", "608, 609", "608, 607", "608, 618", "48001, 48010", "1, 2"})
  void slipsOfACount(long right, long given) {
    assertThat(HonestSlips.explains(Value.of(right), Value.of(given))).isTrue();
  }

  @ParameterizedTest(name = "{1} for {0}")
  @CsvSource({"608, 0", "608, 1", "0, 1", "608, 806", "608, 6080", "48001, 48100", "5, 8"})
  void zeroOneAndOtherNumbersAreNoSlipsOfACount(long right, long given) {
    assertThat(HonestSlips.explains(Value.of(right), Value.of(given))).isFalse();
  }
}
