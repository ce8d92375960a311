package io.layerwise.render;

import static org.assertj.core.api.Assertions.assertThat;

import io.layerwise.Bundled;
import io.layerwise.diagram.Geometry;
import io.layerwise.diagram.Part;
import io.layerwise.engine.Analysis;
import io.layerwise.engine.LayerResult;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.w3c.dom.Document;

class DiagramTest {

  private static final Words EN = new Words(Locale.ENGLISH);

  private static Document parse(String svg) throws Exception {
    DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
    f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
    return f.newDocumentBuilder().parse(new ByteArrayInputStream(
        svg.getBytes(StandardCharsets.UTF_8)));
  }

  @Test
  void aSmallNetworkIsOnePartWithABoxPerLayerAndAnArrowPerInput() throws Exception {
    Map<String, String> pages = Diagram.pages(Bundled.analyze("course-example"), EN, false).files();
    assertThat(pages).containsOnlyKeys("course-example-network.svg");
    Document svg = parse(pages.get("course-example-network.svg"));
    assertThat(svg.getElementsByTagName("rect").getLength()).isEqualTo(9);
    assertThat(svg.getElementsByTagName("polyline").getLength()).isEqualTo(8);
    // the answer sheet's, whose boxes print the shapes, is not cut in two either: its first part
    // may take what the page leaves after the question
    assertThat(Diagram.pages(Bundled.analyze("course-example"), EN, true).files())
        .containsOnlyKeys("course-example-answers-network.svg");
  }

  @Test
  void aDiagramSaysInWordsWhatItShowsAndNoMore() {
    Analysis a = Bundled.analyze("course-example");
    String question = String.join("; ", Diagram.pages(a, EN, false).descriptions().values());
    String answer = String.join("; ", Diagram.pages(a, EN, true).descriptions().values());
    assertThat(question).startsWith("Input: (None, 32, 32, 3); conv1: Conv2D · 8 filters, 5×5,"
        + " stride 1, valid padding, relu; pool1: MaxPooling2D").doesNotContain("28, 28, 8")
        .doesNotContain("output");
    assertThat(answer).contains("conv1: Conv2D · 8 filters, 5×5, stride 1, valid padding, relu"
        + " · output (None, 28, 28, 8)");
  }

  @Test
  void aQuestionSheetsDiagramPrintsNoOutputShape() {
    Analysis a = Bundled.analyze("course-example");
    String question = Diagram.pages(a, EN, false).files().values().iterator().next();
    String answer = String.join("", Diagram.pages(a, EN, true).files().values());
    assertThat(question).contains("(None, 32, 32, 3)").doesNotContain("(None, 28, 28, 8)")
        .contains(">conv1<").contains("8 filters");
    assertThat(answer).contains("(None, 28, 28, 8)");
  }

  /** The bundled networks with branches and depth: every part passes the reader's-eye checks. */
  @ParameterizedTest
  @ValueSource(strings = {"course-example", "resnet50", "transformer-encoder-block",
      "zoo/mobilenetv2", "zoo/resnet18-torchvision", "vgg16"})
  void arrowsAvoidBoxesAndEachOtherAndLabelsFit(String id) throws Exception {
    Analysis a = Bundled.analyze(id);
    for (boolean shapes : new boolean[] {false, true}) {
      List<Part> parts = Diagram.parts(a, EN, shapes);
      Geometry.check(parts);
      String dir = System.getProperty("layerwise.diagrams");
      if (dir != null) {
        Files.createDirectories(Path.of(dir));
        for (int i = 0; i < parts.size(); i++) {
          Files.writeString(Path.of(dir, id.replace('/', '-') + (shapes ? "-a-" : "-q-") + (i + 1)
              + ".svg"), parts.get(i).svg());
        }
      }
    }
  }

  @Test
  void resNet50IsCutIntoPartsOfAPageAtOneScaleWithItsBlocksFolded() throws Exception {
    Analysis a = Bundled.analyze("resnet50");
    List<Part> parts = Diagram.parts(a, EN, false);
    assertThat(parts.size()).isBetween(2, 6);
    int boxes = 0;
    for (Part p : parts) {
      assertThat(p.width()).isEqualTo(parts.get(0).width());
      assertThat(p.height()).isLessThan(Diagram.PART_HEIGHT * 1.2);
      boxes += (int) p.boxes().stream().filter(b -> !b.stub()).count();
    }
    assertThat(boxes).as("conv–BN–ReLU drawn as one box").isLessThan(100);
    String all = String.join("", Diagram.pages(a, EN, false).files().values());
    for (LayerResult l : a.layers()) {
      assertThat(all).as(l.name()).contains(">" + l.name());
    }
    assertThat(parts.get(1).svg()).contains(">from ");
  }

  @Test
  void theFirstPartGetsTheRoomTheQuestionLeaves() {
    io.layerwise.model.Exercise course = Bundled.analyze("course-example").exercise();
    io.layerwise.model.Exercise resnet = Bundled.analyze("resnet50").exercise();
    double units = Diagram.firstRoom(course, true) / Diagram.POINTS_PER_UNIT;
    assertThat(units).isGreaterThan(Diagram.FIRST_PART_HEIGHT)
        .isLessThan(Diagram.PAGE_POINTS / Diagram.POINTS_PER_UNIT);
    // the question sheet's name fields take room the answer sheet's heading does not
    assertThat(Diagram.firstRoom(course, false)).isLessThan(Diagram.firstRoom(course, true));
    // ResNet-50's question (a paragraph and a list of layers) leaves well under a page
    assertThat(Diagram.firstRoom(resnet, false)).isLessThan(Diagram.PAGE_POINTS * 0.6);
  }

  @Test
  void namesCannotBecomeMarkup() throws Exception {
    String svg = Diagram.pages(Bundled.analyzeText("""
        title: t
        input: [4]
        layers:
          - {type: Dense, name: "a<b>&c\\"", units: 2}
        """), EN, true).files().values().iterator().next();
    assertThat(svg).contains("a&lt;b&gt;&amp;c&quot;");
    parse(svg);
  }
}
