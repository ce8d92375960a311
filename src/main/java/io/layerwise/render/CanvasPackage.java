package io.layerwise.render;

import io.layerwise.render.MoodleQuiz.Category;
import io.layerwise.render.MoodleQuiz.Question;
import io.layerwise.render.Responses.Kind;
import io.layerwise.render.Responses.Outcome;
import io.layerwise.text.Xml;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The quiz as Canvas exports one: a QTI 1.2 zip with {@code imsmanifest.xml} (the Common
 * Cartridge flavour of IMS CP), {@code <id>/<id>.xml} (a {@code questestinterop} assessment) and
 * {@code <id>/assessment_meta.xml} (the quiz's Canvas settings), the diagrams under {@code
 * web_resources/}. A count is a {@code numerical_question} whose right answer is one {@code
 * respcondition} as Canvas writes an exact answer with a margin ({@code varequal}, or {@code
 * vargte} and {@code varlte} in an {@code and}: 0.005 for MiB and MB); a shape a {@code
 * short_answer_question} that accepts its usual spellings. Each catalogued mistake's number has a
 * {@code respcondition} of its own that scores 0 and shows its {@code itemfeedback}: a lone
 * {@code varequal}, never in an {@code or} or {@code and}, because Canvas' importer makes every
 * condition of that form an answer at 100 % (and Canvas grades any matched answer of a
 * numerical question right). Since Canvas keeps no feedback of wrong numbers, the incorrect
 * feedback also lists each mistake's number with its diagnosis. A set of variants is one
 * question group per question that picks one variant per student.
 */
final class CanvasPackage {

  static final String QTI_NS = "http://www.imsglobal.org/xsd/ims_qtiasiv1p2";
  static final String CC_NS = "http://www.imsglobal.org/xsd/imsccv1p1/imscp_v1p1";
  static final String CANVAS_NS = "http://canvas.instructure.com/xsd/cccv1p0";
  private static final String XSI = "http://www.w3.org/2001/XMLSchema-instance";

  private CanvasPackage() {}

  /**
   * The package.
   *
   * @param id the quiz's identifier (the exercise's, or the set's)
   * @param title the quiz's title
   * @param categories the questions per category (a set of variants: one per question)
   * @param variants whether each category becomes a question group that picks one
   * @param images the diagrams by file name
   * @param words the wording of the incorrect feedback
   */
  static QuizPackage of(String id, String title, List<Category> categories, boolean variants,
      Map<String, String> images, Words words) {
    Set<String> ids = new HashSet<>();
    String quizId = Responses.identifier(id + "-quiz", ids);
    String metaId = Responses.identifier(id + "-meta", ids);
    StringBuilder body = new StringBuilder();
    int points = 0;
    int group = 1;
    for (Category c : categories) {
      String indent = "      ";
      if (variants) {
        body.append(indent).append("<section ident=\"")
            .append(Responses.identifier("group-" + group++, ids)).append("\" title=\"")
            .append(Xml.text(c.path().substring(c.path().lastIndexOf('/') + 1))).append("\">\n")
            .append(indent).append("  <selection_ordering><selection><selection_number>1"
                + "</selection_number><selection_extension><points_per_item>1.0"
                + "</points_per_item></selection_extension></selection></selection_ordering>\n");
        points++;
      } else {
        points += c.questions().size();
      }
      for (Question q : c.questions()) {
        body.append(item(Responses.identifier(q.idnumber(), ids), q, words));
      }
      if (variants) {
        body.append(indent).append("</section>\n");
      }
    }
    String assessment = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        + "<questestinterop xmlns=\"" + QTI_NS + "\" xmlns:xsi=\"" + XSI
        + "\" xsi:schemaLocation=\"" + QTI_NS
        + " http://www.imsglobal.org/xsd/ims_qtiasiv1p2p1.xsd\">\n"
        + "  <assessment ident=\"" + quizId + "\" title=\"" + Xml.text(title) + "\">\n"
        + "    <qtimetadata>" + field("cc_maxattempts", "1") + "</qtimetadata>\n"
        + "    <section ident=\"root_section\">\n" + body
        + "    </section>\n  </assessment>\n</questestinterop>\n";
    List<QuizPackage.Entry> entries = new ArrayList<>();
    entries.add(new QuizPackage.Entry("imsmanifest.xml", manifest(id, quizId, metaId, images)
        .getBytes(StandardCharsets.UTF_8)));
    entries.add(new QuizPackage.Entry(quizId + "/" + quizId + ".xml",
        assessment.getBytes(StandardCharsets.UTF_8)));
    entries.add(new QuizPackage.Entry(quizId + "/assessment_meta.xml",
        meta(quizId, title, points).getBytes(StandardCharsets.UTF_8)));
    images.forEach((name, svg) -> entries.add(new QuizPackage.Entry(Markup.CANVAS_FILES + name,
        svg.getBytes(StandardCharsets.UTF_8))));
    return new QuizPackage(entries);
  }

  /** One question as a QTI 1.2 {@code item} with Canvas' metadata. */
  private static String item(String ident, Question q, Words words) {
    Kind kind = Responses.kind(q);
    List<Outcome> outcomes = Responses.outcomes(q);
    String i = "        ";
    StringBuilder sb = new StringBuilder();
    sb.append(i).append("<item ident=\"").append(ident).append("\" title=\"").append(q.name())
        .append("\">\n");
    sb.append(i).append("  <itemmetadata><qtimetadata>")
        .append(field("question_type", kind == Kind.SHAPE ? "short_answer_question"
            : "numerical_question"))
        .append(field("points_possible", "1.0"))
        .append(field("assessment_question_identifierref", ident + "-bank"))
        .append("</qtimetadata></itemmetadata>\n");
    sb.append(i).append("  <presentation>").append(material(q.text()))
        .append("<response_str ident=\"response1\" rcardinality=\"Single\"><render_fib")
        .append(kind == Kind.SHAPE ? "" : " fibtype=\"Decimal\"")
        .append("><response_label ident=\"answer1\" rshuffle=\"No\"/></render_fib>"
            + "</response_str></presentation>\n");
    sb.append(i).append("  <resprocessing>\n").append(i).append("    <outcomes><decvar"
        + " maxvalue=\"100\" minvalue=\"0\" varname=\"SCORE\" vartype=\"Decimal\"/></outcomes>\n");
    StringBuilder wrong = new StringBuilder();
    for (Outcome o : outcomes) {
      String fb = o.right() ? "correct_fb" : o.id() + "_fb";
      if (!o.right()) {
        wrong.append("<p><strong>").append(Xml.text(words.get("canvas.ifYouAnswered",
            o.values().get(0)))).append("</strong></p>").append(o.feedback());
        if (kind == Kind.SHAPE) {
          continue; // Canvas would take a wrong spelling of a short answer for a right one
        }
      }
      sb.append(i).append("    <respcondition continue=\"No\"><conditionvar>")
          .append(o.right() ? right(kind, o) : "<varequal respident=\"response1\">"
              + Xml.text(o.values().get(0)) + "</varequal>")
          .append("</conditionvar><setvar action=\"Set\" varname=\"SCORE\">")
          .append(o.right() ? "100" : "0").append("</setvar><displayfeedback"
              + " feedbacktype=\"Response\" linkrefid=\"").append(fb)
          .append("\"/></respcondition>\n");
    }
    sb.append(i).append("    <respcondition continue=\"No\"><conditionvar><other/>"
        + "</conditionvar><setvar action=\"Set\" varname=\"SCORE\">0</setvar><displayfeedback"
        + " feedbacktype=\"Response\" linkrefid=\"general_incorrect_fb\"/></respcondition>\n");
    sb.append(i).append("  </resprocessing>\n");
    sb.append(i).append(feedback("correct_fb", outcomes.get(0).feedback()));
    for (Outcome o : outcomes.subList(1, outcomes.size())) {
      if (kind != Kind.SHAPE) {
        sb.append(i).append(feedback(o.id() + "_fb", o.feedback()));
      }
    }
    sb.append(i).append(feedback("general_incorrect_fb", wrong + Responses.unknown(q)));
    return sb.append(i).append("</item>\n").toString();
  }

  /**
   * The right answer as Canvas exports an exact answer: equal, or within the margin (which is
   * where Canvas' importer reads the margin from); a shape: any of its spellings.
   */
  private static String right(Kind kind, Outcome o) {
    String v = o.values().get(0);
    return switch (kind) {
      case INTEGER, LARGE, DECIMAL -> {
        BigDecimal value = new BigDecimal(v);
        BigDecimal margin = new BigDecimal(o.tolerance());
        yield "<or><varequal respident=\"response1\">" + v + "</varequal><and><vargte"
            + " respident=\"response1\">" + value.subtract(margin).toPlainString()
            + "</vargte><varlte respident=\"response1\">" + value.add(margin).toPlainString()
            + "</varlte></and></or>";
      }
      case SHAPE -> "<or>" + String.join("", o.values().stream()
          .map(s -> "<varequal respident=\"response1\">" + Xml.text(s) + "</varequal>")
          .toList()) + "</or>";
    };
  }

  private static String field(String label, String entry) {
    return "<qtimetadatafield><fieldlabel>" + label + "</fieldlabel><fieldentry>" + entry
        + "</fieldentry></qtimetadatafield>";
  }

  /** HTML as QTI 1.2 material: escaped text of type text/html. */
  private static String material(String html) {
    return "<material><mattext texttype=\"text/html\">" + Xml.text(html)
        + "</mattext></material>";
  }

  private static String feedback(String ident, String html) {
    return "  <itemfeedback ident=\"" + ident + "\"><flow_mat>" + material(html)
        + "</flow_mat></itemfeedback>\n";
  }

  private static String meta(String quizId, String title, int points) {
    return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        + "<quiz identifier=\"" + quizId + "\" xmlns=\"" + CANVAS_NS + "\" xmlns:xsi=\"" + XSI
        + "\" xsi:schemaLocation=\"" + CANVAS_NS
        + " https://canvas.instructure.com/xsd/cccv1p0.xsd\">\n"
        + "  <title>" + Xml.text(title) + "</title>\n"
        + "  <description></description>\n"
        + "  <shuffle_answers>false</shuffle_answers>\n"
        + "  <scoring_policy>keep_highest</scoring_policy>\n"
        + "  <hide_results></hide_results>\n"
        + "  <quiz_type>assignment</quiz_type>\n"
        + "  <points_possible>" + points + ".0</points_possible>\n"
        + "  <require_lockdown_browser>false</require_lockdown_browser>\n"
        + "  <show_correct_answers>false</show_correct_answers>\n"
        + "  <anonymous_submissions>false</anonymous_submissions>\n"
        + "  <could_be_locked>false</could_be_locked>\n"
        + "  <allowed_attempts>1</allowed_attempts>\n"
        + "  <one_question_at_a_time>false</one_question_at_a_time>\n"
        + "  <cant_go_back>false</cant_go_back>\n"
        + "  <available>false</available>\n"
        + "  <one_time_results>false</one_time_results>\n"
        + "</quiz>\n";
  }

  /** The Common Cartridge manifest Canvas reads: the assessment, its settings, the diagrams. */
  private static String manifest(String id, String quizId, String metaId,
      Map<String, String> images) {
    StringBuilder sb = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
    sb.append("<manifest identifier=\"").append(Responses.identifier("M-" + id, new HashSet<>()))
        .append("\" xmlns=\"").append(CC_NS).append("\" xmlns:xsi=\"").append(XSI)
        .append("\" xsi:schemaLocation=\"").append(CC_NS)
        .append(" http://www.imsglobal.org/profile/cc/ccv1p1/ccv1p1_imscp_v1p2_v1p0.xsd\">\n");
    sb.append("  <metadata><schema>IMS Content</schema><schemaversion>1.1.3</schemaversion>"
        + "</metadata>\n  <organizations/>\n  <resources>\n");
    sb.append("    <resource identifier=\"").append(quizId)
        .append("\" type=\"imsqti_xmlv1p2\">\n      <file href=\"").append(quizId).append('/')
        .append(quizId).append(".xml\"/>\n      <dependency identifierref=\"").append(metaId)
        .append("\"/>\n    </resource>\n");
    sb.append("    <resource identifier=\"").append(metaId).append("\" type=\"associatedcontent/"
        + "imscc_xmlv1p1/learning-application-resource\" href=\"").append(quizId)
        .append("/assessment_meta.xml\">\n      <file href=\"").append(quizId)
        .append("/assessment_meta.xml\"/>\n    </resource>\n");
    Set<String> ids = new HashSet<>(Set.of(quizId, metaId));
    for (String name : images.keySet()) {
      // the path as it lies in the zip, spaces and all, as Canvas' own exports write it
      String href = Xml.text(Markup.CANVAS_FILES + name);
      sb.append("    <resource identifier=\"").append(Responses.identifier("F-" + name, ids))
          .append("\" type=\"webcontent\" href=\"").append(href).append("\">\n")
          .append("      <file href=\"").append(href).append("\"/>\n    </resource>\n");
    }
    return sb.append("  </resources>\n</manifest>\n").toString();
  }
}
