package io.layerwise.render;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * A small QTI 2.1 response-processing engine for the tests: it reads a generated {@code
 * assessmentItem}, takes a candidate's typed response as the {@code textEntryInteraction}'s
 * declared base type does (a text that is no integer for an {@code integer} response is no
 * response), runs the item's own {@code responseProcessing} as the specification defines its
 * rules and expressions, and shows the {@code modalFeedback} whose identifier the {@code
 * FEEDBACK} outcome holds. It knows only what Layerwise writes; any other element is an error,
 * so that the items cannot drift into a construct nobody evaluated.
 */
final class QtiEvaluator {

  /**
   * What a response scores.
   *
   * @param score the {@code SCORE} outcome
   * @param feedback the identifier of the feedback shown, if any
   * @param shown the text of the shown modal feedback, and the {@code alttext} of its formulas
   */
  record Result(double score, Optional<String> feedback, String shown) {}

  private final Element item;
  private final String baseType;

  QtiEvaluator(String xml) {
    this.item = Zips.parse(xml).getDocumentElement();
    if (!item.getLocalName().equals("assessmentItem")
        || !QtiPackage.NS.equals(item.getNamespaceURI())) {
      throw new AssertionError("not a QTI 2.1 assessmentItem: " + item.getTagName());
    }
    Element decl = only(item, "responseDeclaration");
    this.baseType = decl.getAttribute("baseType");
  }

  /** The correct response the item declares. */
  String correctResponse() {
    return only(only(only(item, "responseDeclaration"), "correctResponse"), "value")
        .getTextContent();
  }

  /** The base type of the response: {@code integer}, {@code float} or {@code string}. */
  String baseType() {
    return baseType;
  }

  /** The identifiers of every modal feedback with its text. */
  Map<String, String> feedbacks() {
    Map<String, String> out = new HashMap<>();
    for (Element fb : children(item, "modalFeedback")) {
      out.put(fb.getAttribute("identifier"), text(fb));
    }
    return out;
  }

  /** Scores one typed response; {@code null} is no response. */
  Result respond(String typed) {
    Map<String, Object> vars = new HashMap<>();
    vars.put("RESPONSE", typed == null ? null : parse(baseType, typed.strip()));
    for (Element o : children(item, "outcomeDeclaration")) {
      Object dflt = null;
      List<Element> d = children(o, "defaultValue");
      if (!d.isEmpty()) {
        dflt = parse(o.getAttribute("baseType"), only(d.get(0), "value").getTextContent());
      }
      vars.put(o.getAttribute("identifier"), dflt);
    }
    Element rp = only(item, "responseProcessing");
    if (rp.hasAttribute("template")) {
      throw new AssertionError("a response processing template is not evaluated here");
    }
    for (Element rule : children(rp, null)) {
      rule(rule, vars);
    }
    Object fb = vars.get("FEEDBACK");
    StringBuilder shown = new StringBuilder();
    for (Element m : children(item, "modalFeedback")) {
      if (!m.getAttribute("outcomeIdentifier").equals("FEEDBACK")) {
        throw new AssertionError("feedback on another outcome");
      }
      boolean match = Objects.equals(fb, m.getAttribute("identifier"));
      boolean show = m.getAttribute("showHide").equals("show") == match;
      if (show) {
        shown.append(text(m)).append('\n');
      }
    }
    Object score = vars.get("SCORE");
    return new Result(score == null ? 0 : ((Number) score).doubleValue(),
        Optional.ofNullable((String) fb), shown.toString());
  }

  private void rule(Element rule, Map<String, Object> vars) {
    switch (rule.getLocalName()) {
      case "responseCondition" -> {
        for (Element branch : children(rule, null)) {
          String n = branch.getLocalName();
          List<Element> parts = children(branch, null);
          boolean taken = n.equals("responseElse")
              || Boolean.TRUE.equals(expression(parts.get(0), vars));
          if (taken) {
            parts.stream().skip(n.equals("responseElse") ? 0 : 1).forEach(r -> rule(r, vars));
            return;
          }
        }
      }
      case "setOutcomeValue" -> {
        String id = rule.getAttribute("identifier");
        if (!vars.containsKey(id)) {
          throw new AssertionError("undeclared outcome " + id);
        }
        vars.put(id, expression(only(rule, null), vars));
      }
      default -> throw new AssertionError("rule not evaluated here: " + rule.getLocalName());
    }
  }

  private Object expression(Element e, Map<String, Object> vars) {
    List<Element> args = children(e, null);
    return switch (e.getLocalName()) {
      case "baseValue" -> parse(e.getAttribute("baseType"), e.getTextContent());
      case "variable" -> {
        String id = e.getAttribute("identifier");
        if (!vars.containsKey(id)) {
          throw new AssertionError("undeclared variable " + id);
        }
        yield vars.get(id);
      }
      case "correct" -> parse(baseType, correctResponse());
      case "isNull" -> expression(args.get(0), vars) == null;
      case "not" -> {
        Object v = expression(args.get(0), vars);
        yield v == null ? null : !(Boolean) v;
      }
      case "and", "or" -> {
        boolean and = e.getLocalName().equals("and");
        boolean result = and;
        for (Element a : args) {
          Object v = expression(a, vars);
          if (v == null) {
            yield null;
          }
          result = and ? result && (Boolean) v : result || (Boolean) v;
        }
        yield result;
      }
      case "match" -> {
        Object a = expression(args.get(0), vars);
        Object b = expression(args.get(1), vars);
        if (a == null || b == null) {
          yield null;
        }
        if (a instanceof Double || b instanceof Double) {
          throw new AssertionError("match is not defined for floats: use equal");
        }
        yield a.equals(b);
      }
      case "equal" -> {
        Object a = expression(args.get(0), vars);
        Object b = expression(args.get(1), vars);
        if (a == null || b == null) {
          yield null;
        }
        double x = ((Number) a).doubleValue();
        double y = ((Number) b).doubleValue();
        String mode = e.getAttribute("toleranceMode").isEmpty() ? "exact"
            : e.getAttribute("toleranceMode");
        yield switch (mode) {
          case "exact" -> x == y;
          case "absolute", "relative" -> {
            String[] t = e.getAttribute("tolerance").trim().split("\\s+");
            double t0 = Double.parseDouble(t[0]);
            double t1 = t.length > 1 ? Double.parseDouble(t[1]) : t0;
            boolean abs = mode.equals("absolute");
            double low = abs ? y - t0 : y * (1 - t0 / 100);
            double high = abs ? y + t1 : y * (1 + t1 / 100);
            boolean lowIn = !e.getAttribute("includeLowerBound").equals("false");
            boolean highIn = !e.getAttribute("includeUpperBound").equals("false");
            yield (lowIn ? x >= low : x > low) && (highIn ? x <= high : x < high);
          }
          default -> throw new AssertionError("tolerance mode " + mode);
        };
      }
      case "gte", "lte" -> {
        Object a = expression(args.get(0), vars);
        Object b = expression(args.get(1), vars);
        if (a == null || b == null) {
          yield null;
        }
        int c = Double.compare(((Number) a).doubleValue(), ((Number) b).doubleValue());
        yield e.getLocalName().equals("gte") ? c >= 0 : c <= 0;
      }
      case "patternMatch" -> {
        Object a = expression(args.get(0), vars);
        // an XML Schema pattern matches the whole string; its \s and classes are Java's here
        yield a == null ? null : Pattern.compile(e.getAttribute("pattern"))
            .matcher((String) a).matches();
      }
      default -> throw new AssertionError("expression not evaluated here: " + e.getLocalName());
    };
  }

  /** A value of a QTI base type, or no value when the text is none of that type. */
  static Object parse(String baseType, String text) {
    try {
      return switch (baseType) {
        case "integer" -> Integer.parseInt(text.trim());
        case "float" -> Double.parseDouble(text.trim());
        case "string", "identifier" -> text;
        default -> throw new AssertionError("base type " + baseType);
      };
    } catch (NumberFormatException e) {
      return null;
    }
  }

  /** An element's text with its formulas' {@code alttext}, which a screen reader reads out. */
  static String text(Element e) {
    StringBuilder sb = new StringBuilder(e.getTextContent());
    var all = e.getElementsByTagNameNS("*", "*");
    for (int i = 0; i < all.getLength(); i++) {
      Element c = (Element) all.item(i);
      if (c.hasAttribute("alttext")) {
        sb.append(' ').append(c.getAttribute("alttext"));
      }
      if (c.hasAttribute("alt")) {
        sb.append(' ').append(c.getAttribute("alt"));
      }
    }
    return sb.toString();
  }

  static List<Element> children(Element e, String localName) {
    List<Element> out = new ArrayList<>();
    for (Node n = e.getFirstChild(); n != null; n = n.getNextSibling()) {
      if (n instanceof Element c && (localName == null || c.getLocalName().equals(localName))) {
        out.add(c);
      }
    }
    return out;
  }

  static Element only(Element e, String localName) {
    List<Element> c = children(e, localName);
    if (c.size() != 1) {
      throw new AssertionError("expected one " + localName + " in " + e.getLocalName()
          + ", found " + c.size());
    }
    return c.get(0);
  }
}
