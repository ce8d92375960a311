package io.layerwise;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import io.layerwise.build.BuildListener;
import io.layerwise.build.BuildReport;
import io.layerwise.build.BuildRequest;
import io.layerwise.build.SheetBuild;
import io.layerwise.check.CheckResult;
import io.layerwise.check.Checker;
import io.layerwise.check.Finding;
import io.layerwise.diagnosis.Diagnosis;
import io.layerwise.engine.Analysis;
import io.layerwise.engine.Mistake;
import io.layerwise.exercise.AnswersReader;
import io.layerwise.model.Answers;
import io.layerwise.publish.OutputFormat;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * The self-check page and {@code check} give the same verdict, mistake name and carried-from on
 * every answer: answers files generated from the diagnosis of four fixtures (every mistake of the
 * catalogue among them) and four bundled exercises, and every bundled answers file, judged in-process by {@link Checker}
 * and typed into the page in headless Chromium.
 */
@Tag("browser")
class SelfCheckParityTest {

  private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
  private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
  private static final Path FIXTURES = Path.of("src/test/resources/selfcheck");

  /** Bundled exercises whose layers the fixtures lack: PyTorch, recurrent, attention, LeNet. */
  private static final List<Path> BUNDLED = List.of(Path.of("exercises/lstm-text-classifier.yaml"),
      Path.of("exercises/transformer-encoder-block.yaml"),
      Path.of("exercises/zoo/lenet5-1998.yaml"),
      Path.of("exercises/zoo/resnet18-torchvision.yaml"));

  @TempDir static Path out;
  private static WebDriver browser;

  @BeforeAll
  static void startTheBrowser() {
    boolean present = Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
    if (System.getenv("CI") != null) {
      assertThat(present).as("chromium and chromedriver are installed in CI (.ci/run)").isTrue();
    }
    assumeThat(present).as("chromium and chromedriver installed").isTrue();
    ChromeOptions options = new ChromeOptions();
    options.setBinary(CHROMIUM.toFile());
    options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu",
        "--disable-dev-shm-usage", "--allow-file-access-from-files");
    browser = new ChromeDriver(new ChromeDriverService.Builder()
        .usingDriverExecutable(CHROMEDRIVER.toFile()).build(), options);
  }

  @AfterAll
  static void stopTheBrowser() {
    if (browser != null) {
      browser.quit();
    }
  }

  /** One answer as both judge it. */
  private record Verdict(String verdict, String mistake, String from) {}

  @Test
  void generatedAnswersGetTheSameVerdictOnThePageAsInCheck() throws Exception {
    List<String> mismatches = new ArrayList<>();
    Set<Mistake> seen = EnumSet.noneOf(Mistake.class);
    int files = 0;
    Path keep = Path.of("target", "selfcheck-answers");
    Files.createDirectories(keep);
    List<Path> exercises = new ArrayList<>(BUNDLED);
    try (var list = Files.list(FIXTURES)) {
      exercises.addAll(list.filter(p -> p.toString().endsWith(".yaml")).sorted().toList());
    }
    {
      for (Path exercise : exercises) {
        Analysis analysis = Layerwise.explain(exercise);
        Diagnosis diagnosis = Diagnosis.of(analysis);
        Path page = page(exercise);
        for (Map.Entry<String, String> file : new GeneratedAnswers(diagnosis).files().entrySet()) {
          String name = analysis.exercise().id() + "." + file.getKey();
          Files.writeString(keep.resolve(name + ".yaml"), file.getValue());
          Answers answers = AnswersReader.read(name, file.getValue(), analysis.exercise());
          CheckResult result = Checker.check(diagnosis, answers);
          result.findings().forEach(f -> f.mistake().ifPresent(seen::add));
          mismatches.addAll(compare(name, result, page));
          files++;
        }
      }
    }
    assertThat(files).isGreaterThanOrEqualTo(20);
    // the page asks no memory (check and the Moodle bank do): its mistakes are MistakesTest's
    Set<Mistake> onThePage = EnumSet.allOf(Mistake.class);
    onThePage.removeAll(io.layerwise.diagnosis.MemoryAnswers.MISTAKES);
    assertThat(seen).as("every mistake of the catalogue is among the answers")
        .containsExactlyInAnyOrderElementsOf(onThePage);
    assertThat(mismatches).as("answers the page judges unlike check").isEmpty();
  }

  @Test
  void everyBundledAnswersFileGetsTheSameVerdictsOnThePage() throws Exception {
    List<String> mismatches = new ArrayList<>();
    try (var list = Files.list(Path.of("exercises/answers"))) {
      for (Path answers : list.filter(p -> p.toString().endsWith(".yaml")).sorted().toList()) {
        String name = answers.getFileName().toString();
        Path exercise = Path.of("exercises", name.substring(0, name.indexOf('.')) + ".yaml");
        CheckResult result = Layerwise.check(exercise, answers);
        mismatches.addAll(compare(name, result, page(exercise)));
      }
    }
    assertThat(mismatches).as("answers the page judges unlike check").isEmpty();
  }

  /**
   * The gate on carried credit, on the page as in check: a chain from conv1's 1×1×1 earns
   * nothing (unexplained, with carried-from), one from an honest slip (29×29×8, off by one)
   * and one from a catalogued mistake (same padding) are credited, and so is a total of the
   * student's own numbers only when each is explained.
   */
  @Test
  void theGateOnCarriedCreditGivesTheSameVerdictsOnThePage() throws Exception {
    Path exercise = Path.of("exercises/course-example.yaml");
    Analysis analysis = Layerwise.explain(exercise);
    Map<String, String> files = new LinkedHashMap<>();
    files.put("gaming", """
        layers:
          conv1: {output_shape: 1x1x1, activations: 1, params: 608}
          pool1: {output_shape: 1x1x1, activations: 1}
          conv2: {output_shape: 1x1x1, activations: 1}
          pool2: {output_shape: 1x1x1, activations: 1}
          flatten: {output_shape: 1}
          fc3: {params: 240, activations: 120}
        total: {params: 15078}
        """);
    files.put("slip", """
        layers:
          pool2: {output_shape: 6x6x16, activations: 576}
          flatten: {output_shape: 576}
          fc3: {params: 69240}
        """);
    files.put("channels-first", """
        layers:
          pool2: {output_shape: 16x5x5, activations: 400}
        """);
    files.put("same-padding", """
        layers:
          conv1: {output_shape: 32x32x8, activations: 8192}
          pool1: {output_shape: 16x16x8}
          conv2: {output_shape: 12x12x16}
        """);
    files.put("totals", """
        layers:
          conv1: {params: 680}
          conv2: {params: 0}
        total: {params: 59814}
        """);
    List<String> mismatches = new ArrayList<>();
    long uncredited = 0;
    for (Map.Entry<String, String> file : files.entrySet()) {
      Answers answers = AnswersReader.read(file.getKey(), file.getValue(), analysis.exercise());
      CheckResult result = Checker.check(analysis, answers);
      uncredited += result.findings().stream().filter(f -> f.carriedFrom().isPresent()
          && f.verdict() == io.layerwise.check.Verdict.UNEXPLAINED).count();
      mismatches.addAll(compare(file.getKey(), result, page(exercise)));
    }
    assertThat(uncredited).as("answers the gate keeps from credit").isGreaterThanOrEqualTo(5);
    assertThat(mismatches).as("answers the page judges unlike check").isEmpty();
  }

  private static final Map<Path, Path> PAGES = new HashMap<>();

  private static Path page(Path exercise) {
    return PAGES.computeIfAbsent(exercise, e -> {
      BuildReport report = SheetBuild.run(new BuildRequest(List.of(e), out,
          Set.of(OutputFormat.SELFCHECK), Set.of(io.layerwise.render.SheetKind.values()),
          Optional.empty(), Optional.empty(), Locale.ENGLISH), BuildListener.NONE,
          new io.layerwise.publish.Publisher());
      assertThat(report.failed()).isZero();
      String file = e.getFileName().toString();
      try (var files = Files.list(out)) {
        String id = file.substring(0, file.length() - ".yaml".length());
        return files.filter(p -> p.getFileName().toString().endsWith("-selfcheck.html")
            && p.getFileName().toString().startsWith(id)).findFirst().orElseThrow();
      } catch (java.io.IOException x) {
        throw new java.io.UncheckedIOException(x);
      }
    });
  }

  /** The answers typed into the page; what the page says beside each, by layer|quantity. */
  @SuppressWarnings("unchecked")
  private static Map<String, Verdict> onThePage(Path page, Map<String, String> typed) {
    String uri = page.toUri().toString();
    if (!uri.equals(browser.getCurrentUrl())) {
      browser.get(uri);
    }
    List<List<String>> rows = (List<List<String>>) ((JavascriptExecutor) browser).executeScript(
        "var answers = arguments[0];"
        + "var inputs = document.querySelectorAll('input[data-layer]');"
        + "inputs.forEach(function (i) {"
        + "  i.value = answers[i.dataset.layer + '|' + i.dataset.quantity] || ''; });"
        + "inputs[0].dispatchEvent(new Event('input'));"
        + "return Array.prototype.map.call(inputs, function (i) {"
        + "  var v = i.nextElementSibling;"
        + "  return [i.dataset.layer + '|' + i.dataset.quantity, v.dataset.verdict || '',"
        + "    v.dataset.mistake || '', v.dataset.from || ''];"
        + "});", typed);
    Map<String, Verdict> out = new HashMap<>();
    for (List<String> r : rows) {
      out.put(r.get(0), new Verdict(r.get(1), r.get(2), r.get(3)));
    }
    return out;
  }

  private static List<String> compare(String name, CheckResult result, Path page) {
    Map<String, String> typed = new LinkedHashMap<>();
    for (Finding f : result.findings()) {
      typed.put(key(f), f.answer().written());
    }
    Map<String, Verdict> shown = onThePage(page, typed);
    List<String> mismatches = new ArrayList<>();
    Set<String> compared = new TreeSet<>();
    for (Finding f : result.findings()) {
      Verdict page1 = shown.get(key(f));
      if (page1 == null) {
        continue; // a quantity the exercise does not ask has no input on the page
      }
      compared.add(key(f));
      Verdict check = new Verdict(f.verdict().name().toLowerCase(Locale.ROOT),
          f.mistake().map(Mistake::id).orElse(""),
          f.carriedFrom().map(s -> s.layer() + ":" + s.quantity().id()).orElse(""));
      if (!check.equals(page1)) {
        mismatches.add(name + " " + key(f) + " = " + f.answer().written() + ": check " + check
            + ", page " + page1);
      }
    }
    assertThat(compared).as(name).isNotEmpty();
    return mismatches;
  }

  private static String key(Finding f) {
    return f.layer() + "|" + f.answer().quantity().id();
  }
}
