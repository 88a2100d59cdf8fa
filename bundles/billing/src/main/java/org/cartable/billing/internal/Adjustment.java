package org.cartable.billing.internal;

import java.io.Serializable;
import java.time.Instant;

/** A manual correction of a collectivity's pupil count for a school year: {@code delta} pupils, with why and who. */
public record Adjustment(String id, String collectivityId, int year, int delta, String reason, String authorId,
                         String authorName, Instant createdAt) implements Serializable {
}
