package org.cartable.homework.internal;

import org.apache.aries.jpa.template.JpaTemplate;

/** Builds the service for tests with the fake school, a script-stripping sanitiser and the ticking clock. */
public final class TestHomework {

    private TestHomework() {
    }

    public static HomeworkService service(JpaTemplate jpa, FakeSchool school, RecordingNotifications notices) {
        return HomeworkService.create(jpa, school, school, new FakeSchool.ScriptStripper(),
                HomeworkNotices.create(notices), new FakeSchool.TickingClock());
    }
}
