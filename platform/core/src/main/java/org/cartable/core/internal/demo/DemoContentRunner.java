package org.cartable.core.internal.demo;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.apache.aries.jpa.template.JpaTemplate;
import org.cartable.api.Caller;
import org.cartable.api.demo.DemoContent;
import org.cartable.api.demo.DemoDirectory;
import org.cartable.core.internal.directory.SchoolYears;
import org.cartable.core.internal.model.DemoContentRun;
import org.cartable.core.internal.model.Person;
import org.cartable.core.internal.schema.CoreSchema;
import org.cartable.core.service.AppCatalog;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Lets each app seed its demo content once per database, after the demo directory: apps come and go, so every
 * {@link DemoContent} service is run when it appears (and its app is in the catalogue), off the OSGi thread. The
 * app's writes and the record that it was seeded share one transaction, so a failure leaves nothing half-seeded and
 * is tried again at the next start.
 */
@Component(service = {}, configurationPid = DemoConfig.PID, configurationPolicy = ConfigurationPolicy.OPTIONAL,
        immediate = true)
public final class DemoContentRunner {

    private static final Logger LOG = LoggerFactory.getLogger(DemoContentRunner.class);
    private static final long RETRY_MILLIS = 500;
    /** An app's content waits this long at most for the app's descriptor to be in the catalogue. */
    private static final int MAX_WAITS = 120;

    private final JpaTemplate jpa;
    private final AppCatalog catalog;
    private final Clock clock;
    private final boolean enabled;
    private final ScheduledExecutorService executor;

    @Activate
    public DemoContentRunner(@Reference DemoData seeded, @Reference CoreSchema schema,
                             @Reference(target = CoreSchema.UNIT_FILTER) JpaTemplate jpa,
                             @Reference AppCatalog catalog, DemoConfig config) {
        this(jpa, catalog, Clock.systemDefaultZone(), config.enabled());
    }

    /** Builds the component outside OSGi (tests, tools) from already resolved collaborators. */
    public static DemoContentRunner create(JpaTemplate jpa, AppCatalog catalog, Clock clock, boolean enabled) {
        return new DemoContentRunner(jpa, catalog, clock, enabled);
    }

    private DemoContentRunner(JpaTemplate jpa, AppCatalog catalog, Clock clock, boolean enabled) {
        this.jpa = jpa;
        this.catalog = catalog;
        this.clock = clock;
        this.enabled = enabled;
        this.executor = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, "cartable-demo-content");
            thread.setDaemon(true);
            return thread;
        });
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    public void addContent(DemoContent content) {
        if (enabled) {
            schedule(content, 0, 0);
        }
    }

    public void removeContent(DemoContent content) {
        // A queued run checks the catalogue again; nothing to undo here.
    }

    @Deactivate
    public void close() {
        executor.shutdownNow();
    }

    private void schedule(DemoContent content, long delayMillis, int waits) {
        try {
            executor.schedule(() -> run(content, waits), delayMillis, TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException stopping) {
            LOG.debug("Demo content not scheduled: the runner is stopping");
        }
    }

    private void run(DemoContent content, int waits) {
        String appId;
        try {
            appId = content.appId();
        } catch (RuntimeException gone) {
            return;
        }
        if (catalog.find(appId).isEmpty()) {
            if (waits < MAX_WAITS) {
                schedule(content, RETRY_MILLIS, waits + 1);
            } else {
                LOG.warn("Demo content of '{}' not seeded: the app is not in the catalogue", appId);
            }
            return;
        }
        seed(content);
    }

    /** @return whether the content was seeded now (false: already seeded, no demo directory, or it failed) */
    public boolean seed(DemoContent content) {
        String appId = content.appId();
        try {
            return jpa.txExpr(em -> {
                if (em.find(DemoContentRun.class, appId) != null) {
                    return false;
                }
                if (em.createQuery("select count(p) from Person p where p.loginKey = 'teacher'", Long.class)
                        .getSingleResult() == 0) {
                    LOG.info("Demo content of '{}' not seeded: there is no demo directory", appId);
                    return false;
                }
                content.seed(new Lookup());
                em.persist(new DemoContentRun(appId, clock.instant()));
                LOG.info("Demo content of '{}' seeded", appId);
                return true;
            });
        } catch (RuntimeException e) {
            LOG.warn("Demo content of '{}' failed; it will be tried again at the next start", appId, e);
            return false;
        }
    }

    /** Lookups each in their own (joined) transaction, valid while the app seeds. */
    private final class Lookup implements DemoDirectory {

        @Override
        public Caller caller(String login) {
            return jpa.txExpr(em -> {
                List<Person> found = em.createQuery("select p from Person p where p.loginKey = :key", Person.class)
                        .setParameter("key", Person.loginKey(login)).getResultList();
                if (found.isEmpty()) {
                    throw new IllegalArgumentException("No demo account " + login);
                }
                Person p = found.get(0);
                return new Caller(p.getId(), p.getLogin(), p.displayName(), p.getRoles());
            });
        }

        @Override
        public String classId(String className) {
            String year = SchoolYears.of(LocalDate.now(clock));
            return jpa.txExpr(em -> em.createQuery("select c.id from SchoolClass c where c.name = :name"
                            + " and c.schoolYear = :year", String.class)
                    .setParameter("name", className).setParameter("year", year)
                    .getResultList().stream().findFirst()
                    .orElseThrow(() -> new IllegalArgumentException("No demo class " + className)));
        }

        @Override
        public Clock clock() {
            return clock;
        }
    }
}
