package io.layerwise.render;

import io.layerwise.render.MoodleQuiz.Category;
import io.layerwise.render.MoodleQuiz.Question;
import io.layerwise.render.Responses.Kind;
import io.layerwise.render.Responses.Outcome;
import io.layerwise.text.Xml;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The quiz as an IMS QTI 2.1 content package: {@code imsmanifest.xml} (IMS CP 1.1), one {@code
 * assessmentItem} per question, one {@code assessmentTest}, and the network diagrams as SVG
 * files. Each item has one {@code textEntryInteraction}: a count is an {@code integer} matched
 * exactly (a {@code float} matched exactly beyond 32 bits), a number in MiB or MB a {@code float}
 * within an absolute tolerance of 0.005, a shape a {@code string} matched by a pattern of its
 * spellings. The response processing sets {@code SCORE} (1 right, 0 else) and {@code FEEDBACK}
 * to the outcome, whose {@code modalFeedback} is shown: the diagnosis of each catalogued mistake,
 * never the right number. A set of variants is one section per question that selects one
 * variant's item per student.
 */
final class QtiPackage {

  static final String NS = "http://www.imsglobal.org/xsd/imsqti_v2p1";
  static final String CP_NS = "http://www.imsglobal.org/xsd/imscp_v1p1";
  private static final String XSI = "http://www.w3.org/2001/XMLSchema-instance";
  private static final String LOCATION = NS
      + " http://www.imsglobal.org/xsd/qti/qtiv2p1/imsqti_v2p1p1.xsd";

  /** The package's style sheet: the network table's rules, which QTI's XHTML cannot carry. */
  static final String STYLESHEET = "layerwise.css";

  private static final String CSS = "table.layerwise-network { border-collapse: collapse; }\n"
      + "table.layerwise-network th, table.layerwise-network td {"
      + " border: 1px solid #888; padding: 4px; }\n";

  private QtiPackage() {}

  /**
   * The package.
   *
   * @param id the test's identifier and title's base (the exercise's, or the set's)
   * @param title the test's title
   * @param categories the questions, per category (a set of variants: one per question)
   * @param variants whether each category is one question of several variants, of which each
   *     student gets one
   * @param images the diagrams by file name, each once
   */
  static QuizPackage of(String id, String title, List<Category> categories, boolean variants,
      Map<String, String> images) {
    Set<String> ids = new HashSet<>();
    String testId = Responses.identifier(id + "-test", ids);
    List<QuizPackage.Entry> items = new ArrayList<>();
    StringBuilder sections = new StringBuilder();
    Map<String, String> resources = new LinkedHashMap<>();
    Map<String, List<String>> shown = new LinkedHashMap<>();
    int number = 1;
    for (Category c : categories) {
      String sectionId = Responses.identifier("S" + number++, ids);
      String sectionTitle = variants ? c.path().substring(c.path().lastIndexOf('/') + 1) : id;
      sections.append("      <assessmentSection identifier=\"").append(sectionId)
          .append("\" title=\"").append(Xml.text(sectionTitle)).append("\" visible=\"true\">\n");
      if (variants) {
        sections.append("        <selection select=\"1\"/>\n");
      }
      for (Question q : c.questions()) {
        String itemId = Responses.identifier(q.idnumber(), ids);
        String file = itemId + ".xml";
        String item = item(itemId, q);
        items.add(new QuizPackage.Entry(file, item.getBytes(StandardCharsets.UTF_8)));
        resources.put(itemId, file);
        shown.put(itemId, Responses.images(q.text()));
        sections.append("        <assessmentItemRef identifier=\"").append(itemId)
            .append("\" href=\"").append(file).append("\"/>\n");
      }
      sections.append("      </assessmentSection>\n");
    }
    String test = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        + "<assessmentTest xmlns=\"" + NS + "\" xmlns:xsi=\"" + XSI + "\" xsi:schemaLocation=\""
        + LOCATION + "\" identifier=\"" + testId + "\" title=\"" + Xml.text(title)
        + "\" toolName=\"Layerwise\">\n"
        + "  <outcomeDeclaration identifier=\"SCORE\" cardinality=\"single\" baseType=\"float\">"
        + "<defaultValue><value>0</value></defaultValue></outcomeDeclaration>\n"
        + "  <testPart identifier=\"P1\" navigationMode=\"nonlinear\""
        + " submissionMode=\"individual\">\n"
        + "    <assessmentSection identifier=\"ALL\" title=\"" + Xml.text(title)
        + "\" visible=\"true\">\n" + sections
        + "    </assessmentSection>\n  </testPart>\n"
        + "  <outcomeProcessing><setOutcomeValue identifier=\"SCORE\"><sum>"
        + "<testVariables variableIdentifier=\"SCORE\"/></sum></setOutcomeValue>"
        + "</outcomeProcessing>\n</assessmentTest>\n";
    List<QuizPackage.Entry> entries = new ArrayList<>();
    entries.add(new QuizPackage.Entry("imsmanifest.xml",
        manifest(id, testId, resources, shown).getBytes(StandardCharsets.UTF_8)));
    entries.add(new QuizPackage.Entry(testId + ".xml", test.getBytes(StandardCharsets.UTF_8)));
    entries.addAll(items);
    if (!items.isEmpty()) {
      entries.add(new QuizPackage.Entry(STYLESHEET, CSS.getBytes(StandardCharsets.UTF_8)));
    }
    // only what an item shows: every file of the package is in the manifest
    Set<String> used = new HashSet<>();
    shown.values().forEach(used::addAll);
    images.forEach((name, svg) -> {
      if (used.contains(Markup.QTI_IMAGES + name)) {
        entries.add(new QuizPackage.Entry(Markup.QTI_IMAGES + name,
            svg.getBytes(StandardCharsets.UTF_8)));
      }
    });
    return new QuizPackage(entries);
  }

  /** One question as an {@code assessmentItem}. */
  static String item(String itemId, Question q) {
    Kind kind = Responses.kind(q);
    List<Outcome> outcomes = Responses.outcomes(q);
    StringBuilder sb = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
    sb.append("<assessmentItem xmlns=\"").append(NS).append("\" xmlns:xsi=\"").append(XSI)
        .append("\" xsi:schemaLocation=\"").append(LOCATION).append("\" identifier=\"")
        .append(itemId).append("\" title=\"").append(q.name())
        .append("\" adaptive=\"false\" timeDependent=\"false\" toolName=\"Layerwise\">\n");
    sb.append("  <responseDeclaration identifier=\"RESPONSE\" cardinality=\"single\" baseType=\"")
        .append(baseType(kind)).append("\"><correctResponse><value>")
        .append(Xml.text(outcomes.get(0).values().get(0)))
        .append("</value></correctResponse></responseDeclaration>\n");
    sb.append("  <outcomeDeclaration identifier=\"SCORE\" cardinality=\"single\""
        + " baseType=\"float\"><defaultValue><value>0</value></defaultValue>"
        + "</outcomeDeclaration>\n");
    sb.append("  <outcomeDeclaration identifier=\"MAXSCORE\" cardinality=\"single\""
        + " baseType=\"float\"><defaultValue><value>1</value></defaultValue>"
        + "</outcomeDeclaration>\n");
    sb.append("  <outcomeDeclaration identifier=\"FEEDBACK\" cardinality=\"single\""
        + " baseType=\"identifier\"/>\n");
    sb.append("  <stylesheet href=\"").append(STYLESHEET).append("\" type=\"text/css\"/>\n");
    sb.append("  <itemBody>").append(q.text())
        .append("<p><textEntryInteraction responseIdentifier=\"RESPONSE\" expectedLength=\"")
        .append(kind == Kind.SHAPE ? 24 : 16).append("\"/></p></itemBody>\n");
    sb.append("  <responseProcessing>\n    <responseCondition>\n");
    sb.append("      <responseIf><isNull><variable identifier=\"RESPONSE\"/></isNull>")
        .append(set("SCORE", "float", "0")).append("</responseIf>\n");
    for (Outcome o : outcomes) {
      sb.append("      <responseElseIf>").append(condition(kind, o))
          .append(set("SCORE", "float", o.right() ? "1" : "0"))
          .append(set("FEEDBACK", "identifier", o.id())).append("</responseElseIf>\n");
    }
    sb.append("      <responseElse>").append(set("SCORE", "float", "0"))
        .append(set("FEEDBACK", "identifier", "UNKNOWN")).append("</responseElse>\n");
    sb.append("    </responseCondition>\n  </responseProcessing>\n");
    for (Outcome o : outcomes) {
      sb.append(feedback(o.id(), o.feedback()));
    }
    sb.append(feedback("UNKNOWN", Responses.unknown(q)));
    return sb.append("</assessmentItem>\n").toString();
  }

  private static String baseType(Kind kind) {
    return switch (kind) {
      case INTEGER -> "integer";
      case LARGE, DECIMAL -> "float";
      case SHAPE -> "string";
    };
  }

  /** Whether the response is one of the outcome's values. */
  private static String condition(Kind kind, Outcome o) {
    String response = "<variable identifier=\"RESPONSE\"/>";
    return switch (kind) {
      case SHAPE -> "<patternMatch pattern=\""
          + Xml.text(Responses.shapePattern(o.values().get(0))) + "\">" + response
          + "</patternMatch>";
      case INTEGER -> anyOf(o, v -> "<match>" + response + "<baseValue baseType=\"integer\">"
          + v + "</baseValue></match>");
      case LARGE -> anyOf(o, v -> "<equal toleranceMode=\"exact\">" + response
          + "<baseValue baseType=\"float\">" + v + "</baseValue></equal>");
      case DECIMAL -> anyOf(o, v -> "<equal toleranceMode=\"absolute\" tolerance=\""
          + o.tolerance() + "\">" + response + "<baseValue baseType=\"float\">" + v
          + "</baseValue></equal>");
    };
  }

  /** Whether the response is any of the outcome's numbers, each compared by {@code test}. */
  private static String anyOf(Outcome o, java.util.function.UnaryOperator<String> test) {
    StringBuilder sb = new StringBuilder();
    o.values().forEach(v -> sb.append(test.apply(v)));
    return o.values().size() == 1 ? sb.toString() : "<or>" + sb + "</or>";
  }

  private static String set(String outcome, String baseType, String value) {
    return "<setOutcomeValue identifier=\"" + outcome + "\"><baseValue baseType=\"" + baseType
        + "\">" + value + "</baseValue></setOutcomeValue>";
  }

  private static String feedback(String id, String html) {
    return "  <modalFeedback outcomeIdentifier=\"FEEDBACK\" identifier=\"" + id
        + "\" showHide=\"show\">" + html + "</modalFeedback>\n";
  }

  /** The IMS CP manifest: the test, each item (with the diagram it shows), the diagrams. */
  private static String manifest(String id, String testId, Map<String, String> items,
      Map<String, List<String>> images) {
    StringBuilder sb = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
    sb.append("<manifest xmlns=\"").append(CP_NS).append("\" xmlns:xsi=\"").append(XSI)
        .append("\" xsi:schemaLocation=\"").append(CP_NS)
        .append(" http://www.imsglobal.org/xsd/imscp_v1p1.xsd\" identifier=\"")
        .append(Responses.identifier("M-" + id, new HashSet<>())).append("\">\n");
    sb.append("  <metadata><schema>QTIv2.1 Package</schema><schemaversion>1.0.0</schemaversion>"
        + "</metadata>\n  <organizations/>\n  <resources>\n");
    sb.append("    <resource identifier=\"").append(testId)
        .append("\" type=\"imsqti_test_xmlv2p1\" href=\"").append(testId).append(".xml\">\n")
        .append("      <file href=\"").append(testId).append(".xml\"/>\n");
    items.keySet().forEach(item -> sb.append("      <dependency identifierref=\"").append(item)
        .append("\"/>\n"));
    sb.append("    </resource>\n");
    items.forEach((item, file) -> {
      sb.append("    <resource identifier=\"").append(item)
          .append("\" type=\"imsqti_item_xmlv2p1\" href=\"").append(file).append("\">\n")
          .append("      <file href=\"").append(file).append("\"/>\n")
          .append("      <file href=\"").append(STYLESHEET).append("\"/>\n");
      images.getOrDefault(item, List.of()).forEach(image -> sb.append("      <file href=\"")
          .append(image).append("\"/>\n"));
      sb.append("    </resource>\n");
    });
    return sb.append("  </resources>\n</manifest>\n").toString();
  }
}
