package io.layerwise.build;

import io.layerwise.diagnostic.Diagnostic;
import io.layerwise.diagnostic.Location;
import io.layerwise.engine.Analysis;
import io.layerwise.publish.AtomicFiles;
import io.layerwise.publish.Document;
import io.layerwise.publish.OutputFormat;
import io.layerwise.publish.PublishException;
import io.layerwise.render.Cover;
import io.layerwise.render.RenderException;
import io.layerwise.render.SheetKind;
import io.layerwise.render.Sheets;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The documents made of several exercises: the answer key (and question banks) of each set of
 * variants, and a handout. Each is staged and replaces its earlier files together.
 */
final class CombinedSheets {

  private CombinedSheets() {}

  /**
   * For each set of variants among the exercises (files that {@code layerwise variants} wrote):
   * the answer key with every student's numbers, and with {@code moodle}, {@code qti} or {@code
   * canvas} one question bank for the whole set.
   */
  static void variantSets(BuildContext c, List<Job> jobs, String templates) {
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
        c.failed++;
        c.diagnostics.add(Diagnostic.error(Location.ofFile(members.get(0).file().toString()),
            "variant.of '" + set.getKey() + "' is not a plain name; refusing to name an answer"
            + " key after it"));
        continue;
      }
      String fp = fingerprint(c, templates, id, members);
      if (c.state.upToDate(id, fp)) {
        continue;
      }
      List<Analysis> analyses = members.stream().map(Job::analysis).toList();
      List<Path> outputs = new ArrayList<>();
      try (Stage stage = Stage.open(c.request.out())) {
        if (!c.sheetFormats().isEmpty() && c.request.sheets().contains(SheetKind.ANSWERS)) {
          outputs.addAll(publish(c, Path.of(id), c.sheets().key(id, analyses, c.request.locale()),
              stage));
        }
        for (Map.Entry<String, byte[]> quiz : QuizFiles.of(c,
            members.stream().map(Job::diagnosis).toList(), set.getKey()).entrySet()) {
          AtomicFiles.write(OutputFiles.inside(stage.dir(), quiz.getKey()), quiz.getValue());
          outputs.add(OutputFiles.inside(c.request.out(), quiz.getKey()));
        }
        stage.commit();
        c.state.remember(id, fp, outputs);
        c.written.addAll(outputs);
      } catch (RenderException | PublishException | IOException e) {
        c.failed++;
        c.diagnostics.add(Diagnostic.error(Location.ofFile(id), e.getMessage()));
      }
    }
  }

  static void handout(BuildContext c, String name, List<Job> jobs, String templates) {
    if (jobs.isEmpty()) {
      return;
    }
    String fp = fingerprint(c, templates, name + '\n' + c.request.cover(), jobs);
    if (c.state.upToDate(name, fp)) {
      c.upToDate = jobs.size();
      return;
    }
    c.listener.started(c.request.sheets().size());
    int step = 0;
    List<Path> outputs = new ArrayList<>();
    try (Stage stage = Stage.open(c.request.out())) {
      for (SheetKind kind : c.sorted()) {
        Cover cover = c.request.cover().title().isEmpty()
            ? new Cover(name, c.request.cover().course(), c.request.cover().date())
            : c.request.cover();
        Sheets.Handout h = c.sheets().handout(name + "-" + kind.id(), cover,
            jobs.stream().map(Job::analysis).toList(), kind, c.request.locale());
        outputs.addAll(publish(c, Path.of(name), h, stage));
        c.listener.stepped(++step, h.id());
      }
      stage.commit();
      c.state.remember(name, fp, outputs);
      c.written.addAll(outputs);
      c.built++;
    } catch (RenderException | PublishException | IOException e) {
      c.failed++;
      c.diagnostics.add(Diagnostic.error(Location.ofFile(name), e.getMessage()));
    }
  }

  /** Publishes a document made of several exercises in every sheet format; the files written. */
  private static List<Path> publish(BuildContext c, Path source, Sheets.Handout h, Stage stage)
      throws PublishException {
    Set<OutputFormat> formats = c.sheetFormats();
    c.warn(source, c.publisher.publish(new Document(h.id(), h.asciidoc(), h.diagrams()),
        formats, stage.dir()));
    List<Path> outputs = new ArrayList<>();
    for (OutputFormat f : formats) {
      outputs.add(c.request.out().resolve(h.id() + "." + f.extension()));
    }
    return outputs;
  }

  /** What a document made of several exercises depends on: theirs, and its name. */
  private static String fingerprint(BuildContext c, String templates, String name,
      List<Job> jobs) {
    StringBuilder all = new StringBuilder(name);
    jobs.forEach(j -> all.append('\n').append(j.fingerprint()));
    return c.state.fingerprint(templates, name, all.toString());
  }
}
