package org.cartable.homework.internal;

import java.time.Duration;
import java.time.Instant;

import org.apache.aries.jpa.template.JpaTemplate;
import org.cartable.testing.FakeSchool;
import org.cartable.testing.RecordingNotifications;
import org.cartable.testing.ScriptStripper;
import org.cartable.testing.TickingClock;

/** Builds the service for tests with the fake school, a script-stripping sanitiser and the ticking clock. */
public final class TestHomework {

    private TestHomework() {
    }

    public static HomeworkService service(JpaTemplate jpa, FakeSchool school, RecordingNotifications notices) {
        return HomeworkService.create(jpa, school, school, new ScriptStripper(),
                HomeworkNotices.create(notices), clock());
    }

    /** Wednesday 2 December 2026, 08:00 UTC, one second later at each reading. */
    public static TickingClock clock() {
        return new TickingClock(Instant.parse("2026-12-02T08:00:00Z"), Duration.ofSeconds(1));
    }
}
