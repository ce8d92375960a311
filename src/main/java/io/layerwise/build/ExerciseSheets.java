package io.layerwise.build;

import io.layerwise.diagnostic.Diagnostic;
import io.layerwise.diagnostic.Location;
import io.layerwise.publish.AtomicFiles;
import io.layerwise.publish.Document;
import io.layerwise.publish.OutputFormat;
import io.layerwise.publish.PublishException;
import io.layerwise.publish.Publisher;
import io.layerwise.render.RenderException;
import io.layerwise.render.RenderedSheet;
import io.layerwise.render.SheetKind;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * The sheets of each exercise that is not up to date: rendered first (quick, in one thread),
 * then published in parallel into one {@link Stage} per exercise, which replaces the exercise's
 * earlier files when all of them are made.
 */
final class ExerciseSheets {

  private ExerciseSheets() {}

  /** One document of one exercise in one format: the unit of work that runs in parallel. */
  private record Task(Job job, Document doc, Set<OutputFormat> formats, Path stage) {}

  /**
   * Renders every sheet first (quick, in this thread), then publishes them on as many threads
   * as there are cores, the longest documents first, each in all its formats at once (the PDF is
   * its HTML printed). The printer loads in the background while JRuby starts. An exercise counts
   * as built when all its files are written; its fingerprint is saved only then.
   */
  static void build(BuildContext c, List<Job> todo) {
    boolean converts = c.request.formats().contains(OutputFormat.HTML)
        || c.request.formats().contains(OutputFormat.PDF)
        && todo.stream().anyMatch(j -> !pdfRefused(j));
    if (!todo.isEmpty() && converts) {
      c.publisher.startInBackground();
    }
    List<Task> tasks = new ArrayList<>();
    Map<Job, List<Document>> docs = new LinkedHashMap<>();
    Map<Job, String> pages = new LinkedHashMap<>();
    Map<Job, Map<String, byte[]>> quizzes = new LinkedHashMap<>();
    List<OutputFormat> sheetFormats =
        c.request.formats().stream().filter(OutputFormat::perSheet).sorted().toList();
    for (Job job : todo) {
      try {
        if (c.request.formats().contains(OutputFormat.SELFCHECK)) {
          pages.put(job, c.sheets().selfCheck(job.diagnosis(), c.request.locale()));
        }
        if (job.analysis().exercise().variant().isEmpty()) {
          // a variant's banks are its set's (CombinedSheets)
          quizzes.put(job, QuizFiles.of(c, List.of(job.diagnosis()), job.id()));
        }
        List<Document> list = new ArrayList<>();
        for (SheetKind kind : c.sorted()) {
          RenderedSheet sheet = c.sheets().render(job.analysis(), kind, c.request.locale());
          list.add(new Document(sheet.baseName(), sheet.asciidoc(), sheet.diagrams()));
        }
        docs.put(job, list);
      } catch (RenderException e) {
        c.failed++;
        c.diagnostics.add(Diagnostic.error(Location.ofFile(job.file().toString()), e.getMessage()));
      }
    }
    Map<Job, Stage> stages = new LinkedHashMap<>();
    try {
      for (Job job : List.copyOf(docs.keySet())) {
        try {
          stages.put(job, Stage.open(c.request.out()));
        } catch (IOException e) {
          c.failed++;
          docs.remove(job);
          c.diagnostics.add(Diagnostic.error(Location.ofFile(job.file().toString()),
              "cannot write to the output directory: " + e.getMessage()));
        }
      }
      // One task a document: its HTML is converted once, and printed where a PDF is asked.
      docs.forEach((job, list) -> {
        Set<OutputFormat> formats = new java.util.TreeSet<>(sheetFormats);
        if (pdfRefused(job)) {
          formats.remove(OutputFormat.PDF);
        }
        if (!formats.isEmpty()) {
          list.forEach(doc -> tasks.add(new Task(job, doc, Set.copyOf(formats),
              stages.get(job).dir())));
        }
      });
      // Longest first, so that no long document starts last and leaves the other cores idle.
      tasks.sort(java.util.Comparator.comparingInt((Task t) -> t.doc().asciidoc().length())
          .reversed());
      // the printer loads while JRuby finishes starting: the sheets are rendered by now, so it
      // does not take the rendering's core
      if (sheetFormats.contains(OutputFormat.PDF) && !tasks.isEmpty()) {
        c.publisher.startPrinterInBackground();
      }
      publishAll(c, tasks, docs, pages, quizzes, stages, sheetFormats);
    } finally {
      stages.values().forEach(Stage::close);
    }
  }

  private static void publishAll(BuildContext c, List<Task> tasks, Map<Job, List<Document>> docs,
      Map<Job, String> pages, Map<Job, Map<String, byte[]>> quizzes, Map<Job, Stage> stages,
      List<OutputFormat> sheetFormats) {
    c.listener.started(tasks.size());
    Map<Job, List<String>> errors = new LinkedHashMap<>();
    Map<Job, List<String>> warnings = new LinkedHashMap<>();
    int threads = Math.max(1, Math.min(tasks.size(), Runtime.getRuntime().availableProcessors()));
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    List<Future<List<String>>> futures = new ArrayList<>();
    try {
      for (Task t : tasks) {
        futures.add(pool.submit(() -> c.publisher.publish(t.doc(), t.formats(), t.stage())));
      }
      for (int i = 0; i < tasks.size(); i++) {
        Task t = tasks.get(i);
        try {
          warnings.computeIfAbsent(t.job(), j -> new ArrayList<>()).addAll(futures.get(i).get());
        } catch (ExecutionException e) {
          String why = e.getCause() instanceof PublishException p ? p.getMessage()
              : "could not publish " + t.doc().baseName() + ": " + e.getCause();
          errors.computeIfAbsent(t.job(), j -> new ArrayList<>()).add(why);
        }
        c.listener.stepped(i + 1, t.doc().baseName());
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      for (int i = 0; i < tasks.size(); i++) {
        if (!futures.get(i).isDone() || futures.get(i).isCancelled()) {
          errors.computeIfAbsent(tasks.get(i).job(), j -> new ArrayList<>())
              .add("interrupted before " + tasks.get(i).doc().baseName() + " was written");
        }
      }
    } finally {
      pool.shutdownNow();
      awaitQuietly(pool);
    }
    for (Map.Entry<Job, List<Document>> e : docs.entrySet()) {
      Job job = e.getKey();
      c.warn(job.file(), warnings.getOrDefault(job, List.of()));
      List<String> problems = errors.getOrDefault(job, List.of());
      if (!problems.isEmpty()) {
        c.failed++;
        problems.forEach(m -> c.diagnostics.add(
            Diagnostic.error(Location.ofFile(job.file().toString()), m)));
        continue;
      }
      boolean refused = sheetFormats.contains(OutputFormat.PDF) && pdfRefused(job);
      if (refused) {
        c.failed++;
        c.diagnostics.add(Diagnostic.error(layersKey(job.file()),
            Publisher.pdfRefusal(job.analysis().layers().size())));
      }
      List<Path> outputs = new ArrayList<>();
      for (OutputFormat f : sheetFormats) {
        if (refused && f == OutputFormat.PDF) {
          continue;
        }
        for (Document doc : e.getValue()) {
          outputs.add(c.request.out().resolve(doc.baseName() + "." + f.extension()));
        }
      }
      Stage stage = stages.get(job);
      try {
        if (pages.containsKey(job)) {
          String page = job.id() + "-selfcheck.html";
          AtomicFiles.write(OutputFiles.inside(stage.dir(), page),
              pages.get(job).getBytes(StandardCharsets.UTF_8));
          outputs.add(OutputFiles.inside(c.request.out(), page));
        }
        for (Map.Entry<String, byte[]> quiz : quizzes.getOrDefault(job, Map.of()).entrySet()) {
          AtomicFiles.write(OutputFiles.inside(stage.dir(), quiz.getKey()), quiz.getValue());
          outputs.add(OutputFiles.inside(c.request.out(), quiz.getKey()));
        }
        stage.commit();
        c.written.addAll(outputs);
        if (!refused) {
          c.state.remember(job.id(), job.fingerprint(), outputs);
          c.built++;
        }
      } catch (IOException x) {
        c.failed++;
        c.diagnostics.add(Diagnostic.error(Location.ofFile(job.file().toString()),
            "cannot write the files of " + job.id() + " (the earlier ones are kept): "
            + x.getMessage()));
      }
    }
  }

  /**
   * Whether the exercise is too deep for a PDF sheet ({@link Publisher#PDF_LAYERS}): its other
   * files are still written, and the build reports the PDF's refusal at the file's layers.
   */
  private static boolean pdfRefused(Job job) {
    return job.analysis().layers().size() > Publisher.PDF_LAYERS;
  }

  /** Where an exercise file lists its layers ({@code layers:}), or the file if not found. */
  private static Location layersKey(Path file) {
    try {
      List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
      for (int i = 0; i < lines.size(); i++) {
        if (lines.get(i).startsWith("layers:")) {
          return new Location(file.toString(), i + 1, 1);
        }
      }
    } catch (IOException | UncheckedIOException e) {
      // the file itself is the location, then
    }
    return Location.ofFile(file.toString());
  }

  /** Waits for running conversions to end, so that none outlives the publisher. */
  private static void awaitQuietly(ExecutorService pool) {
    try {
      while (!pool.awaitTermination(1, java.util.concurrent.TimeUnit.MINUTES)) {
        // a long PDF is still being written
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
