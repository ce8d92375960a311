package io.layerwise.publish;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import org.jsoup.Jsoup;
import org.jsoup.helper.W3CDom;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * A sheet's HTML made ready for print: AsciidoctorJ's HTML, read by jsoup (it is HTML5, not XML)
 * into the W3C DOM openhtmltopdf lays out, with the screen styles replaced by the print
 * stylesheet and every formula given what the tagged PDF needs: its plain form as alternative
 * text, and a baseline shift so that formulas set side by side share their baseline. Nothing of the
 * sheet's content changes: the PDF is the HTML sheet printed.
 */
final class PrintDocument {

  private static final String PRINT_CSS = resource("print.css");

  private PrintDocument() {}

  /** The sheet's HTML as the printer's DOM, on {@code paper}. */
  static org.w3c.dom.Document of(String html, Paper paper, FormulaTypesetter typesetter) {
    org.w3c.dom.Document dom = W3CDom.convert(prepared(html, paper));
    // each formula's baseline shift, from its typeset depth at its printed size
    org.w3c.dom.NodeList maths = dom.getElementsByTagName("math");
    for (int i = 0; i < maths.getLength(); i++) {
      org.w3c.dom.Element math = (org.w3c.dom.Element) maths.item(i);
      FormulaTypesetter.Typeset t = FormulaDrawer.typeset(typesetter, math);
      math.setAttribute("style", String.format(Locale.ROOT, "vertical-align: -%.2fpt",
          t.depth() * FormulaDrawer.scale(t, paper.columnPoints())));
    }
    return dom;
  }

  /** The HTML with the print stylesheet for its styles, every figure and link described. */
  private static Document prepared(String html, Paper paper) {
    Document doc = Jsoup.parse(html);
    doc.select("style, link[rel=stylesheet], script").remove();
    doc.head().appendElement("style").text(PRINT_CSS + String.format(Locale.ROOT,
        "%n@page { size: %s; }%n", paper.cssSize()));
    for (Element math : doc.select("math")) {
      math.attr("alt", math.attr("alttext"));
    }
    for (Element img : doc.select("img:not([alt])")) {
      img.attr("alt", "");
    }
    // Asciidoctor's headings carry a link to themselves, for the screen
    doc.select("a.anchor").remove();
    // a link's text is its description in the tagged PDF (the annotation's Contents)
    for (Element a : doc.select("a[href]:not([title])")) {
      a.attr("title", a.text().isBlank() ? a.attr("href") : a.text());
    }
    return doc;
  }

  private static String resource(String name) {
    try (InputStream in = PrintDocument.class.getResourceAsStream(name)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
