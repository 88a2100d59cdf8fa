package org.cartable.liaison.internal;

import java.io.Serializable;
import java.time.Instant;

/** A parent's "vu" for a child: who and when. */
public record Confirmation(String pupilId, String parentId, String parentName, Instant confirmedAt)
        implements Serializable {
}
