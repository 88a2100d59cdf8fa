package org.cartable.api.persistence.boot;

import java.util.Map;

import org.hibernate.boot.MetadataBuilder;
import org.hibernate.boot.spi.MetadataBuilderContributor;
import org.hibernate.boot.spi.MetadataBuilderImplementor;
import org.hibernate.engine.config.spi.ConfigurationService;

/**
 * Stops the placeholder build of a persistence unit early. As soon as Hibernate is there, Aries JPA builds every unit
 * once against a dummy DataSource, only so that a provider may register a bytecode transformer, closes it, and builds
 * it again for real against the DataSource service: the whole Hibernate metadata and session factory twice per unit,
 * about a third of the CPU of a cold start. Our units use no bytecode enhancement (no transformer to register), so
 * the placeholder build is stopped here, before any metadata is built; Aries ignores the failure of that build by
 * design. Builds against a real DataSource (in Karaf and in tests) are untouched.
 * <p>
 * Named in a unit's {@code persistence.xml}: {@code hibernate.metadata_builder_contributor}; the bundle imports this
 * package (bnd cannot see a class named in XML).
 */
public final class SkipPlaceholderBuild implements MetadataBuilderContributor {

    /** Aries JPA's DataSource of the placeholder build (a private class of the container: matched by name). */
    static final String ARIES_DUMMY_DATA_SOURCE = "org.apache.aries.jpa.container.weaving.impl.DummyDataSource";

    private static final String[] DATA_SOURCE_SETTINGS = {
        "hibernate.connection.datasource", "javax.persistence.jtaDataSource", "javax.persistence.nonJtaDataSource"};

    @Override
    public void contribute(MetadataBuilder metadataBuilder) {
        if (!(metadataBuilder instanceof MetadataBuilderImplementor)) {
            return;
        }
        Map<?, ?> settings = ((MetadataBuilderImplementor) metadataBuilder).getBootstrapContext().getServiceRegistry()
                .getService(ConfigurationService.class).getSettings();
        if (isPlaceholder(settings)) {
            throw new PlaceholderBuildSkipped();
        }
    }

    static boolean isPlaceholder(Map<?, ?> settings) {
        for (String key : DATA_SOURCE_SETTINGS) {
            Object dataSource = settings.get(key);
            if (dataSource != null && ARIES_DUMMY_DATA_SOURCE.equals(dataSource.getClass().getName())) {
                return true;
            }
        }
        return false;
    }

    /** Thrown out of Aries' placeholder build, which Aries logs at debug level and forgets. */
    static final class PlaceholderBuildSkipped extends RuntimeException {
        private static final long serialVersionUID = 1L;

        PlaceholderBuildSkipped() {
            super("placeholder build of the persistence unit skipped: no bytecode enhancement to register", null,
                    false, false);
        }
    }
}
