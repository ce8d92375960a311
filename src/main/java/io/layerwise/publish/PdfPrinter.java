package io.layerwise.publish;

import com.openhtmltopdf.extend.FSCacheEx;
import com.openhtmltopdf.extend.FSCacheValue;
import com.openhtmltopdf.outputdevice.helper.BaseRendererBuilder.FontStyle;
import com.openhtmltopdf.outputdevice.helper.ExternalResourceControlPriority;
import com.openhtmltopdf.pdfboxout.PDFCreationListener;
import com.openhtmltopdf.pdfboxout.PdfBoxRenderer;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import com.openhtmltopdf.util.XRLog;
import java.io.ByteArrayInputStream;
import org.apache.fontbox.FontBoxFont;
import org.apache.fontbox.ttf.TTFParser;
import org.apache.fontbox.ttf.TrueTypeFont;
import java.nio.charset.StandardCharsets;
import org.apache.pdfbox.io.RandomAccessReadBuffer;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.common.PDMetadata;
import org.apache.pdfbox.pdmodel.documentinterchange.logicalstructure.PDObjectReference;
import org.apache.pdfbox.pdmodel.documentinterchange.logicalstructure.PDStructureElement;
import org.apache.pdfbox.pdmodel.documentinterchange.logicalstructure.PDStructureNode;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAnnotation;
import org.apache.pdfbox.pdmodel.font.CIDFontMapping;
import org.apache.pdfbox.pdmodel.font.FontMapper;
import org.apache.pdfbox.pdmodel.font.FontMapping;
import org.apache.pdfbox.pdmodel.font.FontMappers;
import org.apache.pdfbox.pdmodel.font.PDCIDSystemInfo;
import org.apache.pdfbox.pdmodel.font.PDFontDescriptor;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Set;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Prints a sheet's HTML to a tagged PDF (PDF/UA-1) with openhtmltopdf: the print stylesheet, the
 * text in embedded and subset DejaVu fonts, the formulas drawn as text in Computer Modern by
 * {@link FormulaDrawer}, the diagram by {@link DiagramDrawer}. Nothing is fetched: only {@code
 * data:} URIs and files inside the sheet's work directory may be read. Thread-safe: each print
 * builds its own renderer; the fonts' bytes and metrics are loaded once per process.
 */
final class PdfPrinter {

  /** Where the text fonts lie on the class path (jasperreports-fonts' DejaVu). */
  private static final String DEJAVU = "/net/sf/jasperreports/fonts/dejavu/";

  /**
   * A font of the catalog.
   *
   * @param family the CSS family
   * @param weight 400 or 700
   * @param style normal or italic
   * @param bytes the TrueType file
   */
  private record Face(String family, int weight, FontStyle style, byte[] bytes) {}

  private static final class Fonts {
    static final List<Face> ALL = load();

    static {
      // PDFBox would scan the machine's fonts (seconds, and a cache file in the home directory)
      // for the standard fonts openhtmltopdf names but never draws with: give it ours.
      FontMappers.set(new OwnFonts(ALL.stream().filter(f -> f.family().equals("DejaVu Sans"))
          .findFirst().orElseThrow().bytes()));
    }
  }

  /** PDFBox's loggers, held so that their quieter level stays (it warns of the fallback). */
  private static final java.util.logging.Logger PDFBOX_LOG = quiet("org.apache.pdfbox");
  private static final java.util.logging.Logger FONTBOX_LOG = quiet("org.apache.fontbox");

  private static java.util.logging.Logger quiet(String name) {
    java.util.logging.Logger log = java.util.logging.Logger.getLogger(name);
    log.setLevel(java.util.logging.Level.SEVERE);
    return log;
  }

  /** openhtmltopdf's font metrics, shared by every print of the process. */
  private static final FSCacheEx<String, FSCacheValue> METRICS = new MemoryCache();

  private final FormulaTypesetter typesetter;

  PdfPrinter(FormulaTypesetter typesetter) {
    this.typesetter = typesetter;
    XRLog.setLoggingEnabled(false);
  }

  /** The font families the printer embeds. */
  static java.util.Set<String> families() {
    java.util.Set<String> families = new java.util.LinkedHashSet<>();
    Fonts.ALL.forEach(f -> families.add(f.family()));
    return families;
  }

  /** Dots per point at openhtmltopdf's dots per CSS pixel (a pixel is ¾ of a point). */
  static double dotsPerPoint(double dotsPerPixel) {
    return dotsPerPixel * 4 / 3;
  }

  /**
   * The sheet {@code html} as PDF.
   *
   * @param work the sheet's work directory: the only files it may read
   */
  byte[] print(String html, Path work, Paper paper) throws IOException {
    String base = work.toUri().toString();
    PdfRendererBuilder builder = new PdfRendererBuilder();
    builder.useFastMode();
    builder.usePdfVersion(1.7f);
    builder.usePdfUaAccessibility(true);
    builder.useCacheStore(PdfRendererBuilder.CacheStore.PDF_FONT_METRICS, METRICS);
    builder.withProducer("Layerwise");
    for (Face f : Fonts.ALL) {
      byte[] bytes = f.bytes();
      builder.useFont(() -> new ByteArrayInputStream(bytes), f.family(), f.weight(), f.style(),
          true);
    }
    builder.useSVGDrawer(new DiagramDrawer(paper.columnPoints(), paper.pagePoints()));
    builder.useMathMLDrawer(new FormulaDrawer(typesetter, paper.columnPoints()));
    Path jail = work.toAbsolutePath().normalize();
    builder.useExternalResourceAccessControl((uri, type) -> allowed(uri, jail),
        ExternalResourceControlPriority.RUN_BEFORE_RESOLVING_URI);
    builder.useExternalResourceAccessControl((uri, type) -> allowed(uri, jail),
        ExternalResourceControlPriority.RUN_AFTER_RESOLVING_URI);
    org.w3c.dom.Document dom = PrintDocument.of(html, paper, typesetter);
    Set<String> formulas = new HashSet<>();
    org.w3c.dom.NodeList maths = dom.getElementsByTagName("math");
    for (int i = 0; i < maths.getLength(); i++) {
      formulas.add(((org.w3c.dom.Element) maths.item(i)).getAttribute("alt"));
    }
    builder.withW3cDocument(dom, base);
    ByteArrayOutputStream out = new ByteArrayOutputStream(64 * 1024);
    builder.toStream(out);
    try (PdfBoxRenderer renderer = builder.buildPdfRenderer()) {
      renderer.setListener(new Reproducible(html, formulas));
      renderer.layout();
      renderer.createPDF();
    } catch (RuntimeException | StackOverflowError e) {
      throw new IOException("the PDF printer failed: " + e, e);
    }
    return out.toByteArray();
  }

  /**
   * Makes the same HTML print to the same bytes: a fixed creation date (in the information
   * dictionary and the XMP metadata) and a file identifier derived from the HTML, where PDFBox
   * would take the clock.
   */
  private static final class Reproducible implements PDFCreationListener {
    /** The date every sheet says it was made: the project's reproducible build timestamp. */
    private static final String DATE = "2026-01-01T00:00:00Z";
    private static final java.util.regex.Pattern XMP_DATE = java.util.regex.Pattern.compile(
        "(<xmp:(?:CreateDate|ModifyDate|MetadataDate)>)[^<]*(</xmp:)");

    private final String html;
    private final Set<String> formulas;

    /** @param formulas the formulas' alternative texts: their figures become Formula elements */
    Reproducible(String html, Set<String> formulas) {
      this.html = html;
      this.formulas = formulas;
    }

    @Override
    public void preOpen(PdfBoxRenderer renderer) {}

    @Override
    public void preWrite(PdfBoxRenderer renderer, int pageCount) {}

    /**
     * Gives every link annotation its structure element's alternative text (the link's text) as
     * its {@code Contents}, which PDF/UA asks of a link and openhtmltopdf leaves out; and tags
     * each formula as a Formula, not a Figure, so that a screen reader says what it is.
     */
    private void describe(PDStructureNode node) {
      if (node == null) {
        return;
      }
      for (Object kid : node.getKids()) {
        if (kid instanceof PDStructureElement e) {
          String alt = e.getAlternateDescription();
          if ("Figure".equals(e.getStructureType()) && alt != null && formulas.contains(alt)) {
            e.setStructureType("Formula");
          }
          if ("Link".equals(e.getStructureType()) && alt != null) {
            for (Object k : e.getKids()) {
              if (k instanceof PDObjectReference ref
                  && ref.getReferencedObject() instanceof PDAnnotation a
                  && a.getContents() == null) {
                a.setContents(alt);
              }
            }
          }
          describe(e);
        }
      }
    }

    @Override
    public void onClose(PdfBoxRenderer renderer) {
      PDDocument doc = renderer.getPdfDocument();
      java.util.Calendar date = java.util.GregorianCalendar.from(
          java.time.ZonedDateTime.parse(DATE));
      doc.getDocumentInformation().setCreationDate(date);
      doc.getDocumentInformation().setModificationDate(null);
      doc.setDocumentId((long) html.hashCode() << 32 | (html.length() & 0xffffffffL));
      describe(doc.getDocumentCatalog().getStructureTreeRoot());
      PDMetadata metadata = doc.getDocumentCatalog().getMetadata();
      if (metadata == null) {
        return;
      }
      try {
        String xmp = new String(metadata.toByteArray(), StandardCharsets.UTF_8);
        String fixed = XMP_DATE.matcher(xmp).replaceAll("$1" + DATE + "$2");
        if (!fixed.equals(xmp)) {
          metadata.importXMPMetadata(fixed.getBytes(StandardCharsets.UTF_8));
        }
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }

  /**
   * Only data URIs and the work directory's own files: no network, no file outside (the path
   * decoded and normalised, and links followed, before it is compared).
   */
  static boolean allowed(String uri, Path jail) {
    if (uri == null) {
      return false;
    }
    if (uri.startsWith("data:")) {
      return true;
    }
    try {
      java.net.URI u = new java.net.URI(uri);
      if (!"file".equals(u.getScheme())) {
        return false;
      }
      Path p = Path.of(u).toAbsolutePath().normalize();
      if (java.nio.file.Files.exists(p)) {
        p = p.toRealPath();
        jail = jail.toRealPath();
      }
      return p.startsWith(jail);
    } catch (java.net.URISyntaxException | IllegalArgumentException | IOException
        | java.nio.file.FileSystemNotFoundException e) {
      return false;
    }
  }

  private static List<Face> load() {
    String serif = "DejaVu Serif Condensed";
    String sans = "DejaVu Sans";
    List<Face> faces = new ArrayList<>(List.of(
        dejavu("DejaVuSerifCondensed", serif, 400, FontStyle.NORMAL),
        dejavu("DejaVuSerifCondensed-Bold", serif, 700, FontStyle.NORMAL),
        dejavu("DejaVuSerifCondensed-Italic", serif, 400, FontStyle.ITALIC),
        dejavu("DejaVuSerifCondensed-BoldItalic", serif, 700, FontStyle.ITALIC),
        dejavu("DejaVuSans", sans, 400, FontStyle.NORMAL),
        dejavu("DejaVuSans-Bold", sans, 700, FontStyle.NORMAL),
        dejavu("DejaVuSansMono", "DejaVu Sans Mono", 400, FontStyle.NORMAL),
        dejavu("DejaVuSansMono-Bold", "DejaVu Sans Mono", 700, FontStyle.NORMAL)));
    for (Map.Entry<String, byte[]> f : MathFonts.get().files().entrySet()) {
      String family = f.getKey().substring(0, f.getKey().length() - ".ttf".length());
      faces.add(new Face(family, 400, FontStyle.NORMAL, f.getValue()));
    }
    return List.copyOf(faces);
  }

  /** A DejaVu face, without its ligatures. */
  private static Face dejavu(String file, String family, int weight, FontStyle style) {
    return new Face(family, weight, style,
        TrueTypeCmap.without(resource(DEJAVU + file + ".ttf"), "GSUB"));
  }

  private static byte[] resource(String path) {
    try (InputStream in = PdfPrinter.class.getResourceAsStream(path)) {
      if (in == null) {
        throw new IllegalStateException("no font " + path + " on the class path");
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Every font PDFBox looks for on the machine is DejaVu Sans, ours: no font is searched for. */
  private static final class OwnFonts implements FontMapper {
    private final TrueTypeFont font;

    OwnFonts(byte[] bytes) {
      try {
        font = new TTFParser().parse(new RandomAccessReadBuffer(bytes));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }

    @Override
    public FontMapping<TrueTypeFont> getTrueTypeFont(String name, PDFontDescriptor d) {
      return new FontMapping<>(font, true);
    }

    @Override
    public FontMapping<FontBoxFont> getFontBoxFont(String name, PDFontDescriptor d) {
      return new FontMapping<>(font, true);
    }

    @Override
    public CIDFontMapping getCIDFont(String name, PDFontDescriptor d, PDCIDSystemInfo info) {
      return new CIDFontMapping(null, font, true);
    }
  }

  /** A process-wide, thread-safe cache for openhtmltopdf. */
  private static final class MemoryCache implements FSCacheEx<String, FSCacheValue> {
    private final Map<String, FSCacheValue> map = new ConcurrentHashMap<>();

    @Override
    public void put(String key, FSCacheValue value) {
      map.put(key, value);
    }

    @Override
    public FSCacheValue get(String key,
        java.util.concurrent.Callable<? extends FSCacheValue> loader) {
      return map.computeIfAbsent(key, k -> {
        try {
          return loader.call();
        } catch (Exception e) {
          throw new IllegalStateException(e);
        }
      });
    }

    @Override
    public FSCacheValue get(String key) {
      return map.get(key);
    }
  }
}
