package org.cartable.core.internal.schema;

import java.sql.Connection;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

import javax.sql.DataSource;

import org.cartable.api.persistence.SchemaMigrator;
import org.osgi.framework.Bundle;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import liquibase.Contexts;
import liquibase.Liquibase;
import liquibase.database.Database;
import liquibase.database.DatabaseFactory;
import liquibase.database.jvm.JdbcConnection;
import liquibase.resource.OSGiResourceAccessor;
import liquibase.resource.ResourceAccessor;

/** Runs each bundle's own Liquibase changelog against the platform's shared data source. */
@Component(service = SchemaMigrator.class)
public final class LiquibaseSchemaMigrator implements SchemaMigrator {

    private static final Logger LOG = LoggerFactory.getLogger(LiquibaseSchemaMigrator.class);

    private final DataSource dataSource;
    /**
     * Bundle versions whose changelog already ran in this JVM. A component that reactivates (a configuration or a
     * reference changed) asks again; only an updated or reinstalled bundle (new last-modified time) needs Liquibase.
     */
    private final Set<String> upToDate = ConcurrentHashMap.newKeySet();

    @Activate
    public LiquibaseSchemaMigrator(@Reference(target = "(osgi.jndi.service.name=cartable)") DataSource dataSource) {
        this.dataSource = dataSource;
    }

    @Override
    public void migrate(Bundle owner, String changelogPath) {
        if (owner == null) {
            throw new IllegalArgumentException("The bundle owning the changelog is required.");
        }
        String bundleVersion = owner.getBundleId() + "/" + owner.getLastModified() + "/" + changelogPath;
        // The changelog is a resource of the calling bundle, not of core.
        migrateOnce(bundleVersion, () -> new OSGiResourceAccessor(owner), changelogPath, owner.getSymbolicName());
    }

    void migrateOnce(String bundleVersion, Supplier<ResourceAccessor> resources, String changelogPath,
                     String ownerName) {
        if (upToDate.contains(bundleVersion)) {
            return;
        }
        migrate(resources.get(), changelogPath, ownerName);
        upToDate.add(bundleVersion);
    }

    /**
     * Serialised: Liquibase's own lock table would make concurrent callers wait anyway, and two bundles activating
     * at once must not both try to create the DATABASECHANGELOG tables.
     */
    synchronized void migrate(ResourceAccessor resources, String changelogPath, String ownerName) {
        if (changelogPath == null || changelogPath.isBlank()) {
            throw new IllegalArgumentException("A changelog path is required.");
        }
        long started = System.nanoTime();
        try (Connection connection = dataSource.getConnection()) {
            boolean autoCommit = connection.getAutoCommit();
            try {
                Database database = DatabaseFactory.getInstance()
                        .findCorrectDatabaseImplementation(new JdbcConnection(connection));
                new Liquibase(changelogPath, resources, database).update(new Contexts());
            } finally {
                release(connection, autoCommit);
            }
        } catch (Exception e) {
            throw new IllegalStateException("Schema migration " + changelogPath + " of " + ownerName + " failed: "
                    + e.getMessage(), e);
        }
        LOG.info("Schema {} of {} is up to date ({} ms)", changelogPath, ownerName,
                (System.nanoTime() - started) / 1_000_000);
    }

    /**
     * Liquibase leaves auto-commit off and a read transaction open after its last check. Ending that here, rather
     * than with {@code Database.close()}, matters: Liquibase's Derby support shuts the whole embedded database down
     * on close, under the connection pool's feet.
     */
    private static void release(Connection connection, boolean autoCommit) {
        try {
            if (!connection.getAutoCommit()) {
                connection.rollback();
                connection.setAutoCommit(autoCommit);
            }
        } catch (Exception e) {
            LOG.warn("Could not reset the migration connection", e);
        }
    }
}
