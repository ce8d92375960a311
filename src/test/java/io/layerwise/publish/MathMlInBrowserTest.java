package io.layerwise.publish;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import io.layerwise.Bundled;
import io.layerwise.build.BuildListener;
import io.layerwise.build.BuildReport;
import io.layerwise.build.BuildRequest;
import io.layerwise.build.SheetBuild;
import io.layerwise.render.SheetKind;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.Rectangle;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * The answer sheet's MathML in a real browser (Debian's chromium, which renders MathML Core
 * natively, headless through the system chromedriver): every formula is laid out as typeset
 * math, not collapsed, a fraction taller than a line, its bar between numerator and denominator.
 * Leaves a screenshot in {@code target/mathml-course-example.png} to look at.
 */
@Tag("browser")
class MathMlInBrowserTest {

  private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
  private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

  @TempDir static Path out;
  private static WebDriver browser;

  @BeforeAll
  static void buildTheSheetAndStartTheBrowser() {
    boolean present = Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
    if (System.getenv("CI") != null) {
      assertThat(present).as("chromium and chromedriver are installed in CI (.ci/run)").isTrue();
    }
    assumeThat(present).as("chromium and chromedriver installed").isTrue();
    try (Publisher publisher = new Publisher()) {
      BuildReport report = SheetBuild.run(new BuildRequest(
          List.of(Bundled.DIR.resolve("course-example.yaml")), out, Set.of(OutputFormat.HTML),
          Set.of(SheetKind.ANSWERS), Optional.empty(), Optional.empty(), Locale.ENGLISH),
          BuildListener.NONE, publisher);
      assertThat(report.failed()).isZero();
    }
    ChromeOptions options = new ChromeOptions();
    options.setBinary(CHROMIUM.toFile());
    options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu",
        "--disable-dev-shm-usage", "--window-size=1000,1400");
    ChromeDriverService service = new ChromeDriverService.Builder()
        .usingDriverExecutable(CHROMEDRIVER.toFile()).build();
    browser = new ChromeDriver(service, options);
    browser.get(out.resolve("course-example-answers.html").toUri().toString());
  }

  @AfterAll
  static void stopTheBrowser() {
    if (browser != null) {
      browser.quit();
    }
  }

  private static WebElement formula(String alt) {
    return browser.findElement(By.cssSelector("math[alttext^='" + alt + "']"));
  }

  @Test
  void everyFormulaIsLaidOutAsMath() {
    List<WebElement> formulas = browser.findElements(By.tagName("math"));
    // every derivation the answer sheet shows, and nothing else, is a formula
    int derivations = Bundled.analyze("course-example").layers().stream()
        .mapToInt(l -> l.derivations().size()).sum();
    assertThat(formulas).hasSizeGreaterThan(20).hasSizeLessThanOrEqualTo(derivations);
    for (WebElement m : formulas) {
      // a display formula's box is as wide as the page; its row is as wide as the formula
      Rectangle r = m.findElement(By.xpath("./*")).getRect();
      assertThat(r.getHeight()).as(m.getDomAttribute("alttext")).isBetween(12, 120);
      assertThat(r.getWidth()).as(m.getDomAttribute("alttext")).isBetween(60, 800);
      assertThat(m.getDomAttribute("display")).isEqualTo("block");
    }
  }

  @Test
  void aFractionIsTallerThanALineAndStacked() throws Exception {
    WebElement line = formula("biases = F = 8");
    WebElement withFraction = formula("H_out = W_out = ⌊(H_in + 2P − K)/S⌋ + 1 = ⌊(32");
    assertThat(withFraction.getRect().getHeight())
        .isGreaterThan(line.getRect().getHeight() * 3 / 2);
    WebElement fraction = withFraction.findElement(By.tagName("mfrac"));
    List<WebElement> parts = fraction.findElements(By.xpath("./*"));
    Rectangle numerator = parts.get(0).getRect();
    Rectangle denominator = parts.get(1).getRect();
    assertThat(numerator.getY() + numerator.getHeight()).isLessThanOrEqualTo(denominator.getY());
    assertThat(numerator.getHeight()).isGreaterThan(8);
    // the floor brackets stretch around the fraction (a font with a MATH table is installed on
    // Debian with chromium: fonts-dejavu's DejaVu Math TeX Gyre), or at least span a line
    WebElement floor = withFraction.findElement(By.xpath(".//*[local-name()='mo' and .='⌊']"));
    assertThat(floor.getRect().getHeight()).isGreaterThanOrEqualTo(line.getRect().getHeight()
        - 4);
    ((org.openqa.selenium.JavascriptExecutor) browser)
        .executeScript("arguments[0].scrollIntoView()", withFraction);
    byte[] png = ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES);
    Files.write(Path.of("target", "mathml-course-example.png"), png);
  }
}
