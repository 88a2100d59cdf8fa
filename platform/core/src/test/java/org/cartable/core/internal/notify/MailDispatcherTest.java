package org.cartable.core.internal.notify;

import static org.cartable.core.internal.notify.NotifyFixture.notice;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;

import javax.mail.Message;
import javax.mail.internet.MimeMessage;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;
import org.cartable.api.notify.Audience;
import org.cartable.core.internal.model.OutboxMail;
import org.cartable.core.service.MailSender;
import org.cartable.core.service.NotificationFeed.Preferences;
import org.cartable.core.service.NotificationFeed.QuietHours;
import org.cartable.core.service.NotificationFeed.TypeChoice;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** Mails through a real SMTP server on loopback (GreenMail); the clock is "now" of the small directory (UTC). */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MailDispatcherTest {

    private NotifyFixture f;
    private GreenMail smtp;
    private SmtpMailSender smtpSender;
    /** Fails while positive, counting down: a server that refuses a few times. */
    private final AtomicInteger refusals = new AtomicInteger();
    private MailDispatcher dispatcher;

    @BeforeAll
    void start() {
        f = new NotifyFixture();
        smtp = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP).dynamicPort());
        smtp.start();
        smtpSender = SmtpMailSender.create("127.0.0.1", smtp.getSmtp().getPort(), "Cartable <ent@example.org>",
                false, "", "");
        MailSender flaky = new MailSender() {
            @Override
            public boolean enabled() {
                return true;
            }

            @Override
            public void send(Mail mail) throws MailException {
                if (refusals.getAndDecrement() > 0) {
                    throw new MailException("421 try later", null);
                }
                smtpSender.send(mail);
            }
        };
        dispatcher = MailDispatcher.create(f.d.jpa, flaky, f.catalog, f.d.clock, "17:00", "https://ent.example.org/");
    }

    @BeforeEach
    void reset() throws Exception {
        f.reset();
        smtp.purgeEmailFromAllMailboxes();
        refusals.set(0);
        f.d.clock.set(Instant.parse("2026-12-01T10:00:00Z"));
        f.setEmail(f.d.parent.userId(), "sophie@example.org");
    }

    @AfterAll
    void stop() {
        smtp.stop();
        f.close();
    }

    private void publishNews(String text) {
        f.notifications.publish(notice("test", NoticeApp.NEWS, f.d.a1, f.d.teacherA1.userId(),
                Audience.pupilsAndParents(List.of(f.d.pupilA1.userId())), text));
    }

    private void choose(String type, String delivery, QuietHours quiet, Locale language) {
        f.feed.updatePreferences(f.d.parent, new Preferences("sophie@example.org", quiet,
                List.of(new TypeChoice("test", null, type, null, delivery))), language);
    }

    @Test
    void anImmediateNoticeIsMailedInThePersonsLanguageWithTheChildAndTheLinks() throws Exception {
        choose(NoticeApp.NEWS, "IMMEDIATE", null, Locale.ENGLISH);
        publishNews("Sortie au musée");

        assertEquals(1, dispatcher.dispatch());
        MimeMessage[] received = smtp.getReceivedMessages();
        assertEquals(1, received.length);
        MimeMessage mail = received[0];
        assertEquals("sophie@example.org", mail.getRecipients(Message.RecipientType.TO)[0].toString());
        assertTrue(mail.getSubject().contains("Sortie au musée (en)"), mail.getSubject());
        String body = GreenMailUtil.getBody(mail);
        String text = (String) mail.getContent();
        assertTrue(text.startsWith("Hello Sophie Martin"), body);
        assertTrue(text.contains("for Léa"), text);
        assertTrue(text.contains("https://ent.example.org/app/test/" + f.d.a1), text);
        assertTrue(text.contains("https://ent.example.org/app/notifications"), text);
        assertEquals(0, dispatcher.dispatch(), "sent once only");
    }

    @Test
    void quietHoursHoldTheMailUntilTheyEnd() throws Exception {
        choose(NoticeApp.NEWS, "IMMEDIATE", new QuietHours("20:00", "07:00"), Locale.FRENCH);
        f.d.clock.set(Instant.parse("2026-12-01T21:00:00Z"));
        publishNews("Le soir");

        assertEquals(0, dispatcher.dispatch());
        assertEquals(Instant.parse("2026-12-02T07:00:00Z"), onlyRow().getNextAttemptAt());
        f.d.clock.set(Instant.parse("2026-12-02T06:59:00Z"));
        assertEquals(0, dispatcher.dispatch());
        f.d.clock.set(Instant.parse("2026-12-02T07:00:00Z"));
        assertEquals(1, dispatcher.dispatch());
        assertTrue(((String) smtp.getReceivedMessages()[0].getContent()).startsWith("Bonjour Sophie Martin"));
    }

    @Test
    void theDailyDigestSendsOneMailWithTheDaysItemsAtTheDigestTime() throws Exception {
        choose(NoticeApp.NEWS, "DAILY_DIGEST", null, Locale.FRENCH);
        publishNews("Premier");
        f.d.clock.advance(Duration.ofHours(2));
        publishNews("Second");

        assertEquals(0, dispatcher.dispatch());
        f.d.clock.set(Instant.parse("2026-12-01T17:00:00Z"));
        assertEquals(1, dispatcher.dispatch());
        MimeMessage[] received = smtp.getReceivedMessages();
        assertEquals(1, received.length);
        String text = (String) received[0].getContent();
        assertTrue(text.contains("Premier") && text.contains("Second"), text);
        assertTrue(received[0].getSubject().contains("(2)"), received[0].getSubject());
    }

    @Test
    void aDigestDueInQuietHoursGoesWhenTheyEnd() {
        choose(NoticeApp.NEWS, "DAILY_DIGEST", new QuietHours("16:00", "08:00"), Locale.FRENCH);
        publishNews("Calme");

        f.d.clock.set(Instant.parse("2026-12-01T17:00:00Z"));
        assertEquals(0, dispatcher.dispatch());
        f.d.clock.set(Instant.parse("2026-12-02T08:00:00Z"));
        assertEquals(1, dispatcher.dispatch());
    }

    @Test
    void aRefusedMailStaysQueuedAndIsRetriedWithGrowingWaits() {
        choose(NoticeApp.NEWS, "IMMEDIATE", null, Locale.FRENCH);
        refusals.set(2);
        publishNews("Têtu");

        assertEquals(0, dispatcher.dispatch());
        OutboxMail row = onlyRow();
        assertEquals(1, row.getAttempts());
        assertEquals(Instant.parse("2026-12-01T10:01:00Z"), row.getNextAttemptAt());
        assertEquals(0, dispatcher.dispatch(), "not before its next attempt");
        f.d.clock.set(Instant.parse("2026-12-01T10:01:00Z"));
        assertEquals(0, dispatcher.dispatch());
        assertEquals(Instant.parse("2026-12-01T10:03:00Z"), onlyRow().getNextAttemptAt());
        f.d.clock.set(Instant.parse("2026-12-01T10:03:00Z"));
        assertEquals(1, dispatcher.dispatch());
        assertEquals(1, smtp.getReceivedMessages().length);
        assertTrue(onlyRow().getSentAt() != null);
    }

    @Test
    void nothingIsMailedToPeopleWhoChoseNever() {
        choose(NoticeApp.NEWS, "NEVER", null, Locale.FRENCH);
        publishNews("Rien");
        f.d.clock.set(Instant.parse("2026-12-02T17:00:00Z"));
        assertEquals(0, dispatcher.dispatch());
        assertEquals(0, smtp.getReceivedMessages().length);
    }

    private OutboxMail onlyRow() {
        List<OutboxMail> rows = f.d.jpa.txExpr(em -> em.createQuery("select o from OutboxMail o", OutboxMail.class)
                .getResultList());
        assertEquals(1, rows.size());
        return rows.get(0);
    }
}
