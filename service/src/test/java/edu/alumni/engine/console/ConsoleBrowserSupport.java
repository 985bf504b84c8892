package edu.alumni.engine.console;

import static org.assertj.core.api.Assertions.assertThat;

import edu.alumni.engine.system.HttpTestSupport;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Browser tests of the console: the whole service (the one test context of {@link HttpTestSupport}) and one
 * headless Chromium per test class, driven through ChromeDriver (Debian's chromium and chromium-driver; paths from
 * the system properties {@code console.chromium} and {@code console.chromedriver}). Each test signs in afresh;
 * screenshots of the pages go to {@code target/screenshots/}.
 */
public abstract class ConsoleBrowserSupport extends HttpTestSupport {

  protected static final Duration WAIT = Duration.ofSeconds(30);

  protected static ChromeDriver browser;
  protected static Path downloads;
  private static Path profile;

  @BeforeAll
  static void startBrowser() throws IOException {
    String chromium = System.getProperty("console.chromium", "/usr/bin/chromium");
    String chromedriver = System.getProperty("console.chromedriver", "/usr/bin/chromedriver");
    assertThat(new File(chromium).canExecute()).as("Chromium at " + chromium
        + " for the browser tests (Debian: apt-get install chromium)").isTrue();
    assertThat(new File(chromedriver).canExecute()).as("ChromeDriver at " + chromedriver
        + " for the browser tests (Debian: apt-get install chromium-driver)").isTrue();
    profile = Files.createTempDirectory("console-chromium-");
    downloads = Files.createTempDirectory("console-downloads-");
    ChromeOptions options = new ChromeOptions();
    options.setBinary(chromium);
    // a closed network: no background connections, no component updates, no sign-in to anything
    options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync",
        "--disable-dev-shm-usage", "--window-size=1440,1000", "--lang=en-US",
        "--user-data-dir=" + profile.toAbsolutePath());
    options.setExperimentalOption("prefs", Map.of(
        "download.default_directory", downloads.toAbsolutePath().toString(),
        "download.prompt_for_download", false,
        "intl.accept_languages", "en-US,en"));
    ChromeDriverService service = new ChromeDriverService.Builder()
        .usingDriverExecutable(new File(chromedriver)).usingAnyFreePort().build();
    browser = new ChromeDriver(service, options);
    browser.manage().timeouts().scriptTimeout(WAIT);
  }

  @AfterAll
  static void stopBrowser() throws IOException {
    if (browser != null) {
      browser.quit();
      browser = null;
    }
    for (Path dir : new Path[] {profile, downloads}) {
      if (dir != null) {
        try (Stream<Path> files = Files.walk(dir)) {
          files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
      }
    }
  }

  /** Opens a console route ({@code /processes}, {@code /history?...}). */
  protected void open(String route) {
    browser.get("http://localhost:" + port + "/console/#" + route);
  }

  /** Signs in through the sign-in form, after signing out whoever was signed in; waits for the first page. */
  protected void signIn(String user, String password) {
    browser.get("http://localhost:" + port + "/console/#/signin");
    ((JavascriptExecutor) browser).executeScript("sessionStorage.clear(); localStorage.clear();");
    browser.navigate().refresh();
    waitFor("#signin-form");
    browser.findElement(By.id("username")).sendKeys(user);
    browser.findElement(By.id("password")).sendKeys(password);
    browser.findElement(By.id("signin")).click();
    waitUntil(() -> !browser.getCurrentUrl().contains("#/signin"));
  }

  protected WebElement waitFor(String css) {
    return new WebDriverWait(browser, WAIT).until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(css)));
  }

  /** The element once present in the page (visible or not: SVG groups of a diagram, for example). */
  protected WebElement waitForPresent(String css) {
    return new WebDriverWait(browser, WAIT).until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(css)));
  }

  /**
   * The page's confirm or alert once it is up: a click that changes the address asks from the page's hashchange
   * handler, which runs after the click has returned.
   */
  protected org.openqa.selenium.Alert waitForAlert() {
    return new WebDriverWait(browser, WAIT).until(ExpectedConditions.alertIsPresent());
  }

  protected void waitUntil(java.util.function.BooleanSupplier condition) {
    new WebDriverWait(browser, WAIT).until(d -> condition.getAsBoolean());
  }

  protected List<WebElement> all(String css) {
    return browser.findElements(By.cssSelector(css));
  }

  protected boolean present(String css) {
    return !all(css).isEmpty();
  }

  /** The diagram element's SVG group (bpmn-js marks it with classes). */
  protected WebElement diagramElement(String containerCss, String elementId) {
    return waitForPresent(containerCss + " .djs-element[data-element-id='" + elementId + "']");
  }

  protected static boolean hasClass(WebElement element, String cls) {
    return List.of(String.valueOf(element.getAttribute("class")).split("\\s+")).contains(cls);
  }

  /** A screenshot of the whole page, to target/screenshots/{name}.png (the window grows to the page's height). */
  protected void screenshot(String name) {
    Dimension window = browser.manage().window().getSize();
    try {
      long height = (Long) ((JavascriptExecutor) browser).executeScript(
          "return Math.ceil(document.documentElement.scrollHeight)");
      browser.manage().window().setSize(new Dimension(window.getWidth(),
          (int) Math.min(4000, Math.max(window.getHeight(), height + 140))));
      Path dir = Path.of(System.getProperty("console.screenshots", "target/screenshots"));
      Files.createDirectories(dir);
      Files.copy(browser.getScreenshotAs(OutputType.FILE).toPath(), dir.resolve(name + ".png"),
          StandardCopyOption.REPLACE_EXISTING);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } finally {
      browser.manage().window().setSize(window);
    }
  }

  /** A test resource of this package as a file the browser can upload. */
  protected static Path resourceFile(String name) {
    try {
      Path file = Files.createTempFile("console-", "-" + name);
      try (var in = ConsoleBrowserSupport.class.getResourceAsStream(name)) {
        assertThat(in).as(name).isNotNull();
        Files.copy(in, file, StandardCopyOption.REPLACE_EXISTING);
      }
      file.toFile().deleteOnExit();
      return file;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
