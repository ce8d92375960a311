package io.layerwise.render;

import static io.layerwise.render.QtiEvaluator.children;
import static io.layerwise.render.QtiEvaluator.only;
import static org.assertj.core.api.Assertions.assertThat;

import io.layerwise.Bundled;
import io.layerwise.Layerwise;
import io.layerwise.diagnosis.Diagnosis;
import io.layerwise.render.MoodleQuiz.Answer;
import io.layerwise.render.MoodleQuiz.Category;
import io.layerwise.render.MoodleQuiz.Question;
import io.layerwise.variant.Variants;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * The QTI 2.1 packages: the manifest valid against IMS CP 1.1, every file it names in the zip
 * and every file of the zip named, items whose XHTML is of QTI's subset, and a response
 * processing that grades as the Moodle bank does: each right answer full marks, each catalogued
 * mistake's number 0 with its diagnosis shown, any other number 0 with the unknown-number
 * feedback, MiB and MB within 0.005 and not beyond, and no wrong answer's feedback giving the
 * right number.
 */
class QtiPackageTest {

  private static final Sheets SHEETS = sheets();

  private static Sheets sheets() {
    try {
      return Sheets.create(Optional.empty());
    } catch (RenderException e) {
      throw new AssertionError(e);
    }
  }

  /** The items of a package by title, each with its evaluator. */
  private static Map<String, QtiEvaluator> items(Map<String, String> files) {
    Map<String, QtiEvaluator> out = new LinkedHashMap<>();
    for (Map.Entry<String, String> f : files.entrySet()) {
      if (f.getValue().contains("<assessmentItem ")) {
        Element item = Zips.parse(f.getValue()).getDocumentElement();
        assertThat(out.put(item.getAttribute("title"), new QtiEvaluator(f.getValue())))
            .as("one item titled " + item.getAttribute("title")).isNull();
      }
    }
    return out;
  }

  /** Checks what holds for every package; returns its files. */
  private static Map<String, String> valid(QuizPackage p) {
    Map<String, String> files = Zips.files(p.zip());
    List<String> names = new ArrayList<>(files.keySet());
    assertThat(names.get(0)).isEqualTo("imsmanifest.xml");
    String manifest = files.get("imsmanifest.xml");
    if (ImsSchemas.available()) {
      assertThat(ImsSchemas.contentPackagingProblems(manifest)).as("imscp_v1p1.xsd").isEmpty();
    }
    Document m = Zips.parse(manifest);
    Set<String> listed = new HashSet<>(Set.of("imsmanifest.xml"));
    Map<String, String> types = new LinkedHashMap<>();
    var resources = m.getElementsByTagNameNS(QtiPackage.CP_NS, "resource");
    Set<String> ids = new HashSet<>();
    for (int i = 0; i < resources.getLength(); i++) {
      Element r = (Element) resources.item(i);
      ids.add(r.getAttribute("identifier"));
      types.put(r.getAttribute("href"), r.getAttribute("type"));
      assertThat(r.getAttribute("type")).isIn("imsqti_item_xmlv2p1", "imsqti_test_xmlv2p1");
      for (Element f : children(r, "file")) {
        assertThat(files).as("the manifest's file").containsKey(f.getAttribute("href"));
        listed.add(f.getAttribute("href"));
      }
      for (Element d : children(r, "dependency")) {
        assertThat(ids.contains(d.getAttribute("identifierref"))
            || manifest.contains("identifier=\"" + d.getAttribute("identifierref") + "\""))
            .isTrue();
      }
    }
    assertThat(listed).as("every file of the zip is in the manifest")
        .containsExactlyInAnyOrderElementsOf(files.keySet());
    assertThat(types.values()).containsOnlyOnce("imsqti_test_xmlv2p1");
    for (Map.Entry<String, String> f : files.entrySet()) {
      if (f.getKey().equals(QtiPackage.STYLESHEET)) {
        assertThat(f.getValue()).contains("table.layerwise-network");
      } else if (f.getKey().endsWith(".svg")) {
        assertThat(Zips.parse(f.getValue()).getDocumentElement().getLocalName()).isEqualTo("svg");
      } else if (!f.getKey().equals("imsmanifest.xml")) {
        Element root = Zips.parse(f.getValue()).getDocumentElement();
        assertThat(root.getNamespaceURI()).isEqualTo(QtiPackage.NS);
        assertThat(types.get(f.getKey())).isEqualTo(root.getLocalName().equals("assessmentTest")
            ? "imsqti_test_xmlv2p1" : "imsqti_item_xmlv2p1");
        identifiers(root);
        if (root.getLocalName().equals("assessmentItem")) {
          assertThat(children(root, null).stream().map(Element::getLocalName).distinct())
              .as("assessmentItem's sequence").containsExactly("responseDeclaration",
                  "outcomeDeclaration", "stylesheet", "itemBody", "responseProcessing",
                  "modalFeedback");
          for (String a : List.of("identifier", "title", "adaptive", "timeDependent")) {
            assertThat(root.getAttribute(a)).as(a).isNotEmpty();
          }
          assertThat(files).containsKey(only(root, "stylesheet").getAttribute("href"));
          xhtml(only(root, "itemBody"), files, f.getKey());
          children(root, "modalFeedback").forEach(fb -> xhtml(fb, files, f.getKey()));
        } else {
          testRefs(root, files);
        }
      }
    }
    return files;
  }

  private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z_][A-Za-z0-9._-]*");

  /** Every QTI identifier and reference to one is an NCName, as QTI's identifier type. */
  private static void identifiers(Element root) {
    var all = root.getElementsByTagNameNS(QtiPackage.NS, "*");
    for (int i = 0; i < all.getLength(); i++) {
      Element e = (Element) all.item(i);
      for (String a : List.of("identifier", "responseIdentifier", "outcomeIdentifier")) {
        if (e.hasAttribute(a)) {
          assertThat(e.getAttribute(a)).as(e.getLocalName() + "@" + a).matches(IDENTIFIER);
        }
      }
    }
  }

  /** Every item a test refers to is in the package, and every item is in the test. */
  private static void testRefs(Element test, Map<String, String> files) {
    var refs = test.getElementsByTagNameNS(QtiPackage.NS, "assessmentItemRef");
    Set<String> hrefs = new HashSet<>();
    for (int i = 0; i < refs.getLength(); i++) {
      String href = ((Element) refs.item(i)).getAttribute("href");
      assertThat(files).containsKey(href);
      hrefs.add(href);
    }
    assertThat(files.entrySet().stream().filter(e -> e.getValue().contains("<assessmentItem "))
        .map(Map.Entry::getKey)).containsExactlyInAnyOrderElementsOf(hrefs);
  }

  private static final Set<String> BLOCK = Set.of("p", "div", "table");
  private static final Set<String> INLINE = Set.of("em", "strong", "br", "img", "span",
      "textEntryInteraction");
  private static final Map<String, Set<String>> ATTRIBUTES = Map.of(
      "img", Set.of("src", "alt", "width", "height", "longdesc"),
      "table", Set.of("summary"),
      "textEntryInteraction", Set.of("responseIdentifier", "expectedLength"),
      "modalFeedback", Set.of("outcomeIdentifier", "identifier", "showHide", "title"));

  /**
   * The XHTML of an item body or a feedback is of QTI 2.1's content model: its elements (p, div,
   * table and its rows, the inline ones; MathML in its namespace), only the attributes QTI gives
   * them (no presentational ones), block elements never inside a paragraph, images that are in
   * the package.
   */
  private static void xhtml(Element e, Map<String, String> files, String where) {
    for (Node n = e.getFirstChild(); n != null; n = n.getNextSibling()) {
      if (!(n instanceof Element c)) {
        continue;
      }
      if ("http://www.w3.org/1998/Math/MathML".equals(c.getNamespaceURI())) {
        assertThat(c.getLocalName()).isEqualTo("math");
        continue;
      }
      String name = c.getLocalName();
      assertThat(c.getNamespaceURI()).as(where + ": " + name).isEqualTo(QtiPackage.NS);
      assertThat(name).as(where).isIn(union(BLOCK, INLINE, Set.of("thead", "tbody", "tr", "th",
          "td")));
      if (Set.of("p", "em", "strong", "span").contains(name)) {
        for (Element inner : children(c, null)) {
          assertThat(BLOCK).as(where + ": a " + inner.getLocalName() + " inside a " + name)
              .doesNotContain(inner.getLocalName());
        }
      }
      var attrs = c.getAttributes();
      for (int i = 0; i < attrs.getLength(); i++) {
        String a = attrs.item(i).getNodeName();
        assertThat(a).as(where + ": " + name + "@" + a)
            .isIn(union(Set.of("id", "class", "xml:lang", "label"),
                ATTRIBUTES.getOrDefault(name, Set.of())));
      }
      if (name.equals("img")) {
        assertThat(files).as("the image " + c.getAttribute("src"))
            .containsKey(c.getAttribute("src"));
      }
      xhtml(c, files, where);
    }
  }

  @SafeVarargs
  private static Set<String> union(Set<String>... sets) {
    Set<String> out = new HashSet<>();
    for (Set<String> s : sets) {
      out.addAll(s);
    }
    return out;
  }

  /**
   * Every answer of the quiz model graded by the item's own response processing: right ones
   * full marks with the right feedback, each mistake 0 with exactly its diagnosis, any other
   * number 0 with the unknown-number feedback, no response 0.
   */
  private static void gradesAsTheBank(List<Category> categories, Map<String, QtiEvaluator> items) {
    int questions = 0;
    for (Category c : categories) {
      for (Question q : c.questions()) {
        questions++;
        QtiEvaluator item = items.get(Zips.textOf(q.name()));
        assertThat(item).as(q.name()).isNotNull();
        for (Answer a : q.answers()) {
          if (a.text().equals("*")) {
            continue;
          }
          QtiEvaluator.Result r = item.respond(a.text());
          if (a.fraction() == 100) {
            assertThat(r.score()).as(q.name() + ": " + a.text()).isEqualTo(1.0);
            assertThat(r.feedback()).contains("RIGHT");
          } else {
            assertThat(r.score()).as(q.name() + ": " + a.text()).isEqualTo(0.0);
            assertThat(r.shown().strip()).as(q.name() + ": " + a.text())
                .isEqualTo(Zips.textOf(a.feedback()).strip());
          }
        }
        QtiEvaluator.Result none = item.respond(null);
        assertThat(none.score()).isZero();
        assertThat(none.feedback()).isEmpty();
        String other = q.numerical() ? "7777777" : "7x7x7777";
        QtiEvaluator.Result unknown = item.respond(other);
        assertThat(unknown.score()).isZero();
        assertThat(unknown.feedback()).contains("UNKNOWN");
        assertThat(unknown.shown().strip()).isEqualTo(Zips.textOf(Responses.unknown(q)).strip());
        noWrongFeedbackGivesTheRightNumber(q, item);
      }
    }
    assertThat(items).hasSize(questions);
  }

  private static void noWrongFeedbackGivesTheRightNumber(Question q, QtiEvaluator item) {
    if (!q.numerical()) {
      return; // a shape's wrong way may show an axis the student got right
    }
    String right = item.correctResponse();
    item.feedbacks().forEach((id, text) -> {
      if (!id.equals("RIGHT")) {
        RightNumber.notIn(text, right, q.name() + " " + id);
      }
    });
  }

  @Test
  void theCourseExampleGradesTheArticlesWrongNumbersAndEverySpellingOfAShape() {
    Diagnosis d = Diagnosis.of(Bundled.analyze("course-example"));
    Map<String, QtiEvaluator> items = items(valid(SHEETS.qti(List.of(d), Locale.ENGLISH)));
    assertThat(items).hasSize(25);
    QtiEvaluator conv1 = items.get("course-example · conv1 · Parameters");
    assertThat(conv1.baseType()).isEqualTo("integer");
    assertThat(conv1.respond("608").score()).isEqualTo(1.0);
    assertThat(conv1.respond(" 608 ").score()).isEqualTo(1.0);
    QtiEvaluator.Result wrong = conv1.respond("208");
    assertThat(wrong.score()).isZero();
    assertThat(wrong.shown()).contains("forgot the input channels")
        .contains("5·5·8 + 8 = 208").doesNotContain("608");
    assertThat(conv1.respond("six hundred").score()).as("no integer: no response").isZero();
    assertThat(conv1.respond("600.5").feedback()).isEmpty();
    assertThat(items.get("course-example · fc3 · Parameters").respond("48001").shown())
        .contains("one bias per layer");
    QtiEvaluator shape = items.get("course-example · conv1 · Output shape");
    assertThat(shape.baseType()).isEqualTo("string");
    for (String right : List.of("28x28x8", "28X28X8", "28 × 28 × 8", "(28, 28, 8)",
        " ( 28,28,8 ) ", "[28, 28, 8]", "(None, 28, 28, 8)", "28, 28, 8")) {
      assertThat(shape.respond(right).score()).as(right).isEqualTo(1.0);
    }
    for (String wrongShape : List.of("28x28", "28x28x8x1", "28x28x80", "(128, 28, 8)")) {
      assertThat(shape.respond(wrongShape).score()).as(wrongShape).isZero();
    }
    assertThat(shape.respond("32 x 32 x 8").shown()).contains("same");
    assertThat(items.get("course-example · Total parameters").respond("62958").score())
        .isEqualTo(1.0);
  }

  /** A tolerance silently dropped is what other exporters get wrong: MiB and MB keep 0.005. */
  @Test
  void vgg16sMemoryInMibKeepsItsToleranceAndNoMore() {
    Map<String, QtiEvaluator> items = items(valid(SHEETS.qti(
        List.of(Diagnosis.of(Bundled.analyze("vgg16"))), Locale.ENGLISH)));
    QtiEvaluator mib = items.get("vgg16 · Memory in total (MiB, two decimals)");
    assertThat(mib.baseType()).isEqualTo("float");
    for (String near : List.of("585.92", "585.916", "585.924", "585.9200")) {
      assertThat(mib.respond(near).score()).as(near).isEqualTo(1.0);
    }
    for (String far : List.of("585.91", "585.93", "585.926", "586")) {
      assertThat(mib.respond(far).score()).as(far).isZero();
    }
    assertThat(mib.respond("614.38").shown()).contains("mixed up MiB");
    assertThat(mib.respond("614.383").shown()).as("a mistake keeps the tolerance too")
        .contains("mixed up MiB");
    // 4,915,044,864 bytes, a mistake's, does not fit QTI's 32-bit integer: a float, exactly
    QtiEvaluator bytes = items.get("vgg16 · Memory in total (bytes)");
    assertThat(bytes.baseType()).isEqualTo("float");
    assertThat(bytes.respond("614380608").score()).isEqualTo(1.0);
    assertThat(bytes.respond("614380609").score()).isZero();
    assertThat(bytes.respond("4915044864").shown()).contains("counted bits instead of bytes");
  }

  static List<Path> bundled() {
    return Bundled.files();
  }

  @ParameterizedTest
  @MethodSource("bundled")
  void everyBundledExercisesPackageIsValidAndGradesAsTheMoodleBank(Path file) throws Exception {
    Diagnosis d = Diagnosis.of(Layerwise.explain(file));
    Map<String, String> files = valid(SHEETS.qti(List.of(d), Locale.ENGLISH));
    gradesAsTheBank(new MoodleQuiz(Locale.ENGLISH, Markup.QTI).categories(List.of(d)),
        items(files));
  }

  /**
   * Thirty variants of the course example are one package: one section per question that
   * selects one of the thirty variants' items, each graded with its own numbers.
   */
  @Test
  void thirtyVariantsAreOneSectionPerQuestionThatSelectsOneVariant() throws Exception {
    List<Diagnosis> variants = Variants.generate(Path.of("exercises/course-example.yaml"),
        Optional.of(30), 7, Optional.empty()).files().stream()
        .map(f -> Diagnosis.of(f.analysis())).toList();
    Map<String, String> files = valid(SHEETS.qti(variants, Locale.ENGLISH));
    Element test = Zips.parse(files.get("course-example-test.xml")).getDocumentElement();
    List<Element> sections = children(only(only(test, "testPart"), "assessmentSection"),
        "assessmentSection");
    assertThat(sections).hasSize(25);
    for (Element s : sections) {
      assertThat(only(s, "selection").getAttribute("select")).isEqualTo("1");
      assertThat(children(s, "assessmentItemRef")).hasSize(30);
    }
    assertThat(sections.get(2).getAttribute("title")).isEqualTo("conv1-params");
    assertThat(files.keySet().stream().filter(n -> n.endsWith(".svg"))).hasSize(30);
    gradesAsTheBank(new MoodleQuiz(Locale.ENGLISH, Markup.QTI).categories(variants),
        items(files));
  }

  @Test
  void theSameExerciseGivesTheSameBytes() {
    Diagnosis d = Diagnosis.of(Bundled.analyze("lenet5-keras"));
    byte[] first = SHEETS.qti(List.of(d), Locale.ENGLISH).zip();
    byte[] again = SHEETS.qti(List.of(Diagnosis.of(Bundled.analyze("lenet5-keras"))),
        Locale.ENGLISH).zip();
    assertThat(again).isEqualTo(first);
  }

  @Test
  void textFromTheFileCannotBreakTheXmlOrTheHtml() {
    Diagnosis d = Diagnosis.of(Bundled.analyzeText("""
        title: "<script>alert(1)</script> ]]> & </text>"
        description: "<b>bold</b> & <![CDATA[ x ]]>"
        input: [4]
        layers:
          - {type: Dense, name: "x</td><img src=x>", units: 2}
        """));
    Map<String, String> files = valid(SHEETS.qti(List.of(d), Locale.ENGLISH));
    Map<String, QtiEvaluator> items = items(files);
    assertThat(items).isNotEmpty();
    for (String xml : files.values()) {
      assertThat(xml).doesNotContain("<script").doesNotContain("<b>");
    }
    assertThat(items.keySet()).anyMatch(t -> t.contains("x</td><img src=x>"));
  }

  /**
   * Adam on a batch of 32 with every memory quantity asked (the network of the Moodle bank's
   * test of the same name): every answer graded as the bank grades it, no wrong answer's
   * feedback giving the right number.
   */
  @Test
  void memoryQuestionsOfATrainedNetworkNeverGiveTheRightNumber() {
    Diagnosis d = Diagnosis.of(Bundled.analyzeText(RightNumber.TRAINED));
    gradesAsTheBank(new MoodleQuiz(Locale.ENGLISH, Markup.QTI).categories(List.of(d)),
        items(valid(SHEETS.qti(List.of(d), Locale.ENGLISH))));
  }

  @Test
  void aGermanPackageGradesAlike() {
    Diagnosis d = Diagnosis.of(Bundled.analyze("micrograph-classifier"));
    Map<String, String> files = valid(SHEETS.qti(List.of(d), Locale.GERMAN));
    assertThat(files.values()).anyMatch(x -> x.contains("Netzwerkdiagramm"));
    gradesAsTheBank(new MoodleQuiz(Locale.GERMAN, Markup.QTI).categories(List.of(d)),
        items(files));
  }

  /** An exercise that asks nothing a bank can ask is an empty test, still a valid package. */
  @Test
  void anExerciseThatAsksNothingIsAnEmptyValidPackage() {
    Diagnosis d = Diagnosis.of(Bundled.analyzeText("""
        title: nothing asked
        input: [4]
        ask: [receptive_field]
        layers:
          - {type: Dense, name: fc, units: 2}
        """));
    Map<String, String> files = valid(SHEETS.qti(List.of(d), Locale.ENGLISH));
    assertThat(files.keySet()).containsExactly("imsmanifest.xml", "test-test.xml");
    assertThat(Zips.files(SHEETS.canvas(List.of(d), Locale.ENGLISH).zip())).isNotEmpty();
  }

  /** The manifest is valid against the official IMS CP 1.1 schema, and an invalid one is not. */
  @Test
  void theManifestIsValidAgainstImsContentPackagingAndABrokenOneIsNot() {
    ImsSchemas.require();
    String manifest = Zips.files(SHEETS.qti(List.of(Diagnosis.of(
        Bundled.analyze("course-example"))), Locale.ENGLISH).zip()).get("imsmanifest.xml");
    assertThat(ImsSchemas.contentPackagingProblems(manifest)).isEmpty();
    assertThat(ImsSchemas.contentPackagingProblems(manifest.replace("<organizations/>", "")))
        .as("organizations is required").isNotEmpty();
    assertThat(ImsSchemas.contentPackagingProblems(manifest.replaceFirst(
        " type=\"imsqti_test_xmlv2p1\"", ""))).as("a resource's type is required").isNotEmpty();
  }
}
