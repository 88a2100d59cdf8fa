package org.cartable.wiki.internal.rest;

import static org.cartable.testing.rest.RequestContexts.as;
import static org.junit.jupiter.api.Assertions.assertEquals;
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
import org.cartable.api.ClassRelation;
import org.cartable.api.Role;
import org.cartable.testing.FakeSchool;
import org.cartable.testing.RecordingNotifications;
import org.cartable.testing.TestDatabase;
import org.cartable.testing.rest.RequestContexts;
import org.cartable.wiki.internal.TestWikis;
import org.cartable.wiki.internal.WikiApp;
import org.cartable.wiki.internal.rest.WikiJson.Move;
import org.cartable.wiki.internal.rest.WikiJson.NewComment;
import org.cartable.wiki.internal.rest.WikiJson.NewPage;
import org.cartable.wiki.internal.rest.WikiJson.Page;
import org.cartable.wiki.internal.rest.WikiJson.PageEdit;
import org.cartable.wiki.internal.rest.WikiJson.Restore;
import org.cartable.wiki.internal.rest.WikiJson.Settings;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

import com.fasterxml.jackson.databind.ObjectMapper;

/** The resource's own part: required fields, statuses, and JSON bodies with the contract's field names. */
class WikiResourceTest {

    private static final String CLASS_ID = "class-" + UUID.randomUUID();
    private static final FakeSchool SCHOOL = new FakeSchool(WikiApp.ID);
    private static final Caller TEACHER = SCHOOL.person("teacher", "Mme Martin", Role.TEACHER);
    private static final Caller LEA = SCHOOL.person("lea", "Léa Petit", Role.PUPIL);

    private static TestDatabase db;
    private static WikiResource resource;

    private final ObjectMapper json = new ObjectMapper();

    @BeforeAll
    static void start() {
        SCHOOL.relate(TEACHER, new ClassRelation(CLASS_ID, true, false, false, List.of()));
        SCHOOL.relate(LEA, new ClassRelation(CLASS_ID, false, false, true, List.of()));
        SCHOOL.enable(CLASS_ID, true);
        db = new TestDatabase().migrate("db/wiki/changelog.xml");
        resource = new WikiResource(TestWikis.service(db.jpa("cartable-wiki"), SCHOOL, SCHOOL,
                new RecordingNotifications()));
    }

    @AfterAll
    static void stop() {
        db.close();
    }

    @Test
    void pagesAnswer201WithTheirAddressAndTheContractsFields() throws Exception {
        Response response = resource.createPage(as(TEACHER), pagesUri(), CLASS_ID,
                new NewPage("Le Soleil", "<p>Une étoile</p>", null));
        assertEquals(201, response.getStatus());
        Page page = (Page) response.getEntity();
        assertEquals(URI.create("http://localhost/api/classes/" + CLASS_ID + "/wiki/pages/" + page.id()),
                response.getLocation());
        @SuppressWarnings("unchecked")
        Map<String, Object> fields = json.readValue(json.writeValueAsString(page), Map.class);
        assertEquals(List.of("id", "title", "content", "html", "parentId", "position", "home", "version", "updatedAt",
                "updatedById", "updatedByName", "ancestors", "children", "comments", "actions"),
                List.copyOf(fields.keySet()));
        assertEquals(List.of("COMMENT", "DELETE", "EDIT"), fields.get("actions"));
        assertTrue(((String) fields.get("updatedAt")).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ"));

        Page saved = resource.savePage(as(LEA), CLASS_ID, page.id(), new PageEdit("Le Soleil", "<p>Une étoile jaune</p>", 1));
        assertEquals(2, saved.version());
        @SuppressWarnings("unchecked")
        Map<String, Object> diff = json.readValue(json.writeValueAsString(
                resource.compare(as(LEA), CLASS_ID, page.id(), "1", "2")), Map.class);
        assertEquals(List.of("pageId", "from", "to", "html", "added", "removed"), List.copyOf(diff.keySet()));
        assertEquals(1, diff.get("added"));
        assertEquals(List.of(2, 1), resource.history(as(LEA), CLASS_ID, page.id()).stream()
                .map(WikiJson.Version::number).toList());
        assertEquals(3, resource.restore(as(TEACHER), CLASS_ID, page.id(), "1", new Restore(2)).version());
        assertEquals(201, resource.addComment(as(LEA), CLASS_ID, page.id(), new NewComment("Bravo")).getStatus());

        @SuppressWarnings("unchecked")
        Map<String, Object> overview = json.readValue(json.writeValueAsString(resource.overview(as(LEA), CLASS_ID)),
                Map.class);
        assertEquals(List.of("classId", "settings", "homeId", "tree", "canEdit"), List.copyOf(overview.keySet()));
        assertEquals(Map.of("teachersOnly", false), overview.get("settings"));
    }

    @Test
    void aStaleSaveIsAConflict() {
        Page page = (Page) resource.createPage(as(TEACHER), pagesUri(), CLASS_ID,
                new NewPage("La Lune", "<p>x</p>", null)).getEntity();
        resource.savePage(as(LEA), CLASS_ID, page.id(), new PageEdit("La Lune", "<p>y</p>", 1));
        CartableException conflict = assertThrows(CartableException.class,
                () -> resource.savePage(as(TEACHER), CLASS_ID, page.id(), new PageEdit("La Lune", "<p>z</p>", 1)));
        assertEquals(Kind.CONFLICT, conflict.kind());
        assertTrue(conflict.getMessage().contains("Léa Petit"), conflict.getMessage());
    }

    @Test
    void missingFieldsAndBadNumbersAreBadRequests() {
        assertBadRequest(() -> resource.createPage(as(TEACHER), pagesUri(), CLASS_ID, null));
        assertBadRequest(() -> resource.createPage(as(TEACHER), pagesUri(), CLASS_ID, new NewPage("T", null, null)));
        assertBadRequest(() -> resource.savePage(as(TEACHER), CLASS_ID, "any", new PageEdit("T", "x", null)));
        assertBadRequest(() -> resource.move(as(TEACHER), CLASS_ID, "any", new Move(null, 0)));
        assertBadRequest(() -> resource.restore(as(TEACHER), CLASS_ID, "any", "1", new Restore(null)));
        assertBadRequest(() -> resource.compare(as(TEACHER), CLASS_ID, "any", "one", "2"));
        assertBadRequest(() -> resource.version(as(TEACHER), CLASS_ID, "any", ""));
        assertBadRequest(() -> resource.addComment(as(TEACHER), CLASS_ID, "any", new NewComment(null)));
        assertBadRequest(() -> resource.updateSettings(as(TEACHER), CLASS_ID, new Settings(null)));
    }

    @Test
    void anAnonymousRequestIsUnauthorized() {
        assertEquals(Kind.UNAUTHORIZED, assertThrows(CartableException.class,
                () -> resource.overview(as(null), CLASS_ID)).kind());
    }

    private static UriInfo pagesUri() {
        return RequestContexts.uri("http://localhost/api/classes/" + CLASS_ID + "/wiki/pages");
    }

    private static void assertBadRequest(Executable call) {
        assertEquals(Kind.BAD_REQUEST, assertThrows(CartableException.class, call).kind());
    }
}
