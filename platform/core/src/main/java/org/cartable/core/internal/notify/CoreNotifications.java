package org.cartable.core.internal.notify;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.aries.jpa.template.JpaTemplate;
import org.apache.aries.jpa.template.TransactionType;
import org.cartable.api.AppActivation;
import org.cartable.api.Directory;
import org.cartable.api.PersonSummary;
import org.cartable.api.notify.EmailDelivery;
import org.cartable.api.notify.Notice;
import org.cartable.api.notify.NoticeType;
import org.cartable.api.notify.Notifications;
import org.cartable.core.internal.model.FeedItem;
import org.cartable.core.internal.model.NotificationPreference;
import org.cartable.core.internal.model.OutboxMail;
import org.cartable.core.internal.model.PersonStatus;
import org.cartable.core.internal.schema.CoreSchema;
import org.cartable.core.service.AppCatalog;
import org.cartable.core.service.InstalledApp;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Stores notices in their audience's feeds and queues their e-mails, in the caller's transaction (Required), so
 * that an app's rolled-back write leaves neither feed items nor mails behind.
 */
@Component(service = Notifications.class)
public final class CoreNotifications implements Notifications {

    private static final Logger LOG = LoggerFactory.getLogger(CoreNotifications.class);

    private final JpaTemplate jpa;
    private final Directory directory;
    private final AppCatalog catalog;
    private final AppActivation activation;
    private final Clock clock;

    @Activate
    public CoreNotifications(@Reference CoreSchema schema,
                             @Reference(target = CoreSchema.UNIT_FILTER) JpaTemplate jpa,
                             @Reference Directory directory,
                             @Reference AppCatalog catalog,
                             @Reference AppActivation activation) {
        this(jpa, directory, catalog, activation, Clock.systemUTC());
    }

    /** Builds the component outside OSGi (tests, tools) from already resolved collaborators. */
    public static CoreNotifications create(JpaTemplate jpa, Directory directory, AppCatalog catalog,
                                           AppActivation activation, Clock clock) {
        return new CoreNotifications(jpa, directory, catalog, activation, clock);
    }

    private CoreNotifications(JpaTemplate jpa, Directory directory, AppCatalog catalog, AppActivation activation,
                              Clock clock) {
        this.jpa = jpa;
        this.directory = directory;
        this.catalog = catalog;
        this.activation = activation;
        this.clock = clock;
    }

    /** One feed item to write: a person, and the child it concerns when they receive it as a parent. */
    record Recipient(String personId, String childId) {
    }

    @Override
    public int publish(Notice notice) {
        InstalledApp app = catalog.find(notice.appId()).orElse(null);
        if (app == null) {
            LOG.debug("Notice {} dropped: app '{}' is not installed", notice.type(), notice.appId());
            return 0;
        }
        if (notice.classId() != null && !activation.isEnabled(notice.classId(), notice.appId())) {
            LOG.debug("Notice {} dropped: app '{}' is disabled in class {}", notice.type(), notice.appId(),
                    notice.classId());
            return 0;
        }
        List<Recipient> recipients = expand(notice);
        if (recipients.isEmpty()) {
            return 0;
        }
        EmailDelivery fallback = defaultDelivery(app, notice.type());
        return jpa.txExpr(TransactionType.Required, em -> {
            Set<String> personIds = new LinkedHashSet<>();
            recipients.forEach(r -> personIds.add(r.personId()));
            // Accounts that still exist and are active, with their address: one query for the whole audience.
            Map<String, String> active = new HashMap<>();
            for (Object[] row : em.createQuery("select p.id, p.email from Person p where p.id in :ids"
                            + " and p.status = :active", Object[].class)
                    .setParameter("ids", personIds).setParameter("active", PersonStatus.ACTIVE).getResultList()) {
                active.put((String) row[0], (String) row[1]);
            }
            Map<String, EmailDelivery> choices = new HashMap<>();
            em.createQuery("select p from NotificationPreference p where p.personId in :ids and p.appId = :app"
                            + " and p.type = :type", NotificationPreference.class)
                    .setParameter("ids", personIds).setParameter("app", notice.appId())
                    .setParameter("type", notice.type()).getResultList()
                    .forEach(p -> choices.put(p.getPersonId(), p.getEmail()));
            Instant now = clock.instant();
            String fr = notice.text().in(java.util.Locale.FRENCH);
            String en = notice.text().in(java.util.Locale.ENGLISH);
            int stored = 0;
            for (Recipient recipient : recipients) {
                if (!active.containsKey(recipient.personId())) {
                    continue;
                }
                FeedItem item = new FeedItem(recipient.personId(), recipient.childId(), notice.appId(),
                        notice.type(), notice.classId(), fr, en, notice.link(), now);
                em.persist(item);
                stored++;
                EmailDelivery delivery = choices.getOrDefault(recipient.personId(), fallback);
                if (delivery != EmailDelivery.NEVER && active.get(recipient.personId()) != null) {
                    em.persist(new OutboxMail(recipient.personId(), item.getId(), delivery, now, now));
                }
            }
            return stored;
        });
    }

    /** Pupils bring their current parents (each parent's item naming the child); the actor is left out. */
    List<Recipient> expand(Notice notice) {
        Set<Recipient> recipients = new LinkedHashSet<>();
        notice.audience().persons().forEach(id -> recipients.add(new Recipient(id, null)));
        notice.audience().pupilsAndParents().forEach(id -> recipients.add(new Recipient(id, null)));
        addParents(recipients, notice.audience().pupilsAndParents());
        addParents(recipients, notice.audience().parentsOnly());
        List<Recipient> result = new ArrayList<>();
        for (Recipient recipient : recipients) {
            if (recipient.personId() != null && !recipient.personId().equals(notice.actorId())) {
                result.add(recipient);
            }
        }
        return result;
    }

    private void addParents(Set<Recipient> recipients, Collection<String> pupilIds) {
        for (String pupilId : pupilIds) {
            for (PersonSummary parent : directory.parentsOf(pupilId)) {
                recipients.add(new Recipient(parent.id(), pupilId));
            }
        }
    }

    /** Types the app does not declare are still stored, but never mailed unless the person chose so. */
    static EmailDelivery defaultDelivery(InstalledApp app, String type) {
        List<NoticeType> types;
        try {
            types = app.app().noticeTypes();
        } catch (RuntimeException broken) {
            return EmailDelivery.NEVER;
        }
        return types == null ? EmailDelivery.NEVER : types.stream()
                .filter(t -> t.id().equals(type))
                .map(NoticeType::defaultEmail)
                .findFirst().orElse(EmailDelivery.NEVER);
    }
}
