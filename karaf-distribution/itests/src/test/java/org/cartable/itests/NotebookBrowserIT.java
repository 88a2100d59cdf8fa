package org.cartable.itests;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.cartable.itests.Demo.ids;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The notebook in Chromium: Léa creates a notebook from the class tile, adds a text and uploads a picture in the page
 * editor, and finishes; her teacher opens the notebook and sees both, the picture actually loaded (the page's Content
 * Security Policy lets the app's own media through), and the page fits a phone.
 */
@ExtendWith(CartableExtension.class)
@Order(5) // class order: see junit-platform.properties
class NotebookBrowserIT {

    private static String a1;
    private static boolean wasEnabled;
    private static String notebookId;
    private Browser browser;
    private WebDriver driver;
    private WebDriverWait wait;

    @BeforeAll
    static void enableTheApp(CartableServer server) {
        a1 = Demo.classA1(server);
        wasEnabled = ids(server.get(server.token("teacher"), "/api/classes/" + a1 + "/apps").json())
                .contains(NotebookIT.APP);
        CartableServer.Response on = server.put(server.token("teacher"),
                "/api/classes/" + a1 + "/apps/" + NotebookIT.APP, null);
        assertEquals(204, on.status(), on::toString);
    }

    @AfterAll
    static void restoreTheDemo(CartableServer server) {
        if (!server.isRunning()) {
            return;
        }
        if (notebookId != null) {
            server.delete(server.token("pupil"), "/api/classes/" + a1 + "/notebook/notebooks/" + notebookId);
        }
        if (!wasEnabled) {
            server.delete(server.token("teacher"), "/api/classes/" + a1 + "/apps/" + NotebookIT.APP);
        }
    }

    @BeforeEach
    void openBrowser(CartableServer server) throws IOException {
        browser = Browser.open(server, "NotebookBrowserIT");
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
    void aPupilWritesAndIllustratesAPageAndHerTeacherOpensIt(CartableServer server) throws IOException {
        String title = "Mon herbier " + System.currentTimeMillis();
        String text = "La feuille du chêne a des lobes.";
        Path picture = Files.write(Path.of("target", "notebook-leaf.png").toAbsolutePath(), NotebookIT.png());

        // 1. Léa opens the notebook app from her class's tile and creates a notebook.
        browser.go("/app/");
        browser.signIn("pupil");
        browser.tile(browser.classCard(Demo.CLASS_A1), "multimédia").click();
        WebElement create = browser.await("form.new-notebook");
        create.findElement(By.cssSelector("input[name$='title']")).sendKeys(title);
        create.findElement(By.cssSelector("button[name$='save']")).click();
        WebElement cover = browser.await("header.nb-cover h1");
        assertEquals(title, cover.getText());
        browser.screenshot("pupil-new-notebook");
        notebookId = server.get(server.token("pupil"), "/api/classes/" + a1 + "/notebook").json().path("mine")
                .findParents("title").stream().filter(n -> title.equals(n.path("title").asText()))
                .map(n -> n.path("id").asText()).findFirst()
                .orElseThrow(() -> new AssertionError("the notebook is stored"));

        // 2. The page editor: a text, then a picture upload.
        driver.findElement(By.cssSelector("a.edit-page")).click();
        WebElement addText = browser.await("form.add-text");
        addText.findElement(By.cssSelector("textarea")).sendKeys(text);
        addText.findElement(By.cssSelector("button[name$='add']")).click();
        wait.until(d -> d.findElements(By.cssSelector(".nb-sheet .nb-text")).stream()
                .anyMatch(e -> e.getText().contains(text)));
        WebElement addMedia = browser.await("form.add-media");
        addMedia.findElement(By.cssSelector("input[type='file']")).sendKeys(picture.toString());
        addMedia.findElement(By.cssSelector("input[name$='caption']")).sendKeys("Une feuille");
        addMedia.findElement(By.cssSelector("button[name$='add']")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".nb-sheet img")));
        browser.screenshot("pupil-editor");
        driver.findElement(By.cssSelector("form.page-form button[name$='done']")).click();
        browser.await("header.nb-cover");
        browser.signOut();

        // 3. Her teacher finds it among the class's notebooks and sees the text and the picture.
        browser.signIn("teacher");
        browser.tile(browser.classCard(Demo.CLASS_A1), "multimédia").click();
        WebElement card = wait.until(d -> d.findElements(By.cssSelector("a.nb-card")).stream()
                .filter(a -> a.getText().contains(title)).findFirst().orElse(null));
        card.click();
        wait.until(d -> d.findElements(By.cssSelector(".nb-sheet .nb-text")).stream()
                .anyMatch(e -> e.getText().contains(text)));
        WebElement image = browser.await(".nb-sheet img");
        wait.until(d -> ((Number) ((JavascriptExecutor) d).executeScript(
                "return arguments[0].complete ? arguments[0].naturalWidth : 0;", image)).intValue() > 0);
        assertEquals(2, ((Number) ((JavascriptExecutor) driver).executeScript(
                "return arguments[0].naturalWidth;", image)).intValue(), "the uploaded picture itself");
        assertTrue(driver.getPageSource().contains("Une feuille"), "the caption");
        browser.screenshot("teacher-reads");

        // 4. On a phone the boxes stack and nothing overflows.
        browser.phone();
        driver.navigate().refresh();
        browser.await(".nb-sheet img");
        browser.assertFitsThePhone();
        browser.screenshot("teacher-reads-phone");
    }
}
