package io.layerwise;

import io.layerwise.build.SheetBuild;
import io.layerwise.build.BuildListener;
import io.layerwise.build.BuildReport;
import io.layerwise.build.BuildRequest;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import io.layerwise.publish.OutputFormat;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * The offline self-check page in a real browser: Debian's chromium, headless, driven through the
 * system chromedriver. Typing a wrong answer shows its diagnosis, typing the right one accepts
 * it. In CI (environment variable {@code CI} set) a missing browser fails the test; elsewhere it
 * skips it.
 */
@Tag("browser")
class SelfCheckPageTest {

  private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
  private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

  @TempDir static Path out;
  private static Path page;
  private static WebDriver browser;

  @BeforeAll
  static void buildThePageAndStartTheBrowser() {
    BuildReport report = SheetBuild.run(new BuildRequest(
        List.of(Bundled.DIR.resolve("course-example.yaml")), out, Set.of(OutputFormat.SELFCHECK),
        Set.of(io.layerwise.render.SheetKind.values()), Optional.empty(), Optional.empty(),
        Locale.ENGLISH), BuildListener.NONE,
        new io.layerwise.publish.Publisher());
    assertThat(report.failed()).isZero();
    page = out.resolve("course-example-selfcheck.html");
    boolean present = Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
    if (System.getenv("CI") != null) {
      assertThat(present).as("chromium and chromedriver are installed in CI (.ci/run)").isTrue();
    }
    assumeThat(present).as("chromium and chromedriver installed").isTrue();
    ChromeOptions options = new ChromeOptions();
    options.setBinary(CHROMIUM.toFile());
    options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu",
        "--disable-dev-shm-usage", "--allow-file-access-from-files", "--window-size=1100,2600");
    ChromeDriverService service = new ChromeDriverService.Builder()
        .usingDriverExecutable(CHROMEDRIVER.toFile()).build();
    browser = new ChromeDriver(service, options);
    browser.get(page.toUri().toString());
  }

  @AfterAll
  static void stopTheBrowser() {
    if (browser != null) {
      browser.quit();
    }
  }

  private static String type(String layer, String quantity, String text) {
    WebElement input = browser.findElement(By.cssSelector(
        "input[data-layer='" + layer + "'][data-quantity='" + quantity + "']"));
    input.clear();
    input.sendKeys(text);
    WebElement verdict = input.findElement(By.xpath("following-sibling::*[1]"));
    assertThat(verdict.getDomAttribute("class")).contains("verdict");
    // the page checks on every input event, synchronously, so the verdict is there at once
    return verdict.getText();
  }

  @Test
  void aWrongAnswerShowsItsDiagnosisAndTheRightOneIsAccepted() {
    assertThat(type("conv1", "params", "208")).contains("Wrong")
        .contains("forgot the input channels").contains("5·5·8 + 8 = 208");
    assertThat(type("conv1", "params", "608")).isEqualTo("✓ Right.");
    assertThat(type("fc3", "params", "48,001")).contains("one bias per layer");
    assertThat(type("fc3", "params", "48 120")).isEqualTo("✓ Right.");
  }

  @Test
  void shapesAreReadInEveryUsualSpelling() {
    assertThat(type("conv1", "output_shape", "(None, 28, 28, 8)")).isEqualTo("✓ Right.");
    assertThat(type("conv1", "output_shape", "28×28×8")).isEqualTo("✓ Right.");
    assertThat(type("conv1", "output_shape", "32x32x8")).contains("‘same’ padding instead");
    assertThat(type("total", "params", "62958")).isEqualTo("✓ Right.");
  }

  @Test
  void aFilledInPageCanBeLookedAt() throws Exception {
    clearAll();
    type("conv1", "output_shape", "32x32x8");
    type("conv1", "params", "208");
    type("pool1", "output_shape", "16x16x8");
    type("pool1", "params", "16");
    type("conv2", "output_shape", "12x12x16");
    type("conv2", "params", "3216");
    type("fc3", "params", "48,001");
    type("total", "params", "62,958");
    browser.findElement(By.cssSelector("input[data-layer='conv1']")).click();
    byte[] png = ((org.openqa.selenium.TakesScreenshot) browser)
        .getScreenshotAs(org.openqa.selenium.OutputType.BYTES);
    Path shot = Path.of("target", "selfcheck-course-example.png");
    Files.write(shot, png);
    assertThat(png.length).isGreaterThan(10_000);
  }

  @Test
  void laterAnswersFromTheStudentsOwnWrongShapeAreCreditedAsCarried() {
    clearAll();
    assertThat(type("conv1", "output_shape", "32x32x8")).contains("‘same’ padding instead");
    // pool1 and conv2 computed right from the student's own 32×32×8
    assertThat(type("pool1", "output_shape", "16x16x8")).contains("Credited")
        .contains("your output_shape of conv1");
    assertThat(type("conv2", "output_shape", "12x12x16")).contains("Credited");
    // a mistake on top of the carried shape names both
    assertThat(type("conv2", "params", "416")).contains("forgot the input channels")
        .doesNotContain("3,216").doesNotContain("3216");
    assertThat(browser.findElement(By.id("layerwise-score")).getText())
        .isEqualTo("0 of 4 right, 2 more credited as carried errors");
    // the right shape for conv1 makes pool1's 16×16×8 plainly wrong again
    assertThat(type("conv1", "output_shape", "28x28x8")).isEqualTo("✓ Right.");
    assertThat(verdict("pool1", "output_shape").getText()).doesNotContain("Credited");
    clearAll();
  }

  private static WebElement verdict(String layer, String quantity) {
    return browser.findElement(By.cssSelector("input[data-layer='" + layer
        + "'][data-quantity='" + quantity + "'] + .verdict"));
  }

  private static void clearAll() {
    ((org.openqa.selenium.JavascriptExecutor) browser).executeScript(
        "document.querySelectorAll('input[data-layer]').forEach(function (i) { i.value = ''; });"
        + "document.querySelector('input[data-layer]').dispatchEvent(new Event('input'));");
  }

  @Test
  void anUnknownWrongNumberIsSaidPlainly() {
    assertThat(type("conv2", "params", "1234")).contains("no mistake Layerwise knows");
    assertThat(type("conv2", "params", "twelve")).contains("Write a whole number");
  }

  @Test
  void theRightAnswersAreNotInThePageSource() throws Exception {
    String html = Files.readString(page).replaceAll("[0-9a-f]{24,64}", "#");
    for (String right : List.of("608", "3216", "48120", "10164", "850", "62958", "62,958",
        "48,120")) {
      assertThat(html).as(right).doesNotContainPattern("(?<![0-9])" + right + "(?![0-9])");
    }
    assertThat(html).contains("data-layer=\"conv1\"").contains("data-quantity=\"params\"");
  }
}
