package org.cartable.itests.failing.internal;

import org.cartable.api.persistence.SchemaMigrator;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * Migrates its tables on activation, like every app's service (see the blog's BlogService), but the changelog is
 * broken: activation throws. Immediate, so that it fails as soon as the bundle starts rather than on first use.
 */
@Component(service = FailingService.class, immediate = true)
public final class FailingService {

    static final String CHANGELOG = "db/failing-app/changelog.xml";

    @Activate
    public FailingService(@Reference SchemaMigrator migrator, BundleContext context) {
        migrator.migrate(context.getBundle(), CHANGELOG);
    }
}
