package org.cartable.itests;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.IOException;
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

    private static String a1;
    private Browser browser;
    private WebDriver driver;
    private WebDriverWait wait;

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
    void openBrowser(CartableServer server) throws IOException {
        browser = Browser.open(server, "BrowserIT");
        driver = browser.driver();
        wait = browser.waiting();
    }

    @AfterEach
    void closeBrowser() {
        if (browser != null) {
            browser.close();
        }
    }

    @Test
    void teacherPublishesAndParentReads(CartableServer server) {
        String title = "Sortie à la ferme " + System.currentTimeMillis();
        String text = "Les CM1 A ont nourri les chèvres.";

        // 1. The teacher signs in.
        driver.get(server.baseUrl() + "/app/");
        browser.signIn("teacher");
        browser.screenshot("teacher-dashboard");

        // 2. The app catalogue of A1.
        WebElement card = browser.classCard(CLASS_A1);
        card.findElement(By.cssSelector("a.button-secondary")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("li.app-row")));
        assertTrue(driver.getCurrentUrl().contains("/classes/" + a1 + "/apps"), driver.getCurrentUrl());
        browser.screenshot("teacher-catalogue");

        // 3. One click enables the blog.
        WebElement toggle = blogRow().findElement(By.cssSelector("button[name='switch']"));
        assertEquals("false", toggle.getAttribute("aria-pressed"), "the blog starts disabled for A1");
        toggle.click();
        // the page reloads after the click: until it has, there may be no row to look at
        wait.until(d -> blogRowIfPresent().map(row -> row.findElements(By.cssSelector(".state.is-on")).size() == 1)
                        .orElse(false));
        browser.screenshot("teacher-blog-enabled");
        assertTrue(ids(server.get(server.token("teacher"), "/api/classes/" + a1 + "/apps").json()).contains("blog"),
                "the click enabled the blog in the back end");

        // 4. Open the blog from the class's tile on the dashboard.
        driver.findElement(By.cssSelector("a.back-link")).click();
        browser.tile(browser.classCard(CLASS_A1), "blog").click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("form.new-post")));
        browser.screenshot("teacher-blog");

        // 5. Write and publish a post.
        WebElement form = driver.findElement(By.cssSelector("form.new-post"));
        // Wicket prefixes input names that clash with DOM form properties ("title" -> "p::title"): match the end.
        form.findElement(By.cssSelector("input[name$='title']")).sendKeys(title);
        form.findElement(By.cssSelector("textarea[name$='body']")).sendKeys(text);
        form.findElement(By.cssSelector("button[name$='publish']")).click();
        wait.until(d -> postLink(title).isPresent());
        browser.screenshot("teacher-published");
        CartableServer.Response blog = server.get(server.token("teacher"), blogPath(a1));
        String postId = blog.json().path("posts").findParents("title").stream()
                .filter(p -> title.equals(p.path("title").asText())).map(p -> p.path("id").asText())
                .findFirst().orElseThrow(() -> new AssertionError("post not stored: " + blog));
        assertEquals("PUBLISHED", byId(blog.json().path("posts"), postId).path("status").asText(), blog::toString);

        // 6. Sign out.
        browser.signOut();
        browser.screenshot("teacher-signed-out");

        // 7. The parent, on a phone-sized screen, signs in and switches to Léa.
        browser.phone();
        browser.signIn("parent");
        WebElement lea = wait.until(d -> d.findElements(By.cssSelector("nav.child-switcher a.chip")).stream()
                .filter(a -> a.getText().contains("Léa")).findFirst().orElse(null));
        lea.click();
        wait.until(d -> d.findElements(By.cssSelector("nav.child-switcher a.chip[aria-current='true']")).stream()
                .anyMatch(a -> a.getText().contains("Léa")));
        WebElement childCard = wait.until(d -> d.findElements(By.cssSelector("article.card")).stream()
                .filter(c -> c.getText().contains(CLASS_A1) && c.getText().contains("Léa")).findFirst().orElse(null));
        browser.screenshot("parent-lea");
        browser.assertFitsThePhone();

        // 8. The parent opens the blog tile and reads the post.
        browser.tile(childCard, "blog").click();
        WebElement link = wait.until(d -> postLink(title).orElse(null));
        browser.screenshot("parent-blog");
        assertTrue(driver.findElements(By.cssSelector("nav.child-switcher a.chip[aria-current='true']")).stream()
                .allMatch(a -> a.getText().contains("Léa")), "on A1's blog, Léa stays the current child");
        assertFalse(driver.findElements(By.cssSelector("form.new-post")).stream().anyMatch(WebElement::isDisplayed),
                "a parent gets no writing form");
        link.click();
        WebElement body = wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".post-body")));
        assertTrue(driver.findElement(By.cssSelector(".post-title")).getText().contains(title));
        assertTrue(body.getText().contains(text), () -> "post body: " + body.getText());
        browser.screenshot("parent-reads-post");
        browser.assertFitsThePhone();
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

}
