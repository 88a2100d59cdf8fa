package org.cartable.core.internal.schema;

import org.cartable.api.persistence.SchemaMigrator;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * Present only once core's tables are migrated: every component reading core's tables references it, so none of
 * them activates against an old schema.
 */
@Component(service = CoreSchema.class)
public final class CoreSchema {

    public static final String CHANGELOG = "db/core/changelog.xml";

    /** The persistence unit of core's entities, for {@code JpaTemplate} reference targets. */
    public static final String UNIT_FILTER = "(osgi.unit.name=cartable-core)";

    @Activate
    public CoreSchema(@Reference SchemaMigrator migrator, BundleContext context) {
        this(migrator, context.getBundle());
    }

    /** Builds the component outside OSGi (tests, tools) from already resolved collaborators. */
    public static CoreSchema create(SchemaMigrator migrator, Bundle bundle) {
        return new CoreSchema(migrator, bundle);
    }

    private CoreSchema(SchemaMigrator migrator, Bundle bundle) {
        migrator.migrate(bundle, CHANGELOG);
    }
}
