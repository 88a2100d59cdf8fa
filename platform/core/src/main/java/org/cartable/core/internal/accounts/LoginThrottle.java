package org.cartable.core.internal.accounts;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Counts failed sign-ins per key (a login, a client address) over a sliding window. Kept in memory: it protects
 * against online guessing, and a restart only resets the counters.
 * <p>
 * An attempt reserves its slot before the password is checked ({@link #tryReserve}) and counts as a failure until
 * it is released on success: checking the limit and recording the failure only after the slow bcrypt check let
 * parallel attempts all pass the limit before any of them was counted. One lock per throttle keeps the check and
 * the reservation atomic; it is held for microseconds, never during the password check.
 */
final class LoginThrottle {

    /** Above this many keys, expired ones are swept so that a flood of random logins cannot grow memory forever. */
    private static final int SWEEP_THRESHOLD = 10_000;

    private final int limit;
    private final Duration window;
    private final Clock clock;
    /** Guarded by {@code this}: failures and in-flight attempts, oldest first. */
    private final Map<String, Deque<Instant>> failures = new HashMap<>();

    /** A slot taken by an attempt in flight; {@link #release} gives it back when the attempt succeeds. */
    record Reservation(String key, Instant at) {
    }

    LoginThrottle(int limit, Duration window, Clock clock) {
        this.limit = limit;
        this.window = window;
        this.clock = clock;
    }

    /**
     * Takes one of the key's slots for an attempt about to be checked.
     *
     * @return the reservation, or empty if the key reached the limit (see {@link #blockedFor})
     */
    synchronized Optional<Reservation> tryReserve(String key) {
        if (blockedFor(key).isPresent()) {
            return Optional.empty();
        }
        if (failures.size() > SWEEP_THRESHOLD) {
            sweep();
        }
        Instant now = clock.instant();
        failures.computeIfAbsent(key, k -> new ArrayDeque<>()).addLast(now);
        return Optional.of(new Reservation(key, now));
    }

    /** Gives back the slot of an attempt that did not fail (it may already have left the window). */
    synchronized void release(Reservation reservation) {
        Deque<Instant> times = failures.get(reservation.key());
        if (times != null) {
            times.removeLastOccurrence(reservation.at());
            if (times.isEmpty()) {
                failures.remove(reservation.key());
            }
        }
    }

    /** @return how long the key must wait before trying again, if it reached the limit */
    synchronized Optional<Duration> blockedFor(String key) {
        Deque<Instant> times = failures.get(key);
        if (times == null) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        prune(times, now);
        if (times.size() < limit) {
            return Optional.empty();
        }
        // Free again when enough of the failures leave the window to go below the limit.
        Instant oldestCounted = times.stream().skip(times.size() - limit).findFirst().orElse(now);
        return Optional.of(Duration.between(now, oldestCounted.plus(window)));
    }

    /** Forgets the key's failures, and the slots of its attempts still in flight. */
    synchronized void reset(String key) {
        failures.remove(key);
    }

    private void prune(Deque<Instant> times, Instant now) {
        Instant horizon = now.minus(window);
        while (!times.isEmpty() && !times.peekFirst().isAfter(horizon)) {
            times.removeFirst();
        }
    }

    private void sweep() {
        Instant now = clock.instant();
        failures.values().removeIf(times -> {
            prune(times, now);
            return times.isEmpty();
        });
    }
}
