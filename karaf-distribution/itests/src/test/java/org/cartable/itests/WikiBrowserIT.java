package org.cartable.itests;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.IOException;
import java.util.List;
import java.util.Map;

import static org.cartable.itests.Demo.CLASS_A1;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The wiki in headless Chromium: Léa (pupil of A1) edits a page from the class tile; her teacher opens the page's
 * history, ticks two versions and sees Léa's change highlighted. A screenshot per step goes to
 * {@code target/screenshots/}.
 * <p>
 * Selectors: page list {@code details.wiki-tree .wiki-tree-list a}; page {@code h1.wiki-title},
 * {@code .wiki-content}, {@code a.edit-page}, {@code a.history-link}; editor {@code form.wiki-editor} with
 * {@code textarea[name$='content']}, {@code button[name$='save']}; history {@code input.pick-version},
 * {@code button.compare}; comparison {@code .wiki-diff ins} / {@code del}.
 */
@ExtendWith(CartableExtension.class)
@Order(5) // class order: see junit-platform.properties
class WikiBrowserIT {

    private static final String TITLE = "Les volcans d’Europe " + System.currentTimeMillis();
    private static String a1;
    private static String pageId;

    private Browser browser;
    private WebDriver driver;
    private WebDriverWait wait;

    @BeforeAll
    static void aPageToEdit(CartableServer server) {
        a1 = Demo.classA1(server);
        String wiki = "/api/classes/" + a1 + "/wiki";
        CartableServer.Response on = server.put(server.token("teacher"), "/api/classes/" + a1 + "/apps/wiki", null);
        assertEquals(204, on.status(), on::toString);
        CartableServer.Response created = server.post(server.token("teacher"), wiki + "/pages",
                Map.of("title", TITLE, "content", "<p>L’Etna est en Sicile.</p>"));
        assertEquals(201, created.status(), created::toString);
        pageId = created.json().path("id").asText();
    }

    @BeforeEach
    void openBrowser(CartableServer server) throws IOException {
        browser = Browser.open(server, "WikiBrowserIT");
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
    void pupilEditsAPageAndTheTeacherSeesTheChangeHighlighted(CartableServer server) {
        // 1. Léa opens her class's wiki from the dashboard tile, then the page from the page list.
        browser.go("/app/");
        browser.signIn("pupil");
        browser.tile(browser.classCard(CLASS_A1), "wiki").click();
        browser.await("details.wiki-tree");
        browser.screenshot("pupil-wiki-home");
        openFromTheList(TITLE);
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("h1.wiki-title"), TITLE));
        browser.screenshot("pupil-page");

        // 2. She edits it: her text replaces the teacher's sentence.
        driver.findElement(By.cssSelector("a.edit-page")).click();
        WebElement form = browser.await("form.wiki-editor");
        WebElement content = form.findElement(By.cssSelector("textarea[name$='content']"));
        content.clear();
        content.sendKeys("L’Etna est en Sicile. Le Vésuve domine Naples.");
        browser.screenshot("pupil-editing");
        form.findElement(By.cssSelector("button[name$='save']")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".wiki-content"), "Vésuve"));
        browser.screenshot("pupil-saved");
        CartableServer.Response stored = server.get(server.token("teacher"),
                "/api/classes/" + a1 + "/wiki/pages/" + pageId);
        assertEquals(2, stored.json().path("version").asInt(), stored::toString);
        assertEquals("Léa Martin", stored.json().path("updatedByName").asText(), stored::toString);
        // the page on a phone: no sideways scrolling, the page list after the page
        browser.phone();
        driver.navigate().refresh();
        browser.await(".wiki-content");
        browser.screenshot("pupil-page-phone");
        browser.assertFitsThePhone();
        driver.manage().window().setSize(new Dimension(1280, 1000));
        browser.signOut();

        // 3. The teacher opens the page's history and compares the two versions.
        browser.signIn("teacher");
        browser.tile(browser.classCard(CLASS_A1), "wiki").click();
        browser.await("details.wiki-tree");
        openFromTheList(TITLE);
        browser.await("a.history-link").click();
        List<WebElement> picks = wait.until(d -> {
            List<WebElement> boxes = d.findElements(By.cssSelector("input.pick-version"));
            return boxes.size() == 2 ? boxes : null;
        });
        assertTrue(driver.getPageSource().contains("Léa Martin"), "the history names the pupil");
        picks.forEach(WebElement::click);
        browser.screenshot("teacher-history");
        driver.findElement(By.cssSelector("button.compare")).click();

        WebElement added = browser.await(".wiki-diff ins");
        browser.screenshot("teacher-diff");
        String additions = String.join(" ", driver.findElements(By.cssSelector("article.wiki-diff ins")).stream()
                .map(WebElement::getText).toList());
        assertTrue(additions.contains("Vésuve") && additions.contains("Naples"), () -> "highlighted: " + additions);
        assertTrue(added.getCssValue("background-color").matches("rgba?\\(215, 245, 221.*"),
                () -> "additions are highlighted by the wiki's stylesheet: " + added.getCssValue("background-color"));
        assertFalse(driver.findElements(By.cssSelector("article.wiki-diff")).get(0).getText().isBlank());

        // 4. On a phone, the comparison fits the screen.
        browser.phone();
        driver.navigate().refresh();
        browser.await(".wiki-diff ins");
        browser.screenshot("teacher-diff-phone");
        browser.assertFitsThePhone();
    }

    /** Clicks a page in the side list, unfolding the list first where it is folded (phones). */
    private void openFromTheList(String title) {
        WebElement tree = browser.await("details.wiki-tree");
        By link = By.xpath(".//ul[contains(@class,'wiki-tree-list')]//a[normalize-space()='" + title + "']");
        WebElement target = tree.findElement(link);
        if (!target.isDisplayed()) {
            tree.findElement(By.tagName("summary")).click();
        }
        wait.until(ExpectedConditions.elementToBeClickable(target)).click();
    }
}
