package org.cartable.wiki.internal;

import java.util.ArrayList;
import java.util.List;

import org.cartable.api.notify.Notice;
import org.cartable.api.notify.Notifications;

/** Keeps what the wiki publishes, for tests; the platform's feed is not needed to test the wiki's part. */
public final class RecordingNotifications implements Notifications {

    private final List<Notice> published = new ArrayList<>();

    @Override
    public synchronized int publish(Notice notice) {
        published.add(notice);
        return notice.audience().persons().size();
    }

    public synchronized List<Notice> published() {
        return List.copyOf(published);
    }

    public synchronized void clear() {
        published.clear();
    }
}
