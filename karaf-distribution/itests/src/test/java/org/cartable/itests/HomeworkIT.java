package org.cartable.itests;

import static org.awaitility.Awaitility.await;
import static org.cartable.itests.Demo.assertNoStackTrace;
import static org.cartable.itests.Demo.byId;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The homework diary on A1: the teacher writes an entry, the pupil and the parent (for Léa) see it, the parent ticks
 * it done, the teacher sees 1/N; outsiders get 404 and nothing of the content; the private iCalendar address works
 * without a session and refuses a wrong or revoked token; uninstalling the feature takes the app away (404) and
 * reinstalling brings the entries back. The app stays installed and enabled for A1 afterwards.
 */
@ExtendWith(CartableExtension.class)
@Order(4) // class order: see junit-platform.properties
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class HomeworkIT {

    static final String FEATURE = "cartable-homework";
    private static final Duration WITHIN = Duration.ofSeconds(15);
    private static final String TITLE = "Exercices 3 et 4 page 42 " + System.currentTimeMillis();

    private static String a1;
    private static String homework;
    private static String leaId;
    private static String entryId;
    private static int pupilsOfA1;
    private static String feedUrl;

    @BeforeAll
    static void enableHomework(CartableServer server) {
        a1 = Demo.classA1(server);
        homework = path(a1);
        leaId = Demo.me(server, "pupil").path("id").asText();
        CartableServer.Response on = server.put(server.token("teacher"), "/api/classes/" + a1 + "/apps/homework", null);
        assertEquals(204, on.status(), on::toString);
    }

    /** Whatever happened, leave the app installed and enabled for A1. */
    @AfterAll
    static void leaveInstalled(CartableServer server) {
        if (!server.isRunning()) {
            return;
        }
        if (server.get(server.token("teacher"), homework + "/week").status() == 404) {
            server.put(server.token("operator"), "/api/admin/features/" + FEATURE, null);
            await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200))
                    .until(() -> server.get(server.token("teacher"), homework + "/week").status() == 200);
        }
    }

    static String path(String classId) {
        return "/api/classes/" + classId + "/homework";
    }

    private static LocalDate today() {
        return LocalDate.now(ZoneId.of("Europe/Paris"));
    }

    @Test
    @Order(1)
    void teacherWritesAnEntryWithWorkToDo(CartableServer server) {
        CartableServer.Response r = server.post(server.token("teacher"), homework + "/entries", Map.of(
                "date", today().toString(), "subject", "MATHS", "title", TITLE,
                "content", "<p>Les <b>fractions</b></p><script>alert('x')</script>",
                "dueDate", today().plusDays(2).toString()));
        assertEquals(201, r.status(), r::toString);
        entryId = r.json().path("id").asText();
        assertEquals(36, entryId.length(), r::toString);
        assertTrue(r.headers().firstValue("Location").orElse("").endsWith("/homework/entries/" + entryId), r::toString);
        assertFalse(r.json().path("content").asText().contains("script"), r::toString);
        assertEquals(0, r.json().path("doneCount").asInt(-1), r::toString);
        pupilsOfA1 = r.json().path("pupilCount").asInt();
        assertTrue(pupilsOfA1 >= 9, () -> "the demo's A1 has at least 9 pupils: " + r);
    }

    @Test
    @Order(2)
    void pupilAndParentSeeIt(CartableServer server) {
        CartableServer.Response week = server.get(server.token("pupil"), homework + "/week?date=" + today());
        assertEquals(200, week.status(), week::toString);
        assertNotNull(entryIn(week.json()), week::toString);
        assertEquals(leaId, week.json().path("pupilId").asText(), week::toString);

        CartableServer.Response due = server.get(server.token("pupil"), homework + "/due");
        JsonNode seen = byId(due.json().path("entries"), entryId);
        assertNotNull(seen, due::toString);
        assertFalse(seen.path("done").asBoolean(true), due::toString);
        assertTrue(seen.path("doneCount").isNull(), () -> "pupils do not see the class's counts: " + seen);

        CartableServer.Response parent = server.get(server.token("parent"), homework + "/due?child=" + leaId);
        assertEquals(200, parent.status(), parent::toString);
        assertNotNull(byId(parent.json().path("entries"), entryId), parent::toString);
        CartableServer.Response parent2 = server.get(server.token("parent2"), homework + "/entries/" + entryId);
        assertEquals(200, parent2.status(), () -> "Nathan's father reads it for Nathan: " + parent2);
    }

    @Test
    @Order(3)
    void parentTicksForLeaAndTheTeacherSeesTheCount(CartableServer server) {
        CartableServer.Response tick = server.put(server.token("parent"),
                homework + "/entries/" + entryId + "/done?child=" + leaId, null);
        assertEquals(200, tick.status(), tick::toString);
        assertTrue(tick.json().path("done").asBoolean(), tick::toString);

        CartableServer.Response lea = server.get(server.token("pupil"), homework + "/entries/" + entryId);
        assertTrue(lea.json().path("done").asBoolean(), () -> "Léa sees her parent's tick: " + lea);
        CartableServer.Response nathan = server.get(server.token("parent2"), homework + "/entries/" + entryId);
        assertFalse(nathan.json().path("done").asBoolean(true), () -> "not Nathan's: " + nathan);

        CartableServer.Response teacher = server.get(server.token("teacher"), homework + "/entries/" + entryId);
        assertEquals(1, teacher.json().path("doneCount").asInt(), teacher::toString);
        assertEquals(pupilsOfA1, teacher.json().path("pupilCount").asInt(), teacher::toString);
        CartableServer.Response completion = server.get(server.token("teacher"),
                homework + "/entries/" + entryId + "/completion");
        assertEquals(200, completion.status(), completion::toString);
        assertEquals(1, completion.json().path("done").asInt(), completion::toString);
        assertTrue(byId(completion.json().path("pupils"), leaId).path("done").asBoolean(), completion::toString);
    }

    @Test
    @Order(4)
    void outsidersGet404AndNoContent(CartableServer server) {
        String hugoId = Demo.me(server, "pupilb").path("id").asText();
        for (String outsider : List.of("teacher2", "pupilb", "b1.parent2")) {
            String token = server.token(outsider);
            for (CartableServer.Response r : List.of(
                    server.get(token, homework + "/week"),
                    server.get(token, homework + "/entries/" + entryId),
                    server.put(token, homework + "/entries/" + entryId + "/done", null),
                    server.post(token, homework + "/calendar", null),
                    server.post(token, homework + "/entries", Map.of("date", today().toString(),
                            "subject", "MATHS", "title", "Intrus")))) {
                assertEquals(404, r.status(), () -> outsider + ": " + r);
                assertEquals("not_found", r.json().path("error").asText(), r::toString);
                assertFalse(r.body().contains(TITLE), () -> "leaks the entry: " + r);
                assertNoStackTrace(r);
            }
        }
        // a parent acts for their own child of this class only
        CartableServer.Response forHugo = server.put(server.token("parent"),
                homework + "/entries/" + entryId + "/done?child=" + hugoId, null);
        assertEquals(404, forHugo.status(), forHugo::toString);
        CartableServer.Response forLea = server.put(server.token("parent2"),
                homework + "/entries/" + entryId + "/done?child=" + leaId, null);
        assertEquals(404, forLea.status(), forLea::toString);
        // readers do not write
        CartableServer.Response pupilWrites = server.post(server.token("pupil"), homework + "/entries",
                Map.of("date", today().toString(), "subject", "MATHS", "title", "Pas moi"));
        assertEquals(403, pupilWrites.status(), pupilWrites::toString);
        CartableServer.Response teacherTicks = server.put(server.token("teacher"),
                homework + "/entries/" + entryId + "/done", null);
        assertEquals(403, teacherTicks.status(), teacherTicks::toString);
    }

    @Test
    @Order(5)
    void theCalendarAddressWorksWithoutASession(CartableServer server) {
        CartableServer.Response made = server.post(server.token("parent"), homework + "/calendar?child=" + leaId,
                null);
        assertEquals(201, made.status(), made::toString);
        feedUrl = made.json().path("url").asText();
        assertTrue(feedUrl.matches(".*/calendar/homework/[A-Za-z0-9_-]{27}\\.ics"), made::toString);

        CartableServer.Response ics = anonymous(server, feedUrl);
        assertEquals(200, ics.status(), ics::toString);
        assertTrue(ics.headers().firstValue("Content-Type").orElse("").startsWith("text/calendar"), ics::toString);
        assertTrue(ics.body().startsWith("BEGIN:VCALENDAR\r\nVERSION:2.0\r\n"), ics::toString);
        assertTrue(ics.body().contains("UID:" + entryId + "@homework.cartable\r\n"), ics::toString);
        assertTrue(ics.body().replace("\r\n ", "").contains(TITLE), ics::toString);

        String wrong = feedUrl.replaceAll("[A-Za-z0-9_-]{27}\\.ics$", "A".repeat(27) + ".ics");
        CartableServer.Response refused = anonymous(server, wrong);
        assertEquals(404, refused.status(), refused::toString);
        assertTrue(refused.body().isEmpty(), refused::toString);

        CartableServer.Response renewed = server.post(server.token("parent"), homework + "/calendar?child=" + leaId,
                null);
        assertEquals(201, renewed.status(), renewed::toString);
        CartableServer.Response old = anonymous(server, feedUrl);
        assertEquals(404, old.status(), () -> "a new address revokes the old one: " + old);
        feedUrl = renewed.json().path("url").asText();
        assertEquals(200, anonymous(server, feedUrl).status());
    }

    @Test
    @Order(6)
    void uninstallTakesTheAppAwayAndReinstallBringsTheEntriesBack(CartableServer server) {
        String operator = server.token("operator");
        String teacher = server.token("teacher");
        CartableServer.Response uninstall = server.delete(operator, "/api/admin/features/" + FEATURE);
        assertEquals(204, uninstall.status(), uninstall::toString);
        await("homework gone").atMost(WITHIN).pollInterval(Duration.ofMillis(100))
                .until(() -> server.get(teacher, homework + "/week").status() == 404);
        assertEquals(404, anonymous(server, feedUrl).status(), "no feed while the app is away");
        assertFalse(Demo.ids(server.get(teacher, "/api/apps").json()).contains("homework"));
        assertEquals(200, server.get(teacher, "/api/me").status(), "the platform keeps serving");

        CartableServer.Response install = server.put(operator, "/api/admin/features/" + FEATURE, null);
        assertEquals(204, install.status(), install::toString);
        await("homework back").atMost(WITHIN).pollInterval(Duration.ofMillis(100))
                .until(() -> server.get(teacher, homework + "/week").status() == 200);
        CartableServer.Response entry = server.get(teacher, homework + "/entries/" + entryId);
        assertEquals(200, entry.status(), entry::toString);
        assertEquals(TITLE, entry.json().path("title").asText(), entry::toString);
        assertEquals(1, entry.json().path("doneCount").asInt(), () -> "the tick is back too: " + entry);
        assertEquals(200, anonymous(server, feedUrl).status(), "the feed address is kept");
    }

    @Test
    @Order(7)
    void theParentsFeedTellsAboutTheNewWorkForLea(CartableServer server) {
        CartableServer.Response feed = server.get(server.token("parent"), "/api/me/feed?app=homework");
        assertEquals(200, feed.status(), feed::toString);
        assertTrue(feed.json().path("unread").asInt() >= 1, feed::toString);
        JsonNode item = null;
        for (JsonNode candidate : feed.json().path("items")) {
            if (candidate.path("text").asText().contains(TITLE)) {
                item = candidate;
            }
        }
        assertNotNull(item, () -> "a notice about the new entry: " + feed);
        for (String field : List.of("id", "appId", "type", "classId", "childId", "childName", "text", "link",
                "createdAt", "read")) {
            assertTrue(item.has(field), field + " in " + item);
        }
        assertEquals("homework", item.path("appId").asText(), item::toString);
        assertEquals("homework.new", item.path("type").asText(), item::toString);
        assertEquals(a1, item.path("classId").asText(), item::toString);
        assertEquals(leaId, item.path("childId").asText(), item::toString);
        assertTrue(item.path("childName").asText().startsWith("Léa"), item::toString);
        assertEquals("homework/" + a1 + "?date=" + today(), item.path("link").asText(), item::toString);
        assertFalse(item.path("read").asBoolean(true), item::toString);

        // the teacher wrote it: no notice for them; outsiders get nothing of it
        for (String login : List.of("teacher", "teacher2", "b1.parent2")) {
            CartableServer.Response other = server.get(server.token(login), "/api/me/feed?app=homework");
            assertEquals(200, other.status(), other::toString);
            assertFalse(other.body().contains(TITLE), () -> login + " is told: " + other);
        }
    }

    private JsonNode entryIn(JsonNode week) {
        for (JsonNode day : week.path("days")) {
            JsonNode found = byId(day.path("entries"), entryId);
            if (found != null) {
                return found;
            }
        }
        return null;
    }

    private static CartableServer.Response anonymous(CartableServer server, String url) {
        return server.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30)).GET().build());
    }
}
