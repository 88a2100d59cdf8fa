package org.cartable.itests;

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
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The operator's fleet in headless Chromium: from the dashboard's tool tile to the device list, a search, three
 * devices ticked and one bulk change to "Configuré"; a refused bulk change names the device that blocks it.
 * <p>
 * Selectors: tool tile {@code section[aria-labelledby=tools-title] a.tile}; filters {@code form.filters} with
 * {@code input[name$=text]} and {@code button[name$=apply]}; rows {@code tr.device-row[data-tag=...]} with their
 * checkbox and {@code td.state}; bulk action {@code select[name$=bulkState]}, {@code button[name$=applyState]};
 * messages {@code .feedback}.
 */
@ExtendWith(CartableExtension.class)
@Order(5) // class order: see junit-platform.properties
class FleetBrowserIT {

    private static final String MODEL = "Tablette navigateur " + Long.toString(System.currentTimeMillis(), 36);
    private static final List<String> ids = new ArrayList<>();
    private static final List<String> tags = new ArrayList<>();
    private Browser browser;
    private WebDriver driver;
    private WebDriverWait wait;

    @BeforeAll
    static void threeNewTablets(CartableServer server) {
        FleetIT.awaitFleet(server);
        String token = server.token("operator");
        String julesFerry = null;
        CartableServer.Response schools = server.get(token, FleetIT.FLEET + "/schools");
        for (var school : schools.json()) {
            if (school.path("name").asText().equals(Demo.SCHOOL_A)) {
                julesFerry = school.path("id").asText();
            }
        }
        for (int i = 0; i < 3; i++) {
            CartableServer.Response created = server.post(token, FleetIT.FLEET + "/devices",
                    Map.of("kind", "TABLET", "schoolId", julesFerry, "model", MODEL));
            assertEquals(201, created.status(), created::toString);
            ids.add(created.json().path("id").asText());
            tags.add(created.json().path("tag").asText());
        }
    }

    @BeforeEach
    void openBrowser(CartableServer server) throws IOException {
        browser = Browser.open(server, "FleetBrowserIT");
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
    void operatorSelectsDevicesAndAppliesABulkStateChange(CartableServer server) {
        browser.go("/app/");
        browser.signIn("operator");
        WebElement tile = wait.until(d -> d.findElements(By.cssSelector("section[aria-labelledby='tools-title'] a.tile"))
                .stream().filter(a -> a.getText().contains("Parc informatique")).findFirst().orElse(null));
        browser.screenshot("operator-dashboard");
        tile.click();
        WebElement filters = browser.await("form.filters");
        browser.screenshot("operator-fleet");

        filters.findElement(By.cssSelector("input[name$='text']")).sendKeys(MODEL);
        filters.findElement(By.cssSelector("button[name$='apply']")).click();
        wait.until(d -> d.findElements(By.cssSelector("tr.device-row")).size() == 3);
        browser.screenshot("operator-fleet-filtered");

        // one already configured: the bulk change is refused and names it, nothing changes
        CartableServer.Response first = server.post(server.token("operator"), FleetIT.FLEET + "/devices/"
                + ids.get(0) + "/state", Map.of("state", "CONFIGURED"));
        assertEquals(200, first.status(), first::toString);
        for (String tag : tags) {
            row(tag).findElement(By.cssSelector("input[type='checkbox']")).click();
        }
        new Select(driver.findElement(By.cssSelector("select[name$='bulkState']"))).selectByValue("CONFIGURED");
        driver.findElement(By.cssSelector("button[name$='applyState']")).click();
        WebElement refusal = wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".feedback li")));
        browser.screenshot("operator-bulk-refused");
        assertTrue(refusal.getText().contains(tags.get(0)), refusal::getText);
        assertEquals("FACTORY", state(server, ids.get(1)), "all or nothing");

        // untick it, and the two others go through
        WebElement box = row(tags.get(0)).findElement(By.cssSelector("input[type='checkbox']"));
        if (box.isSelected()) {
            box.click();
        }
        for (String tag : tags.subList(1, 3)) {
            WebElement other = row(tag).findElement(By.cssSelector("input[type='checkbox']"));
            if (!other.isSelected()) {
                other.click();
            }
        }
        new Select(driver.findElement(By.cssSelector("select[name$='bulkState']"))).selectByValue("CONFIGURED");
        driver.findElement(By.cssSelector("button[name$='applyState']")).click();
        wait.until(d -> d.findElements(By.cssSelector(".feedback li")).stream()
                .anyMatch(li -> li.getText().contains("Configuré") && !li.getText().contains(tags.get(0))));
        browser.screenshot("operator-bulk-done");
        for (String tag : tags) {
            assertEquals("Configuré", row(tag).findElement(By.cssSelector("td.state")).getText(), tag);
        }
        for (String id : ids) {
            assertEquals("CONFIGURED", state(server, id), id);
        }
    }

    private WebElement row(String tag) {
        return wait.until(ExpectedConditions.presenceOfElementLocated(
                By.cssSelector("tr.device-row[data-tag='" + tag + "']")));
    }

    private static String state(CartableServer server, String id) {
        CartableServer.Response r = server.get(server.token("operator"), FleetIT.FLEET + "/devices/" + id);
        assertEquals(200, r.status(), r::toString);
        return r.json().path("device").path("state").asText();
    }
}
