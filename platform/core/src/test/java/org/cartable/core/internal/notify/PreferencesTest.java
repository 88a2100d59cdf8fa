package org.cartable.core.internal.notify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Locale;

import org.cartable.api.CartableException;
import org.cartable.api.CartableException.Kind;
import org.cartable.core.service.NotificationFeed.Preferences;
import org.cartable.core.service.NotificationFeed.QuietHours;
import org.cartable.core.service.NotificationFeed.TypeChoice;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PreferencesTest {

    private NotifyFixture f;

    @BeforeAll
    void start() {
        f = new NotifyFixture();
    }

    @BeforeEach
    void reset() {
        f.reset();
    }

    @AfterAll
    void stop() {
        f.close();
    }

    private static TypeChoice choice(String appId, String type, String email) {
        return new TypeChoice(appId, null, type, null, email);
    }

    @Test
    void defaultsComeFromTheAppsTypes() {
        Preferences prefs = f.feed.preferences(f.d.parent, Locale.ENGLISH);
        assertNull(prefs.email());
        assertNull(prefs.quietHours());
        TypeChoice news = prefs.types().stream().filter(t -> t.appId().equals("test")
                && t.type().equals(NoticeApp.NEWS)).findFirst().orElseThrow();
        assertEquals("IMMEDIATE", news.email());
        assertEquals("News", news.label());
        assertEquals("App test", news.appName());
        assertEquals(4, prefs.types().size());
    }

    @Test
    void partialUpdateKeepsOtherChoices() {
        f.feed.updatePreferences(f.d.parent, new Preferences(" sophie@example.org ", new QuietHours("20:00", "07:00"),
                List.of(choice("test", NoticeApp.NEWS, "NEVER"))), Locale.ENGLISH);
        f.feed.updatePreferences(f.d.parent, new Preferences("sophie@example.org", new QuietHours("20:00", "07:00"),
                List.of(choice("test", NoticeApp.DIGEST, "IMMEDIATE"))), Locale.ENGLISH);

        Preferences prefs = f.feed.preferences(f.d.parent, Locale.FRENCH);
        assertEquals("sophie@example.org", prefs.email());
        assertEquals(new QuietHours("20:00", "07:00"), prefs.quietHours());
        assertEquals("NEVER", email(prefs, NoticeApp.NEWS));
        assertEquals("IMMEDIATE", email(prefs, NoticeApp.DIGEST));
    }

    @Test
    void badInputIsRefusedAndChangesNothing() {
        f.feed.updatePreferences(f.d.parent, new Preferences("sophie@example.org", null, List.of()), Locale.FRENCH);
        List<Preferences> bad = List.of(
                new Preferences("not-an-address", null, List.of()),
                new Preferences("a@b.org", new QuietHours("25:00", "07:00"), List.of()),
                new Preferences("a@b.org", new QuietHours("20:00", null), List.of()),
                new Preferences("a@b.org", new QuietHours("8h", "07:00"), List.of()),
                new Preferences("a@b.org", new QuietHours("07:00", "07:00"), List.of()),
                new Preferences("a@b.org", null, List.of(choice("test", "test.nope", "NEVER"))),
                new Preferences("a@b.org", null, List.of(choice("ghost", NoticeApp.NEWS, "NEVER"))),
                new Preferences("a@b.org", null, List.of(choice("test", NoticeApp.NEWS, "WEEKLY"))),
                new Preferences("a@b.org", null, List.of(choice("test", NoticeApp.NEWS, "NEVER"),
                        choice("test", NoticeApp.DIGEST, null))));
        for (Preferences preferences : bad) {
            CartableException refused = assertThrows(CartableException.class,
                    () -> f.feed.updatePreferences(f.d.parent, preferences, Locale.FRENCH), preferences::toString);
            assertEquals(Kind.BAD_REQUEST, refused.kind());
            assertTrue(refused.getMessage().length() > 10, refused.getMessage());
        }
        Preferences prefs = f.feed.preferences(f.d.parent, Locale.FRENCH);
        assertEquals("sophie@example.org", prefs.email());
        assertNull(prefs.quietHours());
        assertEquals("IMMEDIATE", email(prefs, NoticeApp.NEWS));
    }

    @Test
    void typesOfAppsTheRolesDoNotUseAreNotOffered() {
        Object staffroom = new Object();
        f.catalog.add(staffroom, new NoticeApp("staffroom", java.util.Set.of(org.cartable.api.Role.TEACHER)),
                "1.0.0");
        assertTrue(f.feed.preferences(f.d.parent, Locale.FRENCH).types().stream()
                .noneMatch(t -> t.appId().equals("staffroom")));
        assertThrows(CartableException.class, () -> f.feed.updatePreferences(f.d.parent,
                new Preferences(null, null, List.of(choice("staffroom", NoticeApp.NEWS, "NEVER"))), Locale.FRENCH));
        assertTrue(f.feed.preferences(f.d.teacherA1, Locale.FRENCH).types().stream()
                .anyMatch(t -> t.appId().equals("staffroom")));
        f.catalog.remove(staffroom);
    }

    private static String email(Preferences prefs, String type) {
        return prefs.types().stream().filter(t -> t.appId().equals("test") && t.type().equals(type))
                .findFirst().orElseThrow().email();
    }
}
