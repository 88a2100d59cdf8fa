package org.cartable.itests;

import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

import java.util.Optional;

import static org.cartable.itests.Demo.CLASS_A1;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The liaison notebook in headless Chromium: the teacher writes a word to CM1 A, Sophie on a phone confirms it for
 * Léa, the teacher sees "1 / N". Screenshots in {@code target/screenshots/LiaisonBrowserIT-*}.
 * <p>
 * Selectors: home {@code form.new-word} with {@code input[name$=title]}, {@code textarea[name$=body]},
 * {@code button[name$=send]}; words {@code article.word} with {@code .word-title}, {@code .counter} (staff),
 * {@code button.button-vu} and {@code .confirmations} (parents).
 */
@ExtendWith(CartableExtension.class)
@Order(5) // class order: see junit-platform.properties
class LiaisonBrowserIT {

    @Test
    void teacherWritesParentConfirmsOnAPhoneTeacherSeesOneOutOfN(CartableServer server) throws Exception {
        String a1 = Demo.classA1(server);
        int pupils = server.get(server.token("teacher"), LiaisonIT.path(a1)).json().path("pupils").size();
        String title = "Sortie à la médiathèque " + System.currentTimeMillis();

        try (Browser browser = Browser.open(server, "LiaisonBrowserIT")) {
            WebDriver driver = browser.driver();

            // 1. The teacher opens the notebook from A1's tile and writes to the whole class.
            browser.go("/app/");
            browser.signIn("teacher");
            browser.tile(browser.classCard(CLASS_A1), "liaison").click();
            WebElement form = browser.await("form.new-word");
            browser.screenshot("teacher-notebook");
            form.findElement(By.cssSelector("input[name$='title']")).sendKeys(title);
            form.findElement(By.cssSelector("textarea[name$='body']"))
                    .sendKeys("Mardi matin, nous allons à la médiathèque. Merci de signer ce mot.");
            form.findElement(By.cssSelector("button[name$='send']")).click();
            WebElement written = browser.waiting().until(d -> word(d, title).orElse(null));
            assertEquals("0 / " + pupils + " vus", written.findElement(By.cssSelector(".counter")).getText().trim());
            browser.screenshot("teacher-wrote");
            browser.signOut();

            // 2. Sophie, on a phone, switches to Léa and says "Vu".
            browser.phone();
            browser.signIn("parent");
            WebElement lea = browser.waiting().until(d -> d.findElements(By.cssSelector("nav.child-switcher a.chip"))
                    .stream().filter(a -> a.getText().contains("Léa")).findFirst().orElse(null));
            lea.click();
            browser.waiting().until(d -> d.findElements(By.cssSelector("nav.child-switcher a.chip[aria-current='true']"))
                    .stream().anyMatch(a -> a.getText().contains("Léa")));
            WebElement card = browser.waiting().until(d -> d.findElements(By.cssSelector("article.card")).stream()
                    .filter(c -> c.getText().contains(CLASS_A1) && c.getText().contains("Léa")).findFirst().orElse(null));
            browser.tile(card, "liaison").click();
            WebElement toSign = browser.waiting().until(d -> word(d, title).orElse(null));
            assertTrue(driver.findElements(By.cssSelector(".unread-count")).stream().anyMatch(WebElement::isDisplayed),
                    "the unread counter is shown");
            browser.screenshot("parent-unread");
            browser.assertFitsThePhone();
            toSign.findElement(By.cssSelector("button.button-vu")).click();
            browser.waiting().until(d -> word(d, title)
                    .map(w -> w.findElements(By.cssSelector(".confirmations li")).stream()
                            .anyMatch(li -> li.getText().contains("Sophie")))
                    .orElse(false));
            browser.screenshot("parent-confirmed");
            browser.assertFitsThePhone();
            browser.signOut();

            // 3. The teacher sees 1 / N.
            browser.signIn("teacher");
            browser.tile(browser.classCard(CLASS_A1), "liaison").click();
            WebElement seen = browser.waiting().until(d -> word(d, title).orElse(null));
            assertEquals("1 / " + pupils + " vus", seen.findElement(By.cssSelector(".counter")).getText().trim());
            browser.screenshot("teacher-sees-one");
            seen.findElement(By.cssSelector(".counter")).click();
            browser.waiting().until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".follow-up-table")));
            assertTrue(driver.findElement(By.cssSelector(".follow-up-table")).getText().contains("Vu par Sophie"),
                    "the follow-up says who confirmed");
            browser.screenshot("teacher-follow-up");
        }
    }

    private static Optional<WebElement> word(WebDriver driver, String title) {
        return driver.findElements(By.cssSelector("article.word")).stream()
                .filter(w -> w.findElements(By.cssSelector(".word-title")).stream()
                        .anyMatch(t -> t.getText().contains(title)))
                .findFirst();
    }
}
