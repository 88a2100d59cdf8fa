package org.cartable.core.internal.cache;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import org.cartable.core.internal.MutableClock;
import org.junit.jupiter.api.Test;

class ShortLivedCacheTest {

    private final MutableClock clock = MutableClock.at("2026-11-29T09:30:00Z");
    private final AtomicLong changes = new AtomicLong();
    private final AtomicInteger reads = new AtomicInteger();

    private String read(String value) {
        reads.incrementAndGet();
        return value;
    }

    @Test
    void anAnswerServesUntilItsTimeIsUpOrTheCounterMoves() {
        ShortLivedCache<String, String> cache = new ShortLivedCache<>(Duration.ofSeconds(5), changes::get, clock);
        assertEquals("a", cache.get("k", () -> read("a")));
        assertEquals("a", cache.get("k", () -> read("b")));
        assertEquals(1, reads.get());

        changes.incrementAndGet();
        assertEquals("c", cache.get("k", () -> read("c")), "a write ends every answer");
        clock.advance(Duration.ofSeconds(5));
        assertEquals("d", cache.get("k", () -> read("d")), "and so does time");
        assertEquals(3, reads.get());
    }

    @Test
    void anAnswerReadWhileAWriteLandedIsNotKept() {
        ShortLivedCache<String, String> cache = new ShortLivedCache<>(Duration.ofSeconds(5), changes::get, clock);
        assertEquals("old", cache.get("k", () -> {
            changes.incrementAndGet(); // the write commits while the old state is being read
            return read("old");
        }));
        assertEquals("new", cache.get("k", () -> read("new")), "the state read during the write was not kept");
    }

    @Test
    void aFloodOfDistinctKeysStaysBounded() {
        ShortLivedCache<Integer, String> cache = new ShortLivedCache<>(Duration.ofSeconds(5), changes::get, clock);
        for (int key = 0; key < 50_000; key++) {
            cache.get(key, () -> "x");
        }
        assertTrue(cache.size() <= 20_001, "kept: " + cache.size());
    }

    @Test
    void noTimeMeansNoCache() {
        ShortLivedCache<String, String> cache = new ShortLivedCache<>(Duration.ZERO, changes::get, clock);
        cache.get("k", () -> read("a"));
        cache.get("k", () -> read("a"));
        assertEquals(2, reads.get());
    }

    @Test
    void anAnswerKeptByHandServesNoLongerThanItsOwnLimitAndCanBeForgotten() {
        ShortLivedCache<String, String> cache = new ShortLivedCache<>(Duration.ofSeconds(5), changes::get, clock);
        cache.keep("token", "caller", changes.get(), clock.instant().plusSeconds(2));
        assertEquals("caller", cache.find("token").orElseThrow());
        clock.advance(Duration.ofSeconds(2));
        assertTrue(cache.find("token").isEmpty(), "the entry's own limit comes before the 5 s");

        cache.keep("token", "caller", changes.get(), Instant.MAX);
        cache.forget("token");
        assertTrue(cache.find("token").isEmpty(), "forgotten at once (a token revoked)");

        long before = changes.get();
        changes.incrementAndGet();
        cache.keep("token", "caller", before, Instant.MAX);
        assertTrue(cache.find("token").isEmpty(), "read before a write: not kept");
    }
}
