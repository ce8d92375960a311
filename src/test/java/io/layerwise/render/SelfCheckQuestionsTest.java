package io.layerwise.render;

import io.layerwise.diagnosis.Diagnosis;
import static org.assertj.core.api.Assertions.assertThat;

import io.layerwise.Bundled;
import io.layerwise.model.Answers;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The self-check page asks what the question sheet asks: of every layer, of some, the total. */
class SelfCheckQuestionsTest {

  private static List<String> asked(String exercise) {
    return new SelfCheckPage(Diagnosis.of(Bundled.analyze(exercise)), Locale.ENGLISH).questions().stream()
        .map(q -> q.layer() + " " + q.quantity()).toList();
  }

  @Test
  void resNet50AsksThreeLayersNonTrainableCountsAndTheTotal() {
    assertThat(asked("resnet50")).containsExactly("conv1_bn non_trainable_params",
        "conv2_block1_0_bn non_trainable_params", "conv5_block3_3_bn non_trainable_params",
        Answers.TOTAL + " params");
  }

  @Test
  void theCourseExampleAsksEveryLayer() {
    List<String> asked = asked("course-example");
    assertThat(asked).contains("conv1 output_shape", "conv1 activations", "softmax params");
    assertThat(asked).hasSize(8 * 3 + 1);
  }

  /** The description as the sheets print it (lists as lists), and the question sheet's diagram. */
  @Test
  void thePageShowsTheDescriptionsListAndTheQuestionSheetsDiagram() throws Exception {
    String html = Sheets.create(Optional.empty())
        .selfCheck(Diagnosis.of(Bundled.analyze("course-example")), Locale.ENGLISH);
    assertThat(html).contains("<li>CONV1: 8 filters of 5×5").contains("<ul>")
        .contains("<svg").contains(">conv1<").contains("8 filters, 5×5")
        .doesNotContain("(None, 28, 28, 8)");
    assertThat(DescriptionBlocks.of("a `<b>` c\n\n* one\n  more\n- two\n\n    code"))
        .hasSize(3);
  }

  /** VGG16 asks memory, which the page does not check: it says where to check it instead. */
  @Test
  void thePageSaysThatTheMemoryItAsksIsCheckedElsewhere() throws Exception {
    Sheets sheets = Sheets.create(Optional.empty());
    assertThat(sheets.selfCheck(Diagnosis.of(Bundled.analyze("vgg16")), Locale.ENGLISH))
        .contains("is not checked on this page: check it with layerwise check");
    assertThat(asked("vgg16")).noneMatch(q -> q.contains("bytes"));
    assertThat(sheets.selfCheck(Diagnosis.of(Bundled.analyze("course-example")),
        Locale.ENGLISH)).doesNotContain("not checked on this page");
  }
}
