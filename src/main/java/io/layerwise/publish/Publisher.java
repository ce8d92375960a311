package io.layerwise.publish;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.asciidoctor.Asciidoctor;
import org.asciidoctor.Attributes;
import org.asciidoctor.AttributesBuilder;
import org.asciidoctor.Options;
import org.asciidoctor.OptionsBuilder;
import org.asciidoctor.SafeMode;
import org.asciidoctor.log.LogRecord;
import org.asciidoctor.log.Severity;

/**
 * Converts documents into the output directory: AsciiDoc to HTML with the one Asciidoctor
 * instance of the process (started on the first conversion that needs it), and that HTML printed
 * to PDF ({@link PdfPrinter}). Thread-safe: documents may be published from several threads at
 * once, each converted in its own work directory, each thread's Asciidoctor log kept apart. Each
 * document is assembled in a work directory of its own (its AsciiDoc and diagrams), converted
 * there with Asciidoctor jailed to it, and only the finished files are moved into the output
 * directory.
 */
public final class Publisher implements AutoCloseable {

  private final FormulaTypesetter typesetter = new FormulaTypesetter();
  private final PdfPrinter printer = new PdfPrinter(typesetter);
  private final Paper paper;
  /** What Asciidoctor logs while converting, kept per converting thread. */
  private final ThreadLocal<List<LogRecord>> log = ThreadLocal.withInitial(ArrayList::new);
  private final Object engineLock = new Object();
  /** Whether Asciidoctor's start, and the printer's, have been set off: each once. */
  private final java.util.concurrent.atomic.AtomicBoolean starting =
      new java.util.concurrent.atomic.AtomicBoolean();
  private final java.util.concurrent.atomic.AtomicBoolean printerStarting =
      new java.util.concurrent.atomic.AtomicBoolean();
  private volatile Asciidoctor asciidoctor;
  private boolean closed;

  /**
   * The most layers a sheet may have to be published as PDF. The printer lays out every row of
   * the layer tables, every formula and every box of the diagram: a 2,000-layer exercise's two
   * PDF sheets take about 10 s and 0.9 GB; a 20,000-layer one (the file limit) took 3.5 minutes
   * and 4.5 GB. Deeper networks get HTML, which takes seconds. docs/RELIABILITY.md lists the
   * limit.
   */
  public static final int PDF_LAYERS = 2_000;

  /** Why a network of {@code layers} layers gets no PDF, and what to do instead. */
  public static String pdfRefusal(int layers) {
    return String.format(java.util.Locale.ROOT, "%,d layers are more than a PDF sheet takes"
        + " (at most %,d): printing it would take minutes and more than a GiB of memory; HTML has"
        + " no such limit: build with --format html (explain works as well), or split the"
        + " network into exercises of at most %,d layers", layers, PDF_LAYERS, PDF_LAYERS);
  }

  /** A publisher for A4 paper whose Asciidoctor starts on its first conversion. */
  public Publisher() {
    this(Paper.A4);
  }

  /** The paper this publisher prints on. */
  public Paper paper() {
    return paper;
  }

  /** A publisher whose PDFs are printed on {@code paper}. */
  public Publisher(Paper paper) {
    this.paper = paper;
  }

  /** Whether Asciidoctor (and so JRuby) has been started by this publisher. */
  public boolean started() {
    return asciidoctor != null;
  }

  /** How a work directory's name starts; the process id of the build that owns it follows. */
  private static final String WORK = "work-";

  /**
   * Removes the work directories that builds killed before they could clean up left behind
   * ({@code kill -9}): those whose owning process no longer runs, and those of the older naming
   * without a process id. A running build's directories stay.
   */
  public static void removeStaleWork(Path outDir) {
    Path stateDir = stateDir(outDir);
    if (!Files.isDirectory(stateDir)) {
      return;
    }
    try (Stream<Path> dirs = Files.list(stateDir)) {
      for (Path dir : dirs.filter(Files::isDirectory).toList()) {
        String name = dir.getFileName().toString();
        if (!name.startsWith(WORK)) {
          continue;
        }
        String[] parts = name.substring(WORK.length()).split("-", 2);
        boolean owned = parts.length == 2 && parts[0].matches("[0-9]{1,18}")
            && ProcessHandle.of(Long.parseLong(parts[0])).isPresent();
        if (!owned) {
          deleteTree(dir);
        }
      }
    } catch (IOException e) {
      // what cannot be listed now is tried again at the next build
    }
  }

  /** The directory for build state that is not output (fingerprints, work files). */
  public static Path stateDir(Path outDir) {
    return outDir.toAbsolutePath().normalize().resolve(".layerwise");
  }

  /**
   * Writes a document in each of the formats and returns the warnings Asciidoctor gave.
   *
   * @throws PublishException if a conversion or a write fails; nothing is left half-written
   */
  public List<String> publish(Document doc, Set<OutputFormat> formats, Path out)
      throws PublishException {
    Path outDir = out.toAbsolutePath().normalize();
    Path stateDir = stateDir(outDir);
    Path work;
    try {
      Files.createDirectories(stateDir);
      work = Files.createTempDirectory(stateDir, WORK + ProcessHandle.current().pid() + "-");
    } catch (IOException e) {
      throw new PublishException("cannot write to " + outDir + ": " + e.getMessage(), e);
    }
    List<String> warnings = new ArrayList<>();
    try {
      Path adoc;
      try {
        adoc = assemble(doc, work);
      } catch (RuntimeException e) {
        throw new PublishException("cannot typeset the formulas of " + doc.baseName() + ": "
            + e.getMessage(), e);
      }
      if (formats.contains(OutputFormat.ADOC)) {
        copySources(doc, outDir);
      }
      if (formats.contains(OutputFormat.HTML) || formats.contains(OutputFormat.PDF)) {
        Path html = work.resolve(doc.baseName() + ".html");
        warnings.addAll(convert(adoc, work, html, doc.baseName()));
        String page = Files.readString(html);
        if (formats.contains(OutputFormat.HTML)) {
          AtomicFiles.move(html, outDir.resolve(html.getFileName()));
        }
        if (formats.contains(OutputFormat.PDF)) {
          Path pdf = work.resolve(doc.baseName() + ".pdf");
          Files.write(pdf, print(page, work, doc.baseName()));
          AtomicFiles.move(pdf, outDir.resolve(pdf.getFileName()));
        }
      }
      if (formats.contains(OutputFormat.SELFCHECK)) {
        throw new IllegalArgumentException("self-check pages are not sheets");
      }
      return warnings;
    } catch (IOException | UncheckedIOException e) {
      throw new PublishException("cannot write " + doc.baseName() + ": " + e.getMessage(), e);
    } finally {
      deleteTree(work);
    }
  }

  private static Path assemble(Document doc, Path work) throws IOException {
    Path adoc = work.resolve(doc.baseName() + ".adoc");
    Files.writeString(adoc, doc.asciidoc());
    for (String name : doc.imageFiles()) {
      Files.writeString(work.resolve(name), doc.images().get(name));
    }
    return adoc;
  }

  /** The AsciiDoc with its diagrams, so that it converts again with any Asciidoctor. */
  private static void copySources(Document doc, Path outDir) throws IOException {
    for (String name : doc.imageFiles()) {
      AtomicFiles.write(outDir.resolve(name), doc.images().get(name)
          .getBytes(StandardCharsets.UTF_8));
    }
    AtomicFiles.write(outDir.resolve(doc.baseName() + ".adoc"),
        doc.asciidoc().getBytes(StandardCharsets.UTF_8));
  }

  /** The HTML sheet printed (the printer's errors become a PublishException). */
  private byte[] print(String html, Path work, String baseName) throws PublishException {
    try {
      return printer.print(html, work, paper);
    } catch (IOException | RuntimeException e) {
      throw new PublishException("cannot print " + baseName + ".pdf: " + e.getMessage(), e);
    }
  }

  private List<String> convert(Path adoc, Path work, Path result, String baseName)
      throws PublishException {
    AttributesBuilder attributes = Attributes.builder()
        .attribute("reproducible", "")
        .attribute("nofooter", "")
        .attribute("webfonts!", "")
        .attribute("icons!", "")
        .dataUri(true);
    OptionsBuilder options = Options.builder()
        .safe(SafeMode.SAFE)
        .baseDir(work.toFile())
        .toFile(result.toFile())
        .mkDirs(true)
        .standalone(true);
    if (!WARMING.get()) {
      conversions.incrementAndGet();
    }
    Asciidoctor ad = asciidoctor();
    List<String> warnings = new ArrayList<>();
    List<LogRecord> records = log.get();
    records.clear();
    try {
      ad.convertFile(adoc.toFile(), options.attributes(attributes.build()).build());
    } catch (RuntimeException e) {
      throw new PublishException("Asciidoctor could not convert " + baseName + " to html: "
          + e.getMessage(), e);
    }
    for (LogRecord r : List.copyOf(records)) {
      String where = r.getCursor() == null ? "" : " (line " + r.getCursor().getLineNumber() + ")";
      String message = "asciidoctor: " + r.getMessage() + where;
      if (r.getSeverity() == Severity.ERROR || r.getSeverity() == Severity.FATAL) {
        throw new PublishException(message + " in " + baseName + ".html", null);
      }
      if (r.getSeverity() == Severity.WARN) {
        warnings.add(message);
      }
    }
    records.clear();
    if (!Files.exists(result)) {
      throw new PublishException("Asciidoctor wrote no html for " + baseName, null);
    }
    return warnings;
  }

  /**
   * Starts Asciidoctor on a background thread, so that JRuby's start-up overlaps work the caller
   * still has to do (rendering, typesetting). The first conversion waits for it.
   */
  public void startInBackground() {
    if (!starting.compareAndSet(false, true)) {
      return;
    }
    Thread t = new Thread(() -> {
      try {
        asciidoctor();
      } catch (PublishException e) {
        // the first conversion will try again and report it
      }
    }, "asciidoctor-start");
    t.setDaemon(true);
    t.start();
  }

  /**
   * Loads the PDF printer (its classes, fonts and formula fonts) on a background thread by
   * printing a small page, so that this overlaps JRuby's start-up on the other core. Whatever
   * goes wrong is left for the first real print to report.
   */
  public void startPrinterInBackground() {
    if (!printerStarting.compareAndSet(false, true)) {
      return;
    }
    Thread t = new Thread(() -> {
      Path dir = null;
      try {
        dir = Files.createTempDirectory("layerwise-printer-");
        printer.print(WARM_UP_HTML, dir, paper);
      } catch (IOException | RuntimeException e) {
        // the first real print will report it
      } finally {
        if (dir != null) {
          deleteTree(dir);
        }
      }
    }, "printer-start");
    t.setDaemon(true);
    t.start();
  }

  /** A small page with what a sheet has: headings, a table, a formula, the footer. */
  private static final String WARM_UP_HTML = """
      <!DOCTYPE html><html lang="en"><head><title>Warm-up</title></head><body>
      <div id="header"><h1>Warm-up</h1></div><div class="lw-running"><span>Warm-up</span>\
      <span class="lw-of">1 <span class="lw-n"></span> 2 <span class="lw-m"></span></span></div>
      <h2><strong>conv1</strong> <em>(Conv2D)</em></h2><table class="tableblock"><thead><tr>
      <th>Layer</th><th>Parameters</th></tr></thead><tbody><tr><td>conv1</td><td>608 →
      ⌊⌋ × ²</td></tr></tbody></table><p><code>x = 1</code></p>
      <math display="block" alttext="H"><semantics><mrow><mi>H</mi></mrow><annotation
      encoding="application/x-tex">H_{\\mathrm{out}} = \\left\\lfloor \\frac{H - K}{S}
      \\right\\rfloor + 1 = 5 \\cdot 5</annotation></semantics></math></body></html>
      """;

  /** A small sheet with what a real one has: a section, a table, a formula, a list. */
  private static final String WARM_UP = """
      = Warm-up
      :reproducible:

      == conv1 (Conv2D)

      [cols="2,>1",options="header"]
      |===
      |Layer |Parameters
      |conv1 |608
      |===

      ++++
      <math display="block" alttext="H_out = ⌊(H − K)/S⌋ + 1"><semantics><mrow><mi>H</mi></mrow>\
      <annotation encoding="application/x-tex">H_{\\mathrm{out}} = \\left\\lfloor \\frac{H - K}\
      {S} \\right\\rfloor + 1 = 5 \\cdot 5 \\cdot 3 + 8</annotation></semantics></math>
      ++++

      * a list item
      """;

  /** How often {@link #warmUp} converts its sheet: JRuby compiles a Ruby method after 50 calls. */
  private static final int WARM_UP_ROUNDS = 10;
  /** Conversions other than the warm-up's, so far: the warm-up yields to the next one. */
  private final java.util.concurrent.atomic.AtomicInteger conversions =
      new java.util.concurrent.atomic.AtomicInteger();
  private static final ThreadLocal<Boolean> WARMING = ThreadLocal.withInitial(() -> false);

  /**
   * Starts Asciidoctor and converts a small sheet to HTML and PDF in the background, a few times
   * over, in a directory of its own, so that the first real conversion of a long-running process
   * ({@code watch}) finds JRuby, Asciidoctor, the printer and its fonts loaded and the code
   * compiled (a cold first PDF takes seconds longer). It stops as soon as a real conversion
   * starts. Whatever goes wrong is left for the real conversion to report.
   */
  public void warmUp() {
    Thread t = new Thread(() -> {
      Path dir = null;
      WARMING.set(true);
      int before = conversions.get();
      try {
        dir = Files.createTempDirectory("layerwise-warm-up-");
        Document doc = new Document("warm-up", WARM_UP, Map.of());
        for (int round = 0; round < WARM_UP_ROUNDS && conversions.get() == before; round++) {
          publish(doc, Set.of(OutputFormat.HTML, OutputFormat.PDF), dir);
        }
      } catch (IOException | PublishException | RuntimeException e) {
        // the first real conversion will report it
      } finally {
        if (dir != null) {
          deleteTree(dir);
        }
      }
    }, "asciidoctor-warm-up");
    t.setDaemon(true);
    t.setPriority(Thread.MIN_PRIORITY);
    t.start();
  }

  private Asciidoctor asciidoctor() throws PublishException {
    synchronized (engineLock) {
      return startedEngine();
    }
  }

  private Asciidoctor startedEngine() throws PublishException {
    if (closed) {
      throw new PublishException("the publisher is closed", null);
    }
    if (asciidoctor == null) {
      Asciidoctor created = null;
      try {
        created = Asciidoctor.Factory.create();
        created.registerLogHandler(r -> log.get().add(r));
      } catch (RuntimeException e) {
        if (created != null) {
          created.shutdown();
        }
        throw new PublishException("Asciidoctor could not start: " + e.getMessage(), e);
      }
      asciidoctor = created;
    }
    return asciidoctor;
  }

  private static void deleteTree(Path dir) {
    try (Stream<Path> s = Files.walk(dir)) {
      for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    } catch (IOException e) {
      // a leftover work directory is harmless; the next build makes a new one
    }
  }

  @Override
  public void close() {
    synchronized (engineLock) {
      closed = true;
      if (asciidoctor != null) {
        asciidoctor.shutdown();
        asciidoctor = null;
      }
    }
  }
}
