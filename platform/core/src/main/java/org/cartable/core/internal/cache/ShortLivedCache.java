package org.cartable.core.internal.cache;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
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
        long before = changes.getAsLong();
        Optional<V> kept = find(key);
        if (kept.isPresent()) {
            return kept.get();
        }
        V value = compute.get();
        keep(key, value, before, Instant.MAX);
        return value;
    }

    /** @return the answer kept for the key, if its time is not up and the counter has not moved since it was read */
    public Optional<V> find(K key) {
        Entry<V> entry = entries.get(key);
        if (entry == null) {
            return Optional.empty();
        }
        if (entry.changes() != changes.getAsLong() || !clock.instant().isBefore(entry.until())) {
            entries.remove(key, entry);
            return Optional.empty();
        }
        return Optional.of(entry.value());
    }

    /**
     * Keeps an answer for the time limit at most, and not past {@code validUntil}; not at all if the counter moved
     * since {@code changesBefore} was read (before the answer was).
     */
    public void keep(K key, V value, long changesBefore, Instant validUntil) {
        Instant now = clock.instant();
        Instant until = now.plus(ttl);
        if (validUntil.isBefore(until)) {
            until = validUntil;
        }
        if (value == null || !now.isBefore(until) || changes.getAsLong() != changesBefore) {
            return;
        }
        if (entries.size() > SWEEP_ABOVE) {
            entries.values().removeIf(e -> e.changes() != changesBefore || !now.isBefore(e.until()));
            if (entries.size() > SWEEP_ABOVE) {
                // All fresh (a flood of distinct keys): start again rather than sweep on every store.
                entries.clear();
            }
        }
        entries.put(key, new Entry<>(value, changesBefore, until));
    }

    /** Drops the answer kept for the key (e.g. a token revoked). */
    public void forget(K key) {
        entries.remove(key);
    }
}
