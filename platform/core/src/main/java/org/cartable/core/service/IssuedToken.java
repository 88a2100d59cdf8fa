package org.cartable.core.service;

import java.time.Instant;

/**
 * A bearer token just issued, with the instant after which it is refused.
 *
 * @param token     the secret to send as {@code Authorization: Bearer <token>}; only its hash is stored
 * @param expiresAt end of validity
 */
public record IssuedToken(String token, Instant expiresAt) {
}
