package io.layerwise.build;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.layerwise.publish.Document;
import io.layerwise.publish.OutputFormat;
import io.layerwise.render.SheetKind;
import java.io.IOException;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The second line of defence behind the reader's plain-name check: whatever name reaches the
 * build, the build, the publisher and the request refuse a file outside the output directory.
 */
class OutputFilesTest {

  @ParameterizedTest
  @ValueSource(strings = {"../escaped/owned", "../../owned", "/tmp/x/owned", "a/b", ".hidden",
      "..", ".", "", "a\\b", "name\u0000x"})
  void refusesEveryNameThatIsNotPlainOrLeavesTheDirectory(String name, @TempDir Path tmp) {
    assertThatThrownBy(() -> OutputFiles.inside(tmp.resolve("out"), name))
        .isInstanceOf(IOException.class).hasMessageContaining("refusing to write");
    assertThat(Document.isPlainName(name)).isFalse();
    assertThatThrownBy(() -> new Document(name, "", Map.of()))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new BuildRequest(List.of(tmp), tmp, EnumSet.of(OutputFormat.ADOC),
        EnumSet.allOf(SheetKind.class), Optional.of(name), Optional.empty(), Locale.ENGLISH))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @ParameterizedTest
  @ValueSource(strings = {"course-example-key.pdf", "a.b_c-d", "x", "v2.fingerprint"})
  void keepsAPlainNameInTheDirectory(String name, @TempDir Path tmp) throws IOException {
    Path out = tmp.resolve("out");
    assertThat(OutputFiles.inside(out, name)).isEqualTo(out.resolve(name));
  }
}
