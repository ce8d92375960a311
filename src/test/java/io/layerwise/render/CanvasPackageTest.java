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
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * The Canvas packages: a manifest valid against IMS CP 1.1 (the Common Cartridge namespace is
 * the same schema under another name), every file it names in the zip, Canvas' metadata on each
 * item, and QTI 1.2 response processing that grades as the Moodle bank does. A mistake's
 * condition is never one Canvas' importer would take for a right answer.
 */
class CanvasPackageTest {

  private static final Sheets SHEETS = sheets();

  private static Sheets sheets() {
    try {
      return Sheets.create(Optional.empty());
    } catch (RenderException e) {
      throw new AssertionError(e);
    }
  }

  /** Checks what holds for every package; returns the assessment's evaluator. */
  private static CanvasEvaluator valid(QuizPackage p, String quiz) {
    Map<String, String> files = Zips.files(p.zip());
    assertThat(files.keySet()).startsWith("imsmanifest.xml", quiz + "/" + quiz + ".xml",
        quiz + "/assessment_meta.xml");
    String manifest = files.get("imsmanifest.xml");
    assertThat(manifest).contains("xmlns=\"" + CanvasPackage.CC_NS + "\"");
    if (ImsSchemas.available()) {
      assertThat(ImsSchemas.contentPackagingProblems(manifest.replace(CanvasPackage.CC_NS,
          QtiPackage.CP_NS))).as("imscp_v1p1.xsd").isEmpty();
    }
    Document m = Zips.parse(manifest);
    Set<String> listed = new HashSet<>(Set.of("imsmanifest.xml"));
    var fileElements = m.getElementsByTagNameNS(CanvasPackage.CC_NS, "file");
    for (int i = 0; i < fileElements.getLength(); i++) {
      String href = ((Element) fileElements.item(i)).getAttribute("href");
      assertThat(files).containsKey(href);
      listed.add(href);
    }
    assertThat(listed).containsExactlyInAnyOrderElementsOf(files.keySet());
    Element meta = Zips.parse(files.get(quiz + "/assessment_meta.xml")).getDocumentElement();
    assertThat(meta.getNamespaceURI()).isEqualTo(CanvasPackage.CANVAS_NS);
    assertThat(meta.getAttribute("identifier")).isEqualTo(quiz);
    CanvasEvaluator e = new CanvasEvaluator(files.get(quiz + "/" + quiz + ".xml"));
    assertThat(e.assessment().getAttribute("ident")).isEqualTo(quiz);
    for (Element item : e.items().values()) {
      String type = CanvasEvaluator.field(item, "question_type");
      assertThat(type).isIn("numerical_question", "short_answer_question");
      assertThat(CanvasEvaluator.field(item, "points_possible")).isEqualTo("1.0");
      for (String src : Responses.images(item.getTextContent())) {
        assertThat(src).startsWith(Markup.CANVAS_FILEBASE);
        assertThat(files).containsKey(Markup.CANVAS_FILES
            + src.substring(Markup.CANVAS_FILEBASE.length()));
      }
      canvasReadsOnlyTheRightAnswerAsAnAnswer(item);
    }
    return e;
  }

  /**
   * Canvas' importer makes an answer at 100 % of every condition with an {@code or} (an exact
   * answer, its margin read from the {@code varlte} in the {@code and}) or an {@code and} (a
   * range): only the right answer's condition may have them, and its margin is the tolerance.
   */
  private static void canvasReadsOnlyTheRightAnswerAsAnAnswer(Element item) {
    List<Element> conditions = children(only(item, "resprocessing"), "respcondition");
    for (Element rc : conditions) {
      boolean right = only(rc, "setvar").getTextContent().equals("100");
      Element cv = only(rc, "conditionvar");
      boolean orAnd = cv.getElementsByTagNameNS(CanvasPackage.QTI_NS, "or").getLength()
          + cv.getElementsByTagNameNS(CanvasPackage.QTI_NS, "and").getLength() > 0;
      assertThat(orAnd).as(item.getAttribute("title") + ": only the right answer has an or")
          .isEqualTo(right);
    }
    assertThat(conditions.get(0).getElementsByTagNameNS(CanvasPackage.QTI_NS, "setvar").item(0)
        .getTextContent()).isEqualTo("100");
  }

  /** The margin Canvas reads from the right answer: its {@code varlte} less its exact value. */
  private static BigDecimal margin(Element item) {
    Element or = (Element) item.getElementsByTagNameNS(CanvasPackage.QTI_NS, "or").item(0);
    BigDecimal exact = new BigDecimal(only(or, "varequal").getTextContent());
    return new BigDecimal(only(only(or, "and"), "varlte").getTextContent()).subtract(exact);
  }

  /** The items by title, each title once. */
  private static Map<String, Element> byTitle(CanvasEvaluator e) {
    Map<String, Element> out = new java.util.HashMap<>();
    for (Element i : e.items().values()) {
      assertThat(out.put(i.getAttribute("title"), i)).as(i.getAttribute("title")).isNull();
    }
    return out;
  }

  private static void gradesAsTheBank(List<Category> categories, CanvasEvaluator e) {
    int questions = 0;
    Map<String, Element> byTitle = byTitle(e);
    for (Category c : categories) {
      for (Question q : c.questions()) {
        questions++;
        Element item = byTitle.get(Zips.textOf(q.name()));
        assertThat(item).as(q.name()).isNotNull();
        String ident = item.getAttribute("ident");
        String right = q.answers().get(0).text();
        for (Answer a : q.answers()) {
          if (a.text().equals("*")) {
            continue;
          }
          CanvasEvaluator.Result r = e.respond(ident, a.text());
          if (q.numerical()) {
            assertThat(e.canvasGradesRight(ident, a.text()))
                .as(q.name() + ": " + a.text() + " as Canvas grades it once imported")
                .isEqualTo(a.fraction() == 100);
          }
          if (a.fraction() == 100) {
            assertThat(r.score()).as(q.name() + ": " + a.text()).isEqualTo(100.0);
            assertThat(r.feedback()).containsExactly("correct_fb");
          } else {
            assertThat(r.score()).as(q.name() + ": " + a.text()).isZero();
            assertThat(r.shown()).as(q.name() + ": " + a.text()).contains(a.feedback());
            if (q.numerical()) {
              RightNumber.notIn(r.shown(), right, q.name() + ": " + a.text());
            }
          }
        }
        CanvasEvaluator.Result unknown = e.respond(ident, q.numerical() ? "7777777" : "7x7");
        assertThat(unknown.score()).isZero();
        assertThat(unknown.feedback()).containsExactly("general_incorrect_fb");
        assertThat(unknown.shown()).contains(Responses.unknown(q));
        if (q.numerical()) {
          RightNumber.notIn(unknown.shown(), right, q.name() + ": the incorrect feedback");
        }
        if (!q.answers().get(0).tolerance().equals("0")) {
          assertThat(margin(item)).isEqualByComparingTo(q.answers().get(0).tolerance());
        }
      }
    }
    assertThat(e.items()).hasSize(questions);
  }

  @Test
  void theCourseExampleIsNumericalQuestionsWithTheArticlesMistakes() {
    CanvasEvaluator e = valid(SHEETS.canvas(List.of(Diagnosis.of(
        Bundled.analyze("course-example"))), Locale.ENGLISH), "course-example-quiz");
    assertThat(e.items()).hasSize(25);
    Element conv1 = e.items().get("course-example-conv1-params");
    assertThat(CanvasEvaluator.field(conv1, "question_type")).isEqualTo("numerical_question");
    assertThat(e.respond("course-example-conv1-params", "608").score()).isEqualTo(100.0);
    assertThat(e.respond("course-example-conv1-params", "608.0").score()).isEqualTo(100.0);
    CanvasEvaluator.Result wrong = e.respond("course-example-conv1-params", "208");
    assertThat(wrong.score()).isZero();
    assertThat(wrong.feedback()).containsExactly("MISTAKE_1_fb");
    assertThat(wrong.shown()).contains("forgot the input channels");
    Element shape = e.items().get("course-example-conv1-output_shape");
    assertThat(CanvasEvaluator.field(shape, "question_type")).isEqualTo("short_answer_question");
    assertThat(e.respond("course-example-conv1-output_shape", "(None, 28, 28, 8)").score())
        .isEqualTo(100.0);
    assertThat(e.respond("course-example-conv1-output_shape", "32x32x8").shown())
        .contains("If you answered 32x32x8:").contains("same");
  }

  @Test
  void vgg16sMemoryInMibHasAMarginOfHalfAHundredth() {
    CanvasEvaluator e = valid(SHEETS.canvas(List.of(Diagnosis.of(Bundled.analyze("vgg16"))),
        Locale.ENGLISH), "vgg16-quiz");
    String mib = e.items().entrySet().stream()
        .filter(i -> i.getValue().getAttribute("title").endsWith("(MiB, two decimals)"))
        .findFirst().orElseThrow().getKey();
    assertThat(margin(e.items().get(mib))).isEqualByComparingTo("0.005");
    for (String near : List.of("585.92", "585.915", "585.925")) {
      assertThat(e.respond(mib, near).score()).as(near).isEqualTo(100.0);
    }
    for (String far : List.of("585.91", "585.926", "586")) {
      assertThat(e.respond(mib, far).score()).as(far).isZero();
    }
    assertThat(e.respond(mib, "614.38").shown()).contains("mixed up MiB");
  }

  static List<Path> bundled() {
    return Bundled.files();
  }

  @ParameterizedTest
  @MethodSource("bundled")
  void everyBundledExercisesPackageIsValidAndGradesAsTheMoodleBank(Path file) throws Exception {
    Diagnosis d = Diagnosis.of(Layerwise.explain(file));
    String id = d.analysis().exercise().id();
    gradesAsTheBank(new MoodleQuiz(Locale.ENGLISH, Markup.CANVAS).categories(List.of(d)),
        valid(SHEETS.canvas(List.of(d), Locale.ENGLISH), id + "-quiz"));
  }

  /** Thirty variants: one question group per question, which picks one variant per student. */
  @Test
  void thirtyVariantsAreOneQuestionGroupPerQuestion() throws Exception {
    List<Diagnosis> variants = Variants.generate(Path.of("exercises/course-example.yaml"),
        Optional.of(30), 7, Optional.empty()).files().stream()
        .map(f -> Diagnosis.of(f.analysis())).toList();
    CanvasEvaluator e = valid(SHEETS.canvas(variants, Locale.ENGLISH), "course-example-quiz");
    List<Element> groups = children(only(e.assessment(), "section"), "section");
    assertThat(groups).hasSize(25);
    for (Element g : groups) {
      assertThat(g.getElementsByTagNameNS(CanvasPackage.QTI_NS, "selection_number").item(0)
          .getTextContent()).isEqualTo("1");
      assertThat(children(g, "item")).hasSize(30);
    }
    gradesAsTheBank(new MoodleQuiz(Locale.ENGLISH, Markup.CANVAS).categories(variants), e);
  }

  /**
   * Adam on a batch of 32 with every memory quantity asked (the network of the Moodle bank's
   * test of the same name): every answer graded as the bank grades it, no wrong answer's
   * feedback giving the right number.
   */
  @Test
  void memoryQuestionsOfATrainedNetworkNeverGiveTheRightNumber() {
    Diagnosis d = Diagnosis.of(Bundled.analyzeText(RightNumber.TRAINED));
    gradesAsTheBank(new MoodleQuiz(Locale.ENGLISH, Markup.CANVAS).categories(List.of(d)),
        valid(SHEETS.canvas(List.of(d), Locale.ENGLISH), d.analysis().exercise().id() + "-quiz"));
  }

  @Test
  void aGermanPackageGradesAlike() {
    Diagnosis d = Diagnosis.of(Bundled.analyze("course-example"));
    CanvasEvaluator e = valid(SHEETS.canvas(List.of(d), Locale.GERMAN), "course-example-quiz");
    assertThat(e.respond("course-example-conv1-output_shape", "32x32x8").shown())
        .contains("Wenn Sie 32x32x8 geantwortet haben:");
    gradesAsTheBank(new MoodleQuiz(Locale.GERMAN, Markup.CANVAS).categories(List.of(d)), e);
  }

  /**
   * The Common Cartridge manifest is IMS CP 1.1 under another namespace: valid against the
   * official schema once renamed, and a broken one is not.
   */
  @Test
  void theManifestIsValidAgainstImsContentPackagingAndABrokenOneIsNot() {
    ImsSchemas.require();
    String manifest = Zips.files(SHEETS.canvas(List.of(Diagnosis.of(
        Bundled.analyze("course-example"))), Locale.ENGLISH).zip()).get("imsmanifest.xml")
        .replace(CanvasPackage.CC_NS, QtiPackage.CP_NS);
    assertThat(ImsSchemas.contentPackagingProblems(manifest)).isEmpty();
    assertThat(ImsSchemas.contentPackagingProblems(manifest.replace("<resources>",
        "<resources><file href=\"x\"/>"))).as("a file outside a resource").isNotEmpty();
  }
}
