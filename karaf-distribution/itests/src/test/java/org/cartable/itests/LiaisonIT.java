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
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

import static org.awaitility.Awaitility.await;
import static org.cartable.itests.Demo.assertNoStackTrace;
import static org.cartable.itests.Demo.byId;
import static org.cartable.itests.Demo.ids;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The liaison notebook on A1: the teacher writes to the class, Sophie (for Léa) and Karim (for Nathan) see it, Sophie
 * confirms and the teacher sees 1/N with who and when; a word to chosen pupils stays with their families; outsiders
 * get 404; the feature is uninstalled and reinstalled live with its words and confirmations back.
 */
@ExtendWith(CartableExtension.class)
@Order(4) // class order: see junit-platform.properties
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class LiaisonIT {

    static final String FEATURE = "cartable-liaison";
    private static final String FEATURES = "/api/admin/features";
    private static final Duration WITHIN = Duration.ofSeconds(30);

    private static String a1;
    private static String b1;
    private static String liaison;
    private static String lea;
    private static String nathan;
    private static String hugo;
    private static String wordId;
    private static String privateWordId;
    private static String confirmedAt;
    private static int classSize;
    private static final String TITLE = "Sortie au château " + System.currentTimeMillis();

    @BeforeAll
    static void findClasses(CartableServer server) {
        a1 = Demo.classA1(server);
        b1 = Demo.classB1(server);
        liaison = path(a1);
        lea = Demo.me(server, "pupil").path("id").asText();
        hugo = Demo.me(server, "pupilb").path("id").asText();
    }

    static String path(String classId) {
        return "/api/classes/" + classId + "/liaison";
    }

    /** Whatever happened, leave the notebook installed for the other ITs. */
    @AfterAll
    static void leaveInstalled(CartableServer server) {
        if (server.isRunning() && !installed(server)) {
            server.put(server.token("operator"), FEATURES + "/" + FEATURE, null);
            await().atMost(WITHIN).pollInterval(Duration.ofMillis(200))
                    .until(() -> server.get(server.token("teacher"), liaison).status() == 200);
        }
    }

    @Test
    @Order(1)
    void enabledByDefaultInTheDemoClasses(CartableServer server) {
        for (String[] classAndTeacher : new String[][] {{a1, "teacher"}, {b1, "teacher2"}}) {
            CartableServer.Response apps = server.get(server.token(classAndTeacher[1]),
                    "/api/classes/" + classAndTeacher[0] + "/apps");
            assertEquals(200, apps.status(), apps::toString);
            assertTrue(ids(apps.json()).contains("liaison"), () -> "defaultApps = liaison: " + apps);
        }
        // Right after the first boot the /api application may still be rebuilt by the JAX-RS whiteboard (platform
        // resources arriving late answer a generic 404 for a moment): wait, bounded, for the notebook to answer.
        AtomicReference<CartableServer.Response> first = new AtomicReference<>();
        long asked = System.nanoTime();
        await("liaison answers").atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500)).until(() -> {
            first.set(server.get(server.token("teacher"), liaison));
            return first.get().status() == 200;
        });
        System.out.printf("[LiaisonIT] GET %s answered 200 after %d ms%n", liaison,
                (System.nanoTime() - asked) / 1_000_000);
        CartableServer.Response notebook = first.get();
        assertEquals(200, notebook.status(), notebook::toString);
        assertEquals("STAFF", notebook.json().path("view").asText(), notebook::toString);
        classSize = notebook.json().path("pupils").size();
        assertTrue(classSize >= 9, () -> "A1's pupils: " + notebook);
        // the demo content of the notebook (seeded once, through the service, after the demo directory)
        await("liaison demo content").atMost(WITHIN).pollInterval(Duration.ofMillis(500)).until(() ->
                Demo.texts(server.get(server.token("teacher"), liaison).json().path("words"), "title")
                        .contains("Sortie au musée d’Orsay")
                        && Demo.texts(server.get(server.token("teacher2"), path(b1)).json().path("words"), "title")
                        .contains("Réunion de rentrée"));
        JsonNode trip = server.get(server.token("teacher"), liaison).json().path("words").findParents("title").stream()
                .filter(w -> w.path("title").asText().equals("Sortie au musée d’Orsay")).findFirst().orElseThrow();
        assertTrue(trip.path("confirmed").asInt() >= 2, trip::toString);
        nathan = notebook.json().path("pupils").findParents("name").stream()
                .filter(p -> p.path("name").asText().startsWith("Nathan")).map(p -> p.path("id").asText())
                .findFirst().orElseThrow(() -> new AssertionError("Nathan in A1: " + notebook));
    }

    @Test
    @Order(2)
    void teacherWritesToTheClassAndBothFamiliesSeeIt(CartableServer server) {
        CartableServer.Response r = server.post(server.token("teacher"), liaison + "/words", Map.of(
                "title", TITLE, "body", "<p>Départ à 8 h 30, retour à 16 h.</p><script>alert(1)</script>",
                "category", "SORTIE", "repliesAllowed", true));
        assertEquals(201, r.status(), r::toString);
        wordId = r.json().path("id").asText();
        assertTrue(r.json().path("ackRequired").asBoolean(), "acknowledgement required by default: " + r);
        assertEquals(0, r.json().path("confirmed").asInt(-1), r::toString);
        assertEquals(classSize, r.json().path("total").asInt(), r::toString);
        assertFalse(r.json().path("body").asText().contains("script"), r::toString);

        JsonNode forLea = notebook(server, "parent", a1, lea);
        assertEquals(lea, forLea.path("child").path("id").asText(), forLea::toString);
        JsonNode seen = byId(forLea.path("words"), wordId);
        assertNotNull(seen, () -> "Sophie sees it for Léa: " + forLea);
        assertFalse(seen.path("child").path("read").asBoolean(true), seen::toString);
        assertTrue(seen.path("confirmed").isNull(), () -> "families get no class counters: " + seen);
        assertTrue(forLea.path("unread").asInt() >= 1, forLea::toString);
        assertFalse(forLea.path("words").get(0).path("child").path("read").asBoolean(true),
                () -> "unread words come first: " + forLea);

        JsonNode forNathan = notebook(server, "parent2", a1, null);
        assertEquals(nathan, forNathan.path("child").path("id").asText(), "one child in A1: no ?child needed");
        assertNotNull(byId(forNathan.path("words"), wordId), () -> "Karim sees it for Nathan: " + forNathan);

        JsonNode forPupil = notebook(server, "pupil", a1, null);
        assertEquals("PUPIL", forPupil.path("view").asText());
        assertNotNull(byId(forPupil.path("words"), wordId), () -> "Léa reads it: " + forPupil);
    }

    @Test
    @Order(3)
    void sophieConfirmsForLeaAndTheTeacherSeesWhoAndWhen(CartableServer server) {
        String confirm = liaison + "/words/" + wordId + "/confirmations?child=" + lea;
        CartableServer.Response first = server.post(server.token("parent"), confirm, null);
        assertEquals(201, first.status(), first::toString);
        confirmedAt = first.json().path("confirmedAt").asText();
        CartableServer.Response again = server.post(server.token("parent"), confirm, null);
        assertEquals(200, again.status(), () -> "confirming twice is idempotent: " + again);
        assertEquals(confirmedAt, again.json().path("confirmedAt").asText(), "the first time is kept");

        CartableServer.Response word = server.get(server.token("teacher"), liaison + "/words/" + wordId);
        assertEquals(1, word.json().path("confirmed").asInt(), word::toString);
        assertEquals(classSize, word.json().path("total").asInt(), word::toString);

        CartableServer.Response followUp = server.get(server.token("teacher"),
                liaison + "/words/" + wordId + "/follow-up");
        assertEquals(200, followUp.status(), followUp::toString);
        JsonNode leaRow = byId(followUp.json().path("pupils"), lea);
        assertNotNull(leaRow, followUp::toString);
        assertTrue(leaRow.path("confirmed").asBoolean(), leaRow::toString);
        JsonNode who = leaRow.path("confirmations").get(0);
        assertEquals(Demo.me(server, "parent").path("id").asText(), who.path("parentId").asText(), who::toString);
        assertTrue(who.path("parentName").asText().startsWith("Sophie"), who::toString);
        assertEquals(confirmedAt, who.path("confirmedAt").asText());
        assertFalse(byId(followUp.json().path("pupils"), nathan).path("confirmed").asBoolean(true));

        JsonNode forLea = notebook(server, "parent", a1, lea);
        assertTrue(byId(forLea.path("words"), wordId).path("child").path("read").asBoolean(), forLea::toString);
    }

    @Test
    @Order(4)
    void karimRepliesAndTheTeacherReadsIt(CartableServer server) {
        String reply = liaison + "/words/" + wordId + "/reply?child=" + nathan;
        CartableServer.Response r = server.put(server.token("parent2"), reply, Map.of("body", "Je peux accompagner."));
        assertEquals(200, r.status(), r::toString);
        CartableServer.Response edited = server.put(server.token("parent2"), reply,
                Map.of("body", "Je peux accompagner le matin."));
        assertEquals(r.json().path("id").asText(), edited.json().path("id").asText(), "one reply, edited");

        CartableServer.Response followUp = server.get(server.token("teacher"),
                liaison + "/words/" + wordId + "/follow-up");
        JsonNode replies = byId(followUp.json().path("pupils"), nathan).path("replies");
        assertEquals(1, replies.size(), followUp::toString);
        assertEquals("Je peux accompagner le matin.", replies.get(0).path("body").asText());
    }

    @Test
    @Order(5)
    void aWordToChosenPupilsStaysWithTheirFamilies(CartableServer server) {
        CartableServer.Response r = server.post(server.token("teacher"), liaison + "/words", Map.of(
                "title", "Rendez-vous individuel", "body", "<p>Pouvons-nous nous voir jeudi ?</p>",
                "category", "REUNION", "pupils", List.of(lea)));
        assertEquals(201, r.status(), r::toString);
        privateWordId = r.json().path("id").asText();
        assertEquals(1, r.json().path("total").asInt(), r::toString);

        assertNotNull(byId(notebook(server, "parent", a1, lea).path("words"), privateWordId));
        assertNull(byId(notebook(server, "parent2", a1, null).path("words"), privateWordId), "not for Karim");
        assertNull(byId(notebook(server, "a1.pupil3", a1, null).path("words"), privateWordId), "not for other pupils");
        for (String path : List.of(liaison + "/words/" + privateWordId + "?child=" + nathan,
                liaison + "/words/" + privateWordId)) {
            CartableServer.Response hidden = server.get(server.token("parent2"), path);
            assertEquals(404, hidden.status(), hidden::toString);
            assertFalse(hidden.body().contains("Rendez-vous"), hidden::toString);
        }
        CartableServer.Response confirm = server.post(server.token("parent2"),
                liaison + "/words/" + privateWordId + "/confirmations?child=" + nathan, null);
        assertEquals(404, confirm.status(), confirm::toString);
    }

    @Test
    @Order(6)
    void outsidersGetNothing(CartableServer server) {
        for (String outsider : List.of("teacher2", "pupilb", "b1.parent2")) {
            for (String path : List.of(liaison, liaison + "/words/" + wordId,
                    liaison + "/words/" + wordId + "/follow-up")) {
                CartableServer.Response r = server.get(server.token(outsider), path);
                assertEquals(404, r.status(), () -> outsider + ": " + r);
                assertFalse(r.body().contains(TITLE), r::toString);
                assertNoStackTrace(r);
            }
            CartableServer.Response write = server.post(server.token(outsider), liaison + "/words",
                    Map.of("title", "Intrus", "body", "<p>x</p>"));
            assertEquals(404, write.status(), () -> outsider + ": " + write);
        }
        // Sophie's other child is in B1: not a child of A1, and A1's word is not B1's
        CartableServer.Response asHugo = server.get(server.token("parent"), liaison + "?child=" + hugo);
        assertEquals(404, asHugo.status(), asHugo::toString);
        CartableServer.Response viaB1 = server.get(server.token("parent"),
                path(b1) + "/words/" + wordId + "?child=" + hugo);
        assertEquals(404, viaB1.status(), viaB1::toString);
        // families and pupils do not write, follow up or remind
        CartableServer.Response parentWrites = server.post(server.token("parent"), liaison + "/words?child=" + lea,
                Map.of("title", "Parent", "body", "<p>x</p>"));
        assertEquals(403, parentWrites.status(), parentWrites::toString);
        CartableServer.Response pupilFollowUp = server.get(server.token("pupil"),
                liaison + "/words/" + wordId + "/follow-up");
        assertEquals(403, pupilFollowUp.status(), pupilFollowUp::toString);
        CartableServer.Response pupilConfirms = server.post(server.token("pupil"),
                liaison + "/words/" + wordId + "/confirmations", null);
        assertEquals(403, pupilConfirms.status(), pupilConfirms::toString);
    }

    @Test
    @Order(7)
    void oneReminderPerHourAndACorrectionKeepsConfirmations(CartableServer server) {
        CartableServer.Response reminder = server.post(server.token("teacher"),
                liaison + "/words/" + wordId + "/reminders", null);
        assertEquals(200, reminder.status(), reminder::toString);
        assertEquals(classSize - 1, reminder.json().path("pupils").asInt(), "everyone but Léa: " + reminder);
        CartableServer.Response tooSoon = server.post(server.token("teacher"),
                liaison + "/words/" + wordId + "/reminders", null);
        assertEquals(429, tooSoon.status(), tooSoon::toString);
        assertTrue(tooSoon.headers().firstValue("Retry-After").isPresent(), tooSoon::toString);

        CartableServer.Response corrected = server.put(server.token("teacher"), liaison + "/words/" + wordId,
                Map.of("title", TITLE, "body", "<p>Départ à 8 h 45 (corrigé), retour à 16 h.</p>"));
        assertEquals(200, corrected.status(), corrected::toString);
        assertFalse(corrected.json().path("editedAt").asText("").isBlank(), corrected::toString);
        assertEquals(1, corrected.json().path("confirmed").asInt(), "confirmations kept: " + corrected);
        JsonNode forLea = byId(notebook(server, "parent", a1, lea).path("words"), wordId);
        assertTrue(forLea.path("body").asText().contains("8 h 45"), forLea::toString);
        assertEquals(corrected.json().path("editedAt").asText(), forLea.path("editedAt").asText());

        CartableServer.Response delete = server.delete(server.token("teacher"), liaison + "/words/" + wordId);
        assertEquals(409, delete.status(), () -> "a confirmed word stays: " + delete);
    }

    @Test
    @Order(9)
    void hotDeployKeepsWordsAndConfirmations(CartableServer server) {
        String teacher = server.token("teacher");
        CartableServer.Response uninstall = server.delete(server.token("operator"), FEATURES + "/" + FEATURE);
        assertEquals(204, uninstall.status(), uninstall::toString);
        await("liaison gone").atMost(WITHIN).pollInterval(Duration.ofMillis(200))
                .until(() -> server.get(teacher, liaison).status() == 404
                        && !ids(server.get(teacher, "/api/apps").json()).contains("liaison"));
        assertEquals(200, server.get(teacher, "/api/me").status(), "the platform keeps serving");
        assertFalse(installed(server));

        CartableServer.Response install = server.put(server.token("operator"), FEATURES + "/" + FEATURE, null);
        assertEquals(204, install.status(), install::toString);
        AtomicReference<CartableServer.Response> last = new AtomicReference<>();
        await("liaison back").atMost(WITHIN).pollInterval(Duration.ofMillis(200)).until(() -> {
            last.set(server.get(teacher, liaison + "/words/" + wordId + "/follow-up"));
            return last.get().status() == 200;
        });
        JsonNode leaRow = byId(last.get().json().path("pupils"), lea);
        assertEquals(confirmedAt, leaRow.path("confirmations").get(0).path("confirmedAt").asText(),
                () -> "the confirmation is back, unchanged: " + last.get());
        assertEquals(1, last.get().json().path("word").path("confirmed").asInt());
        assertTrue(installed(server));
    }

    @Test
    @Order(8)
    void feedsCarryTheWordTheReminderAndTheReply(CartableServer server) {
        String link = "liaison/" + a1 + "/word/" + wordId;
        JsonNode sophie = feed(server, "parent");
        List<JsonNode> forLea = items(sophie, link, "liaison.word");
        assertEquals(1, forLea.size(), () -> "one item, the correction sent nothing: " + sophie);
        JsonNode item = forLea.get(0);
        assertEquals("liaison", item.path("appId").asText(), item::toString);
        assertEquals(a1, item.path("classId").asText(), item::toString);
        assertEquals(lea, item.path("childId").asText(), item::toString);
        assertTrue(item.path("childName").asText().startsWith("Léa"), item::toString);
        assertTrue(item.path("text").asText().contains(TITLE), item::toString);
        assertTrue(items(sophie, link, "liaison.reminder").isEmpty(), () -> "Léa's word was confirmed: " + sophie);

        JsonNode karim = feed(server, "parent2");
        assertEquals(nathan, items(karim, link, "liaison.word").get(0).path("childId").asText(), karim::toString);
        assertEquals(1, items(karim, link, "liaison.reminder").size(), () -> "Nathan's parents are reminded: " + karim);
        assertTrue(items(karim, "liaison/" + a1 + "/word/" + privateWordId, "liaison.word").isEmpty(),
                () -> "the word to Léa only is not in Karim's feed: " + karim);
        assertEquals(1, items(feed(server, "parent"), "liaison/" + a1 + "/word/" + privateWordId, "liaison.word").size());

        JsonNode teacher = feed(server, "teacher");
        assertTrue(items(teacher, link, "liaison.word").isEmpty(), "the writer is not notified of their own word");
        assertTrue(items(teacher, link, "liaison.reply").size() >= 1, () -> "Karim's reply reached the teacher: " + teacher);
        assertTrue(items(feed(server, "teacher2"), link, null).isEmpty(), "nothing for outsiders");
    }

    private static JsonNode feed(CartableServer server, String login) {
        CartableServer.Response r = server.get(server.token(login), "/api/me/feed?app=liaison&limit=200");
        assertEquals(200, r.status(), () -> login + ": " + r);
        return r.json();
    }

    private static List<JsonNode> items(JsonNode feed, String link, String type) {
        List<JsonNode> found = new java.util.ArrayList<>();
        feed.path("items").forEach(i -> {
            if (link.equals(i.path("link").asText()) && (type == null || type.equals(i.path("type").asText()))) {
                found.add(i);
            }
        });
        return found;
    }

    static JsonNode notebook(CartableServer server, String login, String classId, String child) {
        CartableServer.Response r = server.get(server.token(login), path(classId) + (child == null ? "" : "?child=" + child));
        assertEquals(200, r.status(), () -> login + ": " + r);
        return r.json();
    }

    private static boolean installed(CartableServer server) {
        CartableServer.Response r = server.get(server.token("operator"), FEATURES);
        assertEquals(200, r.status(), r::toString);
        for (JsonNode f : r.json()) {
            if (FEATURE.equals(f.path("name").asText())) {
                return f.path("installed").asBoolean();
            }
        }
        throw new AssertionError(FEATURE + " is not listed: " + r);
    }
}
