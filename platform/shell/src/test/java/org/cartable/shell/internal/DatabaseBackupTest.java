package org.cartable.shell.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Proxy;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import javax.sql.DataSource;

import org.apache.derby.jdbc.EmbeddedDataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A real file-based Derby: back up online, write more, restore from the backup folder, find exactly the old rows. */
class DatabaseBackupTest {

    private static final Clock NOON = Clock.fixed(Instant.parse("2026-11-29T12:00:05Z"), ZoneOffset.UTC);

    private Path work;
    private Path db;
    private EmbeddedDataSource dataSource;
    private final List<String> opened = new ArrayList<>();

    @BeforeEach
    void createDatabase() throws Exception {
        work = Path.of("target", "backup-test-" + UUID.randomUUID()).toAbsolutePath();
        db = work.resolve("db/cartable");
        dataSource = derby(db.toString(), "create");
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE MARKER (ID VARCHAR(36) PRIMARY KEY, TEXT VARCHAR(100) NOT NULL)");
            s.execute("CREATE INDEX IX_MARKER_TEXT ON MARKER (TEXT)");
            s.execute("INSERT INTO MARKER VALUES ('before', 'written before the backup')");
        }
    }

    @AfterEach
    void shutDown() {
        for (String path : opened) {
            try {
                DriverManager.getConnection("jdbc:derby:" + path + ";shutdown=true");
            } catch (SQLException expected) {
                // Derby reports a clean shutdown as an exception
            }
        }
    }

    @Test
    void backupIsOnlineAndRestoresToItsPointInTime() throws Exception {
        DatabaseBackup backup = new DatabaseBackup(dataSource, NOON);
        DatabaseBackup.Result result;
        // a connection with an open transaction elsewhere does not stop the online backup
        try (Connection busy = dataSource.getConnection()) {
            busy.setAutoCommit(false);
            busy.createStatement().executeQuery("SELECT COUNT(*) FROM MARKER").close();
            result = backup.backup(work.resolve("backups"));
            busy.commit();
        }
        assertEquals(work.resolve("backups/2026-11-29T12-00-05Z"), result.folder());
        assertEquals(result.folder().resolve("cartable"), result.database());
        assertTrue(Files.isRegularFile(result.database().resolve("service.properties")), "a Derby database folder");
        assertTrue(result.bytes() > 100_000, "Derby's files: " + result.bytes());

        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            s.execute("INSERT INTO MARKER VALUES ('after', 'written after the backup')");
        }
        shutDown();
        opened.clear();

        // the documented restore: replace the database folder with a copy of the backup, start again
        Path restored = work.resolve("restored/cartable");
        copy(result.database(), restored);
        assertEquals(List.of("before"), ids(derby(restored.toString(), null)));

        // and Derby's own restoreFrom= gives the same
        Path viaUrl = work.resolve("restoreFrom/cartable");
        EmbeddedDataSource restoreFrom = derby(viaUrl.toString(), null);
        restoreFrom.setConnectionAttributes("restoreFrom=" + result.database());
        assertEquals(List.of("before"), ids(restoreFrom));
    }

    @Test
    void twoBackupsInTheSameSecondGetTwoFolders() throws Exception {
        DatabaseBackup backup = new DatabaseBackup(dataSource, NOON);
        Path first = backup.backup(work.resolve("backups")).folder();
        Path second = backup.backup(work.resolve("backups")).folder();
        assertEquals(first.resolveSibling(first.getFileName() + "-2"), second);
    }

    @Test
    void checkFindsEveryTableConsistent() throws Exception {
        DatabaseBackup.Check check = new DatabaseBackup(dataSource, NOON).check();
        assertEquals(1, check.tables());
        assertEquals(List.of(), check.inconsistent());
    }

    @Test
    void postgresqlIsRefusedWithThePgDumpAdvice() {
        DataSource postgres = fake("PostgreSQL", "15.8");
        DatabaseBackup.UnsupportedDatabase refused = assertThrows(DatabaseBackup.UnsupportedDatabase.class,
                () -> new DatabaseBackup(postgres, NOON).backup(work.resolve("never")));
        assertTrue(refused.getMessage().contains("pg_dump"), refused::getMessage);
        assertTrue(refused.getMessage().contains("PostgreSQL 15.8"), refused::getMessage);
        assertTrue(Files.notExists(work.resolve("never")), "nothing written");
        assertThrows(DatabaseBackup.UnsupportedDatabase.class, () -> new DatabaseBackup(fake("H2", "2"), NOON).check());
    }

    @Test
    void theAppsFileStoresAreCopiedBesideTheDatabase() throws Exception {
        Path files = work.resolve("data/cartable");
        Files.createDirectories(files.resolve("notebook/ab"));
        Files.writeString(files.resolve("notebook/ab/picture.png"), "not really a picture");
        Path folder = work.resolve("backups/x");
        Files.createDirectories(folder);
        assertEquals(20, DatabaseBackup.copyFiles(files, folder));
        assertEquals("not really a picture",
                Files.readString(folder.resolve("files/cartable/notebook/ab/picture.png")));
        assertEquals(0, DatabaseBackup.copyFiles(work.resolve("none"), folder), "no file store, nothing copied");
    }

    @Test
    void sizesReadLikeAnOperatorExpects() {
        assertEquals("999 B", DatabaseBackup.human(999));
        assertEquals("1.5 KB", DatabaseBackup.human(1536));
        assertEquals("2.0 MB", DatabaseBackup.human(2L * 1024 * 1024));
    }

    private EmbeddedDataSource derby(String path, String create) {
        EmbeddedDataSource ds = new EmbeddedDataSource();
        ds.setDatabaseName(path);
        if (create != null) {
            ds.setCreateDatabase(create);
        }
        opened.add(path);
        return ds;
    }

    private static List<String> ids(DataSource ds) throws SQLException {
        List<String> ids = new ArrayList<>();
        try (Connection c = ds.getConnection(); Statement s = c.createStatement();
             ResultSet rows = s.executeQuery("SELECT ID FROM MARKER ORDER BY ID")) {
            while (rows.next()) {
                ids.add(rows.getString(1));
            }
        }
        return ids;
    }

    private static void copy(Path from, Path to) throws Exception {
        try (var paths = Files.walk(from)) {
            for (Path p : paths.toList()) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(p, target);
                }
            }
        }
    }

    /** A DataSource whose connection only answers metadata: stands for a PostgreSQL or other server. */
    private static DataSource fake(String product, String version) {
        DatabaseMetaData meta = (DatabaseMetaData) Proxy.newProxyInstance(DatabaseBackupTest.class.getClassLoader(),
                new Class<?>[] {DatabaseMetaData.class}, (p, m, a) -> switch (m.getName()) {
                    case "getDatabaseProductName" -> product;
                    case "getDatabaseProductVersion" -> version;
                    default -> throw new UnsupportedOperationException(m.getName());
                });
        Connection connection = (Connection) Proxy.newProxyInstance(DatabaseBackupTest.class.getClassLoader(),
                new Class<?>[] {Connection.class}, (p, m, a) -> switch (m.getName()) {
                    case "getMetaData" -> meta;
                    case "close" -> null;
                    default -> throw new UnsupportedOperationException(m.getName());
                });
        return (DataSource) Proxy.newProxyInstance(DatabaseBackupTest.class.getClassLoader(),
                new Class<?>[] {DataSource.class}, (p, m, a) -> switch (m.getName()) {
                    case "getConnection" -> connection;
                    default -> throw new UnsupportedOperationException(m.getName());
                });
    }
}
