package org.cartable.rest.internal.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import javax.ws.rs.core.Cookie;

import org.junit.jupiter.api.Test;

class CredentialsTest {

    private static final Map<String, Cookie> COOKIE = Map.of(SessionCookie.NAME, new Cookie(SessionCookie.NAME, "c"));

    @Test
    void bearerWinsOverCookie() {
        assertEquals(Optional.of(new Credentials("b", false)), Credentials.of("Bearer b", COOKIE));
        assertEquals(Optional.of(new Credentials("b", false)), Credentials.of("bearer   b ", Map.of()));
    }

    @Test
    void cookieIsUsedWithoutHeader() {
        assertEquals(Optional.of(new Credentials("c", true)), Credentials.of(null, COOKIE));
        assertEquals(Optional.empty(), Credentials.of(null, Map.of()));
    }

    @Test
    void foreignOrMalformedHeaderIsAWrongCredentialNotAFallback() {
        assertEquals(Optional.of(new Credentials("", false)), Credentials.of("Basic dXNlcjpwYXNz", COOKIE));
        assertEquals(Optional.of(new Credentials("", false)), Credentials.of("Bearer", COOKIE));
        assertEquals("", Credentials.of("Bearer " + "x".repeat(600), Map.of()).orElseThrow().token());
    }

    @Test
    void anonymousWhitelistIsExact() {
        assertTrue(AuthenticationFilter.isAnonymousAllowed("POST", List.of("session")));
        assertTrue(AuthenticationFilter.isAnonymousAllowed("GET", List.of("health")));
        assertFalse(AuthenticationFilter.isAnonymousAllowed("DELETE", List.of("session")));
        assertFalse(AuthenticationFilter.isAnonymousAllowed("GET", List.of("session")));
        assertFalse(AuthenticationFilter.isAnonymousAllowed("POST", List.of("health")));
        assertFalse(AuthenticationFilter.isAnonymousAllowed("POST", List.of("session", "x")));
        assertFalse(AuthenticationFilter.isAnonymousAllowed("GET", List.of("me")));
    }
}
