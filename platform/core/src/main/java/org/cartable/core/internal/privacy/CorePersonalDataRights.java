package org.cartable.core.internal.privacy;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import org.apache.aries.jpa.template.JpaTemplate;
import org.apache.aries.jpa.template.TransactionType;
import org.cartable.api.CartableException;
import org.cartable.api.audit.AuditEvent;
import org.cartable.api.audit.AuditLog;
import org.cartable.api.audit.AuditTypes;
import org.cartable.api.privacy.PersonalData;
import org.cartable.core.internal.model.Changes;
import org.cartable.core.internal.model.Person;
import org.cartable.core.internal.model.PersonStatus;
import org.cartable.core.internal.schema.CoreSchema;
import org.cartable.core.service.PersonalDataRights;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Collects a person's data from the platform and from every app's {@link PersonalData} service, and purges
 * pre-deleted accounts from all of them. An app that fails never stops the others: its export gets a note in the
 * ZIP; its erase is logged and the account stays pre-deleted, so the next run of the purge calls every app again
 * (erases are idempotent).
 */
@Component(service = PersonalDataRights.class)
public final class CorePersonalDataRights implements PersonalDataRights {

    private static final Logger LOG = LoggerFactory.getLogger(CorePersonalDataRights.class);
    static final String PLATFORM_FOLDER = "platform";

    private final JpaTemplate jpa;
    private final List<PersonalData> apps = new CopyOnWriteArrayList<>();
    /** Optional so tests and tools can run without one; in Karaf core always provides it. */
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    private volatile AuditLog audit;

    @Activate
    public CorePersonalDataRights(@Reference CoreSchema schema,
                                  @Reference(target = CoreSchema.UNIT_FILTER) JpaTemplate jpa) {
        this.jpa = jpa;
    }

    /** Builds the component outside OSGi (tests, tools) with a fixed set of apps. */
    public static CorePersonalDataRights create(JpaTemplate jpa, List<PersonalData> apps) {
        return create(jpa, apps, null);
    }

    /** Builds the component outside OSGi (tests, tools) with a fixed set of apps, recording into {@code audit}. */
    public static CorePersonalDataRights create(JpaTemplate jpa, List<PersonalData> apps, AuditLog audit) {
        CorePersonalDataRights rights = new CorePersonalDataRights(null, jpa);
        apps.forEach(rights::addApp);
        rights.audit = audit;
        return rights;
    }

    private void record(AuditEvent event) {
        AuditLog log = audit;
        if (log != null) {
            log.record(event);
        }
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    void addApp(PersonalData app) {
        apps.add(app);
    }

    void removeApp(PersonalData app) {
        apps.remove(app);
    }

    @Override
    public void export(String personId, OutputStream out) throws IOException {
        Map<String, Object> platform = jpa.txExpr(em -> {
            Person person = personId == null ? null : em.find(Person.class, personId);
            if (person == null) {
                throw CartableException.notFound("No such account.");
            }
            return PlatformData.export(em, person);
        });
        record(AuditEvent.of(AuditTypes.DATA_EXPORT).actor(personId, null).on(personId));
        try (ZipSink zip = new ZipSink(out)) {
            zip.text("README.txt", readme(personId));
            var platformFolder = zip.folder(PLATFORM_FOLDER);
            for (Map.Entry<String, Object> file : platform.entrySet()) {
                platformFolder.json(file.getKey(), file.getValue());
            }
            for (PersonalData app : sorted()) {
                String appId = app.appId();
                try {
                    app.export(personId, zip.folder(appId));
                } catch (IOException e) {
                    // The client went away or the stream broke: nothing more can be written.
                    throw e;
                } catch (RuntimeException e) {
                    LOG.warn("App {} could not export the data of account {}", appId, personId, e);
                    zip.text(ZipSink.safe(appId) + "/export-failed.txt",
                            "This app could not export your data (" + e.getClass().getSimpleName()
                                    + "). Please try again later or contact your school.\n");
                }
            }
        }
    }

    private static String readme(String personId) {
        StringWriter text = new StringWriter();
        PrintWriter out = new PrintWriter(text);
        out.println("Cartable - your personal data / vos données personnelles");
        out.println("Account / compte: " + personId);
        out.println("Exported at / exporté le: " + Instant.now());
        out.println();
        out.println("platform/  : profile, classes, family links, notification preferences and feed");
        out.println("<app>/     : what each app holds about you (JSON), and the files you uploaded in <app>/files/");
        out.flush();
        return text.toString();
    }

    @Override
    public boolean purge(String personId) {
        PersonStatus status = jpa.txExpr(em -> {
            Person person = personId == null ? null : em.find(Person.class, personId);
            return person == null ? null : person.getStatus();
        });
        if (status == null) {
            throw CartableException.notFound("No such account.");
        }
        if (status != PersonStatus.PRE_DELETED) {
            throw CartableException.conflict("Only accounts that left the directory (pre-deleted) are purged.");
        }
        List<String> failed = new ArrayList<>();
        for (PersonalData app : sorted()) {
            try {
                app.erase(personId);
            } catch (RuntimeException e) {
                failed.add(app.appId());
                LOG.warn("App {} could not erase pre-deleted account {}; the account stays pre-deleted and is tried"
                        + " again at the next purge", app.appId(), personId, e);
            }
        }
        if (!failed.isEmpty()) {
            return false;
        }
        jpa.tx(TransactionType.RequiresNew, em -> {
            Person person = em.find(Person.class, personId);
            // Re-imported (restored) while the apps were erasing: it stays, what the apps erased is gone.
            if (person != null && person.getStatus() == PersonStatus.PRE_DELETED) {
                PlatformData.purge(em, person);
                record(AuditEvent.of(AuditTypes.PURGE).on(personId).detail("purged from the platform and "
                        + apps.size() + " apps"));
            }
        });
        // After the commit: no cached session or class relation of the purged account (or to the purged child)
        // survives it.
        Changes.ACCOUNTS.changed();
        Changes.DIRECTORY.changed();
        LOG.info("Purged pre-deleted account {} from the platform and {} apps", personId, apps.size());
        return true;
    }

    @Override
    public int purgePreDeletedBefore(Instant limit) {
        List<String> due = jpa.txExpr(em -> em.createQuery(
                        "select d.personId from PreDeletion d where d.since < :limit order by d.since", String.class)
                .setParameter("limit", limit).getResultList());
        int purged = 0;
        for (String personId : due) {
            try {
                if (purge(personId)) {
                    purged++;
                }
            } catch (RuntimeException e) {
                LOG.warn("Pre-deleted account {} could not be purged; it stays pre-deleted", personId, e);
            }
        }
        return purged;
    }

    /** A stable order makes logs and ZIPs comparable from one run to the next. */
    private List<PersonalData> sorted() {
        List<PersonalData> snapshot = new ArrayList<>(apps);
        snapshot.sort(Comparator.comparing(PersonalData::appId));
        return snapshot;
    }
}
