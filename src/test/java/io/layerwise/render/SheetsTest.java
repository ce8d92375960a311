package io.layerwise.render;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SheetsTest {

  @TempDir Path dir;

  private Sheets teacherTemplate(String source) throws Exception {
    Files.writeString(dir.resolve("questions.adoc.ftl"), source);
    return Sheets.create(Optional.of(dir));
  }

  @Test
  void aLoopWithoutOutputIsStoppedAfterItsTime() throws Exception {
    Sheets sheets = teacherTemplate("<#list 1..9000000000000 as i></#list>done");
    long start = System.nanoTime();
    assertThatThrownBy(() -> sheets.process("questions.adoc.ftl", Locale.ENGLISH, Map.of(), 1))
        .isInstanceOf(RenderException.class)
        .hasMessage("template questions.adoc.ftl: it ran for more than 1 s and was stopped"
            + " (a loop or a macro without end?)");
    assertThat(System.nanoTime() - start).isLessThan(30_000_000_000L);
  }

  @Test
  void aLoopThatWritesWithoutEndIsStoppedAtTheOutputCap() throws Exception {
    Sheets sheets = teacherTemplate(
        "<#list 1..9000000000000 as i>${'x'?left_pad(100000, 'x')}</#list>");
    assertThatThrownBy(() -> sheets.process("questions.adoc.ftl", Locale.ENGLISH, Map.of(), 600))
        .isInstanceOf(RenderException.class)
        .hasMessageContaining("its output passed 200 million characters and was stopped");
  }

  @Test
  void aMacroThatCallsItselfIsOneTemplateError() throws Exception {
    Sheets sheets = teacherTemplate("<#macro m><@m/></#macro><@m/>");
    assertThatThrownBy(() -> sheets.process("questions.adoc.ftl", Locale.ENGLISH, Map.of(), 600))
        .isInstanceOf(RenderException.class)
        .hasMessageContaining("a macro or function calls itself without end");
  }

  @Test
  void anOrdinaryTemplateRunsOnItsThreadAndReturnsItsText() throws Exception {
    Sheets sheets = teacherTemplate("<#list 1..3 as i>${i}</#list>");
    assertThat(sheets.process("questions.adoc.ftl", Locale.ENGLISH, Map.of(), 10))
        .isEqualTo("123");
  }
}
