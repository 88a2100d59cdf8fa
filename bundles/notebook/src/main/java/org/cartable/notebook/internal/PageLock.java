package org.cartable.notebook.internal;

import java.io.Serializable;
import java.time.Instant;

/**
 * Who is editing a page and until when (pushed back by each of their actions).
 *
 * @param mine whether the caller holds it
 */
public record PageLock(String pageId, String holderId, String holderName, Instant expiresAt, boolean mine)
        implements Serializable {
}
