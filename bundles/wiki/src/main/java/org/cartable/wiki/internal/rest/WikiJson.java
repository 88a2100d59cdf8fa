package org.cartable.wiki.internal.rest;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

import org.cartable.wiki.internal.Comment;
import org.cartable.wiki.internal.Comparison;
import org.cartable.wiki.internal.PageRef;
import org.cartable.wiki.internal.TreeNode;
import org.cartable.wiki.internal.VersionDetail;
import org.cartable.wiki.internal.VersionInfo;
import org.cartable.wiki.internal.WikiOverview;
import org.cartable.wiki.internal.WikiPage;
import org.cartable.wiki.internal.WikiSettings;

/**
 * The JSON bodies of the wiki's REST API, exactly as docs/rest-api.md lists their fields. Separate from the service's
 * records so that the pages' needs do not leak into the public contract; dates are ISO-8601 strings.
 */
public final class WikiJson {

    private WikiJson() {
    }

    /** {@code GET /}. */
    public record Wiki(String classId, Settings settings, String homeId, Node tree, boolean canEdit) {
        static Wiki of(WikiOverview overview) {
            return new Wiki(overview.classId(), Settings.of(overview.settings()), overview.tree().id(),
                    Node.of(overview.tree()), overview.canEdit());
        }
    }

    /** {@code <settings>}, in and out. */
    public record Settings(Boolean teachersOnly) {
        static Settings of(WikiSettings settings) {
            return new Settings(settings.teachersOnly());
        }
    }

    /** A page in the tree. */
    public record Node(String id, String title, List<Node> children) {
        static Node of(TreeNode node) {
            return new Node(node.id(), node.title(), node.children().stream().map(Node::of).toList());
        }
    }

    /** A page named by another: id and title. */
    public record Ref(String id, String title) {
        static Ref of(PageRef ref) {
            return new Ref(ref.id(), ref.title());
        }
    }

    /** {@code <page>}. */
    public record Page(String id, String title, String content, String html, String parentId, int position,
                       boolean home, int version, String updatedAt, String updatedById, String updatedByName,
                       List<Ref> ancestors, List<Ref> children, List<CommentBody> comments, List<String> actions) {
        static Page of(WikiPage page) {
            return new Page(page.id(), page.title(), page.content(), page.html(), page.parentId(), page.position(),
                    page.home(), page.version(), date(page.updatedAt()), page.updatedById(), page.updatedByName(),
                    page.ancestors().stream().map(Ref::of).toList(), page.children().stream().map(Ref::of).toList(),
                    page.comments().stream().map(CommentBody::of).toList(),
                    page.actions().stream().map(Enum::name).sorted().toList());
        }
    }

    /** {@code <version>} of a history. */
    public record Version(int number, String title, String authorId, String authorName, String createdAt,
                          Integer restoredFrom) {
        static Version of(VersionInfo info) {
            return new Version(info.number(), info.title(), info.authorId(), info.authorName(),
                    date(info.createdAt()), info.restoredFrom());
        }
    }

    /** {@code GET /pages/{pageId}/versions/{number}}. */
    public record VersionWithContent(int number, String title, String authorId, String authorName, String createdAt,
                                     Integer restoredFrom, String content, String html) {
        static VersionWithContent of(VersionDetail detail) {
            VersionInfo info = detail.info();
            return new VersionWithContent(info.number(), info.title(), info.authorId(), info.authorName(),
                    date(info.createdAt()), info.restoredFrom(), detail.content(), detail.html());
        }
    }

    /** {@code GET /pages/{pageId}/diff?from=&to=}. */
    public record Diff(String pageId, Version from, Version to, String html, int added, int removed) {
        static Diff of(Comparison comparison) {
            return new Diff(comparison.pageId(), Version.of(comparison.from()), Version.of(comparison.to()),
                    comparison.html(), comparison.added(), comparison.removed());
        }
    }

    /** {@code <comment>}. */
    public record CommentBody(String id, String body, String authorId, String authorName, String createdAt) {
        static CommentBody of(Comment comment) {
            return new CommentBody(comment.id(), comment.body(), comment.authorId(), comment.authorName(),
                    date(comment.createdAt()));
        }
    }

    /** {@code POST /pages}; {@code parentId} optional (the home page). */
    public record NewPage(String title, String content, String parentId) {
    }

    /** {@code PUT /pages/{pageId}}: {@code baseVersion} is the version the writer started from. */
    public record PageEdit(String title, String content, Integer baseVersion) {
    }

    /** {@code PUT /pages/{pageId}/position}. */
    public record Move(String parentId, Integer position) {
    }

    /** {@code POST /pages/{pageId}/versions/{number}/restore}. */
    public record Restore(Integer baseVersion) {
    }

    /** {@code POST /pages/{pageId}/comments}. */
    public record NewComment(String body) {
    }

    static String date(Instant instant) {
        return instant == null ? null : instant.truncatedTo(ChronoUnit.SECONDS).toString();
    }
}
