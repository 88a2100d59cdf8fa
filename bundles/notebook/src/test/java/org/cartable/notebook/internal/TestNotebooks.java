package org.cartable.notebook.internal;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import org.apache.aries.jpa.template.JpaTemplate;
import org.cartable.api.ClassAccess;
import org.cartable.api.Directory;
import org.cartable.api.notify.Notifications;
import org.cartable.notebook.internal.media.MediaStore;
import org.cartable.testing.ScriptStripper;
import org.cartable.testing.TickingClock;

/** Builds the service for tests of other packages (its test constructor is package-private). */
public final class TestNotebooks {

    public static final Duration LOCK_TIME = Duration.ofMinutes(10);

    private TestNotebooks() {
    }

    /** A clock that stands still unless the test moves it (plus one millisecond per reading, for ordering). */
    public static TickingClock clock() {
        return new TickingClock(Instant.parse("2026-11-29T08:00:00Z"), Duration.ofMillis(1));
    }

    public static NotebookService service(JpaTemplate jpa, ClassAccess access, Directory directory, Path files,
                                          MediaLimits limits, Clock clock, Notifications feed) {
        NotebookService service = new NotebookService(jpa, access, directory, new ScriptStripper(),
                new MediaStore(files), limits, LOCK_TIME, clock);
        service.setNotifications(feed);
        return service;
    }
}
