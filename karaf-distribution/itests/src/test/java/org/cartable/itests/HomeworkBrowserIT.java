package org.cartable.itests;

import static org.cartable.itests.Demo.CLASS_A1;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Locale;
import java.util.Optional;

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
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The homework diary in headless Chromium: the teacher enables it for A1 in the catalogue (or finds it enabled) and
 * writes homework; the parent, on a phone, switches to Léa and ticks it done; the teacher sees "1/N". A screenshot
 * per step goes to {@code target/screenshots/}.
 * <p>
 * Selectors: catalogue {@code li.app-row} whose {@code .app-name} holds "Cahier de textes", its
 * {@code button[name=switch]}; diary {@code form.new-entry} with {@code input[name$=title]}, {@code select[name=subject]},
 * {@code textarea[name=content]}, {@code input[name=dueDate]} (a date input, set by script: typing into it depends on
 * the browser's locale), {@code button[name$=save]}; entries {@code .entry .entry-title}; due list
 * {@code li.due-item} with its {@code button.done-toggle} ({@code aria-pressed}); counts {@code .completion}.
 */
@ExtendWith(CartableExtension.class)
@Order(5) // class order: see junit-platform.properties
class HomeworkBrowserIT {

    private static String a1;
    private Browser browser;
    private WebDriver driver;
    private WebDriverWait wait;

    @BeforeAll
    static void findClass(CartableServer server) {
        a1 = Demo.classA1(server);
    }

    /** The teacher may have found it enabled, or enabled it: either way it stays enabled, as HomeworkIT leaves it. */
    @AfterAll
    static void leaveEnabled(CartableServer server) {
        if (server.isRunning()) {
            server.put(server.token("teacher"), "/api/classes/" + a1 + "/apps/homework", null);
        }
    }

    @BeforeEach
    void openBrowser(CartableServer server) throws IOException {
        browser = Browser.open(server, "HomeworkBrowserIT");
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
    void teacherPostsHomeworkParentTicksItTeacherSeesTheCount(CartableServer server) {
        String title = "Lire le chapitre 3 " + System.currentTimeMillis();
        LocalDate due = LocalDate.now(ZoneId.of("Europe/Paris")).plusDays(2);

        // 1. The teacher opens A1's catalogue and enables the diary unless it already is.
        driver.get(server.baseUrl() + "/app/");
        browser.signIn("teacher");
        browser.classCard(CLASS_A1).findElement(By.cssSelector("a.button-secondary")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("li.app-row")));
        WebElement toggle = homeworkRow().findElement(By.cssSelector("button[name='switch']"));
        if ("false".equals(toggle.getAttribute("aria-pressed"))) {
            toggle.click();
        }
        wait.until(d -> homeworkRowIfPresent().map(row -> row.findElements(By.cssSelector(".state.is-on")).size() == 1)
                        .orElse(false));
        browser.screenshot("teacher-homework-enabled");

        // 2. Open the diary from the class's tile and write the homework.
        driver.findElement(By.cssSelector("a.back-link")).click();
        browser.tile(browser.classCard(CLASS_A1), "cahier de textes").click();
        WebElement form = wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("form.new-entry")));
        browser.screenshot("teacher-diary");
        form.findElement(By.cssSelector("input[name$='title']")).sendKeys(title);
        new Select(form.findElement(By.cssSelector("select[name='subject']"))).selectByValue("FRENCH");
        form.findElement(By.cssSelector("textarea[name='content']")).sendKeys("Le chapitre 3 du Petit Prince.");
        ((JavascriptExecutor) driver).executeScript("arguments[0].value = arguments[1];",
                form.findElement(By.cssSelector("input[name='dueDate']")), due.toString());
        form.findElement(By.cssSelector("button[name$='save']")).click();
        wait.until(d -> entryTitle(title).isPresent());
        browser.screenshot("teacher-posted");
        String entryId = entryId(server, title);
        browser.signOut();

        // 3. The parent, on a phone, switches to Léa, opens the diary and ticks the work done.
        browser.phone();
        browser.signIn("parent");
        WebElement lea = wait.until(d -> d.findElements(By.cssSelector("nav.child-switcher a.chip")).stream()
                .filter(a -> a.getText().contains("Léa")).findFirst().orElse(null));
        lea.click();
        wait.until(d -> d.findElements(By.cssSelector("nav.child-switcher a.chip[aria-current='true']")).stream()
                .anyMatch(a -> a.getText().contains("Léa")));
        WebElement childCard = wait.until(d -> d.findElements(By.cssSelector("article.card")).stream()
                .filter(c -> c.getText().contains(CLASS_A1) && c.getText().contains("Léa")).findFirst().orElse(null));
        browser.tile(childCard, "cahier de textes").click();
        WebElement item = wait.until(d -> dueItem(title).orElse(null));
        assertTrue(driver.getPageSource().contains("Pour Léa"), "the page says whose diary it is");
        assertFalse(driver.findElements(By.cssSelector("form.new-entry")).stream().anyMatch(WebElement::isDisplayed),
                "a parent gets no writing form");
        browser.screenshot("parent-diary");
        browser.assertFitsThePhone();
        WebElement done = item.findElement(By.cssSelector("button.done-toggle"));
        assertEquals("false", done.getAttribute("aria-pressed"));
        done.click();
        wait.until(d -> dueItem(title)
                .map(i -> "true".equals(i.findElement(By.cssSelector("button.done-toggle")).getAttribute("aria-pressed")))
                .orElse(false));
        browser.screenshot("parent-ticked");
        browser.assertFitsThePhone();
        CartableServer.Response seen = server.get(server.token("pupil"), HomeworkIT.path(a1) + "/entries/" + entryId);
        assertTrue(seen.json().path("done").asBoolean(), () -> "ticked for Léa: " + seen);
        browser.signOut();

        // 4. The teacher sees that one pupil of the class has done it.
        driver.manage().window().setSize(new org.openqa.selenium.Dimension(1280, 1000));
        browser.signIn("teacher");
        browser.tile(browser.classCard(CLASS_A1), "cahier de textes").click();
        int pupils = server.get(server.token("teacher"), HomeworkIT.path(a1) + "/entries/" + entryId).json()
                .path("pupilCount").asInt();
        WebElement count = wait.until(d -> dueItem(title).map(i -> i.findElement(By.cssSelector(".completion")))
                .orElse(null));
        assertTrue(count.getText().startsWith("1/" + pupils), () -> "completion: " + count.getText());
        browser.screenshot("teacher-count");
    }

    private static String entryId(CartableServer server, String title) {
        CartableServer.Response due = server.get(server.token("teacher"), HomeworkIT.path(a1) + "/due");
        for (JsonNode entry : due.json().path("entries")) {
            if (title.equals(entry.path("title").asText())) {
                return entry.path("id").asText();
            }
        }
        throw new AssertionError("the entry is not stored with work due: " + due);
    }

    private WebElement homeworkRow() {
        return homeworkRowIfPresent()
                .orElseThrow(() -> new AssertionError("no homework diary in the catalogue: " + driver.getPageSource()));
    }

    private Optional<WebElement> homeworkRowIfPresent() {
        return driver.findElements(By.cssSelector("li.app-row")).stream()
                .filter(r -> r.findElement(By.cssSelector(".app-name")).getText().toLowerCase(Locale.ROOT)
                        .contains("cahier de textes"))
                .findFirst();
    }

    private Optional<WebElement> entryTitle(String title) {
        return driver.findElements(By.cssSelector(".entry .entry-title")).stream()
                .filter(a -> a.getText().trim().equals(title)).findFirst();
    }

    private Optional<WebElement> dueItem(String title) {
        return driver.findElements(By.cssSelector("li.due-item")).stream()
                .filter(i -> i.findElement(By.cssSelector(".entry-title")).getText().trim().equals(title)).findFirst();
    }
}
