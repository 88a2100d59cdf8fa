package org.cartable.rest.internal.operations;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.util.List;
import java.util.Map;

import javax.ws.rs.Consumes;
import javax.ws.rs.DELETE;
import javax.ws.rs.GET;
import javax.ws.rs.POST;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.QueryParam;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.SecurityContext;

import org.junit.jupiter.api.Test;

class OperationScannerTest {

    enum Mode { ON, OFF }

    record NewThing(String title, Mode mode, List<String> tags) {
    }

    /** An app resource behind the dispatcher: no class @Path. */
    public static final class Things {

        @GET
        public String list(@PathParam("classId") String classId, @QueryParam("limit") int limit) {
            return "";
        }

        @POST
        @Path("things")
        @Consumes(MediaType.APPLICATION_JSON)
        public String create(@Context SecurityContext security, @PathParam("classId") String classId, NewThing body) {
            return "";
        }

        @POST
        @Path("/things/{thingId: [a-f0-9-]+}/media/")
        public String upload(@PathParam("thingId") String thingId, InputStream body) {
            return "";
        }

        @Path("things/{thingId}/parts")
        public Parts parts() {
            return new Parts();
        }

        public String notAnOperation() {
            return "";
        }
    }

    public static final class Parts {

        @DELETE
        @Path("{partId}")
        public void delete(@PathParam("partId") String partId) {
        }
    }

    @Path("classes/{classId}")
    public static final class Dispatcher implements SubResourceRoutes {

        @Path("{appId}")
        public Object app(@PathParam("appId") String appId) {
            return null;
        }

        @GET
        @Path("apps")
        public String apps() {
            return "";
        }

        @Override
        public String locator() {
            return "app";
        }

        @Override
        public Operation.Kind kind() {
            return Operation.Kind.CLASS_APP;
        }

        @Override
        public Map<String, Object> routes() {
            return Map.of("things", new Things());
        }
    }

    @Test
    void followsTheDispatchersTableAndLocators() {
        List<Operation> operations = new OperationScanner("/api").addRoot(new Dispatcher()).addRoot("no @Path").operations();

        assertEquals(List.of(
                        "GET /api/classes/{classId}/apps",
                        "GET /api/classes/{classId}/things",
                        "POST /api/classes/{classId}/things/things",
                        "POST /api/classes/{classId}/things/things/{thingId}/media",
                        "DELETE /api/classes/{classId}/things/things/{thingId}/parts/{partId}"),
                operations.stream().map(o -> o.method() + " " + o.path()).toList());

        Operation list = operations.get(1);
        assertEquals(Operation.Kind.CLASS_APP, list.kind());
        assertEquals("things", list.appId());
        assertEquals(List.of("limit"), list.queryParams());
        assertNull(list.body());
        assertEquals("Things.list", list.handler());

        Operation apps = operations.get(0);
        assertEquals(Operation.Kind.PLATFORM, apps.kind());
        assertNull(apps.appId());

        Operation create = operations.get(2);
        assertEquals(List.of(MediaType.APPLICATION_JSON), create.consumes());
        assertEquals(new Operation.Body("NewThing", false, List.of(
                new Operation.Field("title", "String", List.of()),
                new Operation.Field("mode", "Mode", List.of("ON", "OFF")),
                new Operation.Field("tags", "List<String>", List.of()))), create.body());

        Operation upload = operations.get(3);
        assertTrue(upload.body().raw());
        assertEquals(List.of("classId", "thingId"), upload.pathParams());

        Operation delete = operations.get(4);
        assertEquals(List.of("classId", "thingId", "partId"), delete.pathParams());
        assertEquals("things", delete.appId());
    }
}
