package org.cartable.core.internal.cache;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * Answers kept for a few seconds across requests, and only while a change counter has not moved since they were
 * read: a visit's requests come within seconds of each other and each asks the same questions (may this person open
 * this class? which apps does the class have?), while the writes that change the answers are rare and move the
 * counter. A write that lands between the reading of an answer and its storing is seen by the counter too, so such an
 * answer is not kept.
 */
public final class ShortLivedCache<K, V> {

    /** Beyond this many entries, storing first drops the stale ones (a few seconds' worth of active keys). */
    private static final int SWEEP_ABOVE = 20_000;

    private record Entry<V>(V value, long changes, Instant until) {
    }

    private final Duration ttl;
    private final LongSupplier changes;
    private final Clock clock;
    private final ConcurrentHashMap<K, Entry<V>> entries = new ConcurrentHashMap<>();

    /** @return how many answers are kept (stale ones included until the next sweep) */
    int size() {
        return entries.size();
    }

    /**
     * @param ttl     how long an answer may serve at most; zero turns the cache off
     * @param changes a counter that moves (before and after the commit) with every write that may change an answer
     */
    public ShortLivedCache(Duration ttl, LongSupplier changes, Clock clock) {
        this.ttl = ttl;
        this.changes = changes;
        this.clock = clock;
    }

    /** @return the kept answer for the key, else the computed one (kept if nothing changed while computing it) */
    public V get(K key, Supplier<V> compute) {
        if (ttl.isZero()) {
            return compute.get();
        }
        Instant now = clock.instant();
        long before = changes.getAsLong();
        Entry<V> entry = entries.get(key);
        if (entry != null && entry.changes() == before && now.isBefore(entry.until())) {
            return entry.value();
        }
        V value = compute.get();
        if (value != null && changes.getAsLong() == before) {
            if (entries.size() > SWEEP_ABOVE) {
                entries.values().removeIf(e -> e.changes() != before || !now.isBefore(e.until()));
                if (entries.size() > SWEEP_ABOVE) {
                    // All fresh (a flood of distinct keys): start again rather than sweep on every store.
                    entries.clear();
                }
            }
            entries.put(key, new Entry<>(value, before, now.plus(ttl)));
        }
        return value;
    }
}
