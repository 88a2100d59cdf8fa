package org.cartable.directoryimport.internal.rest;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.Files;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import javax.ws.rs.Consumes;
import javax.ws.rs.DELETE;
import javax.ws.rs.GET;
import javax.ws.rs.POST;
import javax.ws.rs.PUT;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.QueryParam;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.HttpHeaders;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;
import javax.ws.rs.core.SecurityContext;
import javax.ws.rs.core.StreamingOutput;
import javax.ws.rs.core.UriInfo;

import org.cartable.api.CartableException;
import org.cartable.api.rest.AppResource;
import org.cartable.api.territory.CollectivityInfo;
import org.cartable.api.rest.RestApi;
import org.cartable.directoryimport.internal.ImportApp;
import org.cartable.directoryimport.internal.format.Formats;
import org.cartable.directoryimport.internal.job.ImportService;
import org.cartable.directoryimport.internal.job.JobView;
import org.cartable.directoryimport.internal.sheets.ConnectionSheets;
import org.cartable.directoryimport.internal.sheets.Credential;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * {@code /api/tools/import} (routed here by the platform): translates HTTP to {@link ImportService} calls. Files are
 * sent raw ({@code text/csv}, or {@code application/zip} for a OneRoster export); a file bigger than the platform's
 * 1 MiB body limit is sent in parts, each appended with {@code POST} to what the first {@code PUT} started.
 */
@Component(service = AppResource.class)
@Produces(MediaType.APPLICATION_JSON)
public final class ImportResource implements AppResource {

    private static final String CSV = "text/csv";
    private static final String ZIP = "application/zip";
    private static final String PDF = "application/pdf";

    private final ImportService imports;

    @Activate
    public ImportResource(@Reference(name = "imports") ImportService imports) {
        this.imports = imports;
    }

    @Override
    public String appId() {
        return ImportApp.ID;
    }

    /** {@code POST /jobs} body. */
    public record NewJob(String format, String schoolYear, String collectivityId, Map<String, String> mapping) {
    }

    /** {@code GET /formats} item. */
    public record FormatInfo(String id, List<String> files, int requiredFiles) {
    }

    /** {@code GET /jobs/{id}/sheets} item. */
    public record SheetClass(String key, long accounts) {
    }

    @GET
    @Path("formats")
    public List<FormatInfo> formats(@Context SecurityContext security) {
        imports.jobs(RestApi.caller(security)); // access check
        return Formats.ids().stream().map(id -> Formats.byId(id).orElseThrow())
                .map(f -> new FormatInfo(f.id(), f.fileNames(), f.requiredFiles())).toList();
    }

    /** The collectivities an unknown school may be created in ({@code collectivityId} of a new job). */
    @GET
    @Path("collectivities")
    public List<CollectivityInfo> collectivities(@Context SecurityContext security) {
        return imports.collectivities(RestApi.caller(security));
    }

    @GET
    @Path("jobs")
    public List<JobView> jobs(@Context SecurityContext security) {
        return imports.jobs(RestApi.caller(security));
    }

    @POST
    @Path("jobs")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response create(@Context SecurityContext security, @Context UriInfo uri, NewJob request) {
        var caller = RestApi.caller(security);
        if (request == null || request.format() == null) {
            throw CartableException.badRequest("Send {\"format\": \"onde\"|\"oneroster\"|\"csv\"|\"staff\", \"schoolYear\","
                    + " \"collectivityId\" (to create unknown schools), \"mapping\" (csv only)}.");
        }
        JobView job = imports.create(caller, request.format(), request.schoolYear(), request.collectivityId(),
                request.mapping());
        URI location = uri.getAbsolutePathBuilder().path(job.id()).build();
        return Response.created(location).entity(job).build();
    }

    @GET
    @Path("jobs/{jobId}")
    public JobView job(@Context SecurityContext security, @PathParam("jobId") String jobId) {
        return imports.view(RestApi.caller(security), jobId);
    }

    @DELETE
    @Path("jobs/{jobId}")
    public Response delete(@Context SecurityContext security, @PathParam("jobId") String jobId) {
        imports.delete(RestApi.caller(security), jobId);
        return Response.noContent().build();
    }

    @PUT
    @Path("jobs/{jobId}/files/{name}")
    @Consumes({CSV, ZIP, MediaType.APPLICATION_OCTET_STREAM, MediaType.TEXT_PLAIN})
    public JobView putFile(@Context SecurityContext security, @PathParam("jobId") String jobId,
                           @PathParam("name") String name, InputStream body) {
        return imports.upload(RestApi.caller(security), jobId, name, body, false);
    }

    @POST
    @Path("jobs/{jobId}/files/{name}")
    @Consumes({CSV, ZIP, MediaType.APPLICATION_OCTET_STREAM, MediaType.TEXT_PLAIN})
    public JobView appendFile(@Context SecurityContext security, @PathParam("jobId") String jobId,
                              @PathParam("name") String name, InputStream body) {
        return imports.upload(RestApi.caller(security), jobId, name, body, true);
    }

    @POST
    @Path("jobs/{jobId}/dry-run")
    public Response dryRun(@Context SecurityContext security, @PathParam("jobId") String jobId) {
        return Response.accepted(imports.start(RestApi.caller(security), jobId, true)).build();
    }

    @POST
    @Path("jobs/{jobId}/run")
    public Response run(@Context SecurityContext security, @PathParam("jobId") String jobId) {
        return Response.accepted(imports.start(RestApi.caller(security), jobId, false)).build();
    }

    @GET
    @Path("jobs/{jobId}/rejected.csv")
    @Produces(CSV + ";charset=UTF-8")
    public Response report(@Context SecurityContext security, @PathParam("jobId") String jobId) {
        java.nio.file.Path report = imports.report(RestApi.caller(security), jobId);
        StreamingOutput body = out -> Files.copy(report, out);
        return Response.ok(body).header("Content-Disposition", "attachment; filename=\"rejected-lines.csv\"")
                .build();
    }

    @GET
    @Path("jobs/{jobId}/sheets")
    public List<SheetClass> sheetClasses(@Context SecurityContext security, @PathParam("jobId") String jobId) {
        return ConnectionSheets.classes(imports.credentials(RestApi.caller(security), jobId)).entrySet().stream()
                .map(e -> new SheetClass(e.getKey(), e.getValue())).toList();
    }

    /** Sheets of one class ({@code ?class=<key>} from {@code /sheets}), or of every class. */
    @GET
    @Path("jobs/{jobId}/sheets.pdf")
    @Produces(PDF)
    public Response sheets(@Context SecurityContext security, @Context UriInfo uri, @Context HttpHeaders headers,
                           @PathParam("jobId") String jobId, @QueryParam("class") String classKey) {
        List<Credential> credentials = imports.credentials(RestApi.caller(security), jobId).stream()
                .filter(c -> classKey == null || c.classKey().equals(classKey)).toList();
        if (credentials.isEmpty()) {
            throw CartableException.notFound("No new account to print" + (classKey == null ? "." : " for " + classKey
                    + "."));
        }
        Locale locale = headers.getAcceptableLanguages().stream().findFirst()
                .filter(l -> l.getLanguage().equals("en")).orElse(Locale.FRENCH);
        String site = uri.getBaseUri().resolve("/app/").toString();
        StreamingOutput body = out -> {
            try {
                ConnectionSheets.write(credentials, locale, site, out);
            } catch (IOException e) {
                throw new IOException("Connection sheets could not be written", e);
            }
        };
        return Response.ok(body).header("Content-Disposition", "attachment; filename=\"connection-sheets.pdf\"")
                .header("Cache-Control", "no-store").build();
    }
}
