package org.cartable.blog.internal;

import java.io.Serializable;
import java.time.Instant;
import java.util.Set;

/**
 * A comment as one caller sees it.
 *
 * @param body    sanitised HTML
 * @param actions what this caller may do with the comment now
 */
public record Comment(String id, String postId, String body, String authorId, String authorName,
                      CommentStatus status, Instant createdAt, Set<CommentAction> actions) implements Serializable {

    public Comment {
        actions = Set.copyOf(actions);
    }

    public boolean may(CommentAction action) {
        return actions.contains(action);
    }
}
