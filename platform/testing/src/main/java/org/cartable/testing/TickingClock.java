package org.cartable.testing;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * A UTC clock that moves one tick at each reading, so that "newest first" orders are deterministic, and that tests
 * move on ({@link #advance}) instead of waiting.
 */
public final class TickingClock extends Clock {

    private Instant now;
    private final Duration tick;

    /** Sunday 29 November 2026, 08:00 UTC, one second later at each reading. */
    public TickingClock() {
        this(Instant.parse("2026-11-29T08:00:00Z"), Duration.ofSeconds(1));
    }

    /** @param start the instant before the first reading; @param tick how much each reading moves the clock on */
    public TickingClock(Instant start, Duration tick) {
        this.now = start;
        this.tick = tick;
    }

    public synchronized void advance(Duration duration) {
        now = now.plus(duration);
    }

    @Override
    public synchronized Instant instant() {
        now = now.plus(tick);
        return now;
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return this;
    }
}
