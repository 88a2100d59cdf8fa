package org.cartable.core.internal.notify;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.ResourceBundle;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import javax.persistence.EntityManager;

import org.apache.aries.jpa.template.JpaTemplate;
import org.cartable.api.CartableApp;
import org.cartable.api.notify.EmailDelivery;
import org.cartable.core.internal.model.FeedItem;
import org.cartable.core.internal.model.OutboxMail;
import org.cartable.core.internal.model.Person;
import org.cartable.core.internal.schema.CoreSchema;
import org.cartable.core.service.AppCatalog;
import org.cartable.core.service.InstalledApp;
import org.cartable.core.service.MailSender;
import org.cartable.core.service.MailSender.Mail;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Mails what the outbox holds: each IMMEDIATE item on its own as soon as the person's quiet hours allow, and the
 * DAILY_DIGEST items of a person together at the digest time (or when their quiet hours end). A mail the server did
 * not accept stays queued and is tried again later, waiting longer after each failure.
 */
@Component(service = MailDispatcher.class, configurationPid = MailConfig.PID,
        configurationPolicy = ConfigurationPolicy.OPTIONAL, immediate = true)
public final class MailDispatcher {

    private static final Logger LOG = LoggerFactory.getLogger(MailDispatcher.class);
    private static final int BATCH = 500;
    private static final Duration MAX_BACKOFF = Duration.ofHours(6);
    private static final String TEXTS = "org.cartable.core.internal.notify.mail";
    private static final ResourceBundle.Control FRENCH_BASE =
            ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES);

    private final JpaTemplate jpa;
    private final MailSender sender;
    private final AppCatalog catalog;
    private final Clock clock;
    private final LocalTime digestTime;
    private final String baseUrl;
    private final ScheduledExecutorService executor;

    @Activate
    public MailDispatcher(@Reference CoreSchema schema, @Reference(target = CoreSchema.UNIT_FILTER) JpaTemplate jpa,
                          @Reference MailSender sender, @Reference AppCatalog catalog, MailConfig config) {
        this(jpa, sender, catalog, Clock.systemDefaultZone(), config.digestTime(), config.baseUrl());
        long period = Math.max(1, config.pollSeconds());
        executor.scheduleWithFixedDelay(this::dispatchQuietly, period, period, TimeUnit.SECONDS);
    }

    /** Builds the component outside OSGi (tests, tools): nothing is scheduled, tests call {@link #dispatch()}. */
    public static MailDispatcher create(JpaTemplate jpa, MailSender sender, AppCatalog catalog, Clock clock,
                                       String digestTime, String baseUrl) {
        return new MailDispatcher(jpa, sender, catalog, clock, digestTime, baseUrl);
    }

    private MailDispatcher(JpaTemplate jpa, MailSender sender, AppCatalog catalog, Clock clock, String digestTime,
                           String baseUrl) {
        this.jpa = jpa;
        this.sender = sender;
        this.catalog = catalog;
        this.clock = clock;
        LocalTime parsed = MailSchedule.parse(digestTime);
        if (parsed == null) {
            LOG.warn("digestTime '{}' in etc/{}.cfg is not HH:mm; using 17:00", digestTime, MailConfig.PID);
            parsed = LocalTime.of(17, 0);
        }
        this.digestTime = parsed;
        this.baseUrl = baseUrl == null ? "" : baseUrl.replaceAll("/+$", "");
        this.executor = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, "cartable-mail");
            thread.setDaemon(true);
            return thread;
        });
    }

    @Deactivate
    public void close() {
        executor.shutdownNow();
    }

    private void dispatchQuietly() {
        try {
            dispatch();
        } catch (RuntimeException e) {
            LOG.warn("Mail dispatch failed; the outbox is kept and tried again", e);
        }
    }

    /** One mail to send and the outbox rows it carries. */
    private record Job(List<String> rowIds, Mail mail) {
    }

    /** @return how many mails the server accepted */
    public synchronized int dispatch() {
        if (!sender.enabled()) {
            return 0;
        }
        Instant now = clock.instant();
        List<Job> jobs = jpa.txExpr(em -> plan(em, now));
        int sent = 0;
        for (Job job : jobs) {
            try {
                sender.send(job.mail());
                jpa.tx(em -> rows(em, job.rowIds()).forEach(row -> row.sent(clock.instant())));
                sent++;
            } catch (MailSender.MailException e) {
                LOG.warn("Mail to {} not sent ({}); it stays queued", job.mail().to(), e.getMessage());
                jpa.tx(em -> rows(em, job.rowIds()).forEach(row -> row.failed(e.getMessage(),
                        now.plus(backoff(row.getAttempts())))));
            }
        }
        return sent;
    }

    /** Rows due now become mails; rows held by quiet hours or waiting for the digest get their new time. */
    private List<Job> plan(EntityManager em, Instant now) {
        // The people to write to first: those waiting longest, read in the due index's order and stopped after a
        // batch (sentAt, null throughout, is named so that Derby sees that order). Ordering the whole due set by
        // person instead had Derby sort it at every poll: tens of thousands of rows when the digests fall due or the
        // SMTP server was away, a quarter of the CPU under the evening's load.
        Set<String> people = new LinkedHashSet<>(em.createQuery("select o.personId from OutboxMail o where"
                        + " o.sentAt is null and o.nextAttemptAt <= :now order by o.sentAt, o.nextAttemptAt",
                        String.class)
                .setParameter("now", now).setMaxResults(BATCH).getResultList());
        if (people.isEmpty()) {
            return List.of();
        }
        // All their due rows, so that one person's digest is one mail.
        List<OutboxMail> due = em.createQuery("select o from OutboxMail o where o.personId in :people"
                        + " and o.sentAt is null and o.nextAttemptAt <= :now order by o.personId, o.createdAt, o.id",
                        OutboxMail.class)
                .setParameter("people", people).setParameter("now", now).setMaxResults(BATCH).getResultList();
        Map<String, List<OutboxMail>> byPerson = new LinkedHashMap<>();
        due.forEach(row -> byPerson.computeIfAbsent(row.getPersonId(), k -> new ArrayList<>()).add(row));
        List<Job> jobs = new ArrayList<>();
        byPerson.forEach((personId, rows) -> {
            Person person = em.find(Person.class, personId);
            if (person == null || !person.isActive() || person.getEmail() == null) {
                // Nobody to write to any more: the items stay in the feed; the mails are closed, not retried.
                rows.forEach(row -> row.closed("not sent: no active account with an e-mail address", now));
                return;
            }
            LocalTime from = MailSchedule.parse(person.getQuietFrom());
            LocalTime to = MailSchedule.parse(person.getQuietTo());
            List<OutboxMail> digest = new ArrayList<>();
            for (OutboxMail row : rows) {
                Instant when = row.getKind() == EmailDelivery.DAILY_DIGEST
                        ? MailSchedule.digestTime(row.getCreatedAt(), clock.getZone(), digestTime, from, to)
                        : MailSchedule.release(row.getCreatedAt(), clock.getZone(), from, to);
                // A retry keeps its back-off; quiet hours still apply to it.
                when = max(when, MailSchedule.release(max(now, row.getNextAttemptAt()), clock.getZone(), from, to));
                if (when.isAfter(now)) {
                    row.postpone(when);
                } else if (row.getKind() == EmailDelivery.DAILY_DIGEST) {
                    digest.add(row);
                } else {
                    FeedItem item = em.find(FeedItem.class, row.getFeedItemId());
                    jobs.add(new Job(List.of(row.getId()), immediate(em, person, item)));
                }
            }
            if (!digest.isEmpty()) {
                List<FeedItem> items = digest.stream().map(r -> em.find(FeedItem.class, r.getFeedItemId())).toList();
                jobs.add(new Job(digest.stream().map(OutboxMail::getId).toList(), digest(em, person, items)));
            }
        });
        return jobs;
    }

    private static Instant max(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }

    /** 1, 2, 4 ... minutes, at most six hours. */
    static Duration backoff(int attemptsSoFar) {
        Duration wait = Duration.ofMinutes(1L << Math.min(attemptsSoFar, 10));
        return wait.compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : wait;
    }

    private static List<OutboxMail> rows(EntityManager em, List<String> ids) {
        return ids.stream().map(id -> em.find(OutboxMail.class, id)).filter(r -> r != null).toList();
    }

    // ------------------------------------------------------------------------------------------------- rendering

    private Mail immediate(EntityManager em, Person person, FeedItem item) {
        Locale locale = locale(person);
        ResourceBundle texts = texts(locale);
        String text = item.text(locale.getLanguage());
        String subject = texts.getString("subject.prefix") + " " + oneLine(text, 120);
        StringBuilder body = new StringBuilder();
        body.append(String.format(texts.getString("greeting"), person.displayName())).append("\n\n");
        line(body, em, texts, locale, item);
        body.append('\n');
        footer(body, texts);
        return new Mail(person.getEmail(), subject, body.toString());
    }

    private Mail digest(EntityManager em, Person person, List<FeedItem> items) {
        Locale locale = locale(person);
        ResourceBundle texts = texts(locale);
        String subject = texts.getString("subject.prefix") + " "
                + String.format(texts.getString("digest.subject"), items.size());
        StringBuilder body = new StringBuilder();
        body.append(String.format(texts.getString("greeting"), person.displayName())).append("\n\n");
        body.append(texts.getString("digest.intro")).append("\n\n");
        for (FeedItem item : items) {
            if (item != null) {
                line(body, em, texts, locale, item);
                body.append('\n');
            }
        }
        footer(body, texts);
        return new Mail(person.getEmail(), subject, body.toString());
    }

    private void line(StringBuilder body, EntityManager em, ResourceBundle texts, Locale locale, FeedItem item) {
        Optional<CartableApp> app = catalog.find(item.getAppId()).map(InstalledApp::app);
        body.append("- ");
        app.ifPresent(a -> body.append('[').append(a.name(locale)).append("] "));
        body.append(item.text(locale.getLanguage()));
        if (item.getChildId() != null) {
            Person child = em.find(Person.class, item.getChildId());
            if (child != null) {
                body.append(" (").append(String.format(texts.getString("for.child"), child.getFirstName()))
                        .append(')');
            }
        }
        body.append('\n');
        if (app.isPresent() && item.getLink() != null) {
            body.append("  ").append(baseUrl).append("/app/").append(item.getLink()).append('\n');
        }
    }

    private void footer(StringBuilder body, ResourceBundle texts) {
        body.append(texts.getString("footer.feed")).append(' ').append(baseUrl).append("/app/\n");
        body.append(texts.getString("footer.preferences")).append(' ').append(baseUrl)
                .append("/app/notifications\n");
    }

    private static String oneLine(String text, int max) {
        String line = text.replaceAll("\\s+", " ").strip();
        return line.length() <= max ? line : line.substring(0, max - 1) + "…";
    }

    private static Locale locale(Person person) {
        return "en".equals(person.getLanguage()) ? Locale.ENGLISH : Locale.FRENCH;
    }

    private static ResourceBundle texts(Locale locale) {
        return ResourceBundle.getBundle(TEXTS, locale, MailDispatcher.class.getClassLoader(), FRENCH_BASE);
    }
}
