package org.cartable.itests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The operator's import scenario in a real browser: the tool's tile on the dashboard, the upload form, a dry run whose
 * progress bar reaches 100 %, the summary, the report of rejected lines, then the real import and its connection
 * sheets.
 */
@ExtendWith(CartableExtension.class)
@Order(5) // class order: see junit-platform.properties
class ImportBrowserIT {

    static final String UAI = "0459902Y";
    static final String PUPILS = "Nom élève;Prénom élève;Date naissance;Sexe;Niveau;Classe;UAI école\n"
            + "NAVIGATEUR;Nina;04/03/2019;F;CP;CP Web;" + UAI + "\n"
            + "NAVIGATEUR;Noah;12/07/2016;M;CM1;CM1 Web;" + UAI + "\n"
            + "NAVIGATEUR;Nils;01/01/2016;M;GS;CP Web;" + UAI + "\n";

    @Test
    void operatorDryRunsThenImportsWithAProgressBarAndGetsTheReport(CartableServer server) throws IOException {
        Path pupils = Files.createTempFile("eleves", ".csv");
        Files.write(pupils, PUPILS.getBytes(StandardCharsets.ISO_8859_1));
        try (Browser browser = Browser.open(server, "ImportBrowserIT")) {
            browser.signIn("operator");
            WebElement tile = browser.waiting().until(d -> d.findElements(By.cssSelector("a.tile")).stream()
                    .filter(t -> t.getText().contains("annuaire")).findFirst().orElse(null));
            browser.screenshot("dashboard");
            tile.click();

            WebElement form = browser.await("form.import-form");
            new Select(form.findElement(By.name("collectivity"))).selectByIndex(1);
            form.findElement(By.name("main")).sendKeys(pupils.toAbsolutePath().toString());
            browser.screenshot("form");
            form.findElement(By.name("dryRun")).click();

            String percent = waitForTheEnd(browser);
            assertEquals("100 %", percent);
            WebElement status = browser.await("section.import-status");
            assertTrue(status.getText().contains("Simulation"), status.getText());
            assertEquals("2", count(browser, "pupilsCreated"));
            assertEquals("1", count(browser, "rejectedLines"));
            browser.screenshot("dry-run");

            String report = fetch(browser, status.findElement(By.linkText("Télécharger le rapport des lignes refusées"))
                    .getAttribute("href"));
            assertTrue(report.contains("pupils;4;unknown grade 'GS'"), report);

            status.findElement(By.linkText("Lancer l’import pour de bon")).click();
            browser.waiting().until(ExpectedConditions.stalenessOf(status));
            assertEquals("100 %", waitForTheEnd(browser));
            assertTrue(browser.await("section.import-status").getText().contains("Import"));
            assertEquals("2", count(browser, "pupilsCreated"));
            WebElement sheets = browser.await(".import-sheets");
            assertTrue(sheets.getText().contains(UAI + " / CP Web"), sheets.getText());
            String pdf = fetch(browser, sheets.findElement(By.partialLinkText("CP Web")).getAttribute("href"));
            assertTrue(pdf.startsWith("%PDF"), "a PDF: " + pdf.substring(0, Math.min(20, pdf.length())));
            browser.screenshot("run");
            browser.signOut();
        } finally {
            Files.deleteIfExists(pupils);
        }
    }

    /** Waits until the import is over (the form is back) and returns the percentage shown next to the bar. */
    private static String waitForTheEnd(Browser browser) {
        // The status is redrawn every second: an element found may be replaced before it is read (Chromium then
        // says "stale element" or, between two redraws, "node does not belong to the document").
        new WebDriverWait(browser.driver(), Duration.ofSeconds(60)).ignoring(StaleElementReferenceException.class)
                .ignoring(WebDriverException.class).until(d -> {
            var percent = d.findElements(By.cssSelector(".import-percent"));
            return !percent.isEmpty() && percent.get(0).getText().trim().equals("100 %")
                    && !d.findElements(By.cssSelector("form.import-form")).isEmpty();
        });
        WebElement bar = browser.await("progress.import-progress");
        assertEquals("100", bar.getAttribute("value"));
        return browser.await(".import-percent").getText().trim();
    }

    private static String count(Browser browser, String key) {
        return browser.await("tr[data-count='" + key + "'] td").getText().trim();
    }

    /** Downloads a link with the page's session, as the browser would, and returns the body as text. */
    private static String fetch(Browser browser, String url) {
        Object body = ((JavascriptExecutor) browser.driver()).executeAsyncScript(
                "const done = arguments[arguments.length - 1];"
                        + "fetch(arguments[0], {credentials: 'same-origin'}).then(r => r.text()).then(done)"
                        + ".catch(e => done('failed: ' + e));", url);
        return String.valueOf(body);
    }
}
