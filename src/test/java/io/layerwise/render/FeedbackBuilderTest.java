package io.layerwise.render;

import static org.assertj.core.api.Assertions.assertThat;

import io.layerwise.Layerwise;
import io.layerwise.check.CheckResult;
import io.layerwise.check.Checker;
import io.layerwise.engine.Analysis;
import io.layerwise.exercise.AnswersReader;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class FeedbackBuilderTest {

  /**
   * The feedback sheet of a chain built on conv1's 1×1×1: the activations that follow from it
   * are marked wrong with the reason no credit is given, and the score counts nothing carried.
   */
  @Test
  void aChainFromAOneByOneByOneShapeIsMarkedWrongWithTheReasonOnTheFeedbackSheet()
      throws Exception {
    Analysis a = Layerwise.explain(Path.of("exercises/course-example.yaml"));
    CheckResult r = Checker.check(a, AnswersReader.read("answers.yaml", """
        layers:
          conv1: {output_shape: 1x1x1, activations: 1, params: 608}
        """, a.exercise()));
    String adoc = Sheets.create(Optional.empty()).feedback(r, Locale.ENGLISH).asciidoc();
    int activations = adoc.indexOf("activations");
    assertThat(activations).isPositive();
    String item = adoc.substring(activations, adoc.indexOf("== conv1", activations));
    assertThat(item).contains("[.verdict-wrong]").contains("but no credit is given for it")
        .doesNotContain("the method is right");
    assertThat(adoc).contains("1 / 3");
  }
}
