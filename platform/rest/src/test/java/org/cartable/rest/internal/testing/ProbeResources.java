package org.cartable.rest.internal.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import javax.ws.rs.Consumes;
import javax.ws.rs.GET;
import javax.ws.rs.POST;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.SecurityContext;

import org.cartable.api.rest.AppResource;
import org.cartable.api.rest.ClassAppResource;
import org.cartable.api.rest.MaxBodySize;
import org.cartable.api.rest.RestApi;

/** Stand-ins for app resources, to see what the platform's extensions do around them. */
public final class ProbeResources {

    private ProbeResources() {
    }

    /** An app resource that forgets to check class access itself. */
    @Produces(MediaType.APPLICATION_JSON)
    public static final class CarelessBlog implements ClassAppResource {

        public final AtomicInteger calls = new AtomicInteger();

        @Override
        public String appId() {
            return "blog";
        }

        @GET
        public Map<String, Object> get(@PathParam("classId") String classId, @Context SecurityContext security) {
            calls.incrementAndGet();
            return Map.of("classId", classId, "caller", RestApi.caller(security).login());
        }

        /** An upload allowed up to 3 MiB: answers how many bytes it read. */
        @POST
        @Path("upload")
        @Consumes(MediaType.WILDCARD)
        public Map<String, Object> upload(@MaxBodySize(UPLOAD_MAX) InputStream body) throws IOException {
            calls.incrementAndGet();
            return Map.of("bytes", body.transferTo(OutputStream.nullOutputStream()));
        }
    }

    public static final long UPLOAD_MAX = 3L * 1024 * 1024;

    /** A class resource whose app descriptor is not (or no longer) in the catalogue. */
    @Produces(MediaType.APPLICATION_JSON)
    public static final class Orphan implements ClassAppResource {

        public final AtomicInteger calls = new AtomicInteger();

        @Override
        public String appId() {
            return "orphan";
        }

        @GET
        public Map<String, Object> get(@PathParam("classId") String classId) {
            calls.incrementAndGet();
            return Map.of("classId", classId);
        }
    }

    /** The resource of the school-scoped "news" tool. */
    @Produces(MediaType.APPLICATION_JSON)
    public static final class News implements AppResource {

        public final AtomicInteger calls = new AtomicInteger();

        @Override
        public String appId() {
            return "news";
        }

        @GET
        @Path("latest")
        public Map<String, Object> latest(@Context SecurityContext security) {
            calls.incrementAndGet();
            return Map.of("caller", RestApi.caller(security).login());
        }
    }

    public record Note(String title, Instant at, LocalDate day, List<Integer> marks) {
    }

    @Path("probe")
    @Produces(MediaType.APPLICATION_JSON)
    public static final class Probe {

        @POST
        @Path("echo")
        @Consumes(MediaType.APPLICATION_JSON)
        public Note echo(Note note) {
            return note;
        }

        /** An optional body, like the fleet's ticket actions: no {@code @Consumes}, null when nothing is sent. */
        @POST
        @Path("optional")
        public Map<String, Object> optional(Note note) {
            return Map.of("sent", note != null);
        }

        @GET
        @Path("boom")
        public String boom() {
            throw new IllegalStateException("database password is hunter2");
        }
    }
}
