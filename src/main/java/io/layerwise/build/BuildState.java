package io.layerwise.build;

import io.layerwise.Layerwise;
import io.layerwise.publish.AtomicFiles;
import io.layerwise.publish.Paper;
import io.layerwise.publish.Publisher;
import io.layerwise.render.Hashes;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * What an incremental build remembers between runs: per exercise (or answer key, or handout) the
 * fingerprint of everything its files depend on and the names of the files it wrote, kept in
 * {@code <out>/.layerwise/state}. A set of files whose fingerprint is unchanged and whose files
 * are all there is not made again.
 */
final class BuildState {

  private final BuildRequest request;
  private final Paper paper;
  private final String identity;

  BuildState(BuildRequest request, Paper paper) {
    this.request = request;
    this.paper = paper;
    this.identity = identity();
  }

  /** Everything the sheets of one exercise depend on. */
  String fingerprint(String templates, String file, String text) {
    return Hashes.sha256(String.join("\n", identity, paper.name(), templates, file,
        request.formats().stream().sorted().toList().toString(),
        request.sheets().stream().sorted().toList().toString(),
        request.locale().toLanguageTag(), text));
  }

  boolean upToDate(String id, String fingerprint) {
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

  void remember(String id, String fingerprint, List<Path> outputs) throws IOException {
    StringBuilder sb = new StringBuilder(fingerprint).append('\n');
    for (Path p : outputs) {
      sb.append(p.getFileName()).append('\n');
    }
    AtomicFiles.write(stateFile(id), sb.toString().getBytes(StandardCharsets.UTF_8));
  }

  /**
   * Whether nothing was ever built into the output directory: then every exercise is to be
   * built, and Asciidoctor may start as soon as the first one is read.
   */
  boolean fresh() {
    return !Files.exists(Publisher.stateDir(request.out()).resolve("state"));
  }

  private Path stateFile(String id) throws IOException {
    return OutputFiles.inside(Publisher.stateDir(request.out()).resolve("state"),
        id + ".fingerprint");
  }

  /**
   * What identifies this build of Layerwise in build fingerprints: its version, and the time its
   * jar was made, so that a rebuilt jar remakes the sheets.
   */
  private static String identity() {
    String identity = Layerwise.version();
    try {
      java.net.URL source = Layerwise.class.getProtectionDomain().getCodeSource().getLocation();
      Path jar = Path.of(source.toURI());
      if (Files.isRegularFile(jar)) {
        identity += "@" + Files.getLastModifiedTime(jar).toMillis();
      }
    } catch (java.net.URISyntaxException | IOException | SecurityException e) {
      // the version alone identifies the build
    }
    return identity;
  }
}
