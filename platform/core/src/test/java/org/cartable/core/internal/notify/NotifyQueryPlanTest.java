package org.cartable.core.internal.notify;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.sql.Timestamp;
import java.time.Instant;

import java.util.Locale;
import java.util.Set;

import org.cartable.api.Caller;
import org.cartable.api.Role;
import org.cartable.api.notify.EmailDelivery;
import org.cartable.core.service.MailSender;
import org.cartable.core.service.NotificationFeed;
import org.cartable.testing.QueryPlans;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * What the notification reads cost when a department's year of notices is there. A poll of the outbox reads a batch,
 * not the whole due set: when thousands of mails fall due at once (the digests at 17:00, or after the SMTP server
 * was away), each poll must not read and sort all of them to send the first 500. A page of a person's feed and their
 * unread count (every dashboard shows both) must not read the whole year of that person's notices.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class NotifyQueryPlanTest {

    private static final int PEOPLE = 2_000;
    private static final int MAILS_EACH = 4;
    /** A parent's year: a few notices a school day. */
    private static final int HEAVY_FEED = 2_000;

    private final NotifyFixture f = new NotifyFixture();
    private final Instant now = Instant.parse("2026-12-01T17:05:00Z");

    @BeforeAll
    void seed() {
        f.d.clock.set(now);
        Timestamp created = Timestamp.from(now.minusSeconds(3_600));
        Timestamp due = Timestamp.from(now.minusSeconds(300));
        f.d.db.insertRows("insert into CORE_PERSON (ID, LOGIN, LOGIN_KEY, PASSWORD_HASH, FIRST_NAME, LAST_NAME,"
                        + " STATUS, CREATED_AT, EMAIL) values (?, ?, ?, ?, ?, ?, ?, ?, ?)", PEOPLE,
                i -> new Object[] {"p-" + i, "parent" + i, "parent" + i, "x", "Parent", "N" + i, "ACTIVE", created,
                        "parent" + i + "@example.org"});
        f.d.db.insertRows("insert into CORE_FEED_ITEM (ID, RECIPIENT_ID, APP_ID, NOTICE_TYPE, TEXT_FR, CREATED_AT)"
                + " values (?, ?, ?, ?, ?, ?)", PEOPLE * MAILS_EACH, i -> new Object[] {"item-" + i,
                "p-" + i / MAILS_EACH, "test", "info", "Sortie au musée", created});
        f.d.db.insertRows("insert into CORE_MAIL_OUTBOX (ID, PERSON_ID, FEED_ITEM_ID, KIND, CREATED_AT,"
                        + " NEXT_ATTEMPT_AT, ATTEMPTS) values (?, ?, ?, ?, ?, ?, 0)", PEOPLE * MAILS_EACH,
                i -> new Object[] {"mail-" + i, "p-" + i / MAILS_EACH, "item-" + i,
                        EmailDelivery.DAILY_DIGEST.name(), created, due});
        f.d.db.insertRows("insert into CORE_PERSON (ID, LOGIN, LOGIN_KEY, PASSWORD_HASH, FIRST_NAME, LAST_NAME,"
                + " STATUS, CREATED_AT) values (?, ?, ?, ?, ?, ?, ?, ?)", 1, i -> new Object[] {"heavy", "heavy",
                "heavy", "x", "Sophie", "Martin", "ACTIVE", created});
        // Newest every minute back from now; the 30 newest unread, the rest read.
        f.d.db.insertRows("insert into CORE_FEED_ITEM (ID, RECIPIENT_ID, APP_ID, NOTICE_TYPE, TEXT_FR, CREATED_AT,"
                + " READ_AT) values (?, ?, ?, ?, ?, ?, ?)", HEAVY_FEED, i -> new Object[] {"heavy-" + i, "heavy",
                "test", "info", "Devoirs " + i, Timestamp.from(now.minusSeconds(60L * (HEAVY_FEED - i))),
                i >= HEAVY_FEED - 30 ? null : created});
        f.d.db.withoutStatistics();
    }

    @Test
    void aPageOfTheFeedAndTheUnreadCountReadAPageNotTheYear() {
        Caller parent = new Caller("heavy", "heavy", "Sophie Martin", Set.of(Role.PARENT));

        QueryPlans.Captured<NotificationFeed.Feed> page = f.d.db.queryPlans()
                .capture(() -> f.feed.feed(parent, null, false, 20, Locale.FRENCH));

        assertEquals(30, page.result().unread());
        assertEquals(20, page.result().items().size());
        assertEquals("Devoirs " + (HEAVY_FEED - 1), page.result().items().get(0).text(), "newest first");
        assertEquals("Devoirs " + (HEAVY_FEED - 20), page.result().items().get(19).text());
        // Reading the 2 000 notices (and sorting them) for 20 of them and a count is what this guards against.
        page.report().assertRowsVisitedAtMost("CORE_FEED_ITEM", 200)
                .assertRowsFetchedAfterIndexAtMost("CORE_FEED_ITEM", 20);
    }

    @Test
    void theUnreadCountReadsTheIndexAlone() {
        Caller parent = new Caller("heavy", "heavy", "Sophie Martin", Set.of(Role.PARENT));

        QueryPlans.Captured<Integer> count = f.d.db.queryPlans().capture(() -> f.feed.unreadCount(parent));

        assertEquals(30, count.result());
        // Every dashboard counts: fetching each unread row (a random page read each, on a parent who reads rarely,
        // hundreds) cost more than the rest of the page.
        count.report().assertRowsFetchedAfterIndexAtMost("CORE_FEED_ITEM", 0);
    }

    @AfterAll
    void close() {
        f.close();
    }

    @Test
    void aPollReadsABatchOfTheDueMailsNotAllOfThem() {
        MailSender away = new MailSender() {
            @Override
            public boolean enabled() {
                return true;
            }

            @Override
            public void send(Mail mail) throws MailException {
                throw new MailException("Couldn't connect to host", null);
            }
        };
        MailDispatcher dispatcher = MailDispatcher.create(f.d.jpa, away, f.catalog, f.d.clock, "17:00",
                "https://ent.example.org/");

        QueryPlans.Captured<Integer> poll = f.d.db.queryPlans().capture(dispatcher::dispatch);

        assertEquals(0, poll.result());
        // One digest per person, each carrying all of that person's due mails: a batch of rows, whole people.
        long retried = f.d.jpa.txExpr(em -> em.createQuery("select count(o) from OutboxMail o where o.attempts = 1",
                Long.class).getSingleResult());
        assertEquals(0, retried % MAILS_EACH, "nobody's digest was split");
        assertEquals(500, retried);
        // The due set is 8 000 rows; reading them all (and sorting them) is what this guards against.
        poll.report().assertRowsVisitedAtMost("CORE_MAIL_OUTBOX", 2_500);
    }
}
