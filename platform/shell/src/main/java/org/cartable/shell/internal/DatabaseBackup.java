package org.cartable.shell.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.CallableStatement;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import javax.sql.DataSource;

/**
 * Online backup and consistency check of the platform's embedded Derby database, through the platform's own
 * DataSource (so the running server keeps serving: Derby's backup is online and transaction-consistent). Other
 * databases are refused with the tool to use instead.
 */
final class DatabaseBackup {

    private static final DateTimeFormatter FOLDER = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH-mm-ss'Z'")
            .withZone(ZoneOffset.UTC);

    /** A finished backup: {@code database} is the folder to restore (it holds service.properties, seg0, log). */
    record Result(Path folder, Path database, long bytes, long millis) {
    }

    /** What {@code SYSCS_CHECK_TABLE} found. */
    record Check(int tables, List<String> inconsistent) {
    }

    /** The database is not Derby: the message says what to use instead. */
    static final class UnsupportedDatabase extends IllegalStateException {
        private static final long serialVersionUID = 1L;

        UnsupportedDatabase(String message) {
            super(message);
        }
    }

    private final DataSource dataSource;
    private final Clock clock;

    DatabaseBackup(DataSource dataSource, Clock clock) {
        this.dataSource = dataSource;
        this.clock = clock;
    }

    /** Backs the database up into a new folder named after the current UTC time under {@code parent}. */
    Result backup(Path parent) throws SQLException {
        long started = System.nanoTime();
        try (Connection connection = dataSource.getConnection()) {
            requireDerby(connection.getMetaData());
            Path folder = newFolder(parent.toAbsolutePath().normalize());
            try (CallableStatement call = connection.prepareCall("CALL SYSCS_UTIL.SYSCS_BACKUP_DATABASE(?)")) {
                call.setString(1, folder.toString());
                call.execute();
            }
            endTransaction(connection);
            Path database = onlyChild(folder);
            return new Result(folder, database, size(folder), (System.nanoTime() - started) / 1_000_000);
        }
    }

    /**
     * Copies the apps' file stores (uploads kept outside the database, e.g. the notebook's) into {@code folder}/files.
     * Taken after the database, so every file the backed-up rows name is there (a file deleted in between excepted);
     * files written in between are extra, and harmless.
     *
     * @return bytes copied; 0 when there is no such folder
     */
    static long copyFiles(Path files, Path folder) {
        if (!Files.isDirectory(files)) {
            return 0;
        }
        Path target = folder.resolve("files").resolve(files.getFileName().toString());
        try (Stream<Path> paths = Files.walk(files)) {
            for (Path path : paths.toList()) {
                Path copy = target.resolve(files.relativize(path).toString());
                if (Files.isDirectory(path)) {
                    Files.createDirectories(copy);
                } else if (Files.isRegularFile(path)) {
                    try {
                        Files.copy(path, copy, java.nio.file.StandardCopyOption.COPY_ATTRIBUTES);
                    } catch (java.nio.file.NoSuchFileException deletedMeanwhile) {
                        // removed by the running server after the listing: not part of the backup
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot copy " + files + " into " + target, e);
        }
        return Files.isDirectory(target) ? size(target) : 0;
    }

    /** Runs Derby's {@code SYSCS_CHECK_TABLE} (base table against every index) on every user table. */
    Check check() throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            requireDerby(connection.getMetaData());
            List<String[]> tables = new ArrayList<>();
            try (PreparedStatement list = connection.prepareStatement("SELECT s.SCHEMANAME, t.TABLENAME"
                    + " FROM SYS.SYSTABLES t JOIN SYS.SYSSCHEMAS s ON t.SCHEMAID = s.SCHEMAID"
                    + " WHERE t.TABLETYPE = 'T' ORDER BY 1, 2");
                 ResultSet rows = list.executeQuery()) {
                while (rows.next()) {
                    tables.add(new String[] {rows.getString(1), rows.getString(2)});
                }
            }
            List<String> inconsistent = new ArrayList<>();
            try (PreparedStatement check = connection.prepareStatement("VALUES SYSCS_UTIL.SYSCS_CHECK_TABLE(?, ?)")) {
                for (String[] table : tables) {
                    check.setString(1, table[0]);
                    check.setString(2, table[1]);
                    try (ResultSet result = check.executeQuery()) {
                        if (!result.next() || result.getInt(1) != 1) {
                            inconsistent.add(table[0] + "." + table[1]);
                        }
                    } catch (SQLException e) {
                        // Derby reports an inconsistency as an exception naming the index
                        inconsistent.add(table[0] + "." + table[1] + " (" + e.getMessage() + ")");
                    }
                }
            }
            endTransaction(connection);
            return new Check(tables.size(), inconsistent);
        }
    }

    private static void requireDerby(DatabaseMetaData metaData) throws SQLException {
        String product = metaData.getDatabaseProductName();
        if (product != null && product.toLowerCase().contains("postgres")) {
            throw new UnsupportedDatabase("The platform runs on " + product + " " + metaData.getDatabaseProductVersion()
                    + ": back it up with PostgreSQL's own tools, e.g. pg_dump -Fc -f cartable.dump <database>"
                    + " (restore with pg_restore; see docs/operations.md). This command backs up embedded Derby only.");
        }
        if (product == null || !product.contains("Derby")) {
            throw new UnsupportedDatabase("The platform runs on " + product + ": this command backs up embedded"
                    + " Derby only; use the database's own backup tool (see docs/operations.md).");
        }
    }

    private Path newFolder(Path parent) {
        String name = FOLDER.format(clock.instant());
        Path folder = parent.resolve(name);
        for (int i = 2; Files.exists(folder); i++) {
            folder = parent.resolve(name + "-" + i); // two backups in the same second
        }
        try {
            Files.createDirectories(parent);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create " + parent, e);
        }
        return folder;
    }

    /** The pool hands connections with auto-commit either way: leave none with an open transaction. */
    private static void endTransaction(Connection connection) throws SQLException {
        if (!connection.getAutoCommit()) {
            connection.commit();
        }
    }

    private static Path onlyChild(Path folder) {
        try (Stream<Path> children = Files.list(folder)) {
            List<Path> dirs = children.filter(Files::isDirectory).toList();
            return dirs.size() == 1 ? dirs.get(0) : folder;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot list " + folder, e);
        }
    }

    static long size(Path folder) {
        try (Stream<Path> files = Files.walk(folder)) {
            return files.filter(Files::isRegularFile).mapToLong(f -> {
                try {
                    return Files.size(f);
                } catch (IOException e) {
                    return 0;
                }
            }).sum();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot measure " + folder, e);
        }
    }

    /** 1536 → "1.5 KB" */
    static String human(long bytes) {
        if (bytes < 1024) {
            return bytes + " B";
        }
        String[] units = {"KB", "MB", "GB", "TB"};
        double value = bytes;
        int unit = -1;
        while (value >= 1024 && unit < units.length - 1) {
            value /= 1024;
            unit++;
        }
        return String.format(java.util.Locale.ROOT, "%.1f %s", value, units[unit]);
    }
}
