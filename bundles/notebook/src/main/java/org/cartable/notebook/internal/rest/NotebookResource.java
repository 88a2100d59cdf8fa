package org.cartable.notebook.internal.rest;

import java.io.InputStream;
import java.io.OutputStream;
import java.util.List;
import java.util.Locale;

import javax.ws.rs.Consumes;
import javax.ws.rs.DELETE;
import javax.ws.rs.GET;
import javax.ws.rs.HeaderParam;
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

import org.cartable.api.Caller;
import org.cartable.api.CartableException;
import org.cartable.api.rest.ClassAppResource;
import org.cartable.api.rest.MaxBodySize;
import org.cartable.api.rest.RestApi;
import org.cartable.notebook.internal.BoxInput;
import org.cartable.notebook.internal.BoxKind;
import org.cartable.notebook.internal.Geometry;
import org.cartable.notebook.internal.MediaFile;
import org.cartable.notebook.internal.Notebook;
import org.cartable.notebook.internal.NotebookApp;
import org.cartable.notebook.internal.NotebookExport;
import org.cartable.notebook.internal.NotebookService;
import org.cartable.notebook.internal.Page;
import org.cartable.notebook.internal.Sharing;
import org.cartable.notebook.internal.media.MediaDelivery;
import org.cartable.notebook.internal.media.MediaStore;
import org.cartable.notebook.internal.rest.NotebookJson.BoxBody;
import org.cartable.notebook.internal.rest.NotebookJson.BoxEdit;
import org.cartable.notebook.internal.rest.NotebookJson.LockBody;
import org.cartable.notebook.internal.rest.NotebookJson.MediaBody;
import org.cartable.notebook.internal.rest.NotebookJson.NotebookBody;
import org.cartable.notebook.internal.rest.NotebookJson.NotebookEdit;
import org.cartable.notebook.internal.rest.NotebookJson.NotebookWithPages;
import org.cartable.notebook.internal.rest.NotebookJson.Overview;
import org.cartable.notebook.internal.rest.NotebookJson.PageBody;
import org.cartable.notebook.internal.rest.NotebookJson.PageEdit;
import org.cartable.notebook.internal.rest.NotebookJson.PageOrder;
import org.cartable.notebook.internal.rest.NotebookJson.SharingBody;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * {@code /api/classes/{classId}/notebook} (routed here by the platform): translates HTTP to {@link NotebookService}
 * calls and back; access checks, validation and refusals all come from the service. Uploads are raw bodies (the file
 * itself, any Content-Type: the type is read from the content), up to {@link #UPLOAD_CEILING} at the transport; the
 * service applies the per-kind limits.
 */
@Component(service = ClassAppResource.class)
@Produces(MediaType.APPLICATION_JSON)
public final class NotebookResource implements ClassAppResource {

    /** The largest upload the transport accepts; the configured per-kind limits apply below it. */
    public static final long UPLOAD_CEILING = 200L * 1024 * 1024;

    private static final String NOTEBOOK = "notebooks/{notebookId}";
    private static final String PAGE = NOTEBOOK + "/pages/{pageId}";

    private final NotebookService notebooks;

    @Activate
    public NotebookResource(@Reference(name = "notebooks") NotebookService notebooks) {
        this.notebooks = notebooks;
    }

    @Override
    public String appId() {
        return NotebookApp.ID;
    }

    // -------------------------------------------------------------------------------------------- notebooks

    @GET
    public Overview overview(@Context SecurityContext security, @PathParam("classId") String classId) {
        return Overview.of(notebooks.overview(RestApi.caller(security), classId));
    }

    @POST
    @Path("notebooks")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response create(@Context SecurityContext security, @Context UriInfo uri,
                           @PathParam("classId") String classId, NotebookEdit request) {
        Caller caller = RestApi.caller(security);
        if (request == null || request.title() == null) {
            throw CartableException.badRequest("Send {\"title\", \"coverColor\" (optional, e.g. \"#2c6e9b\")}.");
        }
        Notebook notebook = notebooks.create(caller, classId, request.title(), request.coverColor());
        return Response.created(uri.getAbsolutePathBuilder().path(notebook.id()).build())
                .entity(NotebookBody.of(notebook)).build();
    }

    @GET
    @Path(NOTEBOOK)
    public NotebookWithPages notebook(@Context SecurityContext security, @PathParam("classId") String classId,
                                      @PathParam("notebookId") String notebookId) {
        return NotebookWithPages.of(notebooks.notebook(RestApi.caller(security), classId, notebookId));
    }

    @PUT
    @Path(NOTEBOOK)
    @Consumes(MediaType.APPLICATION_JSON)
    public NotebookBody describe(@Context SecurityContext security, @PathParam("classId") String classId,
                                 @PathParam("notebookId") String notebookId, NotebookEdit request) {
        Caller caller = RestApi.caller(security);
        if (request == null || request.title() == null) {
            throw CartableException.badRequest("Send {\"title\", \"coverColor\", \"coverMediaId\" (or null)}.");
        }
        return NotebookBody.of(notebooks.describe(caller, classId, notebookId, request.title(), request.coverColor(),
                request.coverMediaId()));
    }

    @PUT
    @Path(NOTEBOOK + "/sharing")
    @Consumes(MediaType.APPLICATION_JSON)
    public NotebookBody share(@Context SecurityContext security, @PathParam("classId") String classId,
                              @PathParam("notebookId") String notebookId, SharingBody request) {
        Caller caller = RestApi.caller(security);
        Sharing sharing = request == null ? null : parse(Sharing.class, request.sharing(),
                "Send {\"sharing\": \"PRIVATE\"|\"READ\"|\"CONTRIBUTE\"}.");
        if (sharing == null) {
            throw CartableException.badRequest("Send {\"sharing\": \"PRIVATE\"|\"READ\"|\"CONTRIBUTE\"}.");
        }
        return NotebookBody.of(notebooks.share(caller, classId, notebookId, sharing));
    }

    @DELETE
    @Path(NOTEBOOK)
    public void delete(@Context SecurityContext security, @PathParam("classId") String classId,
                       @PathParam("notebookId") String notebookId) {
        notebooks.deleteNotebook(RestApi.caller(security), classId, notebookId);
    }

    @POST
    @Path(NOTEBOOK + "/duplicate")
    public Response duplicate(@Context SecurityContext security, @Context UriInfo uri, @Context HttpHeaders headers,
                              @PathParam("classId") String classId, @PathParam("notebookId") String notebookId) {
        Notebook copy = notebooks.duplicateNotebook(RestApi.caller(security), classId, notebookId,
                language(headers));
        return Response.created(uri.getBaseUriBuilder().path("classes").path(classId).path(NotebookApp.ID)
                        .path("notebooks").path(copy.id()).build())
                .entity(NotebookBody.of(copy)).build();
    }

    @GET
    @Path(NOTEBOOK + "/export")
    @Produces({"application/zip", MediaType.APPLICATION_JSON})
    public Response export(@Context SecurityContext security, @PathParam("classId") String classId,
                           @PathParam("notebookId") String notebookId) {
        NotebookExport.Content content = notebooks.exportContent(RestApi.caller(security), classId, notebookId);
        StreamingOutput zip = out -> NotebookExport.write(content, out);
        return Response.ok(zip, "application/zip")
                .header("Content-Disposition", "attachment; filename=\""
                        + NotebookExport.fileName(content.detail().notebook()) + "\"")
                .build();
    }

    // -------------------------------------------------------------------------------------------- pages

    @POST
    @Path(NOTEBOOK + "/pages")
    public Response addPage(@Context SecurityContext security, @Context UriInfo uri,
                            @PathParam("classId") String classId, @PathParam("notebookId") String notebookId,
                            PageEdit request) {
        Page page = notebooks.addPage(RestApi.caller(security), classId, notebookId,
                request == null ? null : request.title());
        return Response.created(uri.getAbsolutePathBuilder().path(page.id()).build())
                .entity(PageBody.of(page)).build();
    }

    @PUT
    @Path(NOTEBOOK + "/pages/order")
    @Consumes(MediaType.APPLICATION_JSON)
    public List<PageBody> reorder(@Context SecurityContext security, @PathParam("classId") String classId,
                                  @PathParam("notebookId") String notebookId, PageOrder request) {
        Caller caller = RestApi.caller(security);
        if (request == null || request.pageIds() == null) {
            throw CartableException.badRequest("Send {\"pageIds\": [every page id, in the new order]}.");
        }
        return notebooks.reorderPages(caller, classId, notebookId, request.pageIds()).stream()
                .map(PageBody::of).toList();
    }

    @GET
    @Path(PAGE)
    public PageBody page(@Context SecurityContext security, @PathParam("classId") String classId,
                         @PathParam("notebookId") String notebookId, @PathParam("pageId") String pageId) {
        return PageBody.of(notebooks.page(RestApi.caller(security), classId, notebookId, pageId));
    }

    /** Saves the page's title and ends the caller's editing session (the lock is released). */
    @PUT
    @Path(PAGE)
    @Consumes(MediaType.APPLICATION_JSON)
    public PageBody savePage(@Context SecurityContext security, @PathParam("classId") String classId,
                             @PathParam("notebookId") String notebookId, @PathParam("pageId") String pageId,
                             PageEdit request) {
        Caller caller = RestApi.caller(security);
        if (request == null) {
            throw CartableException.badRequest("Send {\"title\"} (null for none).");
        }
        return PageBody.of(notebooks.savePage(caller, classId, notebookId, pageId, request.title()));
    }

    @DELETE
    @Path(PAGE)
    public void deletePage(@Context SecurityContext security, @PathParam("classId") String classId,
                           @PathParam("notebookId") String notebookId, @PathParam("pageId") String pageId) {
        notebooks.deletePage(RestApi.caller(security), classId, notebookId, pageId);
    }

    @POST
    @Path(PAGE + "/duplicate")
    public Response duplicatePage(@Context SecurityContext security, @Context UriInfo uri,
                                  @PathParam("classId") String classId, @PathParam("notebookId") String notebookId,
                                  @PathParam("pageId") String pageId) {
        Page copy = notebooks.duplicatePage(RestApi.caller(security), classId, notebookId, pageId);
        return Response.created(uri.getBaseUriBuilder().path("classes").path(classId).path(NotebookApp.ID)
                        .path("notebooks").path(notebookId).path("pages").path(copy.id()).build())
                .entity(PageBody.of(copy)).build();
    }

    @POST
    @Path(PAGE + "/lock")
    public LockBody lock(@Context SecurityContext security, @PathParam("classId") String classId,
                         @PathParam("notebookId") String notebookId, @PathParam("pageId") String pageId) {
        return LockBody.of(notebooks.lock(RestApi.caller(security), classId, notebookId, pageId));
    }

    @DELETE
    @Path(PAGE + "/lock")
    public void unlock(@Context SecurityContext security, @PathParam("classId") String classId,
                       @PathParam("notebookId") String notebookId, @PathParam("pageId") String pageId) {
        notebooks.unlock(RestApi.caller(security), classId, notebookId, pageId);
    }

    // -------------------------------------------------------------------------------------------- boxes

    @POST
    @Path(PAGE + "/boxes")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response addBox(@Context SecurityContext security, @Context UriInfo uri,
                           @PathParam("classId") String classId, @PathParam("notebookId") String notebookId,
                           @PathParam("pageId") String pageId, BoxEdit request) {
        Caller caller = RestApi.caller(security);
        BoxInput input = input(request, true);
        BoxBody box = BoxBody.of(notebooks.addBox(caller, classId, notebookId, pageId, input));
        return Response.created(uri.getAbsolutePathBuilder().path(box.id()).build()).entity(box).build();
    }

    @PUT
    @Path(PAGE + "/boxes/{boxId}")
    @Consumes(MediaType.APPLICATION_JSON)
    public BoxBody updateBox(@Context SecurityContext security, @PathParam("classId") String classId,
                             @PathParam("notebookId") String notebookId, @PathParam("pageId") String pageId,
                             @PathParam("boxId") String boxId, BoxEdit request) {
        Caller caller = RestApi.caller(security);
        return BoxBody.of(notebooks.updateBox(caller, classId, notebookId, pageId, boxId, input(request, false)));
    }

    @DELETE
    @Path(PAGE + "/boxes/{boxId}")
    public void deleteBox(@Context SecurityContext security, @PathParam("classId") String classId,
                          @PathParam("notebookId") String notebookId, @PathParam("pageId") String pageId,
                          @PathParam("boxId") String boxId) {
        notebooks.deleteBox(RestApi.caller(security), classId, notebookId, pageId, boxId);
    }

    // -------------------------------------------------------------------------------------------- media

    /** The body is the file itself; {@code ?name=} only labels it. */
    @POST
    @Path(NOTEBOOK + "/media")
    @Consumes(MediaType.WILDCARD)
    public Response upload(@Context SecurityContext security, @Context UriInfo uri,
                           @PathParam("classId") String classId, @PathParam("notebookId") String notebookId,
                           @QueryParam("name") String name, @MaxBodySize(UPLOAD_CEILING) InputStream body) {
        Caller caller = RestApi.caller(security);
        MediaBody media = MediaBody.of(notebooks.uploadMedia(caller, classId, notebookId, body, name));
        return Response.created(uri.getAbsolutePathBuilder().path(media.id()).build()).entity(media).build();
    }

    /** The file, whole or one byte range (RFC 7233), so that players can seek; {@code ?download=true} saves it. */
    @GET
    @Path(NOTEBOOK + "/media/{mediaId}")
    @Produces(MediaType.WILDCARD)
    public Response media(@Context SecurityContext security, @PathParam("classId") String classId,
                          @PathParam("notebookId") String notebookId, @PathParam("mediaId") String mediaId,
                          @HeaderParam("Range") String range, @QueryParam("download") boolean download) {
        MediaFile file = notebooks.media(RestApi.caller(security), classId, notebookId, mediaId);
        MediaDelivery delivery = MediaDelivery.of(file, file.info().size(), range, download);
        Response.ResponseBuilder response = Response.status(delivery.status());
        delivery.headers().forEach(response::header);
        if (delivery.status() == 416) {
            return response.type(MediaType.APPLICATION_JSON_TYPE)
                    .entity(new Error("range_not_satisfiable", "The file has " + file.info().size() + " bytes."))
                    .build();
        }
        StreamingOutput bytes = out -> send(file, delivery, out);
        return response.entity(bytes).build();
    }

    /** The JSON error of a 416, as the platform writes its own errors. */
    public record Error(String error, String message) {
    }

    private static void send(MediaFile file, MediaDelivery delivery, OutputStream out) throws java.io.IOException {
        MediaStore.write(file.path(), delivery.first(), delivery.length(), out);
    }

    // -------------------------------------------------------------------------------------------- input

    private static BoxInput input(BoxEdit request, boolean creating) {
        if (request == null || request.x() == null || request.y() == null || request.width() == null
                || request.height() == null || creating && request.kind() == null) {
            throw CartableException.badRequest("Send {\"kind\": \"TEXT\"|\"IMAGE\"|\"AUDIO\"|\"VIDEO\"|\"EMBED\", \"x\","
                    + " \"y\", \"width\", \"height\" (in % of the page), \"z\" (optional), \"content\", \"mediaId\","
                    + " \"embedUrl\"}.");
        }
        BoxKind kind = request.kind() == null ? null
                : parse(BoxKind.class, request.kind(), "'kind' must be TEXT, IMAGE, AUDIO, VIDEO or EMBED.");
        Geometry geometry = Geometry.valid(request.x(), request.y(), request.width(), request.height(), request.z());
        return new BoxInput(kind, geometry, request.content(), request.mediaId(), request.embedUrl());
    }

    private static <E extends Enum<E>> E parse(Class<E> type, String value, String message) {
        if (value == null) {
            return null;
        }
        try {
            return Enum.valueOf(type, value);
        } catch (IllegalArgumentException e) {
            throw CartableException.badRequest(message);
        }
    }

    private static Locale language(HttpHeaders headers) {
        List<Locale> wanted = headers == null ? List.of() : headers.getAcceptableLanguages();
        return wanted.stream().filter(l -> l.getLanguage().equals("en")).findFirst().orElse(Locale.FRENCH);
    }
}
