package org.cartable.itests;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Locale;

import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Headless Chromium for the browser scenarios, with the shell's common steps (sign in/out, class cards, tiles) and a
 * numbered screenshot per step in {@code target/screenshots/<scenario>-NN-<step>.png}.
 * <p>
 * Wicket runs in DEPLOYMENT mode, so there are no {@code wicket:id} attributes: find form fields by their
 * {@code name} (Wicket derives it from the component id and may prefix names that clash with DOM form properties,
 * "title" → "p::title", so match the end: {@code input[name$='title']}).
 */
final class Browser implements AutoCloseable {

    static final int PHONE_WIDTH = 360;
    static final String SIGN_OUT = "header.topbar .topbar-tools button.sign-out";

    private static final Path SCREENSHOTS = Path.of(System.getProperty("cartable.screenshots.dir", "target/screenshots"));
    private static final Path PROFILE = Path.of(System.getProperty("cartable.browser.profile.dir", "target/chromium-profile"));
    private static final Duration WAIT = Duration.ofSeconds(20);

    private final CartableServer server;
    private final String scenario;
    private final WebDriver driver;
    private final WebDriverWait wait;
    private int step;

    private Browser(CartableServer server, String scenario, WebDriver driver) {
        this.server = server;
        this.scenario = scenario;
        this.driver = driver;
        this.wait = new WebDriverWait(driver, WAIT, Duration.ofMillis(100));
        // A condition that reads elements while a form post reloads the page meets elements of the old page; the
        // next poll reads the new one, so a stale element is a reason to poll again, not a failure.
        this.wait.ignoring(StaleElementReferenceException.class);
    }

    /** Starts a fresh browser (own profile, no cookies) for one scenario. */
    static Browser open(CartableServer server, String scenario) throws IOException {
        for (String binary : List.of("/usr/bin/chromium", "/usr/bin/chromedriver")) {
            assertTrue(Files.isExecutable(Path.of(binary)),
                    binary + " is missing: apt-get install -y chromium chromium-driver");
        }
        Files.createDirectories(SCREENSHOTS);
        Path profile = PROFILE.resolve("run-" + System.nanoTime());
        Files.createDirectories(profile);
        ChromeOptions options = new ChromeOptions();
        options.setBinary("/usr/bin/chromium");
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
                "--lang=fr-FR", "--window-size=1280,1000", "--user-data-dir=" + profile.toAbsolutePath());
        // The driver path is given, so Selenium Manager never goes to the network.
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File("/usr/bin/chromedriver"))
                .usingAnyFreePort()
                .build();
        ChromeDriver driver = new ChromeDriver(service, options);
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
        return new Browser(server, scenario, driver);
    }

    WebDriver driver() {
        return driver;
    }

    WebDriverWait waiting() {
        return wait;
    }

    /** Opens a path of the server, e.g. {@code "/app/"}. */
    void go(String path) {
        driver.get(server.baseUrl() + path);
    }

    /** Signs in from the sign-in page (opening it first if needed) with the demo password. */
    void signIn(String login) {
        if (driver.findElements(By.name("login")).isEmpty()) {
            go("/app/");
        }
        WebElement field = wait.until(ExpectedConditions.visibilityOfElementLocated(By.name("login")));
        WebElement form = field.findElement(By.xpath("./ancestor::form"));
        field.clear();
        field.sendKeys(login);
        form.findElement(By.name("password")).sendKeys(CartableServer.DEMO_PASSWORD);
        screenshot(login + "-sign-in");
        form.findElement(By.cssSelector("button[type='submit']")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(SIGN_OUT)));
        assertTrue(driver.findElements(By.name("password")).isEmpty(), "signed in, no password field left");
    }

    /** Signs out and checks that no session is left. */
    void signOut() {
        driver.findElement(By.cssSelector(SIGN_OUT)).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.name("login")));
        go("/app/");
        wait.until(ExpectedConditions.presenceOfElementLocated(By.name("login")));
    }

    /** Waits until an element matching the CSS selector is present, and returns it. */
    WebElement await(String css) {
        return wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(css)));
    }

    /** The dashboard card of a class (its heading holds the class name). */
    WebElement classCard(String className) {
        return wait.until(d -> d.findElements(By.cssSelector("article.card")).stream()
                .filter(c -> c.findElements(By.tagName("h3")).stream().anyMatch(h -> h.getText().contains(className)))
                .findFirst().orElse(null));
    }

    /** The app tile of a dashboard card whose name contains the word (case-insensitive). */
    WebElement tile(WebElement card, String appWord) {
        String word = appWord.toLowerCase(Locale.ROOT);
        return card.findElements(By.cssSelector("a.tile")).stream()
                .filter(t -> t.findElement(By.cssSelector(".tile-name")).getText().toLowerCase(Locale.ROOT).contains(word))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no '" + appWord + "' tile in: " + card.getText()));
    }

    /** Makes the window phone-sized ({@value #PHONE_WIDTH} px wide). */
    void phone() {
        driver.manage().window().setSize(new Dimension(PHONE_WIDTH, 740));
    }

    /** Nothing wider than a small phone: no sideways scrolling for parents, who mostly use one. */
    void assertFitsThePhone() {
        long contentWidth = ((Number) ((JavascriptExecutor) driver)
                .executeScript("return document.documentElement.scrollWidth")).longValue();
        long viewportWidth = ((Number) ((JavascriptExecutor) driver)
                .executeScript("return window.innerWidth")).longValue();
        assertTrue(viewportWidth <= PHONE_WIDTH, () -> "viewport is " + viewportWidth + " px wide");
        assertTrue(contentWidth <= viewportWidth,
                () -> "page is " + contentWidth + " px wide on a " + viewportWidth + " px screen");
    }

    void screenshot(String name) {
        step++;
        try {
            File shot = ((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE);
            Path target = SCREENSHOTS.resolve(String.format("%s-%02d-%s.png", scenario, step, name));
            Files.copy(shot.toPath(), target, StandardCopyOption.REPLACE_EXISTING);
            System.out.println("[" + scenario + "] screenshot " + target);
        } catch (IOException | RuntimeException e) {
            System.out.println("[" + scenario + "] screenshot " + name + " failed: " + e);
        }
    }

    /** Takes a last screenshot (also where a failed step left the page) and quits. */
    @Override
    public void close() {
        screenshot("end");
        driver.quit();
    }
}
