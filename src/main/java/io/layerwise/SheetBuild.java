package io.layerwise;

import io.layerwise.engine.Analysis;
import io.layerwise.publish.AtomicFiles;
import io.layerwise.publish.Document;
import io.layerwise.publish.OutputFormat;
import io.layerwise.publish.PublishException;
import io.layerwise.publish.Publisher;
import io.layerwise.render.Formula;
import io.layerwise.render.Hashes;
import io.layerwise.render.RenderException;
import io.layerwise.render.RenderedSheet;
import io.layerwise.render.SheetKind;
import io.layerwise.render.Sheets;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;

/**
 * One run of {@code build}: reads and analyses every exercise, skips those whose inputs,
 * templates and Layerwise version are unchanged since their sheets were last made, and renders and
 * publishes the rest. A broken exercise is reported and the others still built; its earlier
 * output stays as it was. FreeMarker and Asciidoctor are touched only if something is to be made.
 */
final class SheetBuild {

  private final BuildRequest request;
  private final BuildListener listener;
  private final Publisher publisher;
  private final List<Diagnostic> diagnostics = new ArrayList<>();
  private final List<Path> written = new ArrayList<>();
  private final boolean wasStarted;
  private Sheets sheets;
  private int built;
  private int upToDate;
  private int failed;

  SheetBuild(BuildRequest request, BuildListener listener, Publisher publisher) {
    this.request = request;
    this.listener = listener;
    this.publisher = publisher;
    this.wasStarted = publisher.started();
  }

  /** An analysed exercise and what its sheets' fingerprint is. */
  private record Job(Path file, Analysis analysis, String fingerprint) {
    String id() {
      return analysis.exercise().id();
    }
  }

  BuildReport run() {
    List<Path> files = exerciseFiles();
    String templates;
    try {
      templates = Sheets.fingerprint(request.templates());
    } catch (RenderException e) {
      diagnostics.add(Diagnostic.error(Location.ofFile(request.templates().map(Path::toString)
          .orElse("templates")), e.getMessage()));
      return report(files.size());
    }
    List<Job> jobs = new ArrayList<>();
    Map<String, Path> ids = new HashMap<>();
    for (Path file : files) {
      try {
        String text = Layerwise.read(file);
        Analysis a = Layerwise.explain(file.toString(), text);
        Path other = ids.putIfAbsent(a.exercise().id(), file);
        if (other != null) {
          failed++;
          diagnostics.add(Diagnostic.error(Location.ofFile(file.toString()), "id '"
              + a.exercise().id() + "' is already used by " + other
              + "; give one of them another id"));
          continue;
        }
        // A comparison's sheet also depends on the network it is compared with: all of it.
        String compared = a.counterpart().map(c -> c.exercise() + "\u0000" + c.layers().stream()
            .map(l -> l.name() + l.output() + l.weights() + "/" + l.biases() + "/"
                + l.nonTrainable()).toList()).orElse("");
        jobs.add(new Job(file, a, fingerprint(templates, file.toString(), text + compared)));
      } catch (ExerciseException e) {
        failed++;
        diagnostics.addAll(e.diagnostics());
      }
    }
    if (!jobs.isEmpty() && !outputWritable()) {
      failed += jobs.size();
      return report(files.size());
    }
    Publisher.removeStaleWork(request.out());
    if (request.handout().isPresent()) {
      buildHandout(request.handout().get(), jobs, templates);
    } else {
      List<Job> todo = jobs.stream().filter(j -> !upToDate(j.id(), j.fingerprint())).toList();
      upToDate = jobs.size() - todo.size();
      buildExercises(todo);
      buildVariantSets(jobs, templates);
    }
    return report(files.size());
  }

  /**
   * Whether the output directory exists, or can be made, and takes files: else one diagnostic
   * says why, rather than one per sheet, and nothing is converted in vain.
   */
  private boolean outputWritable() {
    Path out = request.out();
    try {
      Files.createDirectories(out);
      Files.delete(Files.createTempFile(out, ".layerwise-", ".tmp"));
      return true;
    } catch (IOException | SecurityException e) {
      String why = e instanceof java.nio.file.FileAlreadyExistsException ? "it is not a directory"
          : e instanceof java.nio.file.AccessDeniedException ? "permission denied"
          : e instanceof java.nio.file.FileSystemException f && f.getReason() != null
              ? (f.getFile() == null ? "" : f.getFile() + ": ") + f.getReason()
          : String.valueOf(e.getMessage());
      diagnostics.add(Diagnostic.error(Location.ofFile(out.toString()),
          "cannot write to the output directory: " + why));
      return false;
    }
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
    } catch (IOException | java.io.UncheckedIOException e) {
      // the file as the location, then
    }
    return Location.ofFile(file.toString());
  }

  private BuildReport report(int files) {
    if (files == 0 && diagnostics.isEmpty()) {
      diagnostics.add(Diagnostic.error(Location.ofFile(request.inputs().toString()),
          "no exercise files (*.yaml) found"));
      failed++;
    }
    return new BuildReport(written, built, upToDate, failed, diagnostics,
        publisher.started() && !wasStarted);
  }

  /** One document of one exercise in one format: the unit of work that runs in parallel. */
  private record Task(Job job, Document doc, OutputFormat format) {}

  /**
   * Renders every sheet first (quick, in this thread), then publishes them on as many threads
   * as there are cores, HTML of every sheet before any PDF. An exercise counts as built when all
   * its files are written; its fingerprint is saved only then.
   */
  private void buildExercises(List<Job> todo) {
    boolean converts = request.formats().contains(OutputFormat.HTML)
        || request.formats().contains(OutputFormat.PDF)
        && todo.stream().anyMatch(j -> j.analysis().layers().size() <= Publisher.PDF_LAYERS);
    if (!todo.isEmpty() && converts) {
      publisher.startInBackground();
    }
    List<Task> tasks = new ArrayList<>();
    Map<Job, List<Document>> docs = new LinkedHashMap<>();
    Map<Job, String> pages = new LinkedHashMap<>();
    Map<Job, String> quizzes = new LinkedHashMap<>();
    List<OutputFormat> sheetFormats =
        request.formats().stream().filter(OutputFormat::perSheet).sorted().toList();
    for (Job job : todo) {
      try {
        if (request.formats().contains(OutputFormat.SELFCHECK)) {
          pages.put(job, sheets().selfCheck(job.analysis(), request.locale()));
        }
        if (request.formats().contains(OutputFormat.MOODLE)
            && job.analysis().exercise().variant().isEmpty()) {
          quizzes.put(job, sheets().moodle(List.of(job.analysis()), request.locale()));
        }
        List<Document> list = new ArrayList<>();
        for (SheetKind kind : sorted()) {
          RenderedSheet sheet = sheets().render(job.analysis(), kind, request.locale());
          Map<String, String> formulas = new LinkedHashMap<>();
          for (Formula f : sheet.formulas()) {
            formulas.put(f.file(), f.latex());
          }
          list.add(new Document(sheet.baseName(), sheet.asciidoc(), formulas, sheet.diagrams()));
        }
        docs.put(job, list);
      } catch (RenderException e) {
        failed++;
        diagnostics.add(Diagnostic.error(Location.ofFile(job.file().toString()), e.getMessage()));
      }
    }
    Map<Job, String> refused = new LinkedHashMap<>();
    for (OutputFormat format : sheetFormats) {
      docs.forEach((job, list) -> {
        int layers = job.analysis().layers().size();
        if (format == OutputFormat.PDF && layers > Publisher.PDF_LAYERS) {
          refused.put(job, Publisher.pdfRefusal(layers));
        } else {
          list.forEach(doc -> tasks.add(new Task(job, doc, format)));
        }
      });
    }
    listener.started(tasks.size());
    Map<Job, List<String>> errors = new LinkedHashMap<>();
    Map<Job, List<String>> warnings = new LinkedHashMap<>();
    int threads = Math.max(1, Math.min(tasks.size(), Runtime.getRuntime().availableProcessors()));
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    List<Future<List<String>>> futures = new ArrayList<>();
    try {
      for (Task t : tasks) {
        futures.add(pool.submit(() -> publisher.publish(t.doc(), Set.of(t.format()),
            request.out())));
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
        listener.stepped(i + 1, t.doc().baseName() + "." + t.format().extension());
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
      warn(job.file(), warnings.getOrDefault(job, List.of()));
      List<String> problems = errors.getOrDefault(job, List.of());
      if (refused.containsKey(job)) {
        failed++;
        diagnostics.add(Diagnostic.error(layersKey(job.file()), refused.get(job)));
        continue;
      }
      if (!problems.isEmpty()) {
        failed++;
        problems.forEach(m -> diagnostics.add(
            Diagnostic.error(Location.ofFile(job.file().toString()), m)));
        continue;
      }
      List<Path> outputs = new ArrayList<>();
      for (OutputFormat f : sheetFormats) {
        for (Document doc : e.getValue()) {
          outputs.add(request.out().resolve(doc.baseName() + "." + f.extension()));
        }
      }
      try {
        if (pages.containsKey(job)) {
          Path page = OutputFiles.inside(request.out(), job.id() + "-selfcheck.html");
          AtomicFiles.write(page, pages.get(job).getBytes(StandardCharsets.UTF_8));
          outputs.add(page);
        }
        if (quizzes.containsKey(job)) {
          Path quiz = OutputFiles.inside(request.out(), job.id() + "-moodle.xml");
          AtomicFiles.write(quiz, quizzes.get(job).getBytes(StandardCharsets.UTF_8));
          outputs.add(quiz);
        }
        remember(job.id(), job.fingerprint(), outputs);
        written.addAll(outputs);
        built++;
      } catch (IOException x) {
        failed++;
        diagnostics.add(Diagnostic.error(Location.ofFile(job.file().toString()),
            "cannot record the build: " + x.getMessage()));
      }
    }
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

  /**
   * For each set of variants among the exercises (files that {@code layerwise variants} wrote):
   * the answer key with every student's numbers, and with {@code moodle} one question bank for
   * the whole set.
   */
  private void buildVariantSets(List<Job> jobs, String templates) {
    Map<String, List<Job>> sets = new LinkedHashMap<>();
    for (Job j : jobs) {
      j.analysis().exercise().variant().ifPresent(
          v -> sets.computeIfAbsent(v.of(), k -> new ArrayList<>()).add(j));
    }
    for (Map.Entry<String, List<Job>> set : sets.entrySet()) {
      List<Job> members = new ArrayList<>(set.getValue());
      members.sort(java.util.Comparator.comparingInt(
          (Job j) -> j.analysis().exercise().variant().orElseThrow().number())
          .thenComparing(Job::id));
      String id = set.getKey() + "-key";
      if (!Document.isPlainName(id)) {
        failed++;
        diagnostics.add(Diagnostic.error(Location.ofFile(members.get(0).file().toString()),
            "variant.of '" + set.getKey() + "' is not a plain name; refusing to name an answer"
            + " key after it"));
        continue;
      }
      String fp = fingerprint(templates, id, members);
      if (upToDate(id, fp)) {
        continue;
      }
      List<Analysis> analyses = members.stream().map(Job::analysis).toList();
      List<Path> outputs = new ArrayList<>();
      try {
        if (!sheetFormats().isEmpty() && request.sheets().contains(SheetKind.ANSWERS)) {
          outputs.addAll(publish(Path.of(id), sheets().key(id, analyses, request.locale())));
        }
        if (request.formats().contains(OutputFormat.MOODLE)) {
          Path quiz = OutputFiles.inside(request.out(), set.getKey() + "-moodle.xml");
          AtomicFiles.write(quiz, sheets().moodle(analyses, request.locale())
              .getBytes(StandardCharsets.UTF_8));
          outputs.add(quiz);
        }
        remember(id, fp, outputs);
        written.addAll(outputs);
      } catch (RenderException | PublishException | IOException e) {
        failed++;
        diagnostics.add(Diagnostic.error(Location.ofFile(id), e.getMessage()));
      }
    }
  }

  private void buildHandout(String name, List<Job> jobs, String templates) {
    if (jobs.isEmpty()) {
      return;
    }
    String fp = fingerprint(templates, name, jobs);
    if (upToDate(name, fp)) {
      upToDate = jobs.size();
      return;
    }
    listener.started(request.sheets().size());
    int step = 0;
    List<Path> outputs = new ArrayList<>();
    try {
      for (SheetKind kind : sorted()) {
        Sheets.Handout h = sheets().handout(name + "-" + kind.id(), name,
            jobs.stream().map(Job::analysis).toList(), kind, request.locale());
        outputs.addAll(publish(Path.of(name), h));
        listener.stepped(++step, h.id());
      }
      remember(name, fp, outputs);
      written.addAll(outputs);
      built++;
    } catch (RenderException | PublishException | IOException e) {
      failed++;
      diagnostics.add(Diagnostic.error(Location.ofFile(name), e.getMessage()));
    }
  }

  /** The formats each sheet is written in. */
  private Set<OutputFormat> sheetFormats() {
    return request.formats().stream().filter(OutputFormat::perSheet)
        .collect(java.util.stream.Collectors.toSet());
  }

  /** Publishes a document made of several exercises in every sheet format; the files written. */
  private List<Path> publish(Path source, Sheets.Handout h) throws PublishException {
    Map<String, String> formulas = new LinkedHashMap<>();
    for (Formula f : h.formulas()) {
      formulas.put(f.file(), f.latex());
    }
    Set<OutputFormat> formats = sheetFormats();
    warn(source, publisher.publish(new Document(h.id(), h.asciidoc(), formulas, h.diagrams()),
        formats, request.out()));
    List<Path> outputs = new ArrayList<>();
    for (OutputFormat f : formats) {
      outputs.add(request.out().resolve(h.id() + "." + f.extension()));
    }
    return outputs;
  }

  /** What a document made of several exercises depends on: theirs, and its name. */
  private String fingerprint(String templates, String name, List<Job> jobs) {
    StringBuilder all = new StringBuilder(name);
    jobs.forEach(j -> all.append('\n').append(j.fingerprint()));
    return fingerprint(templates, name, all.toString());
  }

  private List<SheetKind> sorted() {
    return request.sheets().stream().sorted().toList();
  }

  private void warn(Path file, List<String> warnings) {
    for (String w : warnings) {
      diagnostics.add(Diagnostic.warning(Location.ofFile(file.toString()), w));
    }
  }

  private Sheets sheets() throws RenderException {
    if (sheets == null) {
      sheets = Sheets.create(request.templates());
    }
    return sheets;
  }

  /** Everything the sheets of one exercise depend on. */
  private String fingerprint(String templates, String file, String text) {
    return Hashes.sha256(String.join("\n", Layerwise.buildIdentity(), templates, file,
        request.formats().stream().sorted().toList().toString(),
        request.sheets().stream().sorted().toList().toString(),
        request.locale().toLanguageTag(), text));
  }

  private Path stateFile(String id) throws IOException {
    return OutputFiles.inside(Publisher.stateDir(request.out()).resolve("state"),
        id + ".fingerprint");
  }

  private boolean upToDate(String id, String fingerprint) {
    try {
      Path state = stateFile(id);
      if (!Files.exists(state)) {
        return false;
      }
      List<String> lines = Files.readAllLines(state);
      if (lines.isEmpty() || !lines.get(0).equals(fingerprint)) {
        return false;
      }
      return lines.stream().skip(1).allMatch(f -> Files.exists(request.out().resolve(f)));
    } catch (IOException e) {
      return false;
    }
  }

  private void remember(String id, String fingerprint, List<Path> outputs) throws IOException {
    StringBuilder sb = new StringBuilder(fingerprint).append('\n');
    for (Path p : outputs) {
      sb.append(p.getFileName()).append('\n');
    }
    AtomicFiles.write(stateFile(id), sb.toString().getBytes(StandardCharsets.UTF_8));
  }

  /** The inputs with directories replaced by the exercise files below them, sorted. */
  private List<Path> exerciseFiles() {
    List<Path> files = new ArrayList<>();
    for (Path in : request.inputs()) {
      if (Files.isDirectory(in)) {
        try (Stream<Path> s = Files.walk(in)) {
          s.filter(Files::isRegularFile).filter(Layerwise::isExerciseFile)
              .sorted().forEach(files::add);
        } catch (IOException e) {
          diagnostics.add(Diagnostic.error(Location.ofFile(in.toString()),
              "cannot list the directory: " + e.getMessage()));
          failed++;
        }
      } else {
        files.add(in);
      }
    }
    return files;
  }
}
