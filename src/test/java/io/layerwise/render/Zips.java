package io.layerwise.render;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Document;

/** Reading the packages back in the tests: a zip's files, and XML namespace-aware. */
final class Zips {

  private Zips() {}

  /** The files of a zip in its order, as text; every entry dated alike, none twice. */
  static Map<String, String> files(byte[] zip) {
    Map<String, String> out = new LinkedHashMap<>();
    try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
      for (ZipEntry e; (e = in.getNextEntry()) != null; ) {
        assertThat(e.getTimeLocal()).as(e.getName())
            .isEqualTo(java.time.LocalDateTime.of(1980, 1, 1, 0, 0));
        assertThat(out.put(e.getName(), new String(in.readAllBytes(), StandardCharsets.UTF_8)))
            .as("one entry " + e.getName()).isNull();
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out;
  }

  static Document parse(String xml) {
    try {
      DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
      f.setNamespaceAware(true);
      f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
      return f.newDocumentBuilder().parse(new ByteArrayInputStream(
          xml.getBytes(StandardCharsets.UTF_8)));
    } catch (Exception e) {
      throw new AssertionError("not well-formed: " + e.getMessage() + "\n" + xml, e);
    }
  }

  /** The text an HTML fragment of the quiz model shows (markup and formulas' alttext). */
  static String textOf(String html) {
    return QtiEvaluator.text(parse("<div xmlns=\"" + QtiPackage.NS + "\">" + html + "</div>")
        .getDocumentElement());
  }
}
