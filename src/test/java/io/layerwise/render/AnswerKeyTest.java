package io.layerwise.render;

import static org.assertj.core.api.Assertions.assertThat;

import io.layerwise.Bundled;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The compact answer key, the question sheet's name fields and a handout's title page. */
class AnswerKeyTest {

  private static Sheets sheets;

  @BeforeAll
  static void templates() throws RenderException {
    sheets = Sheets.create(Optional.empty());
  }

  private static String key(String id) throws RenderException {
    return sheets.render(Bundled.analyze(id), SheetKind.KEY, Locale.ENGLISH).asciidoc();
  }

  @Test
  void theKeyHasAColumnPerAskedQuantityAndTheAskedTotals() throws RenderException {
    String key = key("course-example");
    assertThat(key).contains("|Layer |Output shape |Activations |Parameters")
        .contains("|conv1 |&#40;28, 28, 8&#41; |6,272 |608")
        .contains("|Total parameters |62,958")
        .doesNotContain("image::");
    assertThat(sheets.render(Bundled.analyze("course-example"), SheetKind.KEY, Locale.ENGLISH)
        .baseName()).isEqualTo("course-example-answer-key");
  }

  @Test
  void aQuestionAboutSomeLayersHasARowPerLayerAsked() throws RenderException {
    String key = key("resnet50");
    assertThat(key).contains("|Layer |Non&#45;trainable").contains("|conv1&#95;bn |128")
        .contains("|conv5&#95;block3&#95;3&#95;bn |4,096").contains("|Total parameters |25,636,712")
        .doesNotContain("conv2&#95;block1&#95;1&#95;bn");
    assertThat(key("vgg16")).contains("|block5&#95;pool |&#40;7, 7, 512&#41; |0 |212 × 212")
        .contains("|block1&#95;conv1 |&#40;224, 224, 64&#41; |1,792 |—");
  }

  @Test
  void aHandoutsKeyHasOneTablePerExerciseAndItsTitlePage() throws RenderException {
    Sheets.Handout h = sheets.handout("midterm-answer-key", new Cover("Midterm", "ML 101",
        "3 December 2026"), List.of(Bundled.analyze("course-example"),
        Bundled.analyze("lenet5-keras")), SheetKind.KEY, Locale.ENGLISH);
    assertThat(h.asciidoc()).startsWith("= Answer key: Midterm\n:revdate: 3 December 2026\n")
        .contains("ML 101").contains("== The course example").contains("== LeNet&#45;5");
  }

  @Test
  void aQuestionSheetAndAQuestionHandoutHaveNameAndIdFields() throws RenderException {
    String q = sheets.render(Bundled.analyze("course-example"), SheetKind.QUESTIONS,
        Locale.ENGLISH).asciidoc();
    assertThat(q).contains("|*Name* |").contains("|*Student ID* |");
    String h = sheets.handout("midterm-questions", new Cover("Midterm", "ML 101", "3 Dec"),
        List.of(Bundled.analyze("course-example")), SheetKind.QUESTIONS, Locale.ENGLISH)
        .asciidoc();
    assertThat(h).startsWith("= Midterm: ML 101\n:revdate: 3 Dec\n").contains(":title-page:")
        .contains("|*Name* |");
    String de = sheets.render(Bundled.analyze("course-example"), SheetKind.QUESTIONS,
        Locale.GERMAN).asciidoc();
    assertThat(de).contains("|*Matrikelnummer* |");
  }
}
