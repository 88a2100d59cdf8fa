package org.cartable.testing;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import javax.sql.DataSource;

/**
 * Captures the plans Derby actually executed for the statements a piece of code runs, through the test's
 * DataSource (so Hibernate's statements are seen as they are).
 * <p>
 * Every connection handed out during {@link #capture} has Derby's run-time statistics on and its XPLAIN schema set
 * ({@code SYSCS_SET_RUNTIMESTATISTICS}, {@code SYSCS_SET_XPLAIN_SCHEMA}): Derby then writes each executed statement
 * and each of its result sets (table scan, index scan and its start position, sort, join...) into tables of a schema
 * of its own for that capture. This is deterministic (no log file to parse, nothing timed) and per connection, so
 * the seeding before the capture and other tests are not recorded.
 */
public final class QueryPlans {

    private static final AtomicInteger CAPTURES = new AtomicInteger();

    private final DataSource target;
    private final DataSource proxy;
    private volatile String schema;

    QueryPlans(DataSource target) {
        this.target = target;
        this.proxy = (DataSource) Proxy.newProxyInstance(QueryPlans.class.getClassLoader(),
                new Class<?>[] {DataSource.class}, new Recording());
    }

    /** The DataSource to give the code under test; recording only while {@link #capture} runs. */
    public DataSource dataSource() {
        return proxy;
    }

    /** Runs the code (in this thread) and reports what Derby executed for it. */
    public Report report(Runnable code) {
        return capture(() -> {
            code.run();
            return null;
        }).report();
    }

    /** Runs the code (in this thread) and returns its result with what Derby executed for it. */
    public <T> Captured<T> capture(Supplier<T> code) {
        if (schema != null) {
            throw new IllegalStateException("Captures do not nest.");
        }
        String name = "XPLAIN_" + CAPTURES.incrementAndGet();
        schema = name;
        T result;
        try {
            result = code.get();
        } finally {
            schema = null;
        }
        return new Captured<>(result, read(name));
    }

    /** A result and the report of the statements that computed it. */
    public record Captured<T>(T result, Report report) {
    }

    /** One executed statement (its SQL) with the scans its plan made. */
    public record Executed(String sql, List<Scan> scans) {
    }

    /** Derby's operator for reading a table's rows from the row locations an index scan found. */
    static final String ROW_FETCH = "ROWIDSCAN";

    /**
     * One scan of a plan. {@code kind} is Derby's operator (TABLESCAN, INDEXSCAN, HASHSCAN, ...); {@code object}
     * the table, index or constraint it read; {@code table} the table behind it; {@code full} when it read the whole
     * table or index (no start and no stop position); {@code rowsVisited} what the scan touched. A ROWIDSCAN is the
     * fetch of a table's rows after an index scan (the index did not hold every column the statement needs);
     * {@code rowsVisited} is then the rows fetched, which {@link Report#rowsVisited()} does not count again.
     */
    public record Scan(String kind, String object, String table, boolean full, long rowsVisited) {
        @Override
        public String toString() {
            return kind + " of " + table + (object.equals(table) ? "" : " via " + object)
                    + (full ? " (whole)" : "") + ", " + rowsVisited + " rows visited";
        }
    }

    /** What the captured code ran, by statement and by table. */
    public static final class Report {

        private final List<Executed> statements;

        Report(List<Executed> statements) {
            this.statements = List.copyOf(statements);
        }

        /** The statements executed, in no particular order (Derby's CALLs of the capture left out). */
        public List<Executed> statements() {
            return statements;
        }

        public int statementCount() {
            return statements.size();
        }

        /** Per table, how many times it was read whole: table scans, and index scans without a start or stop key. */
        public Map<String, Integer> fullScans() {
            Map<String, Integer> scans = new LinkedHashMap<>();
            statements.forEach(s -> s.scans().stream().filter(Scan::full)
                    .forEach(scan -> scans.merge(scan.table(), 1, Integer::sum)));
            return scans;
        }

        /** Per table, the rows all scans of it visited. */
        public Map<String, Long> rowsVisited() {
            Map<String, Long> rows = new LinkedHashMap<>();
            statements.forEach(s -> s.scans().stream().filter(scan -> !ROW_FETCH.equals(scan.kind()))
                    .forEach(scan -> rows.merge(scan.table(), scan.rowsVisited(), Long::sum)));
            return rows;
        }

        /** Per table, the rows fetched from the table itself after an index scan (one random page read each). */
        public Map<String, Long> rowsFetchedAfterIndex() {
            Map<String, Long> rows = new LinkedHashMap<>();
            statements.forEach(s -> s.scans().stream().filter(scan -> ROW_FETCH.equals(scan.kind()))
                    .forEach(scan -> rows.merge(scan.table(), scan.rowsVisited(), Long::sum)));
            return rows;
        }

        /**
         * Fails if more of the table's rows were fetched after index scans than allowed: a count or a list that the
         * index alone could answer should not read the rows too.
         */
        public Report assertRowsFetchedAfterIndexAtMost(String table, long max) {
            long fetched = rowsFetchedAfterIndex().getOrDefault(table.toUpperCase(Locale.ROOT), 0L);
            if (fetched > max) {
                throw new AssertionError(fetched + " rows of " + table + " fetched after an index scan, at most " + max
                        + " expected:\n" + this);
            }
            return this;
        }

        /** Fails with the offending statements and their plans if any of the tables was read whole. */
        public Report assertNoFullScanOf(String... tables) {
            StringBuilder failures = new StringBuilder();
            for (String table : tables) {
                String wanted = table.toUpperCase(Locale.ROOT);
                for (Executed s : statements) {
                    for (Scan scan : s.scans()) {
                        if (scan.full() && scan.table().equals(wanted)) {
                            failures.append("\n  ").append(scan).append(" in: ").append(s.sql());
                        }
                    }
                }
            }
            if (failures.length() > 0) {
                throw new AssertionError("Whole-table reads:" + failures + "\n" + this);
            }
            return this;
        }

        /**
         * Fails if the scans of a table visited more rows than allowed, e.g. a parent's read that should touch their
         * child's rows only and not the whole class's.
         */
        public Report assertRowsVisitedAtMost(String table, long max) {
            long visited = rowsVisited().getOrDefault(table.toUpperCase(Locale.ROOT), 0L);
            if (visited > max) {
                throw new AssertionError(visited + " rows of " + table + " visited, at most " + max + " expected:\n"
                        + this);
            }
            return this;
        }

        /** Fails if more statements than allowed ran. */
        public Report assertStatementsAtMost(int max) {
            if (statementCount() > max) {
                throw new AssertionError(statementCount() + " statements ran, at most " + max + " expected:\n" + this);
            }
            return this;
        }

        @Override
        public String toString() {
            StringBuilder text = new StringBuilder(statementCount() + " statements, whole reads " + fullScans()
                    + ", rows visited " + rowsVisited() + ", rows fetched after an index " + rowsFetchedAfterIndex());
            statements.forEach(s -> text.append("\n  ").append(s.sql()).append("\n    ").append(s.scans()));
            return text.toString();
        }
    }

    // ---------------------------------------------------------------------------------------------------- internals

    private final class Recording implements InvocationHandler {
        @Override
        public Object invoke(Object self, java.lang.reflect.Method method, Object[] args) throws Throwable {
            Object result;
            try {
                result = method.invoke(target, args);
            } catch (InvocationTargetException e) {
                throw e.getCause();
            }
            String current = schema;
            if (current != null && result instanceof Connection connection) {
                try (Statement call = connection.createStatement()) {
                    call.execute("CALL SYSCS_UTIL.SYSCS_SET_RUNTIMESTATISTICS(1)");
                    call.execute("CALL SYSCS_UTIL.SYSCS_SET_XPLAIN_SCHEMA('" + current + "')");
                }
            }
            return result;
        }
    }

    private Report read(String name) {
        try (Connection connection = target.getConnection()) {
            if (!schemaExists(connection, name)) {
                return new Report(List.of());
            }
            Map<String, String> tableOf = tablesOfIndexes(connection);
            Map<String, String> sqlById = new LinkedHashMap<>();
            Map<String, List<Scan>> scansById = new HashMap<>();
            try (Statement select = connection.createStatement();
                 ResultSet rows = select.executeQuery("select s.STMT_ID, s.STMT_TEXT, r.OP_IDENTIFIER,"
                         + " p.SCAN_OBJECT_NAME, p.SCAN_OBJECT_TYPE, p.START_POSITION, p.STOP_POSITION,"
                         + " p.NO_VISITED_ROWS, r.OP_DETAILS, r.RETURNED_ROWS"
                         + " from " + name + ".SYSXPLAIN_STATEMENTS s"
                         + " left join " + name + ".SYSXPLAIN_RESULTSETS r on r.STMT_ID = s.STMT_ID"
                         + " left join " + name + ".SYSXPLAIN_SCAN_PROPS p on p.SCAN_RS_ID = r.SCAN_RS_ID"
                         + " order by s.XPLAIN_TIME, s.STMT_ID")) {
                while (rows.next()) {
                    String id = rows.getString(1);
                    String sql = rows.getString(2);
                    if (sql == null || sql.stripLeading().toUpperCase(Locale.ROOT).startsWith("CALL SYSCS_UTIL.")) {
                        continue;
                    }
                    sqlById.putIfAbsent(id, sql);
                    String object = rows.getString(4);
                    if (ROW_FETCH.equals(rows.getString(3))) {
                        // Derby describes it as "(result set number),TABLE".
                        String details = rows.getString(9);
                        String fetched = details.substring(details.indexOf(',') + 1).trim();
                        scansById.computeIfAbsent(id, k -> new ArrayList<>())
                                .add(new Scan(ROW_FETCH, fetched, fetched, false, rows.getLong(10)));
                        continue;
                    }
                    if (object == null) {
                        continue;
                    }
                    String kind = rows.getString(3);
                    boolean table = "T".equals(rows.getString(5));
                    boolean whole = table || rows.getString(6) == null && rows.getString(7) == null;
                    scansById.computeIfAbsent(id, k -> new ArrayList<>()).add(new Scan(kind, object,
                            table ? object : tableOf.getOrDefault(object, object), whole, rows.getLong(8)));
                }
            }
            List<Executed> executed = new ArrayList<>();
            sqlById.forEach((id, sql) -> executed.add(new Executed(sql, scansById.getOrDefault(id, List.of()))));
            return new Report(executed);
        } catch (SQLException e) {
            throw new IllegalStateException("Could not read Derby's XPLAIN tables of " + name, e);
        }
    }

    private static boolean schemaExists(Connection connection, String name) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(
                "select count(*) from SYS.SYSTABLES t join SYS.SYSSCHEMAS s on s.SCHEMAID = t.SCHEMAID"
                        + " where s.SCHEMANAME = ? and t.TABLENAME = 'SYSXPLAIN_STATEMENTS'")) {
            select.setString(1, name);
            try (ResultSet rows = select.executeQuery()) {
                rows.next();
                return rows.getInt(1) > 0;
            }
        }
    }

    /** Index and constraint names (what Derby reports for an index scan) to their table. */
    private static Map<String, String> tablesOfIndexes(Connection connection) throws SQLException {
        Map<String, String> tables = new HashMap<>();
        try (Statement select = connection.createStatement()) {
            try (ResultSet rows = select.executeQuery("select c.CONGLOMERATENAME, t.TABLENAME"
                    + " from SYS.SYSCONGLOMERATES c join SYS.SYSTABLES t on t.TABLEID = c.TABLEID")) {
                while (rows.next()) {
                    tables.put(rows.getString(1), rows.getString(2));
                }
            }
            try (ResultSet rows = select.executeQuery("select k.CONSTRAINTNAME, t.TABLENAME"
                    + " from SYS.SYSCONSTRAINTS k join SYS.SYSTABLES t on t.TABLEID = k.TABLEID")) {
                while (rows.next()) {
                    tables.put(rows.getString(1), rows.getString(2));
                }
            }
        }
        return tables;
    }
}
