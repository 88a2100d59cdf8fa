package org.cartable.notebook.internal.rest;

import static org.cartable.testing.rest.RequestContexts.as;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.lang.reflect.Parameter;
import java.net.URI;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.zip.ZipInputStream;

import javax.ws.rs.core.Response;
import javax.ws.rs.core.StreamingOutput;
import javax.ws.rs.core.UriInfo;

import org.cartable.api.Caller;
import org.cartable.api.CartableException;
import org.cartable.api.CartableException.Kind;
import org.cartable.api.ClassRelation;
import org.cartable.api.Role;
import org.cartable.api.rest.MaxBodySize;
import org.cartable.notebook.internal.MediaLimits;
import org.cartable.notebook.internal.NotebookApp;
import org.cartable.notebook.internal.Samples;
import org.cartable.notebook.internal.TestNotebooks;
import org.cartable.notebook.internal.rest.NotebookJson.BoxBody;
import org.cartable.notebook.internal.rest.NotebookJson.BoxEdit;
import org.cartable.notebook.internal.rest.NotebookJson.MediaBody;
import org.cartable.notebook.internal.rest.NotebookJson.NotebookBody;
import org.cartable.notebook.internal.rest.NotebookJson.NotebookEdit;
import org.cartable.notebook.internal.rest.NotebookJson.SharingBody;
import org.cartable.testing.FakeSchool;
import org.cartable.testing.TestDatabase;
import org.cartable.testing.rest.RequestContexts;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.ObjectMapper;

/** The resource's own part: required fields, statuses, headers of files (ranges) and the contract's JSON fields. */
class NotebookResourceTest {

    private static final String CLASS_ID = "class-" + UUID.randomUUID();
    private static final FakeSchool SCHOOL = new FakeSchool(NotebookApp.ID);
    private static final Caller PUPIL = SCHOOL.person("lea", "Léa Petit", Role.PUPIL);
    private static final Caller PARENT = SCHOOL.person("parent", "Claire Petit", Role.PARENT);

    @TempDir
    static Path files;

    private static TestDatabase db;
    private static NotebookResource resource;

    private final ObjectMapper json = new ObjectMapper();

    @BeforeAll
    static void start() {
        SCHOOL.relate(PUPIL, new ClassRelation(CLASS_ID, false, false, true, List.of()));
        SCHOOL.relate(PARENT, new ClassRelation(CLASS_ID, false, false, false, List.of("lea")));
        SCHOOL.enable(CLASS_ID, true);
        db = new TestDatabase().migrate("db/notebook/changelog.xml");
        resource = new NotebookResource(TestNotebooks.service(db.jpa("cartable-notebook"), SCHOOL, SCHOOL, files,
                MediaLimits.DEFAULTS, TestNotebooks.clock(), null));
    }

    @AfterAll
    static void stop() {
        db.close();
    }

    @Test
    void aNotebookIsCreatedFilledAndReadWithTheContractsFields() throws Exception {
        Response created = resource.create(as(PUPIL), uri("notebooks"), CLASS_ID, new NotebookEdit("Mon cahier", null, null));
        assertEquals(201, created.getStatus());
        NotebookBody notebook = (NotebookBody) created.getEntity();
        assertEquals(URI.create(base() + "notebooks/" + notebook.id()), created.getLocation());
        assertEquals(List.of("id", "title", "coverColor", "coverMediaId", "ownerId", "ownerName", "sharing",
                "pageCount", "createdAt", "updatedAt", "mayEdit", "mayManage"), fields(notebook));

        String pageId = resource.notebook(as(PUPIL), CLASS_ID, notebook.id()).pages().get(0).id();
        Response uploaded = resource.upload(as(PUPIL), uri("notebooks/" + notebook.id() + "/media"), CLASS_ID,
                notebook.id(), "chat.png", new ByteArrayInputStream(Samples.png()));
        assertEquals(201, uploaded.getStatus());
        MediaBody media = (MediaBody) uploaded.getEntity();
        assertEquals(List.of("id", "contentType", "kind", "size", "name", "createdAt"), fields(media));
        assertEquals("IMAGE", media.kind());

        Response boxed = resource.addBox(as(PUPIL), uri("boxes"), CLASS_ID, notebook.id(), pageId,
                new BoxEdit("IMAGE", 10.0, 10.0, 50.0, 40.0, null, "Mon chat", media.id(), null));
        assertEquals(201, boxed.getStatus());
        BoxBody box = (BoxBody) boxed.getEntity();
        assertEquals(List.of("id", "kind", "x", "y", "width", "height", "z", "content", "mediaId", "embedProvider",
                "embedVideoId", "embedPlayerUrl"), fields(box));

        @SuppressWarnings("unchecked")
        Map<String, Object> detail = json.readValue(json.writeValueAsString(
                resource.notebook(as(PARENT), CLASS_ID, notebook.id())), Map.class);
        assertEquals(false, detail.get("mayEdit"), "a parent reads their child's notebook");
        @SuppressWarnings("unchecked")
        Map<String, Object> page = ((List<Map<String, Object>>) detail.get("pages")).get(0);
        assertEquals(List.of("id", "position", "title", "updatedAt", "lock", "boxes"), List.copyOf(page.keySet()));
        assertEquals("lea", ((Map<?, ?>) page.get("lock")).get("holderId"), "adding a box took the lock");

        NotebookBody shared = resource.share(as(PUPIL), CLASS_ID, notebook.id(), new SharingBody("READ"));
        assertEquals("READ", shared.sharing());
        assertBadRequest(() -> resource.share(as(PUPIL), CLASS_ID, notebook.id(), new SharingBody("EVERYONE")));

        Response zip = resource.export(as(PARENT), CLASS_ID, notebook.id());
        assertEquals("application/zip", zip.getMediaType().toString());
        assertTrue(zip.getHeaderString("Content-Disposition").contains("mon-cahier.zip"));
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        ((StreamingOutput) zip.getEntity()).write(bytes);
        try (ZipInputStream entries = new ZipInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
            assertEquals("index.html", entries.getNextEntry().getName());
        }
    }

    @Test
    void filesAreServedWholeOrByRangeWithSafeHeaders() throws Exception {
        NotebookBody notebook = (NotebookBody) resource.create(as(PUPIL), uri("notebooks"), CLASS_ID,
                new NotebookEdit("Sons", "#123456", null)).getEntity();
        byte[] sound = Samples.wav(2000);
        MediaBody media = (MediaBody) resource.upload(as(PUPIL), uri("media"), CLASS_ID, notebook.id(), null,
                new ByteArrayInputStream(sound)).getEntity();
        assertEquals("media.wav", media.name());

        Response whole = resource.media(as(PUPIL), CLASS_ID, notebook.id(), media.id(), null, false);
        assertEquals(200, whole.getStatus());
        assertEquals("audio/wav", whole.getHeaderString("Content-Type"));
        assertEquals("2000", whole.getHeaderString("Content-Length"));
        assertEquals("bytes", whole.getHeaderString("Accept-Ranges"));
        assertEquals("nosniff", whole.getHeaderString("X-Content-Type-Options"));
        assertTrue(whole.getHeaderString("Content-Security-Policy").contains("sandbox"));
        assertTrue(whole.getHeaderString("Content-Disposition").startsWith("inline; filename=\"media.wav\""));
        assertArrayEquals(sound, body(whole));

        Response partial = resource.media(as(PUPIL), CLASS_ID, notebook.id(), media.id(), "bytes=100-199", true);
        assertEquals(206, partial.getStatus());
        assertEquals("bytes 100-199/2000", partial.getHeaderString("Content-Range"));
        assertEquals("100", partial.getHeaderString("Content-Length"));
        assertTrue(partial.getHeaderString("Content-Disposition").startsWith("attachment;"));
        assertArrayEquals(Arrays.copyOfRange(sound, 100, 200), body(partial));

        Response unsatisfiable = resource.media(as(PUPIL), CLASS_ID, notebook.id(), media.id(), "bytes=2000-", false);
        assertEquals(416, unsatisfiable.getStatus());
        assertEquals("bytes */2000", unsatisfiable.getHeaderString("Content-Range"));

        assertEquals(Kind.NOT_FOUND, assertThrows(CartableException.class,
                () -> resource.media(as(PUPIL), CLASS_ID, notebook.id(), UUID.randomUUID().toString(), null, false))
                .kind());
    }

    @Test
    void theUploadParameterAcceptsMoreThanThePlatformsDefault() throws Exception {
        Parameter body = Arrays.stream(NotebookResource.class.getMethods())
                .filter(m -> m.getName().equals("upload")).findFirst().orElseThrow().getParameters()[5];
        MaxBodySize limit = body.getAnnotation(MaxBodySize.class);
        assertTrue(limit.value() >= MediaLimits.DEFAULTS.largest(), "the transport must let the largest kind through");
    }

    @Test
    void missingFieldsAreBadRequests() {
        assertBadRequest(() -> resource.create(as(PUPIL), uri("notebooks"), CLASS_ID, null));
        assertBadRequest(() -> resource.addBox(as(PUPIL), uri("boxes"), CLASS_ID, "n", "p",
                new BoxEdit("TEXT", 1.0, null, 10.0, 10.0, null, "x", null, null)));
        assertBadRequest(() -> resource.addBox(as(PUPIL), uri("boxes"), CLASS_ID, "n", "p",
                new BoxEdit("SPREADSHEET", 1.0, 1.0, 10.0, 10.0, null, "x", null, null)));
        assertBadRequest(() -> resource.reorder(as(PUPIL), CLASS_ID, "n", new NotebookJson.PageOrder(null)));
        assertEquals(Kind.UNAUTHORIZED, assertThrows(CartableException.class,
                () -> resource.overview(as(null), CLASS_ID)).kind());
    }

    private byte[] body(Response response) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ((StreamingOutput) response.getEntity()).write(out);
        return out.toByteArray();
    }

    @SuppressWarnings("unchecked")
    private List<String> fields(Object body) throws Exception {
        return List.copyOf(json.readValue(json.writeValueAsString(body), Map.class).keySet());
    }

    private static String base() {
        return "http://localhost/api/classes/" + CLASS_ID + "/notebook/";
    }

    private static UriInfo uri(String path) {
        return RequestContexts.uri(base() + path);
    }

    private static void assertBadRequest(Executable call) {
        assertEquals(Kind.BAD_REQUEST, assertThrows(CartableException.class, call).kind());
    }
}
