package org.cartable.itests;

import static org.cartable.itests.Demo.blogPath;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Backup and restore end to end, the way docs/operations.md tells an operator to do it: {@code cartable:backup} in
 * the Karaf console over SSH while the server runs, more writes, stop, replace {@code data/db/cartable} with the
 * backup, start: the data of the backup is there, the later write is not. Also: the command is refused to a
 * console user without the admin role.
 */
@ExtendWith(CartableExtension.class)
@Order(10) // class order: see junit-platform.properties (restarts the server, like RestartIT and CrashIT)
class BackupIT {

    private static final Pattern WRITTEN = Pattern.compile("Backup written to (\\S+)");
    private static final Pattern SIZE = Pattern.compile("Size ([^(]+) \\((\\d+) bytes");

    @Test
    void aBackupTakenOnlineRestoresToItsPointInTime(CartableServer server) throws IOException {
        String a1 = Demo.classA1(server);
        Demo.enableBlog(server, "teacher", a1);
        String before = post(server, a1, "Avant la sauvegarde " + System.nanoTime());

        KarafConsole.Result backup = KarafConsole.run(server, "cartable:backup");
        assertEquals(0, backup.exitCode(), backup::toString);
        Matcher written = WRITTEN.matcher(backup.output());
        assertTrue(written.find(), backup::toString);
        Path database = Path.of(written.group(1));
        Path backups = server.home().resolve("data/backups").toRealPath();
        assertTrue(database.startsWith(backups), () -> "under ${karaf.data}/backups by default: " + database);
        assertTrue(database.getParent().getFileName().toString().matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d-\\d\\d-\\d\\dZ(-\\d+)?"),
                () -> "a dated folder: " + database);
        assertTrue(Files.isRegularFile(database.resolve("service.properties")), "a Derby database: " + database);
        Matcher size = SIZE.matcher(backup.output());
        assertTrue(size.find(), backup::toString);
        long bytes = Long.parseLong(size.group(2));
        assertTrue(bytes > 1_000_000, backup::toString);

        String after = post(server, a1, "Après la sauvegarde " + System.nanoTime());

        // restore: stop, put the backup in place of the database, start
        long started = System.nanoTime();
        server.stop();
        Path live = server.home().resolve("data/db/cartable");
        deleteTree(live);
        copyTree(database, live);
        Path files = database.resolveSibling("files/cartable");
        if (Files.isDirectory(files)) { // the apps' uploads, when there are any
            deleteTree(server.home().resolve("data/cartable"));
            copyTree(files, server.home().resolve("data/cartable"));
        }
        server.start();
        double restoreSeconds = (System.nanoTime() - started) / 1e9;

        String teacher = server.token("teacher");
        CartableServer.Response kept = server.get(teacher, blogPath(a1) + "/posts/" + before);
        assertEquals(200, kept.status(), () -> "the post written before the backup is back: " + kept);
        CartableServer.Response gone = server.get(teacher, blogPath(a1) + "/posts/" + after);
        assertEquals(404, gone.status(), () -> "the post written after the backup is not: " + gone);
        KarafConsole.Result check = KarafConsole.run(server, "cartable:db-check");
        assertTrue(check.output().contains("inconsistent=0"), check::toString);
        System.out.printf("[BackupIT] backup=%s bytes=%d restore(stop+copy+start)=%.1f s marker=kept later-write=gone %s%n",
                size.group(1).strip(), bytes, restoreSeconds, check.output().strip());

        server.delete(teacher, blogPath(a1) + "/posts/" + before);
        deleteTree(database.getParent());
    }

    @Test
    void theBackupCommandIsForAdminsOnly(CartableServer server) throws IOException {
        // a console user with the ssh role but not admin, added to this test copy's users file (read at each login)
        Path users = server.home().resolve("etc/users.properties");
        String original = Files.readString(users, StandardCharsets.ISO_8859_1);
        String password = "viewer-" + System.nanoTime();
        try {
            Files.writeString(users, original + "\nitestviewer = " + password + ",_g_:itestviewers\n"
                    + "_g_\\:itestviewers = group,viewer,ssh\n", StandardCharsets.ISO_8859_1);
            // the commands are registered (an admin runs them) and the viewer can use the console...
            KarafConsole.Result admin = KarafConsole.run(server, "cartable:db-check");
            assertEquals(0, admin.exitCode(), admin::toString);
            KarafConsole.Result echo = KarafConsole.run("itestviewer", password, "echo viewer-signed-in");
            assertTrue(echo.output().contains("viewer-signed-in"), echo::toString);
            // ... but not the backup: Karaf's command ACL hides it from a user without the admin role
            Path backups = server.home().resolve("data/backups");
            long before = count(backups);
            KarafConsole.Result refused = KarafConsole.run("itestviewer", password, "cartable:backup");
            assertNotEquals(0, refused.exitCode(), refused::toString);
            assertFalse(refused.output().contains("Backup written"), refused::toString);
            assertEquals(before, count(backups), "no backup taken");
            System.out.println("[BackupIT] viewer refused: " + refused.output().strip());
        } finally {
            Files.writeString(users, original, StandardCharsets.ISO_8859_1);
        }
    }

    private static String post(CartableServer server, String a1, String title) {
        CartableServer.Response r = server.post(server.token("teacher"), blogPath(a1) + "/posts",
                Map.of("title", title, "body", "<p>" + title + "</p>", "publish", true));
        assertEquals(201, r.status(), r::toString);
        return r.json().path("id").asText();
    }

    private static long count(Path folder) throws IOException {
        if (!Files.isDirectory(folder)) {
            return 0;
        }
        try (Stream<Path> children = Files.list(folder)) {
            return children.count();
        }
    }

    private static void copyTree(Path from, Path to) throws IOException {
        Files.walkFileTree(from, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) throws IOException {
                Files.createDirectories(to.resolve(from.relativize(dir).toString()));
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                Files.copy(file, to.resolve(from.relativize(file).toString()), StandardCopyOption.COPY_ATTRIBUTES);
                return FileVisitResult.CONTINUE;
            }
        });
    }

    private static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path p : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
