package org.cartable.core.internal.accounts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class CoreClientNetworkTest {

    @Test
    void forwardedHeadersAreIgnoredWithoutTrustedProxies() {
        CoreClientNetwork direct = CoreClientNetwork.create();
        assertEquals("203.0.113.9", direct.clientAddress("203.0.113.9", "10.0.0.1"));
        assertFalse(direct.isSecure(false, "203.0.113.9", "https"));
        assertTrue(direct.isSecure(true, "203.0.113.9", null));
    }

    @Test
    void aTrustedProxyGivesTheRightMostUntrustedHop() {
        CoreClientNetwork proxied = CoreClientNetwork.create("127.0.0.1, 10.0.0.2");
        assertEquals("198.51.100.7", proxied.clientAddress("127.0.0.1", "198.51.100.7"));
        // The client wrote "1.2.3.4" itself; the proxies appended the real peers.
        assertEquals("198.51.100.7", proxied.clientAddress("127.0.0.1", "1.2.3.4, 198.51.100.7, 10.0.0.2"));
        assertEquals("127.0.0.1", proxied.clientAddress("127.0.0.1", "10.0.0.2"));
        assertEquals("127.0.0.1", proxied.clientAddress("127.0.0.1", " , "));
        assertEquals("203.0.113.9", proxied.clientAddress("203.0.113.9", "1.2.3.4"), "untrusted peer");
        assertTrue(proxied.isSecure(false, "127.0.0.1", "https"));
        assertFalse(proxied.isSecure(false, "127.0.0.1", "http"));
        assertFalse(proxied.isSecure(false, "203.0.113.9", "https"));
    }
}
