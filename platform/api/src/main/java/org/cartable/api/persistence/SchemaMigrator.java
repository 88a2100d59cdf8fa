package org.cartable.api.persistence;

import org.osgi.annotation.versioning.ProviderType;
import org.osgi.framework.Bundle;

/**
 * Brings an app's tables up to date with the Liquibase changelog shipped inside the app's bundle. Every bundle owns
 * its tables and its changelog path (e.g. {@code db/blog/changelog.xml}); changesets already applied are skipped,
 * so calling this on every activation is cheap and an updated bundle runs only its new changesets.
 * <p>
 * The platform's data source is published as {@code osgi.jndi.service.name=cartable}; a persistence unit uses
 * {@link #DATA_SOURCE_JTA} as its {@code jta-data-source}.
 */
@ProviderType
public interface SchemaMigrator {

    /** JNDI-style name of the platform's shared data source for {@code persistence.xml}. */
    String DATA_SOURCE_JTA = "osgi:service/javax.sql.DataSource/(osgi.jndi.service.name=cartable)";

    /**
     * @param owner         the bundle whose resources hold the changelog
     * @param changelogPath path of the changelog inside that bundle, unique to the bundle
     * @throws IllegalStateException if a changeset fails; nothing of that changeset is kept
     */
    void migrate(Bundle owner, String changelogPath);
}
