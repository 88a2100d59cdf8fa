package org.cartable.deployment.internal;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Records the day's coverage at start and every few hours, so the charts over time have a point per day even when
 * nobody opens the dashboard.
 */
@Component(service = {}, immediate = true)
public final class SnapshotSchedule {

    private static final Logger LOG = LoggerFactory.getLogger(SnapshotSchedule.class);
    private static final long EVERY_HOURS = 6;

    private final ScheduledExecutorService executor;

    @Activate
    public SnapshotSchedule(@Reference DeploymentService deployment) {
        executor = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "cartable-deployment-snapshot");
            thread.setDaemon(true);
            return thread;
        });
        executor.scheduleWithFixedDelay(() -> {
            try {
                deployment.recordSnapshot();
            } catch (RuntimeException e) {
                LOG.warn("Could not record today's coverage snapshot; next try in {} hours", EVERY_HOURS, e);
            }
        }, 10, TimeUnit.HOURS.toSeconds(EVERY_HOURS), TimeUnit.SECONDS);
    }

    @Deactivate
    void stop() {
        executor.shutdownNow();
    }
}
