package org.cartable.blog.internal;

import java.io.Serializable;
import java.time.Instant;
import java.util.Set;

/**
 * A post as one caller sees it.
 *
 * @param body         sanitised HTML
 * @param authorName   the author's display name from the directory
 * @param publishedAt  null unless published
 * @param commentCount comments this caller can see
 * @param actions      what this caller may do with the post now
 */
public record Post(String id, String classId, String title, String body, String authorId, String authorName,
                   PostStatus status, boolean pinned, Instant createdAt, Instant updatedAt, Instant publishedAt,
                   int commentCount, Set<PostAction> actions) implements Serializable {

    public Post {
        actions = Set.copyOf(actions);
    }

    public boolean may(PostAction action) {
        return actions.contains(action);
    }
}
