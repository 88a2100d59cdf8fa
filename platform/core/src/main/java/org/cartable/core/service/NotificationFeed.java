package org.cartable.core.service;

import java.time.Instant;
import java.util.List;
import java.util.Locale;

import org.cartable.api.Caller;
import org.osgi.annotation.versioning.ProviderType;

/** A person's own notification feed and e-mail preferences; nobody ever reads or changes another person's. */
@ProviderType
public interface NotificationFeed {

    int MAX_LIMIT = 200;

    /**
     * @param appId      only this app's items, or null for all
     * @param unreadOnly only items not read yet
     * @param limit      at most this many items (1..{@value #MAX_LIMIT}), newest first
     * @param locale     language of the texts and app names
     */
    Feed feed(Caller caller, String appId, boolean unreadOnly, int limit, Locale locale);

    /** @return how many of the person's items are unread, all apps together */
    int unreadCount(Caller caller);

    /** @throws org.cartable.api.CartableException NOT_FOUND if the item is not the caller's */
    void markRead(Caller caller, String itemId);

    /**
     * Marks the item read and returns it, e.g. to follow its link.
     *
     * @throws org.cartable.api.CartableException NOT_FOUND if the item is not the caller's
     */
    Entry open(Caller caller, String itemId, Locale locale);

    /** Marks every item of the caller read, or only those of one app. */
    void markAllRead(Caller caller, String appId);

    /** @return the caller's address, quiet hours and e-mail choice per notice type of the apps they use */
    Preferences preferences(Caller caller, Locale locale);

    /**
     * Replaces the address and quiet hours and changes the listed types' choices (others keep theirs); also records
     * {@code locale} as the language of the caller's e-mails.
     *
     * @throws org.cartable.api.CartableException BAD_REQUEST (bad address or time, unknown type or delivery), with
     *                                            nothing changed
     */
    void updatePreferences(Caller caller, Preferences preferences, Locale locale);

    /**
     * A person's feed page.
     *
     * @param unread total unread items of the person, whatever the filter
     */
    record Feed(int unread, List<Entry> items) {
        public Feed {
            items = List.copyOf(items);
        }
    }

    /**
     * One item as its recipient sees it.
     *
     * @param appName   null when the app is not installed any more
     * @param childId   the child a parent's item concerns, or null
     * @param childName that child's name, or null
     * @param link      path below {@code /app/}, null when the app is not installed any more
     */
    record Entry(String id, String appId, String appName, String appIcon, String type, String classId,
                 String childId, String childName, String text, String link, Instant createdAt, boolean read) {
    }

    /**
     * E-mail preferences.
     *
     * @param email      address, or null for none
     * @param quietHours no e-mail between these times, or null
     * @param types      choices per notice type (on update: only the types to change)
     */
    record Preferences(String email, QuietHours quietHours, List<TypeChoice> types) {
        public Preferences {
            types = types == null ? List.of() : List.copyOf(types);
        }
    }

    /** Times as {@code HH:mm}; {@code from} after {@code to} spans midnight (e.g. 20:00 to 07:00). */
    record QuietHours(String from, String to) {
    }

    /**
     * @param appName null on update
     * @param label   null on update
     * @param email   NEVER, IMMEDIATE or DAILY_DIGEST
     */
    record TypeChoice(String appId, String appName, String type, String label, String email) {
    }
}
