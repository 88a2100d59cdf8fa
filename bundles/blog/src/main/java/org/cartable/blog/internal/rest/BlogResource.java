package org.cartable.blog.internal.rest;

import javax.ws.rs.Consumes;
import javax.ws.rs.DELETE;
import javax.ws.rs.GET;
import javax.ws.rs.POST;
import javax.ws.rs.PUT;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;
import javax.ws.rs.core.SecurityContext;
import javax.ws.rs.core.UriInfo;

import org.cartable.api.CartableException;
import org.cartable.api.rest.ClassAppResource;
import org.cartable.api.rest.RestApi;
import org.cartable.blog.internal.BlogApp;
import org.cartable.blog.internal.BlogService;
import org.cartable.blog.internal.BlogSettings;
import org.cartable.blog.internal.Comment;
import org.cartable.blog.internal.Post;
import org.cartable.blog.internal.rest.BlogJson.Blog;
import org.cartable.blog.internal.rest.BlogJson.CommentBody;
import org.cartable.blog.internal.rest.BlogJson.NewComment;
import org.cartable.blog.internal.rest.BlogJson.NewPost;
import org.cartable.blog.internal.rest.BlogJson.PostBody;
import org.cartable.blog.internal.rest.BlogJson.PostEdit;
import org.cartable.blog.internal.rest.BlogJson.PostWithComments;
import org.cartable.blog.internal.rest.BlogJson.Settings;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * {@code /api/classes/{classId}/blog} (routed here by the platform): translates HTTP to {@link BlogService} calls and back. It holds no rule of its
 * own: access checks, validation and refusals all come from the service, and the platform's mappers turn its
 * {@link CartableException}s into JSON errors.
 * <p>
 * Only the methods that read a body declare {@code @Consumes}: the bodiless POSTs (submit, publish...) must not be
 * refused with 415 because a client sent no or another content type.
 */
@Component(service = ClassAppResource.class)
@Produces(MediaType.APPLICATION_JSON)
public final class BlogResource implements ClassAppResource {

    private final BlogService blog;

    @Activate
    public BlogResource(@Reference(name = "blog") BlogService blog) {
        this.blog = blog;
    }

    @Override
    public String appId() {
        return BlogApp.ID;
    }

    @GET
    public Blog overview(@Context SecurityContext security, @PathParam("classId") String classId) {
        return Blog.of(blog.overview(RestApi.caller(security), classId));
    }

    @PUT
    @Path("settings")
    @Consumes(MediaType.APPLICATION_JSON)
    public Settings updateSettings(@Context SecurityContext security, @PathParam("classId") String classId,
                                   Settings settings) {
        var caller = RestApi.caller(security);
        if (settings == null || settings.comments() == null || settings.pupilsPublishDirectly() == null) {
            throw CartableException.badRequest(
                    "Send {\"comments\": \"NONE\"|\"IMMEDIATE\"|\"APPROVAL\", \"pupilsPublishDirectly\": true|false}.");
        }
        return Settings.of(blog.updateSettings(caller, classId,
                new BlogSettings(settings.comments(), settings.pupilsPublishDirectly())));
    }

    @POST
    @Path("posts")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response createPost(@Context SecurityContext security, @Context UriInfo uri,
                               @PathParam("classId") String classId, NewPost request) {
        var caller = RestApi.caller(security);
        if (request == null || request.title() == null || request.body() == null || request.publish() == null) {
            throw CartableException.badRequest("Send {\"title\", \"body\", \"publish\": true|false}.");
        }
        Post post = blog.createPost(caller, classId, request.title(), request.body(), request.publish());
        return Response.created(uri.getAbsolutePathBuilder().path(post.id()).build())
                .entity(PostBody.of(post))
                .build();
    }

    @GET
    @Path("posts/{postId}")
    public PostWithComments post(@Context SecurityContext security, @PathParam("classId") String classId,
                                 @PathParam("postId") String postId) {
        return PostWithComments.of(blog.post(RestApi.caller(security), classId, postId));
    }

    @PUT
    @Path("posts/{postId}")
    @Consumes(MediaType.APPLICATION_JSON)
    public PostBody updatePost(@Context SecurityContext security, @PathParam("classId") String classId,
                               @PathParam("postId") String postId, PostEdit request) {
        var caller = RestApi.caller(security);
        if (request == null || request.title() == null || request.body() == null) {
            throw CartableException.badRequest("Send {\"title\", \"body\"}.");
        }
        return PostBody.of(blog.updatePost(caller, classId, postId, request.title(), request.body()));
    }

    @DELETE
    @Path("posts/{postId}")
    public void deletePost(@Context SecurityContext security, @PathParam("classId") String classId,
                           @PathParam("postId") String postId) {
        blog.deletePost(RestApi.caller(security), classId, postId);
    }

    @POST
    @Path("posts/{postId}/submit")
    public PostBody submit(@Context SecurityContext security, @PathParam("classId") String classId,
                           @PathParam("postId") String postId) {
        return PostBody.of(blog.submit(RestApi.caller(security), classId, postId));
    }

    @POST
    @Path("posts/{postId}/publish")
    public PostBody publish(@Context SecurityContext security, @PathParam("classId") String classId,
                            @PathParam("postId") String postId) {
        return PostBody.of(blog.publish(RestApi.caller(security), classId, postId));
    }

    @POST
    @Path("posts/{postId}/unpublish")
    public PostBody unpublish(@Context SecurityContext security, @PathParam("classId") String classId,
                              @PathParam("postId") String postId) {
        return PostBody.of(blog.unpublish(RestApi.caller(security), classId, postId));
    }

    @PUT
    @Path("posts/{postId}/pinned")
    public PostBody pin(@Context SecurityContext security, @PathParam("classId") String classId,
                        @PathParam("postId") String postId) {
        return PostBody.of(blog.pin(RestApi.caller(security), classId, postId, true));
    }

    @DELETE
    @Path("posts/{postId}/pinned")
    public PostBody unpin(@Context SecurityContext security, @PathParam("classId") String classId,
                          @PathParam("postId") String postId) {
        return PostBody.of(blog.pin(RestApi.caller(security), classId, postId, false));
    }

    @POST
    @Path("posts/{postId}/comments")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response addComment(@Context SecurityContext security, @PathParam("classId") String classId,
                               @PathParam("postId") String postId, NewComment request) {
        var caller = RestApi.caller(security);
        if (request == null || request.body() == null) {
            throw CartableException.badRequest("Send {\"body\"}.");
        }
        Comment comment = blog.addComment(caller, classId, postId, request.body());
        // no Location: a comment has no address of its own, it is read with its post
        return Response.status(Response.Status.CREATED).entity(CommentBody.of(comment)).build();
    }

    @POST
    @Path("posts/{postId}/comments/{commentId}/approve")
    public CommentBody approveComment(@Context SecurityContext security, @PathParam("classId") String classId,
                                      @PathParam("postId") String postId, @PathParam("commentId") String commentId) {
        return CommentBody.of(blog.approveComment(RestApi.caller(security), classId, postId, commentId));
    }

    @DELETE
    @Path("posts/{postId}/comments/{commentId}")
    public void deleteComment(@Context SecurityContext security, @PathParam("classId") String classId,
                              @PathParam("postId") String postId, @PathParam("commentId") String commentId) {
        blog.deleteComment(RestApi.caller(security), classId, postId, commentId);
    }
}
