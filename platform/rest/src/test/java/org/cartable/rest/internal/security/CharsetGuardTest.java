package org.cartable.rest.internal.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;

import org.junit.jupiter.api.Test;

class CharsetGuardTest {

    @Test
    void knownOrAbsentCharsetsPass() {
        assertTrue(CharsetGuard.unknownCharset(null).isEmpty());
        assertTrue(CharsetGuard.unknownCharset("application/json").isEmpty());
        assertTrue(CharsetGuard.unknownCharset("application/json; charset=UTF-8").isEmpty());
        assertTrue(CharsetGuard.unknownCharset("application/json;charset=\"iso-8859-1\"").isEmpty());
    }

    @Test
    void unknownOrIllegalCharsetsAreReported() {
        assertEquals(Optional.of("xyz"), CharsetGuard.unknownCharset("application/json; charset=xyz"));
        assertEquals(Optional.of("a b"), CharsetGuard.unknownCharset("application/json; Charset=a b"));
        assertEquals(Optional.of(""), CharsetGuard.unknownCharset("application/json; charset="));
    }
}
