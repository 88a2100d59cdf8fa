package org.cartable.itests;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.List;

import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * The operator opens the deployment dashboard from the tool tile, sees the charts, enters the reference totals of a
 * collectivity and gets its coverage percentage; a teacher has no such tile.
 */
@ExtendWith(CartableExtension.class)
@Order(5) // class order: see junit-platform.properties
class DeploymentBrowserIT {

    @Test
    void operatorReadsChartsAndEntersTotals(CartableServer server) throws IOException {
        try (Browser browser = Browser.open(server, "DeploymentBrowserIT")) {
            browser.signIn("operator");
            WebElement tile = browser.waiting().until(d -> d.findElements(By.cssSelector("a.tile")).stream()
                    .filter(a -> a.getText().contains("Tableau de déploiement")).findFirst().orElse(null));
            tile.click();
            browser.await("svg.chart");
            browser.screenshot("dashboard");
            assertTrue(browser.driver().findElement(By.cssSelector("table.coverage-table")).getText()
                    .contains("Saint-Pierre-des-Bois"));

            // Saint-Pierre-des-Bois runs one school (Marie Curie): declare 2 schools in all → 50 %.
            List<WebElement> rows = browser.driver().findElements(By.cssSelector("form.totals-form .form-row"));
            WebElement saintPierre = rows.stream().filter(r -> r.getText().contains("Saint-Pierre-des-Bois"))
                    .findFirst().orElseThrow(() -> new AssertionError("no totals row for Saint-Pierre-des-Bois"));
            WebElement schools = saintPierre.findElement(By.cssSelector("input[name$='schools']"));
            schools.clear();
            schools.sendKeys("2");
            WebElement pupils = saintPierre.findElement(By.cssSelector("input[name$='pupils']"));
            pupils.clear();
            pupils.sendKeys("40");
            browser.driver().findElement(By.cssSelector("form.totals-form button[type='submit']")).click();
            browser.waiting().until(d -> d.findElements(By.cssSelector("table.coverage-table tr")).stream()
                    .anyMatch(r -> r.getText().contains("Saint-Pierre-des-Bois") && r.getText().contains("50 %")));
            browser.screenshot("totals-saved");
            browser.signOut();

            browser.signIn("teacher");
            assertFalse(browser.driver().getPageSource().contains("Tableau de déploiement"),
                    "a teacher has no deployment tile");
            browser.go("/app/deployment");
            browser.waiting().until(d -> !d.findElements(By.cssSelector("svg.chart")).isEmpty()
                    || d.getPageSource().contains("access-denied") || d.getCurrentUrl().contains("denied"));
            assertTrue(browser.driver().findElements(By.cssSelector("svg.chart")).isEmpty(),
                    "the page refuses a teacher");
            browser.screenshot("teacher-refused");
        }
    }
}
