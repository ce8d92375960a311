package io.layerwise.render;

import static io.layerwise.render.QtiEvaluator.children;
import static io.layerwise.render.QtiEvaluator.only;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * QTI 1.2 response processing of a Canvas assessment for the tests: each {@code item}'s {@code
 * respcondition}s in order, their {@code conditionvar} (its children and-ed, as the ASI
 * specification says) of {@code varequal} (as a number for a {@code Decimal} blank, else as text
 * without regard to case, the {@code case="No"} default), {@code vargte}, {@code varlte}, {@code
 * and}, {@code or}, {@code not} and {@code other}; {@code setvar} and {@code displayfeedback};
 * {@code continue="No"} stops at the first condition met. Numbers are compared as decimals, as
 * Canvas does (BigDecimal), so that a bound of a margin is inside it.
 */
final class CanvasEvaluator {

  /**
   * What a response scores.
   *
   * @param score the {@code SCORE} variable, 0 to 100
   * @param feedback the identifiers of the item feedback shown
   * @param shown the HTML of that feedback
   */
  record Result(double score, List<String> feedback, String shown) {}

  private final Map<String, Element> items = new LinkedHashMap<>();
  private final Element assessment;

  CanvasEvaluator(String xml) {
    Element root = Zips.parse(xml).getDocumentElement();
    if (!root.getLocalName().equals("questestinterop")
        || !CanvasPackage.QTI_NS.equals(root.getNamespaceURI())) {
      throw new AssertionError("not a QTI 1.2 questestinterop: " + root.getTagName());
    }
    assessment = only(root, "assessment");
    var all = assessment.getElementsByTagNameNS(CanvasPackage.QTI_NS, "item");
    for (int i = 0; i < all.getLength(); i++) {
      Element item = (Element) all.item(i);
      if (items.put(item.getAttribute("ident"), item) != null) {
        throw new AssertionError("two items " + item.getAttribute("ident"));
      }
    }
  }

  Element assessment() {
    return assessment;
  }

  /** The items by ident, in document order. */
  Map<String, Element> items() {
    return items;
  }

  /** A Canvas metadata field of an item ({@code question_type}). */
  static String field(Element item, String label) {
    for (Element f : children(only(only(item, "itemmetadata"), "qtimetadata"),
        "qtimetadatafield")) {
      if (only(f, "fieldlabel").getTextContent().equals(label)) {
        return only(f, "fieldentry").getTextContent();
      }
    }
    throw new AssertionError("no field " + label);
  }

  /** Scores one typed response to the item. */
  Result respond(String ident, String typed) {
    Element item = items.get(ident);
    Element fib = (Element) item.getElementsByTagNameNS(CanvasPackage.QTI_NS, "render_fib")
        .item(0);
    boolean decimal = fib.getAttribute("fibtype").equals("Decimal");
    double score = 0;
    List<String> feedback = new ArrayList<>();
    for (Element rc : children(only(item, "resprocessing"), "respcondition")) {
      boolean met = true;
      for (Element c : children(only(rc, "conditionvar"), null)) {
        met &= condition(c, typed.strip(), decimal);
      }
      if (!met) {
        continue;
      }
      for (Element a : children(rc, null)) {
        switch (a.getLocalName()) {
          case "conditionvar" -> { }
          case "setvar" -> {
            double v = Double.parseDouble(a.getTextContent());
            String action = a.getAttribute("action").isEmpty() ? "Set" : a.getAttribute("action");
            score = switch (action) {
              case "Set" -> v;
              case "Add" -> score + v;
              case "Subtract" -> score - v;
              default -> throw new AssertionError("setvar action " + action);
            };
          }
          case "displayfeedback" -> feedback.add(a.getAttribute("linkrefid"));
          default -> throw new AssertionError("not evaluated here: " + a.getLocalName());
        }
      }
      if (!rc.getAttribute("continue").equals("Yes")) {
        break;
      }
    }
    StringBuilder shown = new StringBuilder();
    for (Element fb : children(item, "itemfeedback")) {
      if (feedback.contains(fb.getAttribute("ident"))) {
        shown.append(fb.getTextContent()).append('\n');
      }
    }
    return new Result(score, feedback, shown.toString());
  }

  /**
   * Whether Canvas grades a number right once it has imported the item: its importer makes an
   * answer of every condition with an {@code or} (an exact answer; the margin is the {@code
   * varlte} in the {@code and} less the {@code varequal}) or else an {@code and} (a range from
   * {@code vargte} to {@code varlte}), whatever score the condition sets, and Canvas counts a
   * number right when any answer matches it.
   */
  boolean canvasGradesRight(String ident, String typed) {
    BigDecimal x = number(typed.strip());
    if (x == null) {
      return false;
    }
    for (Element rc : children(only(items.get(ident), "resprocessing"), "respcondition")) {
      Element cv = only(rc, "conditionvar");
      var or = cv.getElementsByTagNameNS(CanvasPackage.QTI_NS, "or");
      var and = cv.getElementsByTagNameNS(CanvasPackage.QTI_NS, "and");
      if (or.getLength() > 0) {
        Element o = (Element) or.item(0);
        BigDecimal exact = new BigDecimal(only(o, "varequal").getTextContent().strip());
        var upper = o.getElementsByTagNameNS(CanvasPackage.QTI_NS, "varlte");
        BigDecimal margin = upper.getLength() == 0 ? BigDecimal.ZERO
            : new BigDecimal(upper.item(0).getTextContent().strip()).subtract(exact);
        if (x.compareTo(exact.subtract(margin)) >= 0 && x.compareTo(exact.add(margin)) <= 0) {
          return true;
        }
      } else if (and.getLength() > 0) {
        Element a = (Element) and.item(0);
        BigDecimal low = new BigDecimal(only(a, "vargte").getTextContent().strip());
        BigDecimal high = new BigDecimal(only(a, "varlte").getTextContent().strip());
        if (x.compareTo(low) >= 0 && x.compareTo(high) <= 0) {
          return true;
        }
      }
    }
    return false;
  }

  private static boolean condition(Element c, String typed, boolean decimal) {
    List<Element> args = children(c, null);
    return switch (c.getLocalName()) {
      case "other" -> true;
      case "not" -> !condition(args.get(0), typed, decimal);
      case "and" -> args.stream().allMatch(a -> condition(a, typed, decimal));
      case "or" -> args.stream().anyMatch(a -> condition(a, typed, decimal));
      case "varequal" -> {
        if (!c.getAttribute("respident").equals("response1")) {
          throw new AssertionError("another response: " + c.getAttribute("respident"));
        }
        String v = c.getTextContent().strip();
        if (decimal) {
          BigDecimal x = number(typed);
          yield x != null && x.compareTo(new BigDecimal(v)) == 0;
        }
        yield c.getAttribute("case").equals("Yes") ? typed.equals(v)
            : typed.toLowerCase(Locale.ROOT).equals(v.toLowerCase(Locale.ROOT));
      }
      case "vargte", "varlte" -> {
        BigDecimal x = number(typed);
        if (x == null) {
          yield false;
        }
        int cmp = x.compareTo(new BigDecimal(c.getTextContent().strip()));
        yield c.getLocalName().equals("vargte") ? cmp >= 0 : cmp <= 0;
      }
      default -> throw new AssertionError("condition not evaluated here: " + c.getLocalName());
    };
  }

  private static BigDecimal number(String typed) {
    try {
      return new BigDecimal(typed);
    } catch (NumberFormatException e) {
      return null;
    }
  }
}
