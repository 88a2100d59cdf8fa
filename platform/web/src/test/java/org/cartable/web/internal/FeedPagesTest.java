package org.cartable.web.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;

import org.apache.wicket.util.tester.FormTester;
import org.cartable.web.internal.pages.DashboardPage;
import org.cartable.web.internal.pages.NotificationPreferencesPage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** "Quoi de neuf ?" on the dashboard, opening an item, and the preferences page, in a WicketTester. */
class FeedPagesTest {

    private final ShellFixture shell = new ShellFixture();

    @BeforeEach
    void items() {
        String sophie = ShellFixture.SOPHIE.userId();
        shell.feed.add(sophie, "i-old", "blog", "Hugo", "Nos premiers mots", "blog/cp/post/1",
                Instant.parse("2026-11-27T08:00:00Z"));
        shell.feed.add(sophie, "i-new", "blog", "Léa", "Sortie au musée", "blog/cm1/post/2",
                Instant.parse("2026-11-29T08:00:00Z"));
        shell.feed.add(sophie, "i-gone", "gone", null, "Texte d'une appli retirée", null,
                Instant.parse("2026-11-26T08:00:00Z"));
        shell.feed.add(ShellFixture.MARIE.userId(), "i-marie", "blog", null, "Commentaire à valider",
                "blog/cm1/post/2", Instant.parse("2026-11-29T09:00:00Z"));
    }

    @AfterEach
    void tearDown() {
        shell.destroy();
    }

    @Test
    void aParentSeesHerItemsNewestFirstLabelledWithTheChildAndCounted() {
        shell.signIn(ShellFixture.SOPHIE);
        shell.tester.assertRenderedPage(DashboardPage.class);
        String html = shell.html();
        assertTrue(html.contains("Quoi de neuf ?"));
        assertTrue(html.contains("3 non lu(s)"), html);
        assertTrue(html.indexOf("Sortie au musée") < html.indexOf("Nos premiers mots"), "newest first");
        assertTrue(html.contains("Pour Léa"));
        assertTrue(html.contains("Pour Hugo"));
        assertTrue(html.contains("Application retirée"), "an uninstalled app's item stays readable");
        assertTrue(html.contains("href=\"/app/notifications/open/i-new\""));
        assertFalse(html.contains("/app/notifications/open/i-gone"), "no link once the app is gone");
        assertFalse(html.contains("Commentaire à valider"), "someone else's item");
        assertTrue(html.contains("class=\"unread-count\">3<"), "the header's badge");
    }

    @Test
    void theDashboardAndThePreferencesPageCanBeKeptInTheSession() throws Exception {
        shell.signIn(ShellFixture.SOPHIE);
        serialise(shell.tester.getLastRenderedPage());
        shell.tester.startPage(NotificationPreferencesPage.class);
        serialise(shell.tester.getLastRenderedPage());
    }

    private static void serialise(Object page) throws java.io.IOException {
        try (java.io.ObjectOutputStream out = new java.io.ObjectOutputStream(new java.io.ByteArrayOutputStream())) {
            out.writeObject(page);
        }
    }

    @Test
    void markAllReadClearsTheCounter() {
        shell.signIn(ShellFixture.SOPHIE);
        shell.tester.newFormTester("feed:markAll").submit();
        assertTrue(shell.feed.isRead("i-new") && shell.feed.isRead("i-old"));
        assertFalse(shell.feed.isRead("i-marie"));
        String html = shell.html();
        assertFalse(html.contains("non lu(s)"), html);
        assertFalse(html.contains("unread-count"));
    }

    @Test
    void markOneReadLeavesTheOthers() {
        shell.signIn(ShellFixture.SOPHIE);
        String html = shell.html();
        assertTrue(html.contains("name=\"read\" value=\"i-new\""), "each item's button names it");
        submitMarkRead("i-new");
        assertTrue(shell.feed.isRead("i-new"));
        assertFalse(shell.feed.isRead("i-old"));
        shell.tester.assertRenderedPage(DashboardPage.class);
        assertTrue(shell.html().contains("2 non lu(s)"));
    }

    @Test
    void theDashboardIsStatelessAndNotKeptInTheSession() {
        shell.signIn(ShellFixture.SOPHIE);
        shell.tester.assertRenderedPage(DashboardPage.class);
        // Every visit lands here: a stateful page would be serialised and stored in the session on each of them.
        assertTrue(shell.tester.getLastRenderedPage().isPageStateless(),
                "a component of the dashboard asks for the page to be kept");
        submitMarkRead("i-old");
        assertTrue(shell.feed.isRead("i-old"), "its forms work without the page being kept");
    }

    @Test
    void anotherPersonsItemOrAnUnknownOneIsNotMarkedAndTheDashboardStillShows() {
        shell.signIn(ShellFixture.SOPHIE);
        submitMarkRead("i-marie");
        assertFalse(shell.feed.isRead("i-marie"), "someone else's item");
        shell.tester.assertRenderedPage(DashboardPage.class);
        submitMarkRead("no-such-item");
        shell.tester.assertRenderedPage(DashboardPage.class);
        assertTrue(shell.html().contains("3 non lu(s)"));
    }

    @Test
    void anotherSiteCannotMarkItemsRead() {
        shell.signIn(ShellFixture.SOPHIE);
        shell.tester.fetchSite = "cross-site";
        // Stateless forms carry no page id an attacker would have to guess: the cross-site refusal is what protects.
        submitMarkRead("i-new");
        assertEquals(403, shell.tester.getLastResponse().getStatus());
        shell.tester.fetchSite = "same-origin";
        shell.tester.startPage(DashboardPage.class);
        org.apache.wicket.util.tester.FormTester markAll = shell.tester.newFormTester("feed:markAll");
        shell.tester.fetchSite = "cross-site";
        markAll.submit();
        assertEquals(403, shell.tester.getLastResponse().getStatus());
        assertFalse(shell.feed.isRead("i-new") || shell.feed.isRead("i-old"));
    }

    /** What the browser posts when the item's button is pressed: the form, with the button's name and value. */
    private void submitMarkRead(String itemId) {
        org.apache.wicket.util.tester.FormTester form = shell.tester.newFormTester("feed:items");
        shell.tester.getRequest().getPostParameters().setParameterValue("read", itemId);
        form.submit();
    }

    @Test
    void openingAnItemMarksItReadAndGoesToItsPage() {
        shell.signIn(ShellFixture.SOPHIE);
        shell.tester.setFollowRedirects(false);
        shell.tester.executeUrl("notifications/open/i-new");
        assertTrue(shell.feed.isRead("i-new"));
        // Wicket writes the context-absolute target relative to the request (the browser IT follows it for real)
        String location = shell.tester.getLastResponse().getRedirectLocation();
        assertTrue(location.endsWith("/app/blog/cm1/post/2"), location);
    }

    @Test
    void someoneElsesItemCannotBeOpened() {
        shell.signIn(ShellFixture.SOPHIE);
        shell.tester.executeUrl("notifications/open/i-marie");
        assertFalse(shell.feed.isRead("i-marie"));
        shell.tester.assertRenderedPage(DashboardPage.class);
    }

    @Test
    void filteringByAppKeepsTheCounterOfAllApps() {
        shell.signIn(ShellFixture.SOPHIE);
        shell.tester.executeUrl("?feed=gone");
        String html = shell.html();
        assertTrue(html.contains("Texte d'une appli retirée") || html.contains("Texte d&#039;une appli retirée"));
        assertFalse(html.contains("Sortie au musée"));
        assertTrue(html.contains("3 non lu(s)"));
    }

    @Test
    void preferencesAreShownAndSavedAndABadAddressIsRefused() {
        shell.signIn(ShellFixture.SOPHIE);
        shell.tester.startPage(NotificationPreferencesPage.class);
        String html = shell.html();
        assertTrue(html.contains("Préférences de notification"));
        assertTrue(html.contains("Nouvel article"));
        assertTrue(html.contains("Aussi dans le résumé quotidien par e-mail"));

        FormTester bad = shell.tester.newFormTester("form");
        bad.setValue("email", "pas-une-adresse");
        bad.submit();
        assertTrue(shell.html().contains("Cette adresse e-mail n&#039;est pas valide.")
                || shell.html().contains("Cette adresse e-mail n'est pas valide."), shell.html());

        FormTester form = shell.tester.newFormTester("form");
        form.setValue("email", "sophie@example.org");
        form.setValue("quiet", true);
        form.setValue("quietFrom", "21:00");
        form.setValue("quietTo", "07:30");
        form.select("type:0:email", 1);
        form.submit();
        assertTrue(shell.html().contains("Vos préférences sont enregistrées."));
        assertEquals("sophie@example.org", shell.feed.saved.email());
        assertEquals("21:00", shell.feed.saved.quietHours().from());
        assertEquals("IMMEDIATE", shell.feed.saved.types().get(0).email());
        assertEquals("fr", shell.feed.savedLanguage);
    }
}
