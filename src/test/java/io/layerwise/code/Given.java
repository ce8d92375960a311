package io.layerwise.code;

import io.layerwise.Bundled;
import io.layerwise.model.Framework;

/** Small exercises written inline, and the code generated for them. */
final class Given {

  private Given() {}

  /** A Keras exercise: {@code keras("[32, 32, 3]", "{type: Conv2D, ...}", ...)}. */
  static FrameworkCode keras(String input, String... layers) {
    return code(Framework.KERAS, input, layers);
  }

  static FrameworkCode pytorch(String input, String... layers) {
    return code(Framework.PYTORCH, input, layers);
  }

  static FrameworkCode code(Framework framework, String input, String... layers) {
    StringBuilder yaml = new StringBuilder("title: test\nframework: " + framework.id()
        + "\ninput: " + input + "\nlayers:\n");
    for (String l : layers) {
      yaml.append("  - ").append(l).append('\n');
    }
    io.layerwise.engine.Analysis analysis = Bundled.analyzeText(yaml.toString());
    TargetCounts.verify(analysis);
    return FrameworkCode.of(analysis);
  }

  static String kerasCode(FrameworkCode code) {
    return code.keras().orElseThrow(() -> new AssertionError("no Keras code: " + code.notes()))
        .source();
  }

  static String torchCode(FrameworkCode code) {
    return code.pytorch().orElseThrow(() -> new AssertionError("no PyTorch code: "
        + code.notes())).source();
  }
}
