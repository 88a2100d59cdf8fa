package org.cartable.core.internal.notify;

import static org.cartable.core.internal.notify.NotifyFixture.notice;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

import org.cartable.api.CartableException;
import org.cartable.api.CartableException.Kind;
import org.cartable.api.notify.Audience;
import org.cartable.api.notify.EmailDelivery;
import org.cartable.core.internal.model.OutboxMail;
import org.cartable.core.service.NotificationFeed.Entry;
import org.cartable.core.service.NotificationFeed.Feed;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class NotificationsTest {

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

    @Test
    void pupilsBringTheirParentsAndEachParentItemNamesTheChild() {
        int received = f.notifications.publish(notice("test", NoticeApp.NEWS, f.d.a1, f.d.teacherA1.userId(),
                Audience.pupilsAndParents(List.of(f.d.pupilA1.userId(), f.d.pupilB1.userId())), "Nouveau"));

        // Léa, Hugo, and their mother once per child
        assertEquals(4, received);
        Feed mum = f.feed.feed(f.d.parent, null, false, 50, Locale.FRENCH);
        assertEquals(2, mum.unread());
        assertEquals(Set.of("Léa", "Hugo"), mum.items().stream().map(Entry::childName).collect(Collectors.toSet()));
        assertEquals(Set.of(f.d.pupilA1.userId(), f.d.pupilB1.userId()),
                mum.items().stream().map(Entry::childId).collect(Collectors.toSet()));
        Entry pupilItem = f.feed.feed(f.d.pupilA1, null, false, 50, Locale.ENGLISH).items().get(0);
        assertNull(pupilItem.childId());
        assertEquals("Nouveau (en)", pupilItem.text());
        assertEquals("App test", pupilItem.appName());
        assertEquals("test/" + f.d.a1, pupilItem.link());
        assertEquals(0, f.feed.unreadCount(f.d.teacherA1));
    }

    @Test
    void theActorIsNeverNotifiedAndDuplicatesCollapse() {
        int received = f.notifications.publish(notice("test", NoticeApp.NEWS, f.d.a1, f.d.teacherA1.userId(),
                Audience.persons(List.of(f.d.teacherA1.userId(), f.d.directorA.userId()))
                        .and(Audience.persons(List.of(f.d.directorA.userId()))), "Hello"));

        assertEquals(1, received);
        assertEquals(0, f.feed.unreadCount(f.d.teacherA1));
        assertEquals(1, f.feed.unreadCount(f.d.directorA));
    }

    @Test
    void parentsOnlyLeavesThePupilOut() {
        f.notifications.publish(notice("test", NoticeApp.NEWS, f.d.a1, null,
                Audience.parentsOf(List.of(f.d.pupilA1.userId())), "Mot à signer"));

        assertEquals(0, f.feed.unreadCount(f.d.pupilA1));
        assertEquals("Léa", f.feed.feed(f.d.parent, null, false, 10, Locale.FRENCH).items().get(0).childName());
    }

    @Test
    void nothingIsStoredWhenTheAppIsDisabledInTheClassOrNotInstalled() {
        Audience everyone = Audience.pupilsAndParents(List.of(f.d.pupilA1.userId()));
        assertEquals(0, f.notifications.publish(notice("test", NoticeApp.NEWS, f.d.b1, null, everyone, "B1")));
        f.activations.disable(f.d.teacherA1, f.d.a1, "test");
        assertEquals(0, f.notifications.publish(notice("test", NoticeApp.NEWS, f.d.a1, null, everyone, "off")));
        assertEquals(0, f.notifications.publish(notice("ghost", "ghost.x", null, null, everyone, "ghost")));
        assertEquals(0, f.count("FeedItem"));

        f.activations.enable(f.d.teacherA1, f.d.a1, "test");
        assertEquals(2, f.notifications.publish(notice("test", NoticeApp.NEWS, f.d.a1, null, everyone, "on")));
    }

    @Test
    void aRolledBackWriteLeavesNeitherItemsNorMails() {
        f.setEmail(f.d.parent.userId(), "sophie@example.org");
        assertThrows(IllegalStateException.class, () -> f.d.jpa.tx(em -> {
            f.notifications.publish(notice("test", NoticeApp.NEWS, f.d.a1, null,
                    Audience.pupilsAndParents(List.of(f.d.pupilA1.userId())), "rolled back"));
            throw new IllegalStateException("the app's own write failed");
        }));

        assertEquals(0, f.count("FeedItem"));
        assertEquals(0, f.count("OutboxMail"));
    }

    @Test
    void mailsAreQueuedWithTheItemsForPeopleWithAnAddress() {
        f.setEmail(f.d.parent.userId(), "sophie@example.org");
        f.notifications.publish(notice("test", NoticeApp.NEWS, f.d.a1, null,
                Audience.pupilsAndParents(List.of(f.d.pupilA1.userId())), "Mail"));

        List<OutboxMail> queued = f.d.jpa.txExpr(em -> em.createQuery("select o from OutboxMail o",
                OutboxMail.class).getResultList());
        assertEquals(1, queued.size());
        assertEquals(f.d.parent.userId(), queued.get(0).getPersonId());
        assertEquals(EmailDelivery.IMMEDIATE, queued.get(0).getKind());
    }

    @Test
    void unknownTypesAreStoredButNeverMailedByDefault() {
        f.setEmail(f.d.parent.userId(), "sophie@example.org");
        assertEquals(2, f.notifications.publish(notice("test", "test.undeclared", f.d.a1, null,
                Audience.pupilsAndParents(List.of(f.d.pupilA1.userId())), "Surprise")));
        assertEquals(0, f.count("OutboxMail"));
    }

    @Test
    void feedFiltersByAppAndUnreadAndMarksOnlyTheCallersItems() {
        Audience lea = Audience.persons(List.of(f.d.pupilA1.userId()));
        f.notifications.publish(notice("test", NoticeApp.NEWS, f.d.a1, null, lea, "one"));
        f.d.clock.advance(java.time.Duration.ofMinutes(1));
        f.notifications.publish(notice("other", "other.x", null, null, lea, "two"));
        f.d.clock.advance(java.time.Duration.ofMinutes(1));
        f.notifications.publish(notice("test", NoticeApp.NEWS, f.d.a1, null, lea, "three"));

        Feed all = f.feed.feed(f.d.pupilA1, null, false, 50, Locale.FRENCH);
        assertEquals(List.of("three", "two", "one"), all.items().stream().map(Entry::text).toList());
        assertEquals(2, f.feed.feed(f.d.pupilA1, "test", false, 50, Locale.FRENCH).items().size());
        assertEquals(1, f.feed.feed(f.d.pupilA1, null, false, 1, Locale.FRENCH).items().size());

        String first = all.items().get(2).id();
        CartableException foreign = assertThrows(CartableException.class, () -> f.feed.markRead(f.d.parent, first));
        assertEquals(Kind.NOT_FOUND, foreign.kind());
        f.feed.markRead(f.d.pupilA1, first);
        Feed unread = f.feed.feed(f.d.pupilA1, null, true, 50, Locale.FRENCH);
        assertEquals(2, unread.unread());
        assertEquals(List.of("three", "two"), unread.items().stream().map(Entry::text).toList());

        f.feed.markAllRead(f.d.pupilA1, "other");
        assertEquals(1, f.feed.unreadCount(f.d.pupilA1));
        f.feed.markAllRead(f.d.pupilA1, null);
        assertEquals(0, f.feed.unreadCount(f.d.pupilA1));
        assertTrue(f.feed.feed(f.d.pupilA1, null, false, 50, Locale.FRENCH).items().stream().allMatch(Entry::read));
        assertThrows(CartableException.class, () -> f.feed.feed(f.d.pupilA1, null, false, 0, Locale.FRENCH));
    }

    @Test
    void anUninstalledAppsItemsStayReadableWithoutLink() {
        f.notifications.publish(notice("test", NoticeApp.NEWS, f.d.a1, null,
                Audience.persons(List.of(f.d.pupilA1.userId())), "kept"));
        f.catalog.remove(f.testRegistration);

        Entry item = f.feed.feed(f.d.pupilA1, null, false, 50, Locale.FRENCH).items().get(0);
        assertEquals("kept", item.text());
        assertNull(item.appName());
        assertNull(item.link());
        assertFalse(item.read());
    }
}
