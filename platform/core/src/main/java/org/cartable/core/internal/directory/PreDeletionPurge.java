package org.cartable.core.internal.directory;

import java.time.Clock;
import java.time.Instant;
import java.time.Period;
import java.time.ZoneId;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.cartable.core.service.PersonalDataRights;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Purges pre-deleted accounts once their delay (three months by default) has passed, at a fixed interval on its own
 * thread, stopped with the component. Every app erases the account through its personal-data service first (see
 * {@link PersonalDataRights#purge}); an account that an app failed to erase stays pre-deleted and is tried again at
 * the next run.
 */
@Component(service = PreDeletionPurge.class, configurationPid = PurgeConfig.PID, immediate = true)
@Designate(ocd = PurgeConfig.class)
public final class PreDeletionPurge {

    private static final Logger LOG = LoggerFactory.getLogger(PreDeletionPurge.class);

    private final PersonalDataRights rights;
    private final Period delay;
    private final Clock clock;
    private final ScheduledExecutorService scheduler;

    @Activate
    public PreDeletionPurge(@Reference PersonalDataRights rights, PurgeConfig config) {
        this(rights, Period.ofMonths(config.purgeDelayMonths()), Clock.systemDefaultZone());
        long interval = Math.max(1, config.purgeIntervalMinutes());
        scheduler.scheduleWithFixedDelay(this::runSafely, 1, interval, TimeUnit.MINUTES);
    }

    /** Builds the purge outside OSGi (tests, tools): nothing is scheduled, call {@link #runOnce()}. */
    public static PreDeletionPurge create(PersonalDataRights rights, Period delay, Clock clock) {
        return new PreDeletionPurge(rights, delay, clock);
    }

    private PreDeletionPurge(PersonalDataRights rights, Period delay, Clock clock) {
        if (delay.isNegative()) {
            throw new IllegalArgumentException("The purge delay cannot be negative: " + delay);
        }
        this.rights = rights;
        this.delay = delay;
        this.clock = clock;
        this.scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, "cartable-pre-deletion-purge");
            thread.setDaemon(true);
            return thread;
        });
    }

    /** @return the number of accounts purged: those pre-deleted more than the delay ago */
    public int runOnce() {
        // Months have no fixed length: count them back on the calendar, in the clock's zone.
        ZoneId zone = clock.getZone();
        Instant limit = clock.instant().atZone(zone).minus(delay).toInstant();
        return rights.purgePreDeletedBefore(limit);
    }

    private void runSafely() {
        try {
            int purged = runOnce();
            if (purged > 0) {
                LOG.info("Purged {} accounts pre-deleted more than {} ago", purged, delay);
            }
        } catch (RuntimeException e) {
            LOG.warn("Purge of pre-deleted accounts failed; next try at the next interval", e);
        }
    }

    @Deactivate
    void stop() {
        scheduler.shutdownNow();
    }
}
