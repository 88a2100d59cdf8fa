package org.cartable.itests;

import static org.cartable.itests.Demo.assertNoStackTrace;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import javax.mail.Message;
import javax.mail.internet.MimeMessage;

import com.fasterxml.jackson.databind.JsonNode;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The notification feed end to end: the teacher publishes a blog post in A1; both A1 parents get an item labelled
 * with their child, the teacher and outsiders none; reading changes the counter; the parent who chose IMMEDIATE gets
 * the mail on a real SMTP server (GreenMail on the loopback port the test copy's etc/org.cartable.mail.cfg names).
 */
@ExtendWith(CartableExtension.class)
@Order(4) // class order: see junit-platform.properties
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class NotificationsIT {

    private static final String TITLE = "Fête de l'école " + System.currentTimeMillis();
    private static final String PREFS = "/api/me/notification-preferences";
    private static final String PUBLISHED = "blog.post-published";

    private static GreenMail smtp;
    private static String a1;
    private static String leaId;
    private static String nathanId;
    private static String parentItem;
    private static String parent2Item;

    @BeforeAll
    static void setUp(CartableServer server) {
        smtp = new GreenMail(new ServerSetup(CartableServer.SMTP_PORT, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        smtp.start();
        a1 = Demo.classA1(server);
        Demo.enableBlog(server, "teacher", a1);
        leaId = childId(server, "parent", "Léa");
        nathanId = childId(server, "parent2", "Nathan");
    }

    @AfterAll
    static void tearDown(CartableServer server) {
        if (server.isRunning()) {
            Demo.enableBlog(server, "teacher", a1);
            // back to the type's default for the next runs
            server.put(server.token("parent"), PREFS, Map.of("email", "parent@demo.cartable.test",
                    "types", List.of(Map.of("appId", "blog", "type", PUBLISHED, "email", "DAILY_DIGEST"))));
        }
        if (smtp != null) {
            smtp.stop();
        }
    }

    private static String childId(CartableServer server, String parent, String firstName) {
        for (JsonNode child : Demo.me(server, parent).path("children")) {
            if (child.path("displayName").asText().startsWith(firstName)) {
                return child.path("id").asText();
            }
        }
        throw new AssertionError(parent + " has no child " + firstName);
    }

    private static JsonNode feed(CartableServer server, String login, String query) {
        CartableServer.Response r = server.get(server.token(login), "/api/me/feed" + query);
        assertEquals(200, r.status(), r::toString);
        return r.json();
    }

    /** Items of the person's blog feed about this test's post. */
    private static List<JsonNode> ours(CartableServer server, String login) {
        List<JsonNode> found = new ArrayList<>();
        feed(server, login, "?app=blog&limit=200").path("items").forEach(item -> {
            if (item.path("text").asText().contains(TITLE)) {
                found.add(item);
            }
        });
        return found;
    }

    @Test
    @Order(1)
    void theParentChoosesImmediateMailAndBadInputChangesNothing(CartableServer server) {
        CartableServer.Response prefs = server.get(server.token("parent"), PREFS);
        assertEquals(200, prefs.status(), prefs::toString);
        assertEquals("parent@demo.cartable.test", prefs.json().path("email").asText(), prefs::toString);
        assertTrue(prefs.json().path("types").findValuesAsText("type").contains(PUBLISHED), prefs::toString);

        CartableServer.Response bad = server.put(server.token("parent"), PREFS, Map.of("email", "parent@",
                "types", List.of(Map.of("appId", "blog", "type", PUBLISHED, "email", "IMMEDIATE"))));
        assertEquals(400, bad.status(), bad::toString);
        assertNoStackTrace(bad);
        CartableServer.Response badTime = server.put(server.token("parent"), PREFS, Map.of(
                "email", "parent@demo.cartable.test", "quietHours", Map.of("from", "25:00", "to", "07:00")));
        assertEquals(400, badTime.status(), badTime::toString);
        assertEquals("parent@demo.cartable.test",
                server.get(server.token("parent"), PREFS).json().path("email").asText(), "unchanged");

        CartableServer.Response ok = server.put(server.token("parent"), PREFS, Map.of(
                "email", "parent@demo.cartable.test",
                "types", List.of(Map.of("appId", "blog", "type", PUBLISHED, "email", "IMMEDIATE"))));
        assertEquals(204, ok.status(), ok::toString);
        JsonNode saved = server.get(server.token("parent"), PREFS).json();
        for (JsonNode type : saved.path("types")) {
            if (PUBLISHED.equals(type.path("type").asText())) {
                assertEquals("IMMEDIATE", type.path("email").asText(), saved::toString);
            }
        }
    }

    @Test
    @Order(2)
    void aPublishedPostReachesBothA1ParentsLabelledWithTheirChild(CartableServer server) {
        CartableServer.Response post = server.post(server.token("teacher"), Demo.blogPath(a1) + "/posts",
                Map.of("title", TITLE, "body", "<p>Samedi à 10 h dans la cour.</p>", "publish", true));
        assertEquals(201, post.status(), post::toString);
        String postId = post.json().path("id").asText();

        List<JsonNode> sophie = ours(server, "parent");
        assertEquals(1, sophie.size(), () -> "one item for Léa: " + sophie);
        JsonNode item = sophie.get(0);
        parentItem = item.path("id").asText();
        assertEquals(36, parentItem.length(), item::toString);
        assertEquals("blog", item.path("appId").asText());
        assertFalse(item.path("appName").asText().isBlank(), item::toString);
        assertEquals(PUBLISHED, item.path("type").asText());
        assertEquals(a1, item.path("classId").asText());
        assertEquals(leaId, item.path("childId").asText());
        assertEquals("Léa", item.path("childName").asText());
        assertEquals("blog/" + a1 + "/post/" + postId, item.path("link").asText());
        assertFalse(item.path("read").asBoolean(true));
        assertNotNull(item.path("createdAt").asText(null));

        List<JsonNode> karim = ours(server, "parent2");
        assertEquals(1, karim.size(), karim::toString);
        parent2Item = karim.get(0).path("id").asText();
        assertEquals(nathanId, karim.get(0).path("childId").asText());
        assertEquals("Nathan", karim.get(0).path("childName").asText());

        assertEquals(1, ours(server, "pupil").size(), "the pupils of the class too");
        assertEquals(List.of(), ours(server, "teacher"), "never the author");

        JsonNode english = server.send(java.net.http.HttpRequest.newBuilder(
                        java.net.URI.create(server.baseUrl() + "/api/me/feed?app=blog"))
                .header("Authorization", "Bearer " + server.token("parent"))
                .header("Accept-Language", "en").GET().build()).json();
        assertTrue(english.path("items").findValuesAsText("text").stream()
                .anyMatch(t -> t.startsWith("New post on the blog") && t.contains(TITLE)), english::toString);
    }

    @Test
    @Order(3)
    void outsidersNeverSeeA1Items(CartableServer server) {
        for (String outsider : List.of("teacher2", "pupilb", "b1.parent2", "teacher3")) {
            JsonNode feed = feed(server, outsider, "?limit=200");
            feed.path("items").forEach(item -> assertFalse(a1.equals(item.path("classId").asText()),
                    () -> outsider + " sees an A1 item: " + item));
            CartableServer.Response foreign = server.post(server.token(outsider), "/api/me/feed/" + parentItem
                    + "/read", null);
            assertEquals(404, foreign.status(), foreign::toString);
        }
        assertEquals(404, server.post(server.token("parent"), "/api/me/feed/" + parent2Item + "/read", null)
                .status(), "a parent cannot touch another parent's item");
        assertFalse(ours(server, "parent2").get(0).path("read").asBoolean(), "still unread for Karim");
    }

    @Test
    @Order(4)
    void readingChangesTheCounter(CartableServer server) {
        int before = feed(server, "parent", "?limit=1").path("unread").asInt();
        assertTrue(before >= 1, "at least this test's item is unread");
        CartableServer.Response read = server.post(server.token("parent"), "/api/me/feed/" + parentItem + "/read",
                null);
        assertEquals(204, read.status(), read::toString);
        assertEquals(before - 1, feed(server, "parent", "?limit=1").path("unread").asInt());
        assertTrue(ours(server, "parent").get(0).path("read").asBoolean());
        assertTrue(feed(server, "parent", "?unread=true&limit=200").path("items").findValuesAsText("id").stream()
                .noneMatch(parentItem::equals));

        CartableServer.Response all = server.post(server.token("parent2"), "/api/me/feed/read-all?app=blog", null);
        assertEquals(204, all.status(), all::toString);
        assertEquals(0, feed(server, "parent2", "?app=blog&unread=true").path("items").size());
    }

    @Test
    @Order(5)
    void theParentWhoChoseImmediateGetsTheMail(CartableServer server) throws Exception {
        // The dispatcher looks at the outbox every second in the test copy: a bounded wait, not a timing assertion.
        MimeMessage mail = Awaitility.await("the mail to parent@demo.cartable.test")
                .atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(500))
                .until(NotificationsIT::mailToSophie, m -> m != null);
        String body = (String) mail.getContent();
        assertTrue(body.contains("Léa"), body);
        assertTrue(body.contains("/app/blog/" + a1 + "/post/"), body);
        for (MimeMessage m : smtp.getReceivedMessages()) {
            String to = m.getRecipients(Message.RecipientType.TO)[0].toString();
            assertFalse(to.equals("parent2@demo.cartable.test") && m.getSubject().contains(TITLE),
                    "Karim kept the digest default: no immediate mail");
        }
    }

    private static MimeMessage mailToSophie() throws Exception {
        for (MimeMessage m : smtp.getReceivedMessages()) {
            if ("parent@demo.cartable.test".equals(m.getRecipients(Message.RecipientType.TO)[0].toString())
                    && m.getSubject().contains(TITLE)) {
                return m;
            }
        }
        return null;
    }

    @Test
    @Order(6)
    void whileTheClassHasTheBlogOffItsFeedItemsStayReadableAndNothingNewArrives(CartableServer server) {
        int unread = feed(server, "parent2", "?limit=1").path("unread").asInt();
        CartableServer.Response off = server.delete(server.token("teacher"), "/api/classes/" + a1 + "/apps/blog");
        assertEquals(204, off.status(), off::toString);
        try {
            CartableServer.Response refused = server.post(server.token("teacher"), Demo.blogPath(a1) + "/posts",
                    Map.of("title", TITLE + " (off)", "body", "<p>x</p>", "publish", true));
            assertEquals(403, refused.status(), refused::toString);
            assertEquals(1, ours(server, "parent2").size(), "past items stay in the feed");
        } finally {
            Demo.enableBlog(server, "teacher", a1);
        }
        assertEquals(unread, feed(server, "parent2", "?limit=1").path("unread").asInt(),
                "nothing from the disabled period");
        assertTrue(ours(server, "parent2").stream().noneMatch(i -> i.path("text").asText().contains("(off)")));
    }
}
