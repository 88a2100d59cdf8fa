package org.cartable.itests;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
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

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import static org.cartable.itests.Demo.CLASS_A1;
import static org.cartable.itests.Demo.blogPath;
import static org.cartable.itests.Demo.byId;
import static org.cartable.itests.Demo.ids;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The web shell in headless Chromium: the teacher enables the blog for A1 in one click and publishes a post; the
 * parent switches to Léa and reads it. A screenshot per step goes to {@code target/screenshots/}.
 * <p>
 * Selectors (Wicket runs in DEPLOYMENT mode, so there are no {@code wicket:id} attributes; form fields are found by
 * their {@code name}, which Wicket derives from the component id): sign-in {@code input[name=login]},
 * {@code input[name=password]}, {@code button[type=submit]}; dashboard class card {@code article.card} whose
 * {@code h3} holds the class name, its {@code a.button-secondary} (manage apps) and {@code a.tile}/{@code .tile-name};
 * catalogue {@code li.app-row} with {@code .app-name}, {@code button[name=switch]} ({@code aria-pressed}) and
 * {@code .state.is-on}; blog {@code form.new-post} with {@code input[name$=title]}, {@code textarea[name$=body]},
 * {@code button[name$=publish]} (Wicket may prefix clashing names with {@code p::}), posts {@code article.post .post-title a}; post page {@code .post-title},
 * {@code .post-body}; sign-out {@code header.topbar .topbar-tools > a.button-quiet:not(.language-switch)}; child switcher
 * {@code nav.child-switcher a.chip}.
 */
@ExtendWith(CartableExtension.class)
@Order(5) // class order: see junit-platform.properties
class BrowserIT {

    private static final int PHONE_WIDTH = 360;

    private static final Path SCREENSHOTS = Path.of(System.getProperty("cartable.screenshots.dir", "target/screenshots"));
    private static final Path PROFILE = Path.of(System.getProperty("cartable.browser.profile.dir", "target/chromium-profile"));
    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final String SIGN_OUT = "header.topbar .topbar-tools button.sign-out";

    private static String a1;
    private WebDriver driver;
    private WebDriverWait wait;
    private int step;

    @BeforeAll
    static void blogDisabledForA1(CartableServer server) {
        a1 = Demo.classA1(server);
        // Start from a known state whatever ran before: the teacher will enable it through the UI.
        CartableServer.Response off = server.delete(server.token("teacher"), "/api/classes/" + a1 + "/apps/blog");
        assertEquals(204, off.status(), off::toString);
    }

    @AfterAll
    static void leaveBlogEnabled(CartableServer server) {
        if (server.isRunning()) {
            Demo.enableBlog(server, "teacher", a1);
        }
    }

    @BeforeEach
    void openBrowser() throws IOException {
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
        driver = new ChromeDriver(service, options);
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
        wait = new WebDriverWait(driver, WAIT, Duration.ofMillis(100));
    }

    @AfterEach
    void closeBrowser() {
        if (driver != null) {
            screenshot("end"); // also where a failed step left the page
            driver.quit();
        }
    }

    @Test
    void teacherPublishesAndParentReads(CartableServer server) {
        String title = "Sortie à la ferme " + System.currentTimeMillis();
        String text = "Les CM1 A ont nourri les chèvres.";

        // 1. The teacher signs in.
        driver.get(server.baseUrl() + "/app/");
        signIn("teacher");
        screenshot("teacher-dashboard");

        // 2. The app catalogue of A1.
        WebElement card = classCard(CLASS_A1);
        card.findElement(By.cssSelector("a.button-secondary")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("li.app-row")));
        assertTrue(driver.getCurrentUrl().contains("/classes/" + a1 + "/apps"), driver.getCurrentUrl());
        screenshot("teacher-catalogue");

        // 3. One click enables the blog.
        WebElement toggle = blogRow().findElement(By.cssSelector("button[name='switch']"));
        assertEquals("false", toggle.getAttribute("aria-pressed"), "the blog starts disabled for A1");
        toggle.click();
        // the page reloads after the click: until it has, there may be no row (or a stale one) to look at
        wait.ignoring(StaleElementReferenceException.class)
                .until(d -> blogRowIfPresent().map(row -> row.findElements(By.cssSelector(".state.is-on")).size() == 1)
                        .orElse(false));
        screenshot("teacher-blog-enabled");
        assertTrue(ids(server.get(server.token("teacher"), "/api/classes/" + a1 + "/apps").json()).contains("blog"),
                "the click enabled the blog in the back end");

        // 4. Open the blog from the class's tile on the dashboard.
        driver.findElement(By.cssSelector("a.back-link")).click();
        tile(classCard(CLASS_A1), "blog").click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("form.new-post")));
        screenshot("teacher-blog");

        // 5. Write and publish a post.
        WebElement form = driver.findElement(By.cssSelector("form.new-post"));
        // Wicket prefixes input names that clash with DOM form properties ("title" -> "p::title"): match the end.
        form.findElement(By.cssSelector("input[name$='title']")).sendKeys(title);
        form.findElement(By.cssSelector("textarea[name$='body']")).sendKeys(text);
        form.findElement(By.cssSelector("button[name$='publish']")).click();
        wait.until(d -> postLink(title).isPresent());
        screenshot("teacher-published");
        CartableServer.Response blog = server.get(server.token("teacher"), blogPath(a1));
        String postId = blog.json().path("posts").findParents("title").stream()
                .filter(p -> title.equals(p.path("title").asText())).map(p -> p.path("id").asText())
                .findFirst().orElseThrow(() -> new AssertionError("post not stored: " + blog));
        assertEquals("PUBLISHED", byId(blog.json().path("posts"), postId).path("status").asText(), blog::toString);

        // 6. Sign out.
        driver.findElement(By.cssSelector(SIGN_OUT)).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.name("login")));
        screenshot("teacher-signed-out");
        driver.get(server.baseUrl() + "/app/");
        wait.until(ExpectedConditions.presenceOfElementLocated(By.name("login"))); // no session left

        // 7. The parent, on a phone-sized screen, signs in and switches to Léa.
        driver.manage().window().setSize(new Dimension(PHONE_WIDTH, 740));
        signIn("parent");
        WebElement lea = wait.until(d -> d.findElements(By.cssSelector("nav.child-switcher a.chip")).stream()
                .filter(a -> a.getText().contains("Léa")).findFirst().orElse(null));
        lea.click();
        wait.until(d -> d.findElements(By.cssSelector("nav.child-switcher a.chip[aria-current='true']")).stream()
                .anyMatch(a -> a.getText().contains("Léa")));
        WebElement childCard = wait.until(d -> d.findElements(By.cssSelector("article.card")).stream()
                .filter(c -> c.getText().contains(CLASS_A1) && c.getText().contains("Léa")).findFirst().orElse(null));
        screenshot("parent-lea");
        assertFitsThePhone();

        // 8. The parent opens the blog tile and reads the post.
        tile(childCard, "blog").click();
        WebElement link = wait.until(d -> postLink(title).orElse(null));
        screenshot("parent-blog");
        assertTrue(driver.findElements(By.cssSelector("nav.child-switcher a.chip[aria-current='true']")).stream()
                .allMatch(a -> a.getText().contains("Léa")), "on A1's blog, Léa stays the current child");
        assertFalse(driver.findElements(By.cssSelector("form.new-post")).stream().anyMatch(WebElement::isDisplayed),
                "a parent gets no writing form");
        link.click();
        WebElement body = wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".post-body")));
        assertTrue(driver.findElement(By.cssSelector(".post-title")).getText().contains(title));
        assertTrue(body.getText().contains(text), () -> "post body: " + body.getText());
        screenshot("parent-reads-post");
        assertFitsThePhone();
    }

    /** Nothing wider than a small phone: no sideways scrolling for parents, who mostly use one. */
    private void assertFitsThePhone() {
        long contentWidth = ((Number) ((JavascriptExecutor) driver)
                .executeScript("return document.documentElement.scrollWidth")).longValue();
        long viewportWidth = ((Number) ((JavascriptExecutor) driver)
                .executeScript("return window.innerWidth")).longValue();
        assertTrue(viewportWidth <= PHONE_WIDTH, () -> "viewport is " + viewportWidth + " px wide");
        assertTrue(contentWidth <= viewportWidth,
                () -> "page is " + contentWidth + " px wide on a " + viewportWidth + " px screen");
    }

    private void signIn(String login) {
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

    /** The dashboard card of a class (its heading holds the class name). */
    private WebElement classCard(String className) {
        return wait.until(d -> d.findElements(By.cssSelector("article.card")).stream()
                .filter(c -> c.findElements(By.tagName("h3")).stream().anyMatch(h -> h.getText().contains(className)))
                .findFirst().orElse(null));
    }

    private WebElement tile(WebElement card, String appWord) {
        return card.findElements(By.cssSelector("a.tile")).stream()
                .filter(t -> t.findElement(By.cssSelector(".tile-name")).getText().toLowerCase(Locale.ROOT).contains(appWord))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no '" + appWord + "' tile in: " + card.getText()));
    }

    private WebElement blogRow() {
        return blogRowIfPresent()
                .orElseThrow(() -> new AssertionError("no blog in the catalogue: " + driver.getPageSource()));
    }

    private Optional<WebElement> blogRowIfPresent() {
        return driver.findElements(By.cssSelector("li.app-row")).stream()
                .filter(r -> r.findElement(By.cssSelector(".app-name")).getText().toLowerCase(Locale.ROOT).contains("blog"))
                .findFirst();
    }

    private Optional<WebElement> postLink(String title) {
        return driver.findElements(By.cssSelector("article.post .post-title a")).stream()
                .filter(a -> a.getText().trim().equals(title)).findFirst();
    }

    private void screenshot(String name) {
        step++;
        try {
            File shot = ((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE);
            Path target = SCREENSHOTS.resolve(String.format("BrowserIT-%02d-%s.png", step, name));
            Files.copy(shot.toPath(), target, StandardCopyOption.REPLACE_EXISTING);
            System.out.println("[BrowserIT] screenshot " + target);
        } catch (IOException | RuntimeException e) {
            System.out.println("[BrowserIT] screenshot " + name + " failed: " + e);
        }
    }
}
