package org.cartable.liaison.internal.rest;

import static org.cartable.testing.rest.RequestContexts.as;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.net.URI;
import java.util.List;
import java.util.Map;

import javax.ws.rs.core.Response;
import javax.ws.rs.core.UriInfo;

import org.cartable.api.Caller;
import org.cartable.api.CartableException;
import org.cartable.api.CartableException.Kind;
import org.cartable.api.Role;
import org.cartable.liaison.internal.Category;
import org.cartable.liaison.internal.LiaisonApp;
import org.cartable.liaison.internal.LiaisonNotices;
import org.cartable.liaison.internal.LiaisonService;
import org.cartable.liaison.internal.rest.LiaisonJson.ConfirmationBody;
import org.cartable.liaison.internal.rest.LiaisonJson.NewWordBody;
import org.cartable.liaison.internal.rest.LiaisonJson.WordBody;
import org.cartable.testing.FakeSchool;
import org.cartable.testing.RecordingNotifications;
import org.cartable.testing.ScriptStripper;
import org.cartable.testing.TestDatabase;
import org.cartable.testing.TickingClock;
import org.cartable.testing.rest.RequestContexts;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

import com.fasterxml.jackson.databind.ObjectMapper;

/** The resource's own part: defaults, statuses, and JSON bodies with the contract's field names. */
class LiaisonResourceTest {

    private static final String CLASS_ID = "class-a";
    private static final FakeSchool SCHOOL = new FakeSchool(LiaisonApp.ID);
    private static final Caller TEACHER = SCHOOL.person("teacher", "Mme Martin", Role.TEACHER);
    private static final Caller LEA = SCHOOL.person("lea", "Léa Petit", Role.PUPIL);
    private static final Caller PARENT = SCHOOL.person("parent", "Sophie Petit", Role.PARENT);

    private static TestDatabase db;
    private static LiaisonResource resource;

    private final ObjectMapper json = new ObjectMapper();

    @BeforeAll
    static void start() {
        SCHOOL.teach(TEACHER, CLASS_ID).enrol(LEA, CLASS_ID).parent(PARENT, LEA).enable(CLASS_ID);
        db = new TestDatabase().migrate(LiaisonService.CHANGELOG);
        resource = new LiaisonResource(LiaisonService.create(db.jpa("cartable-liaison"), SCHOOL, SCHOOL,
                new ScriptStripper(), LiaisonNotices.create(new RecordingNotifications()),
                new TickingClock()));
    }

    @AfterAll
    static void stop() {
        db.close();
    }

    @Test
    void aWordIsCreatedWithAcknowledgementByDefaultAndConfirmedOnce() throws Exception {
        Response created = resource.write(as(TEACHER), wordsUri(), CLASS_ID,
                new NewWordBody("Piscine", "<p>Bonnet obligatoire</p>", Category.PISCINE, null, null, null));
        assertEquals(201, created.getStatus());
        WordBody word = (WordBody) created.getEntity();
        assertEquals(URI.create("http://localhost/api/classes/" + CLASS_ID + "/liaison/words/" + word.id()),
                created.getLocation());
        @SuppressWarnings("unchecked")
        Map<String, Object> fields = json.readValue(json.writeValueAsString(word), Map.class);
        assertEquals(List.of("id", "title", "body", "category", "icon", "authorId", "authorName", "wholeClass",
                "ackRequired", "repliesAllowed", "createdAt", "editedAt", "lastReminderAt", "confirmed", "total",
                "child"), List.copyOf(fields.keySet()));
        assertEquals(true, fields.get("ackRequired"), "acknowledgement required by default");
        assertEquals(false, fields.get("repliesAllowed"), "no replies unless asked");
        assertEquals(0, fields.get("confirmed"));
        assertEquals(1, fields.get("total"));

        Response first = resource.confirm(as(PARENT), CLASS_ID, word.id(), "lea");
        assertEquals(201, first.getStatus());
        Response again = resource.confirm(as(PARENT), CLASS_ID, word.id(), null);
        assertEquals(200, again.getStatus(), "idempotent");
        assertEquals(((ConfirmationBody) first.getEntity()).confirmedAt(),
                ((ConfirmationBody) again.getEntity()).confirmedAt());

        @SuppressWarnings("unchecked")
        Map<String, Object> notebook = json.readValue(
                json.writeValueAsString(resource.notebook(as(PARENT), CLASS_ID, "lea", "20")), Map.class);
        assertEquals(List.of("classId", "view", "child", "unread", "words", "older", "pupils"),
                List.copyOf(notebook.keySet()));
        assertEquals(0, notebook.get("older"));
        assertEquals("PARENT", notebook.get("view"));
        assertEquals(Map.of("id", "lea", "name", "Léa Petit"), notebook.get("child"));
        assertEquals(0, notebook.get("unread"));
    }

    @Test
    void missingFieldsAreBadRequests() {
        assertBadRequest(() -> resource.write(as(TEACHER), wordsUri(), CLASS_ID, null));
        assertBadRequest(() -> resource.write(as(TEACHER), wordsUri(), CLASS_ID,
                new NewWordBody("Titre", null, null, null, null, null)));
        assertBadRequest(() -> resource.write(as(TEACHER), wordsUri(), CLASS_ID,
                new NewWordBody("Titre", "x", null, java.util.Arrays.asList((String) null), null, null)));
        assertBadRequest(() -> resource.correct(as(TEACHER), CLASS_ID, "any", new LiaisonJson.CorrectionBody(null, "x", null)));
        assertBadRequest(() -> resource.reply(as(PARENT), CLASS_ID, "any", "lea", new LiaisonJson.ReplyRequest(null)));
        assertBadRequest(() -> resource.notebook(as(PARENT), CLASS_ID, "lea", "many"));
        assertBadRequest(() -> resource.notebook(as(PARENT), CLASS_ID, "lea", "0"));
    }

    @Test
    void anAnonymousRequestIsUnauthorized() {
        CartableException refused = assertThrows(CartableException.class,
                () -> resource.notebook(as(null), CLASS_ID, null, "20"));
        assertEquals(Kind.UNAUTHORIZED, refused.kind());
    }

    @Test
    void datesAreIsoStringsToTheSecond() {
        assertEquals("2026-11-29T09:30:00Z", LiaisonJson.date(java.time.Instant.parse("2026-11-29T09:30:00.123Z")));
        assertNull(LiaisonJson.date(null));
    }

    private static UriInfo wordsUri() {
        return RequestContexts.uri("http://localhost/api/classes/" + CLASS_ID + "/liaison/words");
    }

    private static void assertBadRequest(Executable call) {
        assertEquals(Kind.BAD_REQUEST, assertThrows(CartableException.class, call).kind());
    }
}
