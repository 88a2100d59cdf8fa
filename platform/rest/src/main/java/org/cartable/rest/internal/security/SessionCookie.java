package org.cartable.rest.internal.security;

import java.time.Duration;

/**
 * The browser session cookie. Built by hand because JAX-RS 2.1's {@code NewCookie} cannot say SameSite.
 */
public final class SessionCookie {

    public static final String NAME = "CARTABLE_TOKEN";

    private SessionCookie() {
    }

    /** @return a Set-Cookie value carrying the token for {@code /api} only, out of reach of scripts */
    public static String issue(String token, Duration lifetime, boolean secure) {
        return NAME + "=" + token + "; Path=/api; Max-Age=" + Math.max(0, lifetime.toSeconds())
                + "; HttpOnly; SameSite=Strict" + (secure ? "; Secure" : "");
    }

    /** @return a Set-Cookie value that makes the browser forget the cookie */
    public static String clear(boolean secure) {
        return NAME + "=; Path=/api; Max-Age=0; HttpOnly; SameSite=Strict" + (secure ? "; Secure" : "");
    }
}
