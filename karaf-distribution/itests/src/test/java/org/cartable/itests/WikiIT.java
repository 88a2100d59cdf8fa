package org.cartable.itests;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

import static org.awaitility.Awaitility.await;
import static org.cartable.itests.Demo.assertNoStackTrace;
import static org.cartable.itests.Demo.ids;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The wiki on A1: the teacher and a pupil edit a page, the history has both, a stale save gets 409 naming who saved
 * in between, the versions compare, a parent reads but cannot edit or comment (403), outsiders get 404 and no
 * content; then the wiki's feature is uninstalled (404) and reinstalled (pages back), and left installed.
 */
@ExtendWith(CartableExtension.class)
@Order(4) // class order: see junit-platform.properties
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class WikiIT {

    private static final String FEATURE = "cartable-wiki";
    private static final String FEATURES = "/api/admin/features";
    private static final Duration WITHIN = Duration.ofSeconds(30);
    private static final String TITLE = "Les volcans " + System.currentTimeMillis();
    private static final String SECRET = "lave-" + System.nanoTime();

    private static String a1;
    private static String wiki;
    private static String pageId;

    @BeforeAll
    static void wikiEnabledForA1(CartableServer server) {
        a1 = Demo.classA1(server);
        wiki = "/api/classes/" + a1 + "/wiki";
        CartableServer.Response on = server.put(server.token("teacher"), "/api/classes/" + a1 + "/apps/wiki", null);
        assertEquals(204, on.status(), () -> "enable the wiki (enabled in the demo data already): " + on);
    }

    /** Whatever happened, leave the wiki installed for the other ITs. */
    @AfterAll
    static void reinstall(CartableServer server) {
        if (server.isRunning() && server.get(server.token("teacher"), wiki).status() == 404) {
            server.put(server.token("operator"), FEATURES + "/" + FEATURE, null);
            await().atMost(WITHIN).pollInterval(Duration.ofMillis(200))
                    .until(() -> server.get(server.token("teacher"), wiki).status() == 200);
        }
    }

    @Test
    @Order(1)
    void theHomePageExistsOnFirstAccess(CartableServer server) {
        CartableServer.Response r = server.get(server.token("parent"), wiki);
        assertEquals(200, r.status(), r::toString);
        assertEquals(a1, r.json().path("classId").asText());
        assertEquals(r.json().path("homeId").asText(), r.json().path("tree").path("id").asText(), r::toString);
        assertEquals(36, r.json().path("homeId").asText().length(), r::toString);
        assertFalse(r.json().path("canEdit").asBoolean(true), "parents read: " + r);
        CartableServer.Response teacher = server.get(server.token("teacher"), wiki);
        assertTrue(teacher.json().path("canEdit").asBoolean(), teacher::toString);
    }

    @Test
    @Order(2)
    void teacherCreatesAndPupilEditsAPage(CartableServer server) {
        CartableServer.Response created = server.post(server.token("teacher"), wiki + "/pages", Map.of(
                "title", TITLE, "content", "<p>Un volcan crache de la " + SECRET + ".</p><script>alert(1)</script>"));
        assertEquals(201, created.status(), created::toString);
        pageId = created.json().path("id").asText();
        assertEquals(36, pageId.length(), created::toString);
        assertEquals(1, created.json().path("version").asInt(), created::toString);
        assertFalse(created.json().path("content").asText().contains("script"), "sanitised: " + created);
        assertTrue(created.headers().firstValue("Location").orElse("").endsWith("/wiki/pages/" + pageId), created::toString);

        CartableServer.Response edited = server.put(server.token("pupil"), wiki + "/pages/" + pageId, Map.of(
                "title", TITLE, "content", "<p>Un volcan crache de la " + SECRET + " brûlante. Voir [[" + TITLE
                        + "]].</p>", "baseVersion", 1));
        assertEquals(200, edited.status(), edited::toString);
        assertEquals(2, edited.json().path("version").asInt(), edited::toString);
        assertTrue(edited.json().path("html").asText().contains("/app/wiki/" + a1 + "/page/" + pageId),
                "the link is resolved: " + edited);

        CartableServer.Response history = server.get(server.token("parent"), wiki + "/pages/" + pageId + "/versions");
        assertEquals(200, history.status(), history::toString);
        assertEquals(2, history.json().size(), history::toString);
        assertEquals(Demo.me(server, "pupil").path("id").asText(), history.json().get(0).path("authorId").asText());
        assertEquals(Demo.me(server, "teacher").path("id").asText(), history.json().get(1).path("authorId").asText());
        assertEquals("Léa Martin", history.json().get(0).path("authorName").asText(), history::toString);
    }

    @Test
    @Order(3)
    void aStaleSaveGets409NamingWhoSavedInBetween(CartableServer server) {
        CartableServer.Response stale = server.put(server.token("teacher"), wiki + "/pages/" + pageId, Map.of(
                "title", TITLE, "content", "<p>Texte de la maîtresse</p>", "baseVersion", 1));
        assertEquals(409, stale.status(), stale::toString);
        assertEquals("conflict", stale.json().path("error").asText(), stale::toString);
        assertTrue(stale.json().path("message").asText().startsWith("Léa Martin saved version 2"), stale::toString);
        assertNoStackTrace(stale);
        CartableServer.Response page = server.get(server.token("teacher"), wiki + "/pages/" + pageId);
        assertTrue(page.json().path("content").asText().contains("brûlante"), "nothing overwritten: " + page);
        assertEquals(2, page.json().path("version").asInt());

        CartableServer.Response diff = server.get(server.token("teacher"), wiki + "/pages/" + pageId + "/diff?from=1&to=2");
        assertEquals(200, diff.status(), diff::toString);
        assertTrue(diff.json().path("html").asText().contains("<ins>"), diff::toString);
        assertTrue(diff.json().path("added").asInt() > 0, diff::toString);

        CartableServer.Response bad = server.get(server.token("teacher"), wiki + "/pages/" + pageId + "/diff?from=x&to=2");
        assertEquals(400, bad.status(), bad::toString);
    }

    @Test
    @Order(4)
    void aParentReadsButCannotEditOrComment(CartableServer server) {
        String parent = server.token("parent");
        CartableServer.Response read = server.get(parent, wiki + "/pages/" + pageId);
        assertEquals(200, read.status(), read::toString);
        assertTrue(read.json().path("content").asText().contains(SECRET), read::toString);
        CartableServer.Response edit = server.put(parent, wiki + "/pages/" + pageId, Map.of(
                "title", TITLE, "content", "<p>Parent</p>", "baseVersion", 2));
        assertEquals(403, edit.status(), edit::toString);
        assertEquals("forbidden", edit.json().path("error").asText(), edit::toString);
        CartableServer.Response create = server.post(parent, wiki + "/pages", Map.of("title", "Parents", "content", ""));
        assertEquals(403, create.status(), create::toString);
        CartableServer.Response comment = server.post(parent, wiki + "/pages/" + pageId + "/comments",
                Map.of("body", "Bravo"));
        assertEquals(403, comment.status(), comment::toString);

        CartableServer.Response pupilComment = server.post(server.token("pupil"),
                wiki + "/pages/" + pageId + "/comments", Map.of("body", "J’ai ajouté « brûlante »."));
        assertEquals(201, pupilComment.status(), pupilComment::toString);
        assertEquals(1, server.get(parent, wiki + "/pages/" + pageId).json().path("comments").size());
    }

    @Test
    @Order(5)
    void outsidersGet404AndNoContent(CartableServer server) {
        for (String outsider : List.of("teacher2", "pupilb", "b1.parent2")) {
            String token = server.token(outsider);
            for (String path : List.of(wiki, wiki + "/pages/" + pageId, wiki + "/pages/" + pageId + "/versions",
                    wiki + "/pages/" + pageId + "/versions/1", wiki + "/pages/" + pageId + "/diff?from=1&to=2")) {
                CartableServer.Response r = server.get(token, path);
                assertEquals(404, r.status(), () -> outsider + " " + path + ": " + r);
                assertFalse(r.body().contains(SECRET), () -> outsider + " sees content: " + r);
                assertNoStackTrace(r);
            }
            CartableServer.Response write = server.put(token, wiki + "/pages/" + pageId, Map.of(
                    "title", "Intrus", "content", "<p>x</p>", "baseVersion", 2));
            assertEquals(404, write.status(), () -> outsider + ": " + write);
        }
        // through their own class (B1), A1's page does not exist either
        String b1Wiki = "/api/classes/" + Demo.classB1(server) + "/wiki";
        CartableServer.Response viaB1 = server.get(server.token("teacher2"), b1Wiki + "/pages/" + pageId);
        assertEquals(404, viaB1.status(), viaB1::toString);
        assertFalse(viaB1.body().contains(SECRET), viaB1::toString);
    }

    @Test
    @Order(6)
    void uninstallTakesTheWikiAwayAndReinstallBringsItsPagesBack(CartableServer server) {
        String teacher = server.token("teacher");
        CartableServer.Response uninstall = server.delete(server.token("operator"), FEATURES + "/" + FEATURE);
        assertEquals(204, uninstall.status(), uninstall::toString);
        AtomicReference<CartableServer.Response> last = new AtomicReference<>();
        await("wiki gone").atMost(WITHIN).pollInterval(Duration.ofMillis(100)).until(() -> {
            CartableServer.Response r = server.get(teacher, wiki + "/pages/" + pageId);
            last.set(r);
            return r.status() == 404 && !ids(server.get(teacher, "/api/apps").json()).contains("wiki");
        });
        assertFalse(last.get().body().contains(SECRET), last.get()::toString);
        assertEquals(200, server.get(teacher, "/api/me").status(), "the platform keeps serving");

        CartableServer.Response install = server.put(server.token("operator"), FEATURES + "/" + FEATURE, null);
        assertEquals(204, install.status(), install::toString);
        await("wiki back").atMost(WITHIN).pollInterval(Duration.ofMillis(100)).until(() -> {
            CartableServer.Response r = server.get(teacher, wiki + "/pages/" + pageId);
            last.set(r);
            return r.status() == 200;
        });
        JsonNode page = last.get().json();
        assertEquals(TITLE, page.path("title").asText(), page::toString);
        assertEquals(2, page.path("version").asInt(), "versions kept: " + page);
        assertEquals(2, server.get(teacher, wiki + "/pages/" + pageId + "/versions").json().size());
        assertTrue(ids(server.get(teacher, "/api/classes/" + a1 + "/apps").json()).contains("wiki"),
                "still enabled for A1");
    }

    @Test
    @Order(7)
    void teachersOnlyKeepsPupilsFromEditing(CartableServer server) {
        String teacher = server.token("teacher");
        CartableServer.Response on = server.put(teacher, wiki + "/settings", Map.of("teachersOnly", true));
        assertEquals(200, on.status(), on::toString);
        try {
            Map<String, Object> body = new HashMap<>(Map.of("title", TITLE, "content", "<p>Élève</p>", "baseVersion", 2));
            CartableServer.Response pupil = server.put(server.token("pupil"), wiki + "/pages/" + pageId, body);
            assertEquals(403, pupil.status(), pupil::toString);
            CartableServer.Response settings = server.put(server.token("pupil"), wiki + "/settings",
                    Map.of("teachersOnly", false));
            assertEquals(403, settings.status(), settings::toString);
        } finally {
            assertEquals(200, server.put(teacher, wiki + "/settings", Map.of("teachersOnly", false)).status());
        }
    }
}
