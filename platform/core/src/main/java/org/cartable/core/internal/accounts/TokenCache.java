package org.cartable.core.internal.accounts;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.cartable.api.Caller;
import org.cartable.core.internal.model.Changes;

/**
 * The callers of recently resolved tokens, by token hash, for a few seconds: every authenticated request resolves
 * its token, and most of a visit's requests come within seconds of each other. An entry serves only while
 * {@link Changes#ACCOUNTS} has not moved since it was read (a revocation, a blocked or purged account, a new password
 * invalidate every entry at once) and never past the token's expiry or the next write of its idle clock.
 */
final class TokenCache {

    static final Duration DEFAULT_TTL = Duration.ofSeconds(5);
    /** Beyond this many entries, a put first drops the expired ones (a few seconds' worth of active tokens). */
    private static final int SWEEP_ABOVE = 10_000;

    private record Entry(Caller caller, long changes, Instant until) {
    }

    private final Duration ttl;
    private final ConcurrentHashMap<String, Entry> entries = new ConcurrentHashMap<>();

    TokenCache(Duration ttl) {
        this.ttl = ttl;
    }

    Optional<Caller> get(String hash, Instant now) {
        Entry entry = entries.get(hash);
        if (entry == null) {
            return Optional.empty();
        }
        if (entry.changes() != Changes.ACCOUNTS.current() || !now.isBefore(entry.until())) {
            entries.remove(hash, entry);
            return Optional.empty();
        }
        return Optional.of(entry.caller());
    }

    /**
     * @param changes {@link Changes#current()} read before the state was read from the database
     * @param validUntil the token's own limit (expiry, next idle-clock write)
     */
    void put(String hash, Caller caller, long changes, Instant now, Instant validUntil) {
        Instant until = now.plus(ttl);
        if (validUntil.isBefore(until)) {
            until = validUntil;
        }
        if (!now.isBefore(until) || changes != Changes.ACCOUNTS.current()) {
            return;
        }
        if (entries.size() > SWEEP_ABOVE) {
            entries.values().removeIf(e -> !now.isBefore(e.until()) || e.changes() != Changes.ACCOUNTS.current());
        }
        entries.put(hash, new Entry(caller, changes, until));
    }

    void remove(String hash) {
        entries.remove(hash);
    }
}
