package org.cartable.directoryimport.internal.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.lang.reflect.Proxy;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import javax.ws.rs.core.HttpHeaders;
import javax.ws.rs.core.Response;
import javax.ws.rs.core.SecurityContext;
import javax.ws.rs.core.StreamingOutput;
import javax.ws.rs.core.UriBuilder;
import javax.ws.rs.core.UriInfo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.cartable.api.Caller;
import org.cartable.api.CartableException;
import org.cartable.api.rest.CallerPrincipal;
import org.cartable.directoryimport.internal.TestImports;
import org.cartable.directoryimport.internal.job.JobState;
import org.cartable.directoryimport.internal.job.JobView;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The REST resource over the real service: statuses, bodies, downloads, refusals. */
class ImportResourceTest {

    private final TestImports t = new TestImports();
    private final ImportResource resource = new ImportResource(t.imports);

    @AfterEach
    void close() {
        t.close();
    }

    @Test
    void createUploadDryRunRunAndDownload() throws IOException {
        Response created = resource.create(as(t.operator), jobsUri(),
                new ImportResource.NewJob("onde", null, t.collectivityId, null));
        assertEquals(201, created.getStatus());
        JobView job = (JobView) created.getEntity();
        assertEquals(URI.create("http://localhost/api/tools/import/jobs/" + job.id()), created.getLocation());
        assertEquals("2026-2027", job.schoolYear(), "the current school year by default");

        resource.putFile(as(t.operator), job.id(), "pupils", TestImports.resource("onde/eleves-latin1.csv"));
        JobView uploaded = resource.appendFile(as(t.operator), job.id(), "guardians",
                TestImports.resource("onde/responsables-latin1.csv"));
        assertEquals(2, uploaded.files().size());

        Response dry = resource.dryRun(as(t.operator), job.id());
        assertEquals(202, dry.getStatus());
        assertTrue(resource.sheetClasses(as(t.operator), job.id()).isEmpty(), "a dry run creates no account");

        Response run = resource.run(as(t.operator), job.id());
        JobView done = resource.job(as(t.operator), job.id());
        assertEquals(JobState.DONE, done.state(), run::toString);

        JsonNode json = new ObjectMapper().valueToTree(done);
        assertEquals(6, json.path("summary").path("pupilsCreated").asInt(), json::toString);
        assertEquals(100, json.path("percent").asInt());
        assertTrue(json.path("createdAt").asText().startsWith("2026-11-29T"), json::toString);

        String report = body(resource.report(as(t.operator), job.id()));
        assertTrue(report.contains("pupils;6;unknown grade 'GS'"), report);

        List<ImportResource.SheetClass> classes = resource.sheetClasses(as(t.operator), job.id());
        assertEquals(List.of("0451111A / CE1-CE2", "0451111A / CP A", "0452222B / CM1"),
                classes.stream().map(ImportResource.SheetClass::key).toList());
        Response pdf = resource.sheets(as(t.operator), uri(), headers(), job.id(), "0451111A / CP A");
        assertTrue(body(pdf).startsWith("%PDF"));
        assertEquals(404, assertThrowsKind(() -> resource.sheets(as(t.operator), uri(), headers(), job.id(),
                "nowhere")));

        assertEquals(204, resource.delete(as(t.operator), job.id()).getStatus());
        assertEquals(404, assertThrowsKind(() -> resource.job(as(t.operator), job.id())));
    }

    @Test
    void refusals() {
        assertEquals(400, assertThrowsKind(() -> resource.create(as(t.operator), jobsUri(), null)));
        assertEquals(400, assertThrowsKind(() -> resource.create(as(t.operator), jobsUri(),
                new ImportResource.NewJob("onde", null, "no-such-collectivity", null))));
        assertEquals(400, assertThrowsKind(() -> resource.create(as(t.operator), jobsUri(),
                new ImportResource.NewJob("onde", null, null, Map.of("uai", "UAI")))));
        assertEquals(403, assertThrowsKind(() -> resource.jobs(as(t.teacher))));
        assertEquals(401, assertThrowsKind(() -> resource.jobs(as(null))));
        String job = ((JobView) resource.create(as(t.operator), jobsUri(),
                new ImportResource.NewJob("onde", null, null, null)).getEntity()).id();
        assertEquals(404, assertThrowsKind(() -> resource.job(as(t.otherOperator), job)));
        assertEquals(400, assertThrowsKind(() -> resource.run(as(t.operator), job)));
        assertEquals(List.of("onde", "oneroster", "csv", "staff"),
                resource.formats(as(t.operator)).stream().map(ImportResource.FormatInfo::id).toList());
    }

    private static int assertThrowsKind(org.junit.jupiter.api.function.Executable call) {
        return assertThrows(CartableException.class, call).kind().status();
    }

    private static String body(Response response) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ((StreamingOutput) response.getEntity()).write(out);
        return out.toString(StandardCharsets.ISO_8859_1);
    }

    private static SecurityContext as(Caller caller) {
        return proxy(SecurityContext.class, "getUserPrincipal", caller == null ? null : new CallerPrincipal(caller));
    }

    private static UriInfo jobsUri() {
        return proxy(UriInfo.class, "getAbsolutePathBuilder",
                UriBuilder.fromUri("http://localhost/api/tools/import/jobs"));
    }

    private static UriInfo uri() {
        return proxy(UriInfo.class, "getBaseUri", URI.create("http://localhost/api/"));
    }

    private static HttpHeaders headers() {
        return proxy(HttpHeaders.class, "getAcceptableLanguages", List.of(Locale.FRENCH));
    }

    private static <T> T proxy(Class<T> type, String method, Object answer) {
        return type.cast(Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, (self, called, args) -> {
            if (called.getName().equals(method)) {
                return answer;
            }
            throw new UnsupportedOperationException(called.getName());
        }));
    }
}
