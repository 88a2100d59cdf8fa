package org.cartable.core.internal.accounts;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Counts failed sign-ins per key (a login, a client address) over a sliding window. Kept in memory: it protects
 * against online guessing, and a restart only resets the counters.
 */
final class LoginThrottle {

    /** Above this many keys, expired ones are swept so that a flood of random logins cannot grow memory forever. */
    private static final int SWEEP_THRESHOLD = 10_000;

    private final int limit;
    private final Duration window;
    private final Clock clock;
    private final Map<String, Deque<Instant>> failures = new ConcurrentHashMap<>();

    LoginThrottle(int limit, Duration window, Clock clock) {
        this.limit = limit;
        this.window = window;
        this.clock = clock;
    }

    /** @return how long the key must wait before trying again, if it reached the limit */
    Optional<Duration> blockedFor(String key) {
        Deque<Instant> times = failures.get(key);
        if (times == null) {
            return Optional.empty();
        }
        synchronized (times) {
            Instant now = clock.instant();
            prune(times, now);
            if (times.size() < limit) {
                return Optional.empty();
            }
            // Free again when enough of the failures leave the window to go below the limit.
            Instant oldestCounted = times.stream().skip(times.size() - limit).findFirst().orElse(now);
            return Optional.of(Duration.between(now, oldestCounted.plus(window)));
        }
    }

    void recordFailure(String key) {
        if (failures.size() > SWEEP_THRESHOLD) {
            sweep();
        }
        Deque<Instant> times = failures.computeIfAbsent(key, k -> new ArrayDeque<>());
        synchronized (times) {
            Instant now = clock.instant();
            prune(times, now);
            times.addLast(now);
            // Only the last `limit` failures matter.
            while (times.size() > limit) {
                times.removeFirst();
            }
        }
    }

    void reset(String key) {
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
        failures.entrySet().removeIf(entry -> {
            synchronized (entry.getValue()) {
                prune(entry.getValue(), now);
                return entry.getValue().isEmpty();
            }
        });
    }
}
