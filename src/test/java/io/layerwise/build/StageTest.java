package io.layerwise.build;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The files of one exercise land together or not at all. */
class StageTest {

  @Test
  void allFilesReplaceTheEarlierOnesTogether(@TempDir Path out) throws IOException {
    Files.writeString(out.resolve("a-answers.adoc"), "old answers");
    try (Stage stage = Stage.open(out)) {
      Files.writeString(stage.dir().resolve("a-answers.adoc"), "new answers");
      Files.writeString(stage.dir().resolve("a-questions.adoc"), "new questions");
      Files.createDirectories(stage.dir().resolve("formulas"));
      Files.writeString(stage.dir().resolve("formulas/f1.svg"), "<svg/>");
      stage.commit();
    }
    assertThat(Files.readString(out.resolve("a-answers.adoc"))).isEqualTo("new answers");
    assertThat(Files.readString(out.resolve("a-questions.adoc"))).isEqualTo("new questions");
    assertThat(out.resolve("formulas/f1.svg")).isRegularFile();
    assertNoStageLeft(out);
  }

  /**
   * A file that cannot land after others already have (a file stands where the formulas folder
   * goes): the files moved in are taken out again and the earlier ones put back.
   */
  @Test
  void aFailedMoveHalfwayPutsTheEarlierFilesBack(@TempDir Path out) throws IOException {
    Files.writeString(out.resolve("a-answers.adoc"), "old answers");
    Files.writeString(out.resolve("formulas"), "a file where a folder goes");
    try (Stage stage = Stage.open(out)) {
      Files.writeString(stage.dir().resolve("a-answers.adoc"), "new answers");
      Files.writeString(stage.dir().resolve("a-questions.adoc"), "new questions");
      Files.createDirectories(stage.dir().resolve("formulas"));
      Files.writeString(stage.dir().resolve("formulas/f1.svg"), "<svg/>");
      assertThatThrownBy(stage::commit).isInstanceOf(IOException.class);
    }
    assertThat(Files.readString(out.resolve("a-answers.adoc"))).isEqualTo("old answers");
    assertThat(out.resolve("a-questions.adoc")).doesNotExist();
    assertThat(Files.readString(out.resolve("formulas"))).isEqualTo("a file where a folder goes");
    assertNoStageLeft(out);
  }

  @Test
  void aDirectoryWhereAFileGoesStopsTheCommitBeforeAnyMove(@TempDir Path out)
      throws IOException {
    Files.writeString(out.resolve("a-questions.adoc"), "old questions");
    Files.createDirectories(out.resolve("a-answers.adoc/child"));
    try (Stage stage = Stage.open(out)) {
      Files.writeString(stage.dir().resolve("a-answers.adoc"), "new answers");
      Files.writeString(stage.dir().resolve("a-questions.adoc"), "new questions");
      assertThatThrownBy(stage::commit).isInstanceOf(IOException.class)
          .hasMessageContaining("is a directory");
    }
    assertThat(Files.readString(out.resolve("a-questions.adoc"))).isEqualTo("old questions");
    assertThat(out.resolve("a-answers.adoc/child")).isDirectory();
  }

  private static void assertNoStageLeft(Path out) throws IOException {
    try (Stream<Path> s = Files.list(out.resolve(".layerwise"))) {
      assertThat(s.map(p -> p.getFileName().toString())).noneMatch(n -> n.startsWith("work-"));
    }
  }
}
