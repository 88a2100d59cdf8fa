package org.cartable.itests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * A parent on a phone: the unread counter and badge, the new item labelled with the child, opening it (the blog
 * post), marking everything read; the preferences page fits the phone too. Selectors: {@code #feed} section,
 * {@code li.feed-item} ({@code .feed-unread}/{@code .feed-read}) with {@code .feed-text}, {@code .feed-child},
 * {@code a.feed-open}, {@code button.feed-mark-read}; {@code .feed-counter}; {@code button.mark-all-read}; header
 * {@code a.unread-badge}.
 */
@ExtendWith(CartableExtension.class)
@Order(5) // class order: see junit-platform.properties
class NotificationsBrowserIT {

    private static final String TITLE = "Kermesse " + System.currentTimeMillis();
    private static final String PHOTOS = "Photos de la kermesse " + System.currentTimeMillis();
    private static String a1;

    @BeforeAll
    static void aNewPost(CartableServer server) {
        a1 = Demo.classA1(server);
        Demo.enableBlog(server, "teacher", a1);
        CartableServer.Response post = server.post(server.token("teacher"), Demo.blogPath(a1) + "/posts",
                Map.of("title", TITLE, "body", "<p>Venez nombreux !</p>", "publish", true));
        assertEquals(201, post.status(), post::toString);
        CartableServer.Response photos = server.post(server.token("teacher"), Demo.blogPath(a1) + "/posts",
                Map.of("title", PHOTOS, "body", "<p>Les photos sont en ligne.</p>", "publish", true));
        assertEquals(201, photos.status(), photos::toString);
    }

    @AfterAll
    static void blogStaysEnabled(CartableServer server) {
        if (server.isRunning()) {
            Demo.enableBlog(server, "teacher", a1);
        }
    }

    private static WebElement ourItem(Browser browser) {
        return item(browser, TITLE);
    }

    private static WebElement item(Browser browser, String title) {
        return browser.waiting().until(d -> d.findElements(By.cssSelector("#feed li.feed-item")).stream()
                .filter(li -> li.findElement(By.cssSelector(".feed-text")).getText().contains(title))
                .findFirst().orElse(null));
    }

    private static int unreadItems(Browser browser) {
        return browser.driver().findElements(By.cssSelector("#feed li.feed-unread")).size();
    }

    @Test
    void aParentOnHerPhoneSeesOpensAndClearsTheNewItem(CartableServer server) throws IOException {
        try (Browser browser = Browser.open(server, "NotificationsBrowserIT")) {
            browser.phone();
            browser.signIn("parent");
            browser.await("#feed");
            String counter = browser.await("#feed .feed-counter").getText();
            assertTrue(counter.contains("non lu"), counter);
            assertTrue(browser.await("header .unread-badge .unread-count").isDisplayed());

            WebElement item = ourItem(browser);
            assertTrue(item.getAttribute("class").contains("feed-unread"), item.getAttribute("class"));
            assertEquals("Pour Léa", item.findElement(By.cssSelector(".feed-child")).getText());
            browser.assertFitsThePhone();
            browser.screenshot("feed-on-phone");

            item.findElement(By.cssSelector("a.feed-open")).click();
            browser.waiting().until(d -> d.findElements(By.cssSelector(".post-title")).stream()
                    .anyMatch(t -> t.getText().contains(TITLE)));
            assertTrue(browser.driver().getCurrentUrl().contains("/app/blog/" + a1 + "/post/"),
                    browser.driver().getCurrentUrl());
            browser.screenshot("opened-post");

            browser.go("/app/");
            assertTrue(ourItem(browser).getAttribute("class").contains("feed-read"), "opened means read");
            // one item marked read by its own button: that one only
            int unread = unreadItems(browser);
            item(browser, PHOTOS).findElement(By.cssSelector("button.feed-mark-read")).click();
            browser.waiting().until(d -> item(browser, PHOTOS).getAttribute("class").contains("feed-read"));
            assertEquals(unread - 1, unreadItems(browser));
            browser.await("button.mark-all-read").click();
            browser.waiting().until(d -> d.findElements(By.cssSelector("#feed li.feed-unread")).isEmpty()
                    && d.findElements(By.cssSelector("#feed .feed-counter")).isEmpty());
            assertTrue(browser.driver().findElements(By.cssSelector("header .unread-badge")).isEmpty(),
                    "no badge once everything is read");
            browser.assertFitsThePhone();
            browser.screenshot("all-read");

            browser.go("/app/notifications");
            browser.await("select");
            List<WebElement> types = browser.driver().findElements(By.cssSelector("li.prefs-type"));
            assertTrue(types.stream().anyMatch(t -> t.getText().contains("blog") || t.getText().contains("Blog")),
                    "the blog's notice types are offered");
            browser.assertFitsThePhone();
            browser.screenshot("preferences");
        }
    }
}
