package org.cartable.homework.internal;

import java.io.Serializable;
import java.time.Instant;

/**
 * A caller's private calendar address for a class (or a child).
 *
 * @param token     the secret part of the address, known only right after it was made (null otherwise: only its
 *                  hash is stored)
 * @param createdAt when the current address was made, or null if there is none
 */
public record FeedStatus(String token, Instant createdAt) implements Serializable {

    public boolean exists() {
        return createdAt != null;
    }
}
