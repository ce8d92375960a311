package io.layerwise.render;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The zip of a package: its files in the given order, dated alike, the same bytes each time. */
class QuizPackageTest {

  private static QuizPackage.Entry entry(String path, String text) {
    return new QuizPackage.Entry(path, text.getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void theSameFilesGiveTheSameBytesInTheGivenOrder() throws Exception {
    QuizPackage p = new QuizPackage(List.of(entry("imsmanifest.xml", "<manifest/>"),
        entry("b.xml", "<b/>"), entry("images/a.svg", "<svg/>")));
    byte[] zip = p.zip();
    Thread.sleep(1100); // a zip entry dated by the clock would differ now
    assertThat(new QuizPackage(p.entries()).zip()).isEqualTo(zip);
    assertThat(Zips.files(zip)).containsExactly(
        java.util.Map.entry("imsmanifest.xml", "<manifest/>"), java.util.Map.entry("b.xml", "<b/>"),
        java.util.Map.entry("images/a.svg", "<svg/>"));
  }

  @Test
  void aPathOutsideThePackageOrTwiceIsRefused() {
    for (String bad : List.of("/etc/passwd", "../up.xml", "a/../../b", "a\\b", "")) {
      assertThatThrownBy(() -> entry(bad, "x")).as(bad)
          .isInstanceOf(IllegalArgumentException.class);
    }
    assertThatThrownBy(() -> new QuizPackage(List.of(entry("a.xml", "1"), entry("a.xml", "2"))))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("a.xml");
  }

  @Test
  void anEntryCannotBeChangedFromOutside() {
    byte[] bytes = "abc".getBytes(StandardCharsets.UTF_8);
    QuizPackage.Entry e = new QuizPackage.Entry("a.txt", bytes);
    bytes[0] = 'x';
    e.bytes()[1] = 'y';
    assertThat(new String(e.bytes(), StandardCharsets.UTF_8)).isEqualTo("abc");
  }
}
