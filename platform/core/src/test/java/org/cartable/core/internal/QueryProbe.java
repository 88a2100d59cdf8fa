package org.cartable.core.internal;

import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.logging.Logger;

import javax.persistence.EntityManagerFactory;
import javax.persistence.Persistence;
import javax.sql.DataSource;

import org.cartable.testing.ResourceLocalJpaTemplate;
import org.cartable.testing.TestDatabase;

/**
 * Core's persistence unit over a test database whose every connection records the statements it runs and their
 * plans, with Derby's XPLAIN tables (runtime statistics captured into schema {@value #SCHEMA}). Tests read back how
 * many statements a service call cost and which tables a plan read in full: figures that do not depend on the
 * machine's load, unlike timings.
 */
public final class QueryProbe {

    static final String SCHEMA = "PLANS";

    /** One executed statement: its SQL and the tables its plan scanned in full (heap scans). */
    public record Executed(String sql, List<String> tableScans) {
    }

    private final DataSource raw;
    private final DataSource recording;

    public QueryProbe(TestDatabase db) {
        this.raw = db.dataSource();
        this.recording = new Recording(raw);
    }

    /** The unit "cartable-core" over connections that record their plans (same properties as TestDatabase's). */
    public ResourceLocalJpaTemplate jpa() {
        Map<String, Object> properties = new HashMap<>();
        properties.put("javax.persistence.transactionType", "RESOURCE_LOCAL");
        properties.put("javax.persistence.jtaDataSource", null);
        properties.put("javax.persistence.nonJtaDataSource", recording);
        properties.put("hibernate.dialect", "org.hibernate.dialect.DerbyTenSevenDialect");
        properties.put("hibernate.hbm2ddl.auto", "validate");
        EntityManagerFactory emf = Persistence.createEntityManagerFactory("cartable-core", properties);
        return new ResourceLocalJpaTemplate(emf);
    }

    /** Forgets what was recorded so far. */
    public void reset() {
        try (Connection c = raw.getConnection(); Statement s = c.createStatement()) {
            c.setAutoCommit(true);
            if (!c.getMetaData().getTables(null, SCHEMA, "SYSXPLAIN_STATEMENTS", null).next()) {
                return;
            }
            for (String table : List.of("SYSXPLAIN_SCAN_PROPS", "SYSXPLAIN_SORT_PROPS", "SYSXPLAIN_RESULTSET_TIMINGS",
                    "SYSXPLAIN_STATEMENT_TIMINGS", "SYSXPLAIN_RESULTSETS", "SYSXPLAIN_STATEMENTS")) {
                s.executeUpdate("delete from " + SCHEMA + "." + table);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** @return the statements run since the last {@link #reset()}, with their full table scans */
    public List<Executed> executed() {
        Map<String, Executed> byId = new HashMap<>();
        List<Executed> result = new ArrayList<>();
        try (Connection c = raw.getConnection(); Statement s = c.createStatement()) {
            try (ResultSet rs = s.executeQuery("select STMT_ID, STMT_TEXT from " + SCHEMA + ".SYSXPLAIN_STATEMENTS"
                    + " where STMT_TYPE <> 'C' order by XPLAIN_TIME")) {
                while (rs.next()) {
                    Executed e = new Executed(rs.getString(2), new ArrayList<>());
                    byId.put(rs.getString(1), e);
                    result.add(e);
                }
            }
            try (ResultSet rs = s.executeQuery("select r.STMT_ID, p.SCAN_OBJECT_NAME from " + SCHEMA
                    + ".SYSXPLAIN_RESULTSETS r join " + SCHEMA + ".SYSXPLAIN_SCAN_PROPS p"
                    + " on p.SCAN_RS_ID = r.SCAN_RS_ID where p.SCAN_TYPE = 'HEAP'")) {
                while (rs.next()) {
                    Executed e = byId.get(rs.getString(1));
                    if (e != null) {
                        e.tableScans().add(rs.getString(2));
                    }
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return result;
    }

    /** Every new connection turns runtime statistics on and captures them into the XPLAIN tables. */
    private record Recording(DataSource raw) implements DataSource {

        @Override
        public Connection getConnection() throws SQLException {
            return record(raw.getConnection());
        }

        @Override
        public Connection getConnection(String user, String password) throws SQLException {
            return record(raw.getConnection(user, password));
        }

        private static Connection record(Connection c) throws SQLException {
            try (Statement s = c.createStatement()) {
                s.execute("CALL SYSCS_UTIL.SYSCS_SET_RUNTIMESTATISTICS(1)");
                s.execute("CALL SYSCS_UTIL.SYSCS_SET_XPLAIN_SCHEMA('" + SCHEMA + "')");
            }
            return c;
        }

        @Override
        public PrintWriter getLogWriter() throws SQLException {
            return raw.getLogWriter();
        }

        @Override
        public void setLogWriter(PrintWriter out) throws SQLException {
            raw.setLogWriter(out);
        }

        @Override
        public void setLoginTimeout(int seconds) throws SQLException {
            raw.setLoginTimeout(seconds);
        }

        @Override
        public int getLoginTimeout() throws SQLException {
            return raw.getLoginTimeout();
        }

        @Override
        public Logger getParentLogger() throws SQLFeatureNotSupportedException {
            return raw.getParentLogger();
        }

        @Override
        public <T> T unwrap(Class<T> type) throws SQLException {
            return raw.unwrap(type);
        }

        @Override
        public boolean isWrapperFor(Class<?> type) throws SQLException {
            return raw.isWrapperFor(type);
        }
    }
}
