package io.layerwise.render;

import static org.assertj.core.api.Assertions.assertThat;

import io.layerwise.Bundled;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;

class DiagramTest {

  private static Document parse(String svg) throws Exception {
    DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
    f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
    return f.newDocumentBuilder().parse(new ByteArrayInputStream(
        svg.getBytes(StandardCharsets.UTF_8)));
  }

  @Test
  void aSmallNetworkIsOnePageWithABlockPerLayerAndAnArrowPerInput() throws Exception {
    Map<String, String> pages = Diagram.pages(Bundled.analyze("course-example"), new Words(Locale.ENGLISH));
    assertThat(pages).containsOnlyKeys("course-example-network.svg");
    Document svg = parse(pages.get("course-example-network.svg"));
    assertThat(svg.getElementsByTagName("rect").getLength()).isEqualTo(9);
    assertThat(svg.getElementsByTagName("line").getLength()).isEqualTo(8);
  }

  @Test
  void aDeepNetworkIsCutIntoReadablePages() throws Exception {
    Map<String, String> pages = Diagram.pages(Bundled.analyze("resnet50"), new Words(Locale.ENGLISH));
    assertThat(pages).hasSizeGreaterThan(5).containsKey("resnet50-network-1.svg");
    int blocks = 0;
    for (String svg : pages.values()) {
      Document d = parse(svg);
      blocks += d.getElementsByTagName("rect").getLength();
      int height = Integer.parseInt(d.getDocumentElement().getAttribute("height"));
      assertThat(height).isLessThan(1000);
    }
    assertThat(blocks).as("every layer and the input, once").isEqualTo(176 + 1);
    assertThat(pages.get("resnet50-network-2.svg")).contains(">from ");
  }

  @Test
  void branchesSitSideBySide() throws Exception {
    String svg = Diagram.pages(Bundled.analyze("resnet50"), new Words(Locale.ENGLISH)).get("resnet50-network-1.svg");
    assertThat(svg).contains("x=\"242\"");
  }

  @Test
  void namesCannotBecomeMarkup() throws Exception {
    String svg = Diagram.pages(Bundled.analyzeText("""
        title: t
        input: [4]
        layers:
          - {type: Dense, name: "a<b>&c\\"", units: 2}
        """), new Words(Locale.ENGLISH)).values().iterator().next();
    assertThat(svg).contains("a&lt;b&gt;&amp;c&quot;");
    parse(svg);
  }
}
