package org.cartable.web.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;

import org.cartable.api.Caller;
import org.cartable.api.CartableException;
import org.cartable.core.service.NotificationFeed;

/** Feed items per person in memory, with the service's ownership and validation answers. */
final class InMemoryFeed implements NotificationFeed {

    /** Calls by method name, so that tests can bound what a page asks of the platform. */
    final CallCounts calls = new CallCounts();


    private record Owned(String owner, Entry entry) {
    }

    private final List<Owned> items = new CopyOnWriteArrayList<>();
    volatile Preferences saved = new Preferences(null, null, List.of(
            new TypeChoice("blog", "Blog de classe", "blog.post-published", "Nouvel article", "DAILY_DIGEST")));
    volatile String savedLanguage;

    void add(String ownerId, String id, String appId, String childName, String text, String link, Instant at) {
        items.add(new Owned(ownerId, new Entry(id, appId, "gone".equals(appId) ? null : "Blog de classe", "📝", "t", null,
                childName == null ? null : "child-" + childName, childName, text, "gone".equals(appId) ? null : link, at, false)));
    }

    boolean isRead(String id) {
        return items.stream().filter(o -> o.entry().id().equals(id)).findFirst().orElseThrow().entry().read();
    }

    private List<Entry> of(Caller caller) {
        return items.stream().filter(o -> o.owner().equals(caller.userId())).map(Owned::entry)
                .sorted(Comparator.comparing(Entry::createdAt).reversed()).toList();
    }

    @Override
    public Feed feed(Caller caller, String appId, boolean unreadOnly, int limit, Locale locale) {
        calls.add("feed");
        List<Entry> mine = of(caller);
        return new Feed((int) mine.stream().filter(e -> !e.read()).count(), mine.stream()
                .filter(e -> appId == null || appId.equals(e.appId()))
                .filter(e -> !unreadOnly || !e.read()).limit(limit).toList());
    }

    @Override
    public int unreadCount(Caller caller) {
        calls.add("unreadCount");
        return (int) of(caller).stream().filter(e -> !e.read()).count();
    }

    @Override
    public void markRead(Caller caller, String itemId) {
        open(caller, itemId, Locale.FRENCH);
    }

    @Override
    public Entry open(Caller caller, String itemId, Locale locale) {
        for (int i = 0; i < items.size(); i++) {
            Owned o = items.get(i);
            if (o.owner().equals(caller.userId()) && o.entry().id().equals(itemId)) {
                Entry e = o.entry();
                Entry read = new Entry(e.id(), e.appId(), e.appName(), e.appIcon(), e.type(), e.classId(),
                        e.childId(), e.childName(), e.text(), e.link(), e.createdAt(), true);
                items.set(i, new Owned(o.owner(), read));
                return read;
            }
        }
        throw CartableException.notFound("Item not found.");
    }

    @Override
    public void markAllRead(Caller caller, String appId) {
        for (Entry e : new ArrayList<>(of(caller))) {
            if (appId == null || appId.equals(e.appId())) {
                markRead(caller, e.id());
            }
        }
    }

    @Override
    public Preferences preferences(Caller caller, Locale locale) {
        return saved;
    }

    @Override
    public void updatePreferences(Caller caller, Preferences preferences, Locale locale) {
        if (preferences.email() != null && !preferences.email().contains("@")) {
            throw CartableException.badRequest("'email' is not a valid e-mail address: " + preferences.email());
        }
        List<TypeChoice> types = saved.types().stream().map(t -> preferences.types().stream()
                .filter(c -> c.type().equals(t.type())).findFirst()
                .map(c -> new TypeChoice(t.appId(), t.appName(), t.type(), t.label(), c.email())).orElse(t)).toList();
        saved = new Preferences(preferences.email(), preferences.quietHours(), types);
        savedLanguage = locale.getLanguage();
    }
}
