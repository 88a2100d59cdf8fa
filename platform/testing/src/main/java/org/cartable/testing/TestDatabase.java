package org.cartable.testing;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import javax.persistence.EntityManagerFactory;
import javax.persistence.Persistence;
import javax.sql.DataSource;

import org.apache.derby.jdbc.EmbeddedDataSource;

import liquibase.Liquibase;
import liquibase.database.Database;
import liquibase.database.DatabaseFactory;
import liquibase.database.jvm.JdbcConnection;
import liquibase.resource.ClassLoaderResourceAccessor;

/**
 * A fresh in-memory Derby database per instance, migrated with a bundle's own changelog, with the bundle's own
 * persistence unit on top: the same schema and mapping as in Karaf, without the container.
 */
public final class TestDatabase implements AutoCloseable {

    private final String name = "test-" + UUID.randomUUID();
    private final EmbeddedDataSource dataSource = new EmbeddedDataSource();
    private EntityManagerFactory emf;

    public TestDatabase() {
        dataSource.setDatabaseName("memory:" + name);
        dataSource.setCreateDatabase("create");
    }

    public DataSource dataSource() {
        return dataSource;
    }

    /** Runs a Liquibase changelog found on the test class path (the bundle's own resources). */
    public TestDatabase migrate(String changelogPath) {
        try (Connection connection = dataSource.getConnection()) {
            Database database = DatabaseFactory.getInstance()
                    .findCorrectDatabaseImplementation(new JdbcConnection(connection));
            new Liquibase(changelogPath, new ClassLoaderResourceAccessor(), database).update("");
            // Liquibase may leave a read transaction open on a run that had nothing to apply.
            if (!connection.getAutoCommit()) {
                connection.commit();
            }
            return this;
        } catch (Exception e) {
            throw new IllegalStateException("Migration failed: " + changelogPath, e);
        }
    }

    /** Opens the persistence unit of {@code META-INF/persistence.xml} over this database, resource-local. */
    public ResourceLocalJpaTemplate jpa(String unitName) {
        Map<String, Object> properties = new HashMap<>();
        properties.put("javax.persistence.transactionType", "RESOURCE_LOCAL");
        properties.put("javax.persistence.jtaDataSource", null);
        properties.put("javax.persistence.nonJtaDataSource", dataSource);
        properties.put("hibernate.dialect", "org.hibernate.dialect.DerbyTenSevenDialect");
        properties.put("hibernate.hbm2ddl.auto", "validate");
        emf = Persistence.createEntityManagerFactory(unitName, properties);
        return new ResourceLocalJpaTemplate(emf);
    }

    @Override
    public void close() {
        if (emf != null) {
            emf.close();
        }
        try {
            dataSource.setShutdownDatabase("shutdown");
            dataSource.getConnection().close();
        } catch (SQLException expected) {
            // Derby reports a successful shutdown as an SQLException (state 08006).
        }
    }
}
