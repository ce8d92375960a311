package io.layerwise;

import io.layerwise.diagnostic.ExerciseException;
import io.layerwise.diagnostic.Location;
import io.layerwise.diagnostic.Diagnostic;
import io.layerwise.check.CheckResult;
import io.layerwise.check.Checker;
import io.layerwise.engine.Analysis;
import io.layerwise.exercise.AnswersReader;
import io.layerwise.model.Answers;
import io.layerwise.engine.Engine;
import io.layerwise.engine.EngineException;
import io.layerwise.engine.Problem;
import io.layerwise.exercise.ExerciseReader;
import io.layerwise.exercise.Limits;
import io.layerwise.exercise.ParsedExercise;
import io.layerwise.model.Exercise;
import io.layerwise.model.LayerNode;
import io.layerwise.publish.Document;
import io.layerwise.publish.OutputFormat;
import io.layerwise.publish.PublishException;
import io.layerwise.publish.Publisher;
import io.layerwise.render.RenderException;
import io.layerwise.render.Sheets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The library's front door: exercise files in, analyses out. The only class that knows the order
 * of the stages (read → engine). Never prints, never exits: problems come back as an {@link
 * ExerciseException} carrying every {@link Diagnostic} of the file.
 */
public final class Layerwise {

  /** The languages of sheets, reports and the self-check page; the first is the default. */
  public static final List<Locale> LANGUAGES = List.of(Locale.ENGLISH, Locale.GERMAN);

  private Layerwise() {}

  /** The version of this build, from the jar's manifest ({@code dev} when run from classes). */
  public static String version() {
    String v = Layerwise.class.getPackage().getImplementationVersion();
    return v == null ? "dev" : v;
  }

  /** Reads and analyses one exercise file; its path is shown in messages as given. */
  public static Analysis explain(Path path) throws ExerciseException {
    return explain(path.toString(), read(path));
  }

  /**
   * Analyses exercise text; {@code file} names it in messages and gives the default id. A file
   * with problems is reported whole: what the reader found, and what the engine finds in the
   * layers that did read.
   */
  public static Analysis explain(String file, String text) throws ExerciseException {
    ParsedExercise parsed;
    try {
      parsed = ExerciseReader.readAll(file, text);
    } catch (ExerciseException e) {
      throw withSource(e.diagnostics(), text);
    }
    if (!parsed.problems().isEmpty()) {
      List<Diagnostic> all = new ArrayList<>(parsed.problems());
      if (parsed.analysable()) {
        all.addAll(located(parsed, Engine.problems(parsed.exercise(), parsed.unread())));
        all.sort(java.util.Comparator.comparingInt((Diagnostic d) -> d.location().line())
            .thenComparingInt(d -> d.location().column()));
      }
      throw withSource(all, text);
    }
    try {
      Analysis analysis = Engine.analyze(parsed.exercise());
      Optional<String> other = parsed.exercise().compareWith();
      return other.isEmpty() ? analysis
          : analysis.withCounterpart(counterpart(file, other.get(), parsed, text));
    } catch (EngineException e) {
      throw withSource(located(parsed, e.problems()), text);
    }
  }

  /**
   * The first problem the engine finds in an exercise that read, or empty when it analyses: how
   * {@code variants} tells a valid draw from an invalid one without a whole report.
   */
  public static Optional<String> problem(Exercise exercise) {
    try {
      Engine.analyze(exercise);
      return Optional.empty();
    } catch (EngineException e) {
      return Optional.of(e.problems().get(0).message());
    }
  }

  /** The engine's problems at the places in the file they concern. */
  private static List<Diagnostic> located(ParsedExercise parsed, List<Problem> problems) {
    List<Diagnostic> diagnostics = new ArrayList<>();
    List<LayerNode> layers = parsed.exercise().network().layers();
    for (Problem p : problems) {
      Location at = parsed.sourceMap().locate(p.layerIndex(), p.field());
      Optional<String> layer = p.layerIndex() >= 0 && p.layerIndex() < layers.size()
          ? Optional.of(layers.get(p.layerIndex()).name())
          : Optional.empty();
      diagnostics.add(new Diagnostic(Diagnostic.Severity.ERROR, at, p.message(), layer, ""));
    }
    return diagnostics;
  }

  /**
   * The analysis of the exercise an exercise is compared with, read relative to its file; its
   * own {@code compare_with} is not followed. Only another exercise file ({@code .yaml} or {@code
   * .yml}, by a relative path) is read, and nothing of its content is echoed: a problem with it
   * is reported at {@code compare_with}, naming the file to explain.
   */
  private static Analysis counterpart(String file, String other, ParsedExercise parsed,
      String text) throws ExerciseException {
    Location at = parsed.sourceMap().top("compare_with");
    Path path;
    try {
      Path given = Path.of(other);
      String name = given.getFileName() == null ? "" : given.getFileName().toString();
      if (given.isAbsolute() || !(name.endsWith(".yaml") || name.endsWith(".yml"))) {
        throw withSource(List.of(Diagnostic.error(at, "compare_with names another exercise file"
            + " by a path relative to this one, ending in .yaml or .yml, such as"
            + " ../resnet50.yaml; not '" + other + "'")), text);
      }
      Path dir = Optional.ofNullable(Path.of(file).getParent()).orElse(Path.of(""));
      path = dir.resolve(given).normalize();
    } catch (java.nio.file.InvalidPathException e) {
      throw withSource(List.of(Diagnostic.error(at, "compare_with: '" + other
          + "' is not a file path")), text);
    }
    if (Files.exists(path) && !Files.isRegularFile(path)) {
      // a FIFO or a device would block the read, or never end it: only a regular file is read
      throw withSource(List.of(Diagnostic.error(at, "cannot compare with '" + other + "': it is"
          + " not a regular file (a directory, FIFO, device or socket); name an exercise file")),
          text);
    }
    String otherText;
    try {
      otherText = read(path);
    } catch (ExerciseException e) {
      throw withSource(List.of(Diagnostic.error(at, "cannot compare with '" + other + "': "
          + e.diagnostics().get(0).message())), text);
    }
    try {
      return Engine.analyze(ExerciseReader.read(path.toString(), otherText).exercise());
    } catch (ExerciseException | EngineException e) {
      throw withSource(List.of(Diagnostic.error(at, "cannot compare with '" + other + "': it is"
          + " not a valid exercise (layerwise explain " + path + " says why)")), text);
    }
  }

  /**
   * Checks a student's answers file against an exercise: a verdict per answer, with the mistake
   * that produced each wrong one where the catalogue knows it.
   *
   * @throws ExerciseException for problems in either file (the exercise's come first)
   */
  public static CheckResult check(Path exercise, Path answers) throws ExerciseException {
    Analysis analysis = explain(exercise);
    String text = read(answers);
    Answers given;
    try {
      given = AnswersReader.read(answers.toString(), text, analysis.exercise());
    } catch (ExerciseException e) {
      throw withSource(e.diagnostics(), text);
    }
    return Checker.check(analysis, given);
  }

  /**
   * Writes the feedback sheet of a self-check as HTML or PDF.
   *
   * @param output the file to write; by default {@code output/<exercise id>-feedback.html}
   * @param locale the language of the sheet, one of {@link #LANGUAGES}
   * @return the file written
   * @throws ExerciseException when it cannot be rendered or written (nothing half-written)
   */
  public static Path feedback(CheckResult result, boolean html, Optional<Path> output,
      Locale locale) throws ExerciseException {
    OutputFormat format = html ? OutputFormat.HTML : OutputFormat.PDF;
    String ext = html ? ".html" : ".pdf";
    Path target = output.orElse(Path.of("output", result.exercise().id() + "-feedback" + ext));
    String name = target.getFileName().toString();
    String base = name.endsWith(ext) ? name.substring(0, name.length() - ext.length()) : name;
    Path dir = target.toAbsolutePath().getParent();
    try (Publisher publisher = new Publisher()) {
      Sheets.Handout h = Sheets.create(Optional.empty()).feedback(result, locale);
      publisher.publish(new Document(base, h.asciidoc(), Map.of()), Set.of(format), dir);
    } catch (RenderException | PublishException e) {
      throw new ExerciseException(List.of(Diagnostic.error(Location.ofFile(target.toString()),
          e.getMessage())));
    }
    return dir.resolve(base + ext);
  }

  /**
   * Whether a file found in a directory is an exercise: YAML, and not in an {@code answers}
   * folder, where students' answers files live beside the exercises they answer.
   */
  public static boolean isExerciseFile(Path p) {
    String name = p.getFileName() == null ? "" : p.getFileName().toString();
    if (!name.endsWith(".yaml") && !name.endsWith(".yml")) {
      return false;
    }
    for (Path part : p) {
      if (part.toString().equals("answers")) {
        return false;
      }
    }
    return true;
  }

  /** The text of a file as UTF-8, with I/O failures turned into diagnostics. */
  public static String read(Path path) throws ExerciseException {
    Location file = Location.ofFile(path.toString());
    try {
      if (Files.isDirectory(path)) {
        throw new ExerciseException(List.of(Diagnostic.error(file, "is a directory, not an"
            + " exercise file")));
      }
      // Read no more than the limit allows, whatever the file claims to be: a device such as
      // /dev/zero reports size 0, a pipe no size at all.
      byte[] bytes;
      try (java.io.InputStream in = Files.newInputStream(path)) {
        bytes = in.readNBytes(Limits.FILE_BYTES + 1);
      }
      if (bytes.length > Limits.FILE_BYTES) {
        throw new ExerciseException(List.of(Diagnostic.error(file, "the file has more than "
            + String.format(Locale.ROOT, "%,d", Limits.FILE_BYTES)
            + " bytes; exercise files are limited to that")));
      }
      return StandardCharsets.UTF_8.newDecoder().decode(java.nio.ByteBuffer.wrap(bytes))
          .toString();
    } catch (NoSuchFileException e) {
      throw new ExerciseException(List.of(Diagnostic.error(file, "no such file")));
    } catch (AccessDeniedException e) {
      throw new ExerciseException(List.of(Diagnostic.error(file, "permission denied")));
    } catch (CharacterCodingException e) {
      throw new ExerciseException(List.of(Diagnostic.error(file, "the file is not UTF-8 text")));
    } catch (IOException e) {
      throw new ExerciseException(List.of(Diagnostic.error(file, "cannot be read: "
          + e.getMessage())));
    }
  }

  private static ExerciseException withSource(List<Diagnostic> diagnostics, String text) {
    String[] lines = text.split("\r?\n", -1);
    List<Diagnostic> out = new ArrayList<>();
    for (Diagnostic d : diagnostics) {
      int line = d.location().line();
      out.add(line >= 1 && line <= lines.length ? d.withSourceLine(lines[line - 1]) : d);
    }
    return new ExerciseException(out);
  }
}
