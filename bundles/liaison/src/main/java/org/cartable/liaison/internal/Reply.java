package org.cartable.liaison.internal;

import java.io.Serializable;
import java.time.Instant;

/** A parent's reply to a word, for one child (plain text). */
public record Reply(String id, String pupilId, String parentId, String parentName, String body, Instant createdAt,
                    Instant updatedAt) implements Serializable {
}
