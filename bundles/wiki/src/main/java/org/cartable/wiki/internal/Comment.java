package org.cartable.wiki.internal;

import java.io.Serializable;
import java.time.Instant;

/**
 * A comment as one caller sees it.
 *
 * @param body      sanitised HTML
 * @param deletable whether this caller may delete it (its author, or the staff)
 */
public record Comment(String id, String pageId, String body, String authorId, String authorName, Instant createdAt,
                      boolean deletable) implements Serializable {
}
