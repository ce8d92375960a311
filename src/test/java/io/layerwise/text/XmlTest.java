package io.layerwise.text;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class XmlTest {

  @Test
  void markupCharactersBecomeReferences() {
    assertThat(Xml.text("<b a=\"1\" c='2'>&amp;</b>"))
        .isEqualTo("&lt;b a=&quot;1&quot; c=&apos;2&apos;&gt;&amp;amp;&lt;/b&gt;");
  }

  @Test
  void charactersXmlForbidsAreDroppedAndTabsKept() {
    assertThat(Xml.text("a\u0000b\u0007c\td\uFFFEe\uFFFF")).isEqualTo("abc\tde");
  }

  @Test
  void otherTextIsKeptAsItIs() {
    assertThat(Xml.text("conv1 · 5×5 ⌊x⌋ Ünïcödé")).isEqualTo("conv1 · 5×5 ⌊x⌋ Ünïcödé");
  }
}
