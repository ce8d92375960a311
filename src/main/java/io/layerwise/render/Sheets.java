package io.layerwise.render;

import freemarker.cache.ClassTemplateLoader;
import freemarker.cache.FileTemplateLoader;
import freemarker.cache.MultiTemplateLoader;
import freemarker.cache.TemplateLoader;
import freemarker.core.TemplateClassResolver;
import freemarker.core._CoreAPI;
import freemarker.template.Configuration;
import freemarker.template.DefaultObjectWrapperBuilder;
import freemarker.template.Template;
import freemarker.template.TemplateException;
import freemarker.template.TemplateExceptionHandler;
import io.layerwise.check.CheckResult;
import io.layerwise.diagnosis.Diagnosis;
import io.layerwise.engine.Analysis;
import java.io.IOException;
import java.io.InputStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;

/**
 * The FreeMarker stage: one {@link Configuration}, built once, renders sheet views into AsciiDoc.
 * Templates come from the jar ({@code /templates}); a teacher's directory may replace any of them
 * by name. Templates are trusted and the data is not: every string in a {@link SheetView} is
 * already escaped, no template can reach Java classes ({@code ?new} and {@code ?api} are off),
 * and text from exercise files is only ever data, never template source.
 */
public final class Sheets {

  /** The bundled templates, which a template directory may replace by name. */
  public static final List<String> TEMPLATES =
      List.of("questions.adoc.ftl", "answers.adoc.ftl", "handout.adoc.ftl", "sheet.ftl",
          "feedback.adoc.ftl", "selfcheck.html.ftl", "moodle.xml.ftl", "key.adoc.ftl");

  /** How long one template may run before it is stopped as a template error. */
  private static final long TEMPLATE_SECONDS = 120;

  /** The most characters one template may write (a 20,000-layer answer sheet writes ~40 M). */
  private static final long MAX_OUTPUT = 200_000_000;

  /** A template thread's stack: deep enough for the bundled templates, bounded for recursion. */
  private static final long TEMPLATE_STACK = 16L << 20;

  private final Configuration config;
  private final Set<Template> interruptible =
      Collections.newSetFromMap(new IdentityHashMap<>());

  private Sheets(Configuration config) {
    this.config = config;
  }

  /** Templates from the jar, each replaced by a file of the same name in {@code dir} if any. */
  public static Sheets create(Optional<Path> dir) throws RenderException {
    // Template problems come back as RenderExceptions; FreeMarker's own logging stays quiet.
    if (System.getProperty("org.freemarker.loggerLibrary") == null) {
      System.setProperty("org.freemarker.loggerLibrary", "none");
    }
    Configuration cfg = new Configuration(Configuration.VERSION_2_3_33);
    List<TemplateLoader> loaders = new ArrayList<>();
    if (dir.isPresent()) {
      try {
        loaders.add(new FileTemplateLoader(dir.get().toFile()));
      } catch (IOException e) {
        throw new RenderException("cannot read the template directory " + dir.get() + ": "
            + e.getMessage(), e);
      }
    }
    loaders.add(new ClassTemplateLoader(Sheets.class, "/templates"));
    cfg.setTemplateLoader(new MultiTemplateLoader(loaders.toArray(new TemplateLoader[0])));
    cfg.setDefaultEncoding("UTF-8");
    cfg.setLocale(Locale.ENGLISH);
    cfg.setNumberFormat("computer");
    cfg.setTemplateExceptionHandler(TemplateExceptionHandler.RETHROW_HANDLER);
    cfg.setLogTemplateExceptions(false);
    cfg.setWrapUncheckedExceptions(true);
    cfg.setFallbackOnNullLoopVariable(false);
    cfg.setAPIBuiltinEnabled(false);
    cfg.setNewBuiltinClassResolver(TemplateClassResolver.ALLOWS_NOTHING_RESOLVER);
    cfg.setObjectWrapper(new DefaultObjectWrapperBuilder(Configuration.VERSION_2_3_33).build());
    return new Sheets(cfg);
  }

  /** One exercise's sheet. */
  public RenderedSheet render(Analysis analysis, SheetKind kind, Locale locale)
      throws RenderException {
    if (kind == SheetKind.KEY) {
      Handout key = key(analysis.exercise().id() + "-" + kind.id(), List.of(analysis),
          Cover.NONE, locale);
      return new RenderedSheet(analysis.exercise().id(), kind, key.asciidoc(), Map.of());
    }
    SheetBuilder builder = new SheetBuilder(analysis, locale, kind == SheetKind.ANSWERS);
    SheetView view = builder.build(kind == SheetKind.ANSWERS);
    Map<String, Object> data = new HashMap<>();
    data.put("sheet", view);
    String adoc = process(kind.template(), locale, data);
    return new RenderedSheet(analysis.exercise().id(), kind, adoc, builder.diagrams());
  }

  /**
   * Several exercises in one document with a title page and a table of contents; the diagrams
   * are returned by file name.
   */
  public Handout handout(String id, String title, List<Analysis> analyses, SheetKind kind,
      Locale locale) throws RenderException {
    return handout(id, new Cover(title, "", ""), analyses, kind, locale);
  }

  /**
   * Several exercises in one document with a title page (title, course, date) and a table of
   * contents; the key of a handout is one table per exercise.
   */
  public Handout handout(String id, Cover cover, List<Analysis> analyses, SheetKind kind,
      Locale locale) throws RenderException {
    if (kind == SheetKind.KEY) {
      return key(id, analyses, cover, locale);
    }
    String title = cover.title();
    List<SheetView> views = new ArrayList<>();
    Map<String, String> diagrams = new LinkedHashMap<>();
    for (Analysis a : analyses) {
      SheetBuilder builder = new SheetBuilder(a, locale, kind == SheetKind.ANSWERS);
      SheetView view = builder.build(kind == SheetKind.ANSWERS);
      views.add(view);
      diagrams.putAll(builder.diagrams());
    }
    Map<String, Object> data = new HashMap<>();
    data.put("title", AsciiDoc.text(title));
    data.put("course", AsciiDoc.text(cover.course()));
    data.put("date", AsciiDoc.text(cover.date()));
    data.put("sheets", views);
    data.put("answers", kind == SheetKind.ANSWERS);
    String adoc = process("handout.adoc.ftl", locale, data);
    return new Handout(id, kind, adoc, diagrams);
  }

  /**
   * The offline self-check page of an exercise: one input per question, checked in the page by
   * salted hashes, with the diagnoses of predicted mistakes.
   */
  public String selfCheck(Diagnosis diagnosis, Locale locale) throws RenderException {
    Analysis analysis = diagnosis.analysis();
    SelfCheckPage page = new SelfCheckPage(diagnosis, locale);
    Words words = new Words(locale);
    Hyperparameters hp = new Hyperparameters(words, analysis.exercise().framework());
    List<Map<String, String>> rows = new ArrayList<>();
    int position = 1;
    for (io.layerwise.engine.LayerResult l : analysis.layers()) {
      rows.add(Map.of(
          "position", Integer.toString(position++),
          "name", l.name(),
          "type", l.className(analysis.exercise().framework()),
          "hyperparameters", hp.of(l),
          "inputs", String.join(", ", l.node().inputs())));
    }
    io.layerwise.model.Exercise e = analysis.exercise();
    Map<String, Object> view = new HashMap<>();
    view.put("title", e.title());
    view.put("description", e.description().map(DescriptionBlocks::of).orElse(List.of()));
    // the question sheet's diagram: names, kinds and hyperparameters, no answer
    view.put("diagrams", List.copyOf(Diagram.pages(analysis, words, false).files().values()));
    view.put("framework", words.get("framework." + e.framework().id()));
    view.put("input", e.network().input().batched(e.framework()));
    view.put("rows", rows);
    List<Map<String, Object>> questions = new ArrayList<>();
    for (SelfCheckPage.Question q : page.questions()) {
      questions.add(Map.of("layer", q.layer(), "quantity", q.quantity(), "label", q.label(),
          "quantityLabel", q.quantityLabel(), "shape", q.shape()));
    }
    view.put("questions", questions);
    // the memory it asks is checked by `check` and the Moodle bank; the page says so
    view.put("memoryElsewhere", new Asked(e, words).asksMemory());
    view.put("json", page.json());
    view.put("script", SelfCheckPage.script());
    Map<String, Object> data = new HashMap<>();
    data.put("page", view);
    return process("selfcheck.html.ftl", locale, data);
  }

  /**
   * The answer key of a set of variants: every student's asked answers, one section per variant.
   *
   * @param id the base of its file names
   * @param analyses the variants, in order
   */
  public Handout key(String id, List<Analysis> analyses, Locale locale) throws RenderException {
    return key(id, analyses, Cover.NONE, locale);
  }

  /**
   * An answer key: one table of every asked answer per exercise (per variant of a set, per
   * exercise of a handout, or of one exercise).
   */
  private Handout key(String id, List<Analysis> analyses, Cover cover, Locale locale)
      throws RenderException {
    List<SheetView> views = new ArrayList<>();
    for (Analysis a : analyses) {
      views.add(new SheetBuilder(a, locale, true).build(false));
    }
    Words words = new Words(locale);
    Analysis first = analyses.get(0);
    boolean variants = analyses.stream().allMatch(a -> a.exercise().variant().isPresent());
    String of = first.exercise().variant().map(v -> v.of()).orElse(first.exercise().id());
    String title = !cover.title().isEmpty() ? cover.title()
        : analyses.size() == 1 || variants ? first.exercise().title() : id;
    String lead = variants ? words.get("key.lead", analyses.size(), of)
        : analyses.size() == 1 ? words.get("key.lead.one")
        : words.get("key.lead.many", analyses.size());
    Map<String, Object> data = new HashMap<>();
    data.put("title", AsciiDoc.text(title));
    data.put("lead", AsciiDoc.text(lead));
    data.put("course", AsciiDoc.text(cover.course()));
    data.put("date", AsciiDoc.text(cover.date()));
    data.put("sheets", views);
    return new Handout(id, SheetKind.KEY, process(SheetKind.KEY.template(), locale, data),
        Map.of());
  }

  /**
   * A Moodle XML question bank: one exercise, or the variants of one exercise in shared
   * categories.
   */
  public String moodle(List<Diagnosis> diagnoses, Locale locale) throws RenderException {
    Map<String, Object> data = new HashMap<>();
    data.put("categories", new MoodleQuiz(locale).categories(diagnoses));
    return process("moodle.xml.ftl", locale, data);
  }

  /**
   * An IMS QTI 2.1 content package of the same questions as {@link #moodle}: one item per
   * question, a test (a set of variants: one section per question that selects one), the
   * diagrams as SVG files.
   */
  public QuizPackage qti(List<Diagnosis> diagnoses, Locale locale) {
    QuizSource s = new QuizSource(diagnoses, locale, Markup.QTI);
    return QtiPackage.of(s.id, s.title, s.categories, s.variants, s.images);
  }

  /**
   * A Canvas QTI 1.2 package of the same questions as {@link #moodle}: a set of variants is one
   * question group per question that picks one variant per student.
   */
  public QuizPackage canvas(List<Diagnosis> diagnoses, Locale locale) {
    QuizSource s = new QuizSource(diagnoses, locale, Markup.CANVAS);
    return CanvasPackage.of(s.id, s.title, s.categories, s.variants, s.images,
        new Words(locale));
  }

  /** What both packages are made of: the quiz in their markup, and the diagrams it shows. */
  private static final class QuizSource {
    final String id;
    final String title;
    final boolean variants;
    final List<MoodleQuiz.Category> categories;
    final Map<String, String> images = new LinkedHashMap<>();

    QuizSource(List<Diagnosis> diagnoses, Locale locale, Markup markup) {
      io.layerwise.model.Exercise first = diagnoses.get(0).analysis().exercise();
      this.variants = diagnoses.size() > 1 || first.variant().isPresent();
      this.id = first.variant().map(v -> v.of()).orElse(first.id());
      this.title = first.title();
      this.categories = new MoodleQuiz(locale, markup).categories(diagnoses);
      Words words = new Words(locale);
      for (Diagnosis d : diagnoses) {
        images.putAll(Diagram.pages(d.analysis(), words, false).files());
      }
    }
  }

  /** The feedback sheet of a self-check: a verdict per answer with both ways of computing it. */
  public Handout feedback(CheckResult result, Locale locale) throws RenderException {
    FeedbackBuilder builder = new FeedbackBuilder(result, locale);
    Map<String, Object> data = new HashMap<>();
    data.put("sheet", builder.build());
    String adoc = process("feedback.adoc.ftl", locale, data);
    return new Handout(result.exercise().id() + "-feedback", SheetKind.ANSWERS, adoc,
        Map.of());
  }

  /**
   * A handout as AsciiDoc.
   *
   * @param id the base of its file names
   * @param kind questions or answers
   * @param asciidoc the document
   * @param diagrams the diagrams by file name
   */
  public record Handout(String id, SheetKind kind, String asciidoc,
      Map<String, String> diagrams) {}

  private String process(String name, Locale locale, Map<String, Object> data)
      throws RenderException {
    return process(name, locale, data, TEMPLATE_SECONDS);
  }

  /**
   * Runs one template on a thread of its own, so that a teacher's template that loops without
   * end is stopped after {@code seconds} and becomes one template error: every loop and macro
   * body checks for an interruption (FreeMarker's own thread-interruption checks, added once
   * per loaded template), and the output is capped at {@link #MAX_OUTPUT} characters.
   */
  String process(String name, Locale locale, Map<String, Object> data, long seconds)
      throws RenderException {
    Template t;
    try {
      t = config.getTemplate(name, locale);
    } catch (IOException e) {
      throw new RenderException("template " + name + ": " + firstLine(e.getMessage()), e);
    } catch (SecurityException e) {
      throw new RenderException("template " + name + ": it is not read, because it lies outside"
          + " the templates folder (a symbolic link out of it?); templates are read only from"
          + " inside --templates", null);
    }
    synchronized (interruptible) {
      if (interruptible.add(t)) {
        _CoreAPI.addThreadInterruptedChecks(t);
      }
    }
    Map<String, Object> withWords = new HashMap<>(data);
    withWords.put("t", new Words(locale).templateWords());
    FutureTask<String> task = new FutureTask<>(() -> run(t, name, withWords));
    Thread worker = new Thread(null, task, "layerwise-template", TEMPLATE_STACK);
    worker.setDaemon(true);
    worker.start();
    try {
      return task.get(seconds, TimeUnit.SECONDS);
    } catch (TimeoutException e) {
      worker.interrupt();
      throw new RenderException("template " + name + ": it ran for more than " + seconds
          + " s and was stopped (a loop or a macro without end?)", null);
    } catch (InterruptedException e) {
      worker.interrupt();
      Thread.currentThread().interrupt();
      throw new RenderException("template " + name + ": interrupted", e);
    } catch (ExecutionException e) {
      if (e.getCause() instanceof RenderException r) {
        throw r;
      }
      throw new RenderException("template " + name + ": " + firstLine(
          String.valueOf(e.getCause().getMessage())), e.getCause());
    }
  }

  private static String run(Template t, String name, Map<String, Object> data)
      throws RenderException {
    try {
      Writer out = new CappedWriter(name);
      t.process(data, out);
      return out.toString();
    } catch (IOException | TemplateException e) {
      throw new RenderException("template " + name + ": " + firstLine(e.getMessage()), e);
    } catch (StackOverflowError e) {
      // a teacher's macro or function that calls itself without end: FreeMarker has no depth
      // limit of its own, and the unwound stack is safe to go on with
      throw new RenderException("template " + name + ": a macro or function calls itself"
          + " without end (the templates nest deeper than the stack allows)", null);
    } catch (RuntimeException e) {
      if (Thread.currentThread().isInterrupted()) {
        throw new RenderException("template " + name + ": stopped", null);
      }
      throw e;
    }
  }

  /** A string writer that refuses to grow past {@link #MAX_OUTPUT} characters. */
  private static final class CappedWriter extends Writer {
    private final StringBuilder sb = new StringBuilder();
    private final String name;

    CappedWriter(String name) {
      this.name = name;
    }

    @Override
    public void write(char[] buf, int off, int len) throws IOException {
      if (sb.length() + (long) len > MAX_OUTPUT) {
        throw new IOException("its output passed " + MAX_OUTPUT / 1_000_000
            + " million characters and was stopped (a loop without end in " + name + "?)");
      }
      sb.append(buf, off, len);
    }

    @Override
    public void flush() {}

    @Override
    public void close() {}

    @Override
    public String toString() {
      return sb.toString();
    }
  }

  private static String firstLine(String s) {
    String m = s == null ? "" : s.strip();
    int nl = m.indexOf('\n');
    return nl < 0 ? m : m.substring(0, nl);
  }

  /**
   * A fingerprint of every template a build may use (bundled and replaced), so that changing a
   * template rebuilds the sheets. Loads no FreeMarker class.
   */
  public static String fingerprint(Optional<Path> templateDir) throws RenderException {
    StringBuilder sb = new StringBuilder();
    try {
      for (String name : TEMPLATES) {
        try (InputStream in = Sheets.class.getResourceAsStream("/templates/" + name)) {
          if (in != null) {
            sb.append(name).append('\n').append(new String(in.readAllBytes(),
                StandardCharsets.UTF_8));
          }
        }
      }
      if (templateDir.isPresent()) {
        try (Stream<Path> files = Files.walk(templateDir.get())) {
          for (Path p : files.filter(Files::isRegularFile).sorted().toList()) {
            sb.append(templateDir.get().relativize(p)).append('\n')
                .append(Files.readString(p));
          }
        }
      }
    } catch (IOException e) {
      throw new RenderException("cannot read the templates: " + e.getMessage(), e);
    }
    return Hashes.sha256(sb.toString());
  }
}
