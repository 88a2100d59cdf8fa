package org.cartable.notebook.internal;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;

import org.apache.aries.jpa.template.JpaTemplate;
import org.cartable.api.ClassAccess;
import org.cartable.api.Directory;
import org.cartable.api.notify.Notifications;
import org.cartable.notebook.internal.media.MediaStore;

/** Builds the service for tests of other packages (its test constructor is package-private). */
public final class TestNotebooks {

    public static final Duration LOCK_TIME = Duration.ofMinutes(10);

    private TestNotebooks() {
    }

    public static NotebookService service(JpaTemplate jpa, ClassAccess access, Directory directory, Path files,
                                          MediaLimits limits, Clock clock, Notifications feed) {
        NotebookService service = new NotebookService(jpa, access, directory, new FakeSchool.ScriptStripper(),
                new MediaStore(files), limits, LOCK_TIME, clock);
        service.setNotifications(feed);
        return service;
    }
}
