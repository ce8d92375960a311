package io.layerwise.code;

import static org.assertj.core.api.Assertions.assertThat;

import io.layerwise.model.Framework;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class CodeNoteTest {

  private static Properties bundle() throws IOException {
    Properties p = new Properties();
    try (InputStream in = CodeNote.class.getResourceAsStream("notes.properties")) {
      p.load(new java.io.InputStreamReader(in, java.nio.charset.StandardCharsets.UTF_8));
    }
    return p;
  }

  /** Every message key the code package uses is in the bundle, and no unused one. */
  @Test
  void everyKeyIsWorded() throws IOException {
    Pattern key = Pattern.compile("\"((?:none|counts|rewritten)\\.[A-Za-z]+)\"");
    Set<String> used = new TreeSet<>();
    try (Stream<Path> files = Files.list(Path.of("src/main/java/io/layerwise/code"))) {
      for (Path f : files.toList()) {
        Matcher m = key.matcher(Files.readString(f));
        while (m.find()) {
          used.add(m.group(1));
        }
      }
    }
    Set<String> worded = new TreeSet<>(bundle().stringPropertyNames());
    worded.removeIf(k -> k.startsWith("framework."));
    assertThat(worded).isEqualTo(used);
  }

  @Test
  void wordingHasNoAsciiApostrophe() throws IOException {
    bundle().forEach((k, v) -> assertThat((String) v).as((String) k).doesNotContain("'"));
  }

  @Test
  void countsAreFormattedForTheLocale() {
    CodeNote note = CodeNote.of(Framework.PYTORCH, "lstm", CodeNote.Kind.COUNTS_DIFFER,
        "counts.recurrent", 6272L, 0L, 6400L, 128L);
    assertThat(note.text(Locale.ENGLISH)).startsWith("‘lstm’: Keras counts 6,272 parameters,"
        + " PyTorch 6,400:");
    assertThat(note.text()).isEqualTo(note.text(Locale.ENGLISH));
  }

  @Test
  void frameworkNameIsAnArgument() {
    CodeNote note = CodeNote.of(Framework.KERAS, "s2", CodeNote.Kind.NO_EQUIVALENT,
        "none.subsampling");
    assertThat(note.text()).startsWith("‘s2’: Keras has no layer for LeNet-5’s trainable"
        + " subsampling");
  }
}
