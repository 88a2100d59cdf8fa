package org.cartable.blog.internal.rest;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

import org.cartable.blog.internal.BlogOverview;
import org.cartable.blog.internal.BlogSettings;
import org.cartable.blog.internal.Comment;
import org.cartable.blog.internal.CommentMode;
import org.cartable.blog.internal.Post;
import org.cartable.blog.internal.PostDetail;

/**
 * The JSON bodies of the blog's REST API, exactly as docs/rest-api.md lists their fields. They are separate from the
 * service's records so that what the service tells the pages (e.g. the allowed actions) does not leak into the
 * public contract, and dates are written as ISO-8601 strings whatever the JSON provider's date settings.
 */
public final class BlogJson {

    private BlogJson() {
    }

    /** {@code GET /}. */
    public record Blog(String classId, Settings settings, List<PostBody> posts) {
        static Blog of(BlogOverview overview) {
            return new Blog(overview.classId(), Settings.of(overview.settings()),
                    overview.posts().stream().map(PostBody::of).toList());
        }
    }

    /** {@code <settings>}, in and out; both fields required. */
    public record Settings(CommentMode comments, Boolean pupilsPublishDirectly) {
        static Settings of(BlogSettings settings) {
            return new Settings(settings.comments(), settings.pupilsPublishDirectly());
        }
    }

    /** {@code <post>}. */
    public record PostBody(String id, String title, String body, String authorId, String authorName, String status,
                           boolean pinned, String createdAt, String updatedAt, String publishedAt,
                           int commentCount) {
        static PostBody of(Post post) {
            return new PostBody(post.id(), post.title(), post.body(), post.authorId(), post.authorName(),
                    post.status().name(), post.pinned(), date(post.createdAt()), date(post.updatedAt()),
                    date(post.publishedAt()), post.commentCount());
        }
    }

    /** {@code <post>} with its comments, for {@code GET /posts/{postId}}. */
    public record PostWithComments(String id, String title, String body, String authorId, String authorName,
                                   String status, boolean pinned, String createdAt, String updatedAt,
                                   String publishedAt, int commentCount, List<CommentBody> comments) {
        static PostWithComments of(PostDetail detail) {
            Post post = detail.post();
            return new PostWithComments(post.id(), post.title(), post.body(), post.authorId(), post.authorName(),
                    post.status().name(), post.pinned(), date(post.createdAt()), date(post.updatedAt()),
                    date(post.publishedAt()), post.commentCount(),
                    detail.comments().stream().map(CommentBody::of).toList());
        }
    }

    /** {@code <comment>}. */
    public record CommentBody(String id, String body, String authorId, String authorName, String status,
                              String createdAt) {
        static CommentBody of(Comment comment) {
            return new CommentBody(comment.id(), comment.body(), comment.authorId(), comment.authorName(),
                    comment.status().name(), date(comment.createdAt()));
        }
    }

    /** {@code POST /posts}; {@code publish} is required so that a forgotten field does not silently mean draft. */
    public record NewPost(String title, String body, Boolean publish) {
    }

    /** {@code PUT /posts/{postId}}. */
    public record PostEdit(String title, String body) {
    }

    /** {@code POST /posts/{postId}/comments}. */
    public record NewComment(String body) {
    }

    static String date(Instant instant) {
        return instant == null ? null : instant.truncatedTo(ChronoUnit.SECONDS).toString();
    }
}
