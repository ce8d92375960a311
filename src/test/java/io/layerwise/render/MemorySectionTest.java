package io.layerwise.render;

import static org.assertj.core.api.Assertions.assertThat;

import io.layerwise.Bundled;
import java.util.Locale;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The answer sheet's memory section: only with {@code training:}, only on answer sheets. */
class MemorySectionTest {

  private static final String NET = """
      title: t
      framework: pytorch
      input: [3, 8, 8]
      layers:
        - {type: Conv2d, name: conv, in_channels: 3, out_channels: 4, kernel_size: 3}
        - {type: ReLU, name: relu}
        - {type: Flatten, name: flat}
        - {type: Linear, name: fc, in_features: 144, out_features: 10}
      """;

  private static String sheet(String text, SheetKind kind) throws Exception {
    return Sheets.create(Optional.empty()).render(Bundled.analyzeText(text), kind,
        Locale.ENGLISH).asciidoc();
  }

  @Test
  void answerSheetDerivesTheMemoryAndSaysWhatTorchinfoWouldPrint() throws Exception {
    String adoc = sheet(NET + "training: {batch: 2, dtype: float16, optimizer: adamw,"
        + " mixed_precision: true}\n", SheetKind.ANSWERS);
    assertThat(adoc).contains("== Memory of a training step")
        .contains("mixed precision")
        .contains("AdamW &#40;two moments per trainable parameter&#41;")
        .contains("|flat &#40;view, stored with its input&#41; |0 |0 |0 |0 |0")
        .contains("Each row of the table is derived as for conv&#58;")
        .contains("torchinfo’s summary&#40;&#41; would print Input size 0&#46;00 MB")
        .contains("Estimated Total Size 0&#46;01 MB")
        .doesNotContain("Keras’ model&#46;summary&#40;&#41; prints no memory estimate");
    long trainable = (3 * 3 * 3 + 1) * 4 + (144 + 1) * 10;
    assertThat(adoc).contains(String.format(Locale.ROOT,
        "M_opt = (2 + 1)·trainable·b_master = (2 + 1)·%,d·4 = %,d", trainable,
        3 * trainable * 4));
  }

  @Test
  void noTrainingNoSectionAndNoneOnQuestionSheets() throws Exception {
    assertThat(sheet(NET, SheetKind.ANSWERS)).doesNotContain("Memory of a training step");
    assertThat(sheet(NET + "training: {batch: 2}\n", SheetKind.QUESTIONS))
        .doesNotContain("Memory of a training step");
  }
}
