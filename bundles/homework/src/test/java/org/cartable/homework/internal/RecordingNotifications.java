package org.cartable.homework.internal;

import java.util.ArrayList;
import java.util.List;

import org.cartable.api.notify.Notice;
import org.cartable.api.notify.Notifications;

/** Keeps the notices it is given; can be told to fail, like a notification service in trouble. */
public final class RecordingNotifications implements Notifications {

    public final List<Notice> notices = new ArrayList<>();
    public boolean failing;

    @Override
    public int publish(Notice notice) {
        if (failing) {
            throw new IllegalStateException("notification store down");
        }
        notices.add(notice);
        return notice.audience().pupilsAndParents().size();
    }
}
