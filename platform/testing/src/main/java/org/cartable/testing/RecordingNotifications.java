package org.cartable.testing;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.cartable.api.notify.Audience;
import org.cartable.api.notify.Notice;
import org.cartable.api.notify.Notifications;

/**
 * Keeps the notices an app publishes, for its tests to look at; can be told to fail, like a notification service in
 * trouble. The platform's feed (audience expansion, preferences, e-mail) is not needed to test an app's part.
 */
public final class RecordingNotifications implements Notifications {

    private final List<Notice> published = new CopyOnWriteArrayList<>();
    private volatile boolean failing;

    /** @return one recipient per id the audience names (the platform would expand pupils to their parents) */
    @Override
    public int publish(Notice notice) {
        if (failing) {
            throw new IllegalStateException("notification store down");
        }
        published.add(notice);
        Audience audience = notice.audience();
        return audience.persons().size() + audience.pupilsAndParents().size() + audience.parentsOnly().size();
    }

    /** @return what was published so far, oldest first */
    public List<Notice> published() {
        return List.copyOf(published);
    }

    public void clear() {
        published.clear();
    }

    /** From now on, publishing throws (or works again). */
    public void failing(boolean failing) {
        this.failing = failing;
    }
}
