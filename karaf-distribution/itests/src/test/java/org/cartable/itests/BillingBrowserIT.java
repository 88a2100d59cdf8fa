package org.cartable.itests;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The operator's billing run in the browser: from the dashboard's tool tile to the billing page, the run with its
 * progress bar, then the issue of the EPCI's draft invoice, which gets its number.
 * <p>
 * Selectors: run section {@code .billing-run} with {@code progress.run-progress} and {@code .run-text}; invoice rows
 * {@code tr.invoice-row} with {@code .recipient}, {@code .number} and the {@code button.issue}.
 */
@ExtendWith(CartableExtension.class)
@Order(5) // class order: see junit-platform.properties
class BillingBrowserIT {

    static final String VAL = "Communauté de communes du Val";

    @Test
    void operatorRunsBillingWithProgressAndIssuesAnInvoice(CartableServer server) throws Exception {
        String operator = server.token("operator");
        int year = server.get(operator, BillingIT.BILLING).json().path("currentYear").asInt();
        JsonNode counts = server.get(operator, BillingIT.BILLING + "/counts/" + year).json();
        String val = BillingIT.collectivityId(counts, VAL);
        // an earlier run of the scenario on the same data issued the EPCI's invoice: credit it so billing starts over
        BillingIT.creditEarlierInvoices(server, year, val);

        try (Browser browser = Browser.open(server, "BillingBrowserIT")) {
            // 1. The operator opens the billing tool from the dashboard.
            browser.signIn("operator");
            WebElement tile = browser.await("section[aria-labelledby='tools-title']")
                    .findElements(By.cssSelector("a.tile")).stream()
                    .filter(t -> t.getText().contains("Facturation"))
                    .findFirst().orElseThrow(() -> new AssertionError("no billing tile on the dashboard"));
            tile.click();
            browser.await(".billing-run");
            assertTrue(browser.driver().findElement(By.tagName("h1")).getText().contains(year + "-" + (year + 1)));
            browser.screenshot("billing-page");

            // 2. Runs billing; the progress bar fills up and the run reports what it did.
            browser.driver().findElement(By.cssSelector(".billing-run button.button-primary")).click();
            // the AJAX timer replaces the status while the run goes on, then reloads the page when it is over
            new WebDriverWait(browser.driver(), Duration.ofSeconds(120))
                    .ignoring(StaleElementReferenceException.class)
                    .until(d -> d.findElements(By.cssSelector(".billing-run .run-text")).stream()
                            .anyMatch(t -> t.getText().contains("Facturation terminée")));
            WebElement bar = browser.driver().findElement(By.cssSelector(".billing-run progress.run-progress"));
            assertEquals(bar.getAttribute("max"), bar.getAttribute("value"), "the bar is full");
            assertEquals("DONE", bar.getAttribute("data-state"));
            browser.screenshot("run-done");

            // 3. The EPCI's draft is listed; the operator issues it and it gets its number.
            WebElement draft = row(browser, VAL);
            assertEquals("brouillon", draft.findElement(By.cssSelector(".number")).getText());
            draft.findElement(By.cssSelector("button.issue")).click();
            browser.waiting().until(d -> {
                try {
                    return row(browser, VAL).findElement(By.cssSelector(".number")).getText()
                            .matches("F-\\d{4}-\\d{6}");
                } catch (StaleElementReferenceException | AssertionError reloading) {
                    // The list re-renders after the click: for a moment the row may be stale or not there at all.
                    return false;
                }
            });
            WebElement issued = row(browser, VAL);
            assertTrue(issued.findElements(By.cssSelector("button.issue")).isEmpty(), "no issue button any more");
            assertTrue(issued.findElement(By.cssSelector("a.download-facturx")).isDisplayed());
            assertTrue(browser.driver().findElement(By.cssSelector(".feedback")).getText().contains("Facture émise"));
            browser.screenshot("issued");
            browser.signOut();
        }
    }

    /** The newest row of the collectivity's invoices (a credited earlier invoice may be listed too). */
    static WebElement row(Browser browser, String recipient) {
        List<WebElement> rows = browser.driver().findElements(By.cssSelector("tr.invoice-row")).stream()
                .filter(r -> r.findElement(By.cssSelector(".recipient")).getText().equals(recipient))
                .filter(r -> r.getAttribute("data-status") != null)
                .toList();
        return rows.stream()
                .filter(r -> "DRAFT".equals(r.getAttribute("data-status")))
                .findFirst()
                .orElseGet(() -> rows.stream()
                        .filter(r -> r.findElement(By.cssSelector(".number")).getText().startsWith("F-"))
                        .reduce((first, second) -> second)
                        .orElseThrow(() -> new AssertionError("no invoice row for " + recipient)));
    }
}
