package org.cartable.api.persistence.boot;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.PrintWriter;
import java.sql.Connection;
import java.util.logging.Logger;

import javax.sql.DataSource;

import org.apache.aries.jpa.container.weaving.impl.DummyDataSource;
import org.hibernate.boot.MetadataSources;
import org.hibernate.boot.registry.StandardServiceRegistry;
import org.hibernate.boot.registry.StandardServiceRegistryBuilder;
import org.junit.jupiter.api.Test;

/** Through Hibernate's own bootstrap objects, as in EntityManagerFactoryBuilderImpl's constructor. */
class SkipPlaceholderBuildTest {

    @Test
    void stopsTheBuildAgainstAriesPlaceholderDataSource() {
        assertThrows(SkipPlaceholderBuild.PlaceholderBuildSkipped.class,
                () -> contributeWith("hibernate.connection.datasource", new DummyDataSource()));
        assertThrows(SkipPlaceholderBuild.PlaceholderBuildSkipped.class,
                () -> contributeWith("javax.persistence.jtaDataSource", new DummyDataSource()));
    }

    @Test
    void leavesARealBuildAlone() {
        assertDoesNotThrow(() -> contributeWith("hibernate.connection.datasource", new OtherDataSource()));
        assertDoesNotThrow(() -> contributeWith("hibernate.show_sql", "false"));
    }

    private static void contributeWith(String key, Object value) {
        StandardServiceRegistry registry = new StandardServiceRegistryBuilder().applySetting(key, value).build();
        try {
            new SkipPlaceholderBuild().contribute(new MetadataSources(registry).getMetadataBuilder());
        } finally {
            StandardServiceRegistryBuilder.destroy(registry);
        }
    }

    private static final class OtherDataSource implements DataSource {
        @Override public Connection getConnection() { return null; }
        @Override public Connection getConnection(String username, String password) { return null; }
        @Override public PrintWriter getLogWriter() { return null; }
        @Override public void setLogWriter(PrintWriter out) { }
        @Override public void setLoginTimeout(int seconds) { }
        @Override public int getLoginTimeout() { return 0; }
        @Override public Logger getParentLogger() { return null; }
        @Override public <T> T unwrap(Class<T> iface) { return null; }
        @Override public boolean isWrapperFor(Class<?> iface) { return false; }
    }
}
