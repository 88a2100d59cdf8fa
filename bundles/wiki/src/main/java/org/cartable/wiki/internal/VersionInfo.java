package org.cartable.wiki.internal;

import java.io.Serializable;
import java.time.Instant;

/**
 * One version in a page's history.
 *
 * @param restoredFrom the older version this one restored, or null
 */
public record VersionInfo(int number, String title, String authorId, String authorName, Instant createdAt,
                          Integer restoredFrom) implements Serializable {
}
