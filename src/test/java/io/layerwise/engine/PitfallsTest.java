package io.layerwise.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.layerwise.Bundled;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/** The pitfalls a sheet lists: in the network's own numbers, and none said twice. */
class PitfallsTest {

  private static List<String> pitfalls(String exercise, Locale locale) {
    return Pitfalls.of(Bundled.analyze(exercise)).stream().map(e -> e.text(locale)).toList();
  }

  @Test
  void theCourseExamplesPitfallsUseItsOwnNumbers() {
    List<String> en = pitfalls("course-example", Locale.ENGLISH);
    assertThat(en).contains(
        "A filter spans all channels of its input: each filter of conv1 is 5×5 on 3 channels,"
            + " 75 weights, not 25.",
        "Flatten multiplies all axes, channels included: (5, 5, 16) becomes 400 values.",
        "A dense layer has one weight per input and unit, plus one bias per unit: fc3 has"
            + " 400·120 + 120 = 48,120 parameters, not 400·120 + 1.");
    assertThat(en).doesNotHaveDuplicates()
        .noneMatch(p -> p.equals("A dense layer has one bias per unit, not one per layer."));
    assertThat(pitfalls("course-example", Locale.GERMAN))
        .anyMatch(p -> p.contains("fc3 hat 400·120 + 120 = 48,120 Parameter"));
  }

  @Test
  void everyBundledExercisesPitfallsAreEachSaidOnce() {
    for (String id : List.of("lenet5-keras", "vgg16", "resnet50", "alexnet-2012", "two-class-cnn")) {
      assertThat(pitfalls(id, Locale.ENGLISH)).as(id).doesNotHaveDuplicates()
          .noneMatch(p -> p.contains("{"));
    }
  }
}
