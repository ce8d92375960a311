package io.layerwise;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The package rules of docs/ARCHITECTURE.md, checked on the sources so that a new class cannot
 * break them unnoticed: the analysis is computed once (only the engine and the façade call
 * {@code Engine}), packages form no cycle, each third-party library is imported by one package,
 * and {@code model} and {@code diagnostic} depend on nothing of ours.
 */
class ArchitectureTest {

  private static final Path MAIN = Path.of("src/main/java/io/layerwise");
  private static final String ROOT = "(root)";

  /** Each third-party library by the prefix of its packages, and the one package that uses it. */
  private static final Map<String, String> LIBRARIES = Map.ofEntries(
      Map.entry("com.fasterxml.jackson.", "exercise"),
      Map.entry("org.yaml.snakeyaml.", "exercise"),
      Map.entry("freemarker.", "render"),
      Map.entry("org.asciidoctor.", "publish"),
      Map.entry("org.scilab.forge.jlatexmath.", "publish"),
      Map.entry("org.jfree.", "publish"),
      Map.entry("com.openhtmltopdf.", "publish"),
      Map.entry("org.jsoup.", "publish"),
      Map.entry("org.apache.pdfbox.", "publish"),
      Map.entry("org.apache.fontbox.", "publish"),
      Map.entry("org.eclipse.elk.", "diagram"),
      Map.entry("org.eclipse.emf.", "diagram"),
      Map.entry("picocli.", "cli"));

  private static final Pattern IMPORT = Pattern.compile("^import (?:static )?([\\w.]+);",
      Pattern.MULTILINE);
  private static final Pattern OURS = Pattern.compile(
      "\\bio\\.layerwise\\.(?:([a-z]\\w*)\\.)?[A-Z]");

  private record Source(String path, String pkg, String code, List<String> imports) {}

  private static List<Source> sources() {
    try (Stream<Path> s = Files.walk(MAIN)) {
      return s.filter(p -> p.toString().endsWith(".java")).sorted().map(p -> {
        String rel = MAIN.relativize(p).toString().replace('\\', '/');
        String pkg = rel.contains("/") ? rel.substring(0, rel.indexOf('/')) : ROOT;
        String code = withoutComments(read(p));
        List<String> imports = new ArrayList<>();
        Matcher m = IMPORT.matcher(code);
        while (m.find()) {
          imports.add(m.group(1));
        }
        return new Source(rel, pkg, code, imports);
      }).toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String read(Path p) {
    try {
      return Files.readString(p);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String withoutComments(String code) {
    return code.replaceAll("(?s)/\\*.*?\\*/", "").replaceAll("(?m)//.*$", "");
  }

  /** Which of our packages each package uses, by imports and fully qualified names. */
  private static Map<String, Set<String>> dependencies() {
    Map<String, Set<String>> deps = new TreeMap<>();
    for (Source s : sources()) {
      Set<String> d = deps.computeIfAbsent(s.pkg(), k -> new TreeSet<>());
      Matcher m = OURS.matcher(s.code());
      while (m.find()) {
        String used = m.group(1) == null ? ROOT : m.group(1);
        if (!used.equals(s.pkg())) {
          d.add(used);
        }
      }
    }
    return deps;
  }

  /**
   * The analysis stage is the engine (every layer's quantities) and the diagnosis (every value a
   * catalogued mistake gives, computed from the engine's result); the façade wires them. Nothing
   * after that stage calls the engine again.
   */
  @Test
  void onlyTheAnalysisStageAndTheFacadeCallTheEngine() {
    List<String> callers = sources().stream()
        .filter(s -> !s.pkg().equals("engine") && !s.pkg().equals("diagnosis")
            && !s.path().equals("Layerwise.java"))
        .filter(s -> s.imports().contains("io.layerwise.engine.Engine")
            || s.code().contains("io.layerwise.engine.Engine."))
        .map(Source::path).toList();
    assertThat(callers).isEmpty();
  }

  @Test
  void packagesFormNoCycle() {
    Map<String, Set<String>> deps = dependencies();
    assertThat(deps).hasSizeGreaterThan(8);
    for (String start : deps.keySet()) {
      List<String> cycle = cycleFrom(start, start, deps, new ArrayList<>(), new TreeSet<>());
      assertThat(cycle).as("a package cycle through %s", start).isEmpty();
    }
  }

  private static List<String> cycleFrom(String start, String at, Map<String, Set<String>> deps,
      List<String> path, Set<String> seen) {
    path.add(at);
    for (String next : deps.getOrDefault(at, Set.of())) {
      if (next.equals(start)) {
        List<String> cycle = new ArrayList<>(path);
        cycle.add(start);
        return cycle;
      }
      if (seen.add(next)) {
        List<String> found = cycleFrom(start, next, deps, path, seen);
        if (!found.isEmpty()) {
          return found;
        }
      }
    }
    path.remove(path.size() - 1);
    return List.of();
  }

  @Test
  void eachLibraryIsImportedByOnePackage() {
    for (Source s : sources()) {
      for (String imported : s.imports()) {
        // the JDK (its XML module's DOM included) and our own packages
        if (imported.startsWith("java.") || imported.startsWith("javax.")
            || imported.startsWith("org.w3c.dom.") || imported.startsWith("io.layerwise.")) {
          continue;
        }
        String library = LIBRARIES.keySet().stream().filter(imported::startsWith).findFirst()
            .orElseThrow(() -> new AssertionError(s.path() + " imports " + imported
                + ", a library this test does not know: give it its one package"));
        assertThat(s.pkg()).as("%s imports %s", s.path(), imported)
            .isEqualTo(LIBRARIES.get(library));
      }
    }
  }

  @Test
  void modelAndDiagnosticDependOnNothingOfOurs() {
    Map<String, Set<String>> deps = dependencies();
    assertThat(deps.get("model")).isEmpty();
    assertThat(deps.get("diagnostic")).isEmpty();
  }
}
