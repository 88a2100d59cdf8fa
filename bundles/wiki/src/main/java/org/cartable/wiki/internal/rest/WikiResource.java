package org.cartable.wiki.internal.rest;

import java.util.List;

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
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;
import javax.ws.rs.core.SecurityContext;
import javax.ws.rs.core.UriInfo;

import org.cartable.api.CartableException;
import org.cartable.api.rest.ClassAppResource;
import org.cartable.api.rest.RestApi;
import org.cartable.wiki.internal.WikiApp;
import org.cartable.wiki.internal.WikiPage;
import org.cartable.wiki.internal.WikiService;
import org.cartable.wiki.internal.WikiSettings;
import org.cartable.wiki.internal.rest.WikiJson.CommentBody;
import org.cartable.wiki.internal.rest.WikiJson.Diff;
import org.cartable.wiki.internal.rest.WikiJson.Move;
import org.cartable.wiki.internal.rest.WikiJson.NewComment;
import org.cartable.wiki.internal.rest.WikiJson.NewPage;
import org.cartable.wiki.internal.rest.WikiJson.Page;
import org.cartable.wiki.internal.rest.WikiJson.PageEdit;
import org.cartable.wiki.internal.rest.WikiJson.Restore;
import org.cartable.wiki.internal.rest.WikiJson.Settings;
import org.cartable.wiki.internal.rest.WikiJson.Version;
import org.cartable.wiki.internal.rest.WikiJson.VersionWithContent;
import org.cartable.wiki.internal.rest.WikiJson.Wiki;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * {@code /api/classes/{classId}/wiki} (routed here by the platform): translates HTTP to {@link WikiService} calls and
 * back. It holds no rule of its own: access checks, validation and refusals (409 for a stale save) all come from
 * the service, and the platform's mappers turn its {@link CartableException}s into JSON errors.
 */
@Component(service = ClassAppResource.class)
@Produces(MediaType.APPLICATION_JSON)
public final class WikiResource implements ClassAppResource {

    private final WikiService wiki;

    @Activate
    public WikiResource(@Reference(name = "wiki") WikiService wiki) {
        this.wiki = wiki;
    }

    @Override
    public String appId() {
        return WikiApp.ID;
    }

    @GET
    public Wiki overview(@Context SecurityContext security, @PathParam("classId") String classId) {
        return Wiki.of(wiki.overview(RestApi.caller(security), classId));
    }

    @PUT
    @Path("settings")
    @Consumes(MediaType.APPLICATION_JSON)
    public Settings updateSettings(@Context SecurityContext security, @PathParam("classId") String classId,
                                   Settings settings) {
        var caller = RestApi.caller(security);
        if (settings == null || settings.teachersOnly() == null) {
            throw CartableException.badRequest("Send {\"teachersOnly\": true|false}.");
        }
        return Settings.of(wiki.updateSettings(caller, classId, new WikiSettings(settings.teachersOnly())));
    }

    @POST
    @Path("pages")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response createPage(@Context SecurityContext security, @Context UriInfo uri,
                               @PathParam("classId") String classId, NewPage request) {
        var caller = RestApi.caller(security);
        if (request == null || request.title() == null || request.content() == null) {
            throw CartableException.badRequest("Send {\"title\", \"content\", \"parentId\" (optional)}.");
        }
        WikiPage page = wiki.createPage(caller, classId, request.title(), request.content(), request.parentId());
        return Response.created(uri.getAbsolutePathBuilder().path(page.id()).build()).entity(Page.of(page)).build();
    }

    @GET
    @Path("pages/{pageId}")
    public Page page(@Context SecurityContext security, @PathParam("classId") String classId,
                     @PathParam("pageId") String pageId) {
        return Page.of(wiki.page(RestApi.caller(security), classId, pageId));
    }

    @PUT
    @Path("pages/{pageId}")
    @Consumes(MediaType.APPLICATION_JSON)
    public Page savePage(@Context SecurityContext security, @PathParam("classId") String classId,
                         @PathParam("pageId") String pageId, PageEdit request) {
        var caller = RestApi.caller(security);
        if (request == null || request.title() == null || request.content() == null
                || request.baseVersion() == null) {
            throw CartableException.badRequest("Send {\"title\", \"content\", \"baseVersion\"}: baseVersion is the "
                    + "version your text started from.");
        }
        return Page.of(wiki.savePage(caller, classId, pageId, request.title(), request.content(),
                request.baseVersion()));
    }

    @DELETE
    @Path("pages/{pageId}")
    public void deletePage(@Context SecurityContext security, @PathParam("classId") String classId,
                           @PathParam("pageId") String pageId) {
        wiki.deletePage(RestApi.caller(security), classId, pageId);
    }

    @PUT
    @Path("pages/{pageId}/position")
    @Consumes(MediaType.APPLICATION_JSON)
    public Page move(@Context SecurityContext security, @PathParam("classId") String classId,
                     @PathParam("pageId") String pageId, Move request) {
        var caller = RestApi.caller(security);
        if (request == null || request.parentId() == null) {
            throw CartableException.badRequest("Send {\"parentId\", \"position\" (optional, 0 is first)}.");
        }
        int position = request.position() == null ? Integer.MAX_VALUE : request.position();
        return Page.of(wiki.movePage(caller, classId, pageId, request.parentId(), position));
    }

    @GET
    @Path("pages/{pageId}/versions")
    public List<Version> history(@Context SecurityContext security, @PathParam("classId") String classId,
                                 @PathParam("pageId") String pageId) {
        return wiki.history(RestApi.caller(security), classId, pageId).stream().map(Version::of).toList();
    }

    @GET
    @Path("pages/{pageId}/versions/{number}")
    public VersionWithContent version(@Context SecurityContext security, @PathParam("classId") String classId,
                                      @PathParam("pageId") String pageId, @PathParam("number") String number) {
        return VersionWithContent.of(wiki.version(RestApi.caller(security), classId, pageId,
                versionNumber(number, "number")));
    }

    @POST
    @Path("pages/{pageId}/versions/{number}/restore")
    @Consumes(MediaType.APPLICATION_JSON)
    public Page restore(@Context SecurityContext security, @PathParam("classId") String classId,
                        @PathParam("pageId") String pageId, @PathParam("number") String number, Restore request) {
        var caller = RestApi.caller(security);
        if (request == null || request.baseVersion() == null) {
            throw CartableException.badRequest("Send {\"baseVersion\"}: the page's latest version, as you saw it.");
        }
        return Page.of(wiki.restore(caller, classId, pageId, versionNumber(number, "number"),
                request.baseVersion()));
    }

    @GET
    @Path("pages/{pageId}/diff")
    public Diff compare(@Context SecurityContext security, @PathParam("classId") String classId,
                        @PathParam("pageId") String pageId, @QueryParam("from") String from,
                        @QueryParam("to") String to) {
        return Diff.of(wiki.compare(RestApi.caller(security), classId, pageId, versionNumber(from, "from"),
                versionNumber(to, "to")));
    }

    @POST
    @Path("pages/{pageId}/comments")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response addComment(@Context SecurityContext security, @PathParam("classId") String classId,
                               @PathParam("pageId") String pageId, NewComment request) {
        var caller = RestApi.caller(security);
        if (request == null || request.body() == null) {
            throw CartableException.badRequest("Send {\"body\"}.");
        }
        // no Location: a comment has no address of its own, it is read with its page
        return Response.status(Response.Status.CREATED)
                .entity(CommentBody.of(wiki.addComment(caller, classId, pageId, request.body())))
                .build();
    }

    @DELETE
    @Path("pages/{pageId}/comments/{commentId}")
    public void deleteComment(@Context SecurityContext security, @PathParam("classId") String classId,
                              @PathParam("pageId") String pageId, @PathParam("commentId") String commentId) {
        wiki.deleteComment(RestApi.caller(security), classId, pageId, commentId);
    }

    private static int versionNumber(String raw, String name) {
        return RestApi.wholeNumber(raw, "'" + name + "' must be a version number.");
    }
}
