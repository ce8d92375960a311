package io.layerwise.render;

import io.layerwise.diagnosis.Diagnosis;
import io.layerwise.Layerwise;
import io.layerwise.Bundled;
import io.layerwise.variant.Variants;
import static org.assertj.core.api.Assertions.assertThat;

import io.layerwise.engine.Analysis;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * The Moodle XML question banks: well-formed, and shaped as Moodle's XML import reads them
 * (question/format/xml: a {@code quiz} of {@code question} elements; a category question sets
 * the category of the questions after it; numerical and shortanswer questions with
 * {@code name/text}, {@code questiontext format=html}, and {@code answer fraction=...} elements,
 * each with {@code text}, {@code feedback/text}, and for numerical a {@code tolerance}).
 */
class MoodleQuizTest {

  private static Document parse(String xml) throws Exception {
    DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
    f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
    return f.newDocumentBuilder().parse(new ByteArrayInputStream(
        xml.getBytes(StandardCharsets.UTF_8)));
  }

  private static List<Element> children(Element e, String name) {
    List<Element> out = new ArrayList<>();
    for (Node n = e.getFirstChild(); n != null; n = n.getNextSibling()) {
      if (n instanceof Element c && c.getTagName().equals(name)) {
        out.add(c);
      }
    }
    return out;
  }

  private static String text(Element e, String path) {
    Element cur = e;
    for (String part : path.split("/")) {
      List<Element> c = children(cur, part);
      assertThat(c).as(path + " in " + e.getTagName()).hasSize(1);
      cur = c.get(0);
    }
    return cur.getTextContent();
  }

  /** Checks the structure Moodle's importer needs; returns the questions by category. */
  private static Map<String, List<Element>> importable(String xml) throws Exception {
    Document doc = parse(xml);
    Element quiz = doc.getDocumentElement();
    assertThat(quiz.getTagName()).isEqualTo("quiz");
    Map<String, List<Element>> byCategory = new LinkedHashMap<>();
    String category = null;
    for (Element q : children(quiz, "question")) {
      String type = q.getAttribute("type");
      assertThat(type).isIn("category", "numerical", "shortanswer");
      if (type.equals("category")) {
        category = text(q, "category/text");
        assertThat(category).startsWith("$course$/top/");
        byCategory.put(category, new ArrayList<>());
        continue;
      }
      assertThat(category).as("a category comes before the questions").isNotNull();
      byCategory.get(category).add(q);
      assertThat(text(q, "name/text")).isNotBlank();
      assertThat(children(q, "questiontext").get(0).getAttribute("format")).isEqualTo("html");
      assertThat(text(q, "questiontext/text")).contains("<table");
      assertThat(Double.parseDouble(text(q, "defaultgrade"))).isPositive();
      List<Element> answers = children(q, "answer");
      assertThat(answers).anySatisfy(a -> assertThat(a.getAttribute("fraction")).isEqualTo("100"));
      for (Element a : answers) {
        assertThat(a.getAttribute("fraction")).isIn("100", "0");
        String value = text(a, "text");
        assertThat(text(a, "feedback/text")).isNotBlank();
        if (type.equals("numerical") && value.contains(".")) {
          // a total in MiB or MB, asked to two decimals
          assertThat(value).matches("\\d+\\.\\d{2}");
          assertThat(text(a, "tolerance")).isEqualTo("0.005");
        } else if (type.equals("numerical")) {
          assertThat(value).matches("\\*|\\d+");
          assertThat(text(a, "tolerance")).isEqualTo("0");
        }
      }
      assertThat(answers.stream().map(a -> text(a, "text")).distinct().count())
          .as("no answer twice").isEqualTo(answers.size());
      if (type.equals("numerical")) {
        text(q, "unitgradingtype");
      }
    }
    return byCategory;
  }

  private static Element question(Map<String, List<Element>> bank, String nameEnd) {
    return bank.values().stream().flatMap(List::stream)
        .filter(q -> text(q, "name/text").endsWith(nameEnd)).findFirst().orElseThrow();
  }

  private static Map<String, String> answers(Element q) {
    Map<String, String> out = new LinkedHashMap<>();
    for (Element a : children(q, "answer")) {
      out.put(text(a, "text"), a.getAttribute("fraction") + " " + text(a, "feedback/text"));
    }
    return out;
  }

  @Test
  void theCourseExampleDiagnosesTheArticlesWrongNumbers() throws Exception {
    String xml = Sheets.create(Optional.empty())
        .moodle(List.of(Diagnosis.of(Bundled.analyze("course-example"))), Locale.ENGLISH);
    Map<String, List<Element>> bank = importable(xml);
    assertThat(bank).containsOnlyKeys("$course$/top/Layerwise/course-example");
    // one question per asked quantity: output shape, activations and parameters of 8 layers,
    // and the total
    assertThat(bank.get("$course$/top/Layerwise/course-example")).hasSize(25);
    Element conv1 = question(bank, "conv1 · Parameters");
    assertThat(conv1.getAttribute("type")).isEqualTo("numerical");
    Map<String, String> a = answers(conv1);
    assertThat(a.get("608")).startsWith("100 ");
    assertThat(a.get("208")).startsWith("0 ").contains("forgot the input channels")
        .contains("5 \\cdot 5 \\cdot 8 + 8 = 208");
    assertThat(answers(question(bank, "fc3 · Parameters")).get("48001")).startsWith("0 ")
        .contains("one bias per layer");
    assertThat(answers(question(bank, "softmax · Parameters")).get("841"))
        .contains("one bias per layer");
    Element shape = question(bank, "conv1 · Output shape");
    assertThat(shape.getAttribute("type")).isEqualTo("shortanswer");
    assertThat(answers(shape)).containsKeys("28x28x8", "(28, 28, 8)", "(None, 28, 28, 8)");
    assertThat(answers(shape).get("32x32x8")).startsWith("0 ").contains("same");
    assertThat(answers(question(bank, "course-example · Total parameters")).get("62958"))
        .startsWith("100 ");
  }

  @Test
  void variantsShareOneCategoryPerQuestionSoMoodleCanDrawOneAtRandom() throws Exception {
    List<Analysis> variants = Variants.generate(Path.of("exercises/course-example.yaml"),
        Optional.of(3), 7, Optional.empty()).files().stream()
        .map(Variants.VariantFile::analysis).toList();
    Map<String, List<Element>> bank = importable(Sheets.create(Optional.empty())
        .moodle(variants.stream().map(Diagnosis::of).toList(), Locale.ENGLISH));
    assertThat(bank).hasSize(25).containsKey("$course$/top/Layerwise/course-example/conv1-params");
    for (List<Element> questions : bank.values()) {
      assertThat(questions).hasSize(3);
      assertThat(questions.stream().map(q -> text(q, "idnumber")).distinct()).hasSize(3);
    }
    Set<String> rightConv1 = new java.util.HashSet<>();
    for (Element q : bank.get("$course$/top/Layerwise/course-example/conv1-params")) {
      rightConv1.add(children(q, "answer").get(0).getElementsByTagName("text").item(0)
          .getTextContent());
    }
    assertThat(rightConv1).as("the variants' numbers differ").hasSizeGreaterThan(1);
  }

  static List<Path> bundled() {
    return Bundled.files();
  }

  @ParameterizedTest
  @MethodSource("bundled")
  void everyBundledExerciseMakesAnImportableBank(Path file) throws Exception {
    Analysis a = io.layerwise.Layerwise.explain(file);
    importable(Sheets.create(Optional.empty()).moodle(List.of(Diagnosis.of(a)), Locale.ENGLISH));
  }

  /**
   * A wrong answer's feedback names the mistake and shows the student's way, but never the right
   * number (a pooling layer's used to say "0 parameters").
   */
  @ParameterizedTest
  @MethodSource("bundled")
  void aWrongAnswersFeedbackNeverGivesTheRightNumber(Path file) throws Exception {
    Analysis a = io.layerwise.Layerwise.explain(file);
    Map<String, List<Element>> bank = importable(Sheets.create(Optional.empty())
        .moodle(List.of(Diagnosis.of(a)), Locale.ENGLISH));
    noWrongFeedbackGivesTheRightNumber(bank);
  }

  /**
   * Adam on a batch of 32 with every memory quantity asked, of every layer and of the network:
   * each memory mistake has a wrong answer, and no feedback on one gives the right number.
   */
  @Test
  void memoryQuestionsOfATrainedNetworkNeverGiveTheRightNumber() throws Exception {
    Analysis a = Bundled.analyzeText(RightNumber.TRAINED);
    Map<String, List<Element>> bank = importable(Sheets.create(Optional.empty())
        .moodle(List.of(Diagnosis.of(a)), Locale.ENGLISH));
    noWrongFeedbackGivesTheRightNumber(bank);
    List<String> feedback = bank.values().stream().flatMap(List::stream)
        .flatMap(q -> answers(q).values().stream()).toList();
    for (String mistake : List.of("counted bits instead of bytes", "forgot the batch size",
        "mixed up MiB", "left out the gradients", "left out the optimizer state",
        "counted one moment for Adam instead of two",
        "counted the parameters among the activations")) {
      assertThat(feedback).as(mistake).anyMatch(f -> f.startsWith("0 ") && f.contains(mistake));
    }
  }

  private static void noWrongFeedbackGivesTheRightNumber(Map<String, List<Element>> bank) {
    for (List<Element> questions : bank.values()) {
      for (Element q : questions) {
        List<Element> all = children(q, "answer");
        String right = text(all.get(0), "text");
        if (!q.getAttribute("type").equals("numerical")) {
          continue; // a shape's wrong way may show an axis the student got right
        }
        for (Element wrong : all) {
          if (wrong.getAttribute("fraction").equals("0")) {
            RightNumber.notIn(text(wrong, "feedback/text"), right,
                text(q, "name/text") + ": " + text(wrong, "text"));
          }
        }
      }
    }
  }

  @Test
  void textFromTheFileCannotBreakTheXmlOrTheHtml() throws Exception {
    Analysis a = Bundled.analyzeText("""
        title: "<script>alert(1)</script> ]]> & </text>"
        description: "<b>bold</b> & <![CDATA[ x ]]>"
        input: [4]
        layers:
          - {type: Dense, name: "x</td><img src=x>", units: 2}
        """);
    String xml = Sheets.create(Optional.empty()).moodle(List.of(Diagnosis.of(a)), Locale.ENGLISH);
    Map<String, List<Element>> bank = importable(xml);
    String html = text(bank.values().iterator().next().get(0), "questiontext/text");
    assertThat(html).contains("&lt;script&gt;alert(1)&lt;/script&gt; ]]&gt; &amp; &lt;/text&gt;")
        .contains("x&lt;/td&gt;&lt;img src=x&gt;").doesNotContain("<script").doesNotContain("<b>");
  }

  /**
   * What the question sheet asks of some layers only is in the bank as well: ResNet-50 asks the
   * non-trainable parameters of three BatchNormalization layers besides the total.
   */
  @Test
  void aBankAsksWhatTheSheetAsksOfSomeLayers() throws Exception {
    Map<String, List<Element>> bank = importable(Sheets.create(Optional.empty())
        .moodle(List.of(Diagnosis.of(Bundled.analyze("resnet50"))), Locale.ENGLISH));
    List<String> names = bank.values().stream().flatMap(List::stream)
        .map(q -> text(q, "name/text")).toList();
    assertThat(names).contains("resnet50 · conv1_bn · Non-trainable",
        "resnet50 · conv2_block1_0_bn · Non-trainable", "resnet50 · conv5_block3_3_bn · Non-trainable")
        .noneMatch(n -> n.contains("conv1_conv"));
    Element bn = question(bank, "conv1_bn · Non-trainable");
    assertThat(answers(bn).get("128")).startsWith("100 ");
  }

  /**
   * VGG16 asks its memory totals (batch 1, float32, inference): numerical questions, the right
   * number at 100 % and the catalogued mistakes' at 0 %; a total in MiB or MB is matched to two
   * decimals.
   */
  @Test
  void vgg16sMemoryTotalsAreQuestionsWithTheirMistakes() throws Exception {
    Map<String, List<Element>> bank = importable(Sheets.create(Optional.empty())
        .moodle(List.of(Diagnosis.of(Bundled.analyze("vgg16"))), Locale.ENGLISH));
    Element total = question(bank, "vgg16 · Memory in total (bytes)");
    assertThat(text(total, "questiontext/text")).contains("N = 1 in float32 (b = 4 bytes");
    Map<String, String> a = answers(total);
    assertThat(a.get("614380608")).startsWith("100 ");
    // 8·614,380,608
    assertThat(a.get("4915044864")).startsWith("0 ").contains("counted bits instead of bytes");
    // 602,112 + 60,348,320 + 553,430,176 counted twice
    assertThat(a.get("1167810784")).startsWith("0 ").contains("parameters among the activations");
    Map<String, String> mib = answers(question(bank, "vgg16 · Memory in total (MiB, two decimals)"));
    assertThat(mib.get("585.92")).startsWith("100 ");
    assertThat(mib.get("614.38")).startsWith("0 ").contains("mixed up MiB");
    assertThat(answers(question(bank, "vgg16 · Memory in total (MB, two decimals)")).get("585.92"))
        .startsWith("0 ").contains("mixed up MiB");
    // 224·224·64·4 bytes of block1_conv1's output; in bits 8 times that
    Map<String, String> act = answers(question(bank, "block1_conv1 · Activations (bytes)"));
    assertThat(act.get("12845056")).startsWith("100 ");
    assertThat(act.get("102760448")).startsWith("0 ").contains("bits");
  }
}
