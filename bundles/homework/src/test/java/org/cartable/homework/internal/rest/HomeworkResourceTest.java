package org.cartable.homework.internal.rest;

import static org.cartable.testing.rest.RequestContexts.as;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import javax.ws.rs.core.Response;
import javax.ws.rs.core.UriInfo;

import org.cartable.api.Caller;
import org.cartable.api.CartableException;
import org.cartable.api.CartableException.Kind;
import org.cartable.api.Role;
import org.cartable.homework.internal.HomeworkApp;
import org.cartable.homework.internal.HomeworkService;
import org.cartable.homework.internal.TestHomework;
import org.cartable.homework.internal.calendar.CalendarFeeds;
import org.cartable.homework.internal.rest.HomeworkJson.EntryBody;
import org.cartable.homework.internal.rest.HomeworkJson.EntryEdit;
import org.cartable.homework.internal.rest.HomeworkJson.FeedBody;
import org.cartable.homework.internal.rest.HomeworkJson.NewEntry;
import org.cartable.homework.internal.rest.HomeworkJson.Recurrence;
import org.cartable.homework.internal.rest.HomeworkJson.WeekBody;
import org.cartable.testing.FakeSchool;
import org.cartable.testing.RecordingNotifications;
import org.cartable.testing.TestDatabase;
import org.cartable.testing.rest.RequestContexts;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

import com.fasterxml.jackson.databind.ObjectMapper;

/** The resource's own part: parsing, statuses, and JSON bodies with the contract's field names. */
class HomeworkResourceTest {

    private static final String CLASS_ID = "class-" + UUID.randomUUID();
    private static final FakeSchool SCHOOL = new FakeSchool(HomeworkApp.ID);
    private static final Caller TEACHER = SCHOOL.person("teacher", "Marie Dupont", Role.TEACHER);
    private static final Caller LEA = SCHOOL.person("lea", "Léa Martin", Role.PUPIL);
    private static final Caller PARENT = SCHOOL.person("parent", "Sophie Martin", Role.PARENT);

    private static TestDatabase db;
    private static HomeworkResource resource;

    private final ObjectMapper json = new ObjectMapper();

    @BeforeAll
    static void start() {
        SCHOOL.teach(TEACHER, CLASS_ID);
        SCHOOL.enrol(LEA, CLASS_ID);
        SCHOOL.parent(PARENT, CLASS_ID, "lea");
        SCHOOL.enable(CLASS_ID, true);
        db = new TestDatabase().migrate(HomeworkService.CHANGELOG);
        var jpa = db.jpa("cartable-homework");
        HomeworkService homework = TestHomework.service(jpa, SCHOOL, new RecordingNotifications());
        resource = new HomeworkResource(homework, CalendarFeeds.create(jpa, SCHOOL, SCHOOL, SCHOOL, homework));
    }

    @AfterAll
    static void stop() {
        db.close();
    }

    @Test
    void createdEntriesAnswer201WithTheirAddressAndTheContractsFields() throws Exception {
        Response response = resource.create(as(TEACHER), uri("entries"), CLASS_ID, new NewEntry("2026-11-30",
                "maths", "Exercices", "<p>p. 42</p>", "2026-12-02", null));
        assertEquals(201, response.getStatus());
        EntryBody entry = (EntryBody) response.getEntity();
        assertEquals(URI.create("http://localhost/api/classes/" + CLASS_ID + "/homework/entries/" + entry.id()),
                response.getLocation());
        @SuppressWarnings("unchecked")
        Map<String, Object> fields = json.readValue(json.writeValueAsString(entry), Map.class);
        assertEquals(List.of("id", "seriesId", "frequency", "date", "subject", "title", "content", "dueDate",
                "authorId", "authorName", "updatedAt", "done", "doneCount", "pupilCount"), List.copyOf(fields.keySet()));
        assertEquals("2026-11-30", entry.date());
        assertEquals("MATHS", entry.subject());
        assertEquals("2026-12-02", entry.dueDate());
        assertEquals(0, entry.doneCount());
        assertEquals(1, entry.pupilCount());

        EntryBody ticked = resource.tick(as(PARENT), CLASS_ID, entry.id(), "lea");
        assertEquals(Boolean.TRUE, ticked.done());
        assertNull(ticked.doneCount());
        assertEquals(1, resource.entry(as(TEACHER), CLASS_ID, entry.id(), null).doneCount());
        assertEquals(1, resource.completion(as(TEACHER), CLASS_ID, entry.id()).done());
        assertEquals(Boolean.FALSE, resource.untick(as(LEA), CLASS_ID, entry.id(), null).done());

        WeekBody week = resource.week(as(PARENT), CLASS_ID, "2026-12-01", "lea");
        assertEquals("2026-11-30", week.monday());
        assertEquals("lea", week.pupilId());
        assertEquals(7, week.days().size());
        assertTrue(week.days().get(0).entries().stream().anyMatch(e -> e.id().equals(entry.id())));
        assertTrue(resource.due(as(LEA), CLASS_ID, "2026-11-30", "5", null).entries().stream()
                .anyMatch(e -> e.id().equals(entry.id())));
    }

    @Test
    void recurringEntriesAndScopedChanges() {
        EntryBody first = (EntryBody) resource.create(as(TEACHER), uri("entries"), CLASS_ID, new NewEntry("2027-01-04",
                "FRENCH", "Dictée", "", "2027-01-07", new Recurrence("WEEKLY", "2027-01-25"))).getEntity();
        assertEquals("WEEKLY", first.frequency());
        var all = resource.due(as(TEACHER), CLASS_ID, "2027-01-04", "60", null).entries();
        assertEquals(4, all.size());
        resource.update(as(TEACHER), CLASS_ID, all.get(2).id(), "following",
                new EntryEdit("2027-01-18", "FRENCH", "Dictée bilan", "", "2027-01-21"));
        assertEquals(List.of("Dictée", "Dictée", "Dictée bilan", "Dictée bilan"),
                resource.due(as(TEACHER), CLASS_ID, "2027-01-04", "60", null).entries().stream()
                        .map(EntryBody::title).toList());
        resource.delete(as(TEACHER), CLASS_ID, all.get(1).id(), "FOLLOWING");
        assertEquals(1, resource.due(as(TEACHER), CLASS_ID, "2027-01-04", "60", null).entries().size());
    }

    @Test
    void badInputGets400WithAUsefulMessage() {
        assertRefused(Kind.BAD_REQUEST, "'date'", () -> resource.create(as(TEACHER), uri("entries"), CLASS_ID,
                new NewEntry("30/11/2026", "MATHS", "x", "", null, null)));
        assertRefused(Kind.BAD_REQUEST, "'subject' must be one of", () -> resource.create(as(TEACHER), uri("entries"),
                CLASS_ID, new NewEntry("2026-11-30", "cooking", "x", "", null, null)));
        assertRefused(Kind.BAD_REQUEST, "'frequency'", () -> resource.create(as(TEACHER), uri("entries"), CLASS_ID,
                new NewEntry("2026-11-30", "MATHS", "x", "", null, new Recurrence("DAILY", "2026-12-30"))));
        assertRefused(Kind.BAD_REQUEST, "Send", () -> resource.create(as(TEACHER), uri("entries"), CLASS_ID, null));
        assertRefused(Kind.BAD_REQUEST, "'scope'", () -> resource.delete(as(TEACHER), CLASS_ID, "x", "ALL"));
        assertRefused(Kind.BAD_REQUEST, "'days'", () -> resource.due(as(LEA), CLASS_ID, null, "lots", null));
        assertRefused(Kind.FORBIDDEN, "teachers", () -> resource.create(as(PARENT), uri("entries"), CLASS_ID,
                new NewEntry("2026-11-30", "MATHS", "x", "", null, null)));
        assertRefused(Kind.UNAUTHORIZED, "Sign in", () -> resource.week(null, CLASS_ID, null, null));
    }

    @Test
    void theCalendarAddressIsGivenOnce() {
        Response made = resource.renewFeed(as(PARENT), uri("calendar"), CLASS_ID, "lea");
        assertEquals(201, made.getStatus());
        FeedBody feed = (FeedBody) made.getEntity();
        assertTrue(feed.url().matches("http://localhost/calendar/homework/[A-Za-z0-9_-]{27}\\.ics"), feed.url());
        FeedBody status = resource.feed(as(PARENT), CLASS_ID, "lea");
        assertTrue(status.exists());
        assertNull(status.url());
        resource.revokeFeed(as(PARENT), CLASS_ID, "lea");
        assertEquals(false, resource.feed(as(PARENT), CLASS_ID, "lea").exists());
    }

    private static UriInfo uri(String path) {
        return RequestContexts.uri("http://localhost/api/",
                "http://localhost/api/classes/" + CLASS_ID + "/homework/" + path);
    }

    private static void assertRefused(Kind kind, String messagePart, Executable call) {
        CartableException refused = assertThrows(CartableException.class, call);
        assertEquals(kind, refused.kind(), refused::getMessage);
        assertTrue(refused.getMessage().contains(messagePart), refused::getMessage);
    }
}
