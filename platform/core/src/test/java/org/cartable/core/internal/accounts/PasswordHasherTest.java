package org.cartable.core.internal.accounts;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class PasswordHasherTest {

    private final PasswordHasher hasher = new PasswordHasher(4);

    @Test
    void saltedHashesVerify() {
        String hash = hasher.hash("demo");
        assertTrue(hash.startsWith("$2a$04$"));
        assertNotEquals(hash, hasher.hash("demo"));
        assertTrue(hasher.verify("demo", hash));
        assertFalse(hasher.verify("Demo", hash));
        assertFalse(hasher.verify("demo", "not a hash"));
        assertFalse(hasher.verify(null, hash));
    }

    @Test
    void longPasswordsAreNotTruncated() {
        String base = "x".repeat(80);
        String hash = hasher.hash(base + "1");
        assertTrue(hasher.verify(base + "1", hash));
        assertFalse(hasher.verify(base + "2", hash));
    }

    @Test
    void refusesCostsOutsideBcryptsRange() {
        assertThrows(IllegalArgumentException.class, () -> new PasswordHasher(3));
        assertThrows(IllegalArgumentException.class, () -> new PasswordHasher(32));
    }
}
