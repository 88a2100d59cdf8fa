package org.cartable.testing;

import java.sql.CallableStatement;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.IntFunction;

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
    private final QueryPlans queryPlans = new QueryPlans(dataSource);
    private EntityManagerFactory emf;

    public TestDatabase() {
        dataSource.setDatabaseName("memory:" + name);
        dataSource.setCreateDatabase("create");
    }

    public DataSource dataSource() {
        return dataSource;
    }

    /** The plans Derby executed for the statements of the persistence unit opened by {@link #jpa}. */
    public QueryPlans queryPlans() {
        return queryPlans;
    }

    /**
     * Inserts many rows with plain JDBC in one transaction, e.g. the other classes' content a query-plan test needs
     * so that Derby's optimizer would rather scan than use a poor index. {@code row} gives the parameters of row i.
     */
    public TestDatabase insertRows(String insertSql, int count, IntFunction<Object[]> row) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement insert = connection.prepareStatement(insertSql)) {
            connection.setAutoCommit(false);
            for (int i = 0; i < count; i++) {
                Object[] values = row.apply(i);
                for (int c = 0; c < values.length; c++) {
                    insert.setObject(c + 1, values[c]);
                }
                insert.addBatch();
                if (i % 1000 == 999) {
                    insert.executeBatch();
                }
            }
            insert.executeBatch();
            connection.commit();
            return this;
        } catch (SQLException e) {
            throw new IllegalStateException("Insert failed: " + insertSql, e);
        }
    }

    /**
     * Drops Derby's index statistics of every application table and stops its background daemon from creating them
     * for this database: the optimizer then estimates as a server whose statistics are missing or stale does (an
     * IN-list of n keys is guessed to match n tenths of the table, hence table scans), and a plan does not depend on
     * when the daemon happened to run. A query that is an index lookup here is one whatever the statistics.
     */
    public TestDatabase withoutStatistics() {
        try (Connection connection = dataSource.getConnection();
             Statement select = connection.createStatement();
             CallableStatement drop = connection.prepareCall("CALL SYSCS_UTIL.SYSCS_DROP_STATISTICS(?, ?, NULL)")) {
            select.execute("CALL SYSCS_UTIL.SYSCS_SET_DATABASE_PROPERTY('derby.storage.indexStats.auto', 'false')");
            List<String[]> tables = new ArrayList<>();
            try (ResultSet rows = select.executeQuery("select s.SCHEMANAME, t.TABLENAME from SYS.SYSTABLES t"
                    + " join SYS.SYSSCHEMAS s on s.SCHEMAID = t.SCHEMAID where t.TABLETYPE = 'T'"
                    + " and s.SCHEMANAME = CURRENT SCHEMA")) {
                while (rows.next()) {
                    tables.add(new String[] {rows.getString(1), rows.getString(2)});
                }
            }
            for (String[] table : tables) {
                drop.setString(1, table[0]);
                drop.setString(2, table[1]);
                drop.execute();
            }
            return this;
        } catch (SQLException e) {
            throw new IllegalStateException("Dropping statistics failed", e);
        }
    }

    /** Runs a Liquibase changelog found on the test class path (the bundle's own resources). */
    public TestDatabase migrate(String changelogPath) {
        return migrate(changelogPath, -1);
    }

    /**
     * Runs only the first changesets of a changelog not applied yet: the schema as an older version of the bundle left
     * it, to fill it with that version's rows before {@link #migrate(String)} runs the rest.
     */
    public TestDatabase migrateFirst(String changelogPath, int changeSets) {
        return migrate(changelogPath, changeSets);
    }

    private TestDatabase migrate(String changelogPath, int changeSets) {
        try (Connection connection = dataSource.getConnection()) {
            Database database = DatabaseFactory.getInstance()
                    .findCorrectDatabaseImplementation(new JdbcConnection(connection));
            Liquibase liquibase = new Liquibase(changelogPath, new ClassLoaderResourceAccessor(), database);
            if (changeSets < 0) {
                liquibase.update("");
            } else {
                liquibase.update(changeSets, "");
            }
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
        properties.put("javax.persistence.nonJtaDataSource", queryPlans.dataSource());
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
