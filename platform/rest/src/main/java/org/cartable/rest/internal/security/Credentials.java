package org.cartable.rest.internal.security;

import java.util.Map;
import java.util.Optional;

import javax.ws.rs.core.Cookie;

/**
 * The token a request presents and how. A bearer header wins over the cookie; a header with another scheme or no
 * token counts as a wrong credential (empty token), never as absent, so the cookie is not consulted behind it.
 *
 * @param token  the presented token, empty when malformed
 * @param cookie whether it came from the {@link SessionCookie#NAME} cookie
 */
public record Credentials(String token, boolean cookie) {

    /** Longer than any token we issue; refuses junk before it reaches the token store. */
    static final int MAX_TOKEN_LENGTH = 512;

    public static Optional<Credentials> of(String authorization, Map<String, Cookie> cookies) {
        if (authorization != null) {
            String[] parts = authorization.trim().split("\\s+", 2);
            if (parts.length == 2 && parts[0].equalsIgnoreCase("Bearer")) {
                return Optional.of(clean(parts[1], false));
            }
            return Optional.of(new Credentials("", false));
        }
        Cookie cookie = cookies == null ? null : cookies.get(SessionCookie.NAME);
        return cookie == null ? Optional.empty() : Optional.of(clean(cookie.getValue(), true));
    }

    private static Credentials clean(String value, boolean cookie) {
        String token = value == null ? "" : value.trim();
        return new Credentials(token.length() > MAX_TOKEN_LENGTH ? "" : token, cookie);
    }
}
