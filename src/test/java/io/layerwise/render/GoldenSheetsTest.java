package io.layerwise.render;

import io.layerwise.Bundled;
import io.layerwise.Layerwise;
import io.layerwise.diagnostic.ExerciseException;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The AsciiDoc of every bundled exercise's sheets in every language, pinned in {@code
 * src/test/resources/golden} ({@code <id>-answers.adoc}, {@code <id>-answers.de.adoc}). The pairs
 * are found from the bundled exercises; a golden file that no pair produces fails the test.
 * Regenerate deliberately with {@code mvn test -Dlayerwise.golden=update} and review the diff.
 */
class GoldenSheetsTest {

  private static final Path GOLDEN = Path.of("src/test/resources/golden");
  private static final boolean UPDATE = "update".equals(System.getProperty("layerwise.golden"));
  private static Sheets sheets;

  @BeforeAll
  static void templates() throws RenderException {
    sheets = Sheets.create(Optional.empty());
  }

  static List<Arguments> pairs() {
    List<Arguments> pairs = new ArrayList<>();
    for (Path file : Bundled.files()) {
      for (SheetKind kind : SheetKind.values()) {
        pairs.add(Arguments.of(file, kind));
      }
    }
    return pairs;
  }

  static List<Arguments> goldenPairs() {
    List<Arguments> pairs = new ArrayList<>();
    for (Arguments a : pairs()) {
      for (Locale locale : Layerwise.LANGUAGES) {
        pairs.add(Arguments.of(a.get()[0], a.get()[1], locale));
      }
    }
    return pairs;
  }

  /** The golden file of a sheet: English unmarked, other languages with their tag. */
  private static String goldenName(String baseName, Locale locale) {
    return baseName + (locale.equals(Locale.ENGLISH) ? "" : "." + locale.toLanguageTag())
        + ".adoc";
  }

  @ParameterizedTest(name = "{0} {1} {2}")
  @MethodSource("goldenPairs")
  void asciiDocMatchesItsGoldenFile(Path exercise, SheetKind kind, Locale locale)
      throws ExerciseException, RenderException, IOException {
    RenderedSheet sheet = sheets.render(Layerwise.explain(exercise), kind, locale);
    Path golden = GOLDEN.resolve(goldenName(sheet.baseName(), locale));
    if (UPDATE) {
      Files.createDirectories(GOLDEN);
      Files.writeString(golden, sheet.asciidoc());
    }
    assertThat(golden).as("golden file (create with -Dlayerwise.golden=update)").exists();
    assertThat(sheet.asciidoc()).isEqualTo(Files.readString(golden));
  }

  /** Every golden file belongs to a bundled exercise's sheet: none is left over unchecked. */
  @Test
  void noGoldenFileIsOrphaned() throws Exception {
    Set<String> expected = new TreeSet<>();
    for (Arguments a : goldenPairs()) {
      RenderedSheet sheet = sheets.render(Layerwise.explain((Path) a.get()[0]),
          (SheetKind) a.get()[1], (Locale) a.get()[2]);
      expected.add(goldenName(sheet.baseName(), (Locale) a.get()[2]));
    }
    try (Stream<Path> files = Files.list(GOLDEN)) {
      assertThat(files.map(p -> p.getFileName().toString()).sorted().toList())
          .as("golden files without a bundled exercise's sheet")
          .containsExactlyElementsOf(expected);
    }
  }

  /**
   * A section title that follows a list item or paragraph without a blank line is read as more of
   * that text: the heading vanishes into the list (as "Check it yourself" once did). Only an
   * anchor or attribute line may stand between the blank line and the title.
   */
  @ParameterizedTest(name = "{0} {1}")
  @MethodSource("pairs")
  void everySectionTitleFollowsABlankLine(Path exercise, SheetKind kind) throws Exception {
    String[] lines = sheets.render(Layerwise.explain(exercise), kind, Locale.ENGLISH)
        .asciidoc().split("\n", -1);
    boolean inBlock = false;
    for (int i = 1; i < lines.length; i++) {
      if (lines[i].matches("-{4,}|\\.{4,}|\\+{4,}")) {
        inBlock = !inBlock;
      }
      if (!inBlock && lines[i].matches("={1,6} \\S.*")) {
        assertThat(lines[i - 1]).as("line before '%s' (line %d)", lines[i], i + 1)
            .matches("|\\[.*]");
      }
    }
  }
}
