package org.cartable.itests;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.jar.Attributes;
import java.util.jar.JarFile;
import java.util.jar.Manifest;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;

import static org.awaitility.Awaitility.await;
import static org.cartable.itests.Demo.BLOG_FEATURE;
import static org.cartable.itests.Demo.blogPath;
import static org.cartable.itests.Demo.byId;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Live upgrade of an app bundle on the running Karaf, without a restart: {@code bundle:update} (over JMX) to a "v2"
 * of the blog that adds a Liquibase changeset runs it and keeps the data; and a blog jar dropped into {@code deploy/}
 * is picked up. The v2 is the real blog jar with a higher {@code Bundle-Version} and one more changeset, built here.
 */
@ExtendWith(CartableExtension.class)
@Order(7) // class order: see junit-platform.properties (before RestartIT, after HotDeployIT)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class UpgradeIT {

    private static final Duration WITHIN = Duration.ofSeconds(30);
    private static final String FEATURES = "/api/admin/features";
    private static final String BLOG_BUNDLE = "cartable-blog";
    private static final String CHANGELOG = "db/blog/changelog.xml";
    /** Added by the v2 only; a fresh data folder every run, so a fixed id is new to the database. */
    private static final String CHANGESET_ID = "blog-itest-upgrade-marker";
    private static final String CHANGESET_AUTHOR = "cartable-itests";
    private static final String SCHEMA_UP_TO_DATE = "Schema " + CHANGELOG + " of " + BLOG_BUNDLE + " is up to date";
    private static final String CHANGESET_RAN = "ChangeSet " + CHANGELOG + "::" + CHANGESET_ID + "::" + CHANGESET_AUTHOR
            + " ran successfully";

    /** CXF's answer while the whiteboard re-creates an application: see {@link #platformKeptAnsweringDuringTheUpdate}. */
    private static final String WHITEBOARD_REWIRE_BODY = "No service was found.";

    private static String b1;
    private static Path originalJar;
    private static Path deployedJar;
    /** What the platform answered while the blog was being updated (checked by its own test, see there). */
    private static ProbeSummary platformDuringUpdate;

    @BeforeAll
    static void setUp(CartableServer server) {
        b1 = Demo.classB1(server);
        originalJar = blogJarOf(server);
    }

    /** Whatever happened: nothing left in deploy/, the original blog back and installed, for the ITs that follow. */
    @AfterAll
    static void restore(CartableServer server) throws IOException {
        if (!server.isRunning()) {
            return;
        }
        if (deployedJar != null && Files.deleteIfExists(deployedJar)) {
            awaitBundleGone(server);
        }
        boolean bundlePresent;
        try (KarafJmx jmx = server.jmx()) {
            KarafJmx.BundleRow blog = jmx.bundle(BLOG_BUNDLE);
            bundlePresent = blog != null;
            if (blog != null && !blog.version().equals(bundleVersion(originalJar))) {
                jmx.update(blog.id(), originalJar.toUri().toString());
            }
        }
        String admin = server.token("admin");
        if (!bundlePresent && blogFeatureInstalled(server, admin)) {
            // Marked installed without its bundle (see the deploy/ test): uninstall it so that the PUT installs.
            server.delete(admin, FEATURES + "/" + BLOG_FEATURE);
        }
        if (!blogFeatureInstalled(server, admin)) {
            server.put(admin, FEATURES + "/" + BLOG_FEATURE, null);
        }
        await().atMost(WITHIN).pollInterval(Duration.ofMillis(200)).until(() -> blogStatus(server) == 200);
    }

    @Test
    @Order(1)
    @Timeout(300)
    void bundleUpdateRunsTheNewChangesetAndKeepsTheData(CartableServer server) throws IOException {
        String teacher2 = server.token("teacher2");
        String title = "Avant la mise à jour " + System.nanoTime();
        CartableServer.Response created = server.post(teacher2, blogPath(b1) + "/posts",
                Map.of("title", title, "body", "<p>Les données survivent à la mise à jour.</p>", "publish", true));
        assertEquals(201, created.status(), () -> "the blog is enabled for B1 in the demo data: " + created);
        String postId = created.json().path("id").asText();

        String originalVersion = bundleVersion(originalJar);
        String v2Version = higherVersion(originalVersion);
        Path v2Jar = server.home().resolveSibling("upgrade-it").resolve(BLOG_BUNDLE + "-" + v2Version + ".jar");
        buildV2(originalJar, v2Jar, v2Version);

        try (KarafJmx jmx = server.jmx()) {
            KarafJmx.BundleRow before = jmx.bundle(BLOG_BUNDLE);
            assertNotNull(before, "the blog bundle is installed");
            assertEquals(originalVersion, before.version(), () -> "runs the jar of system/: " + before);
            assertEquals("Active", before.state(), before::toString);

            int logMark = logLines(server).size();
            try (PlatformProbe probe = PlatformProbe.start(server, teacher2)) {
                long began = System.nanoTime();
                jmx.update(before.id(), v2Jar.toUri().toString());
                long returned = System.nanoTime();
                CartableServer.Response back = awaitBlog(server, 200, "blog back after the update");
                long ready = System.nanoTime();
                System.out.printf("[UpgradeIT] bundle:update to %s: the update call took %d ms, the blog answered 200"
                        + " %d ms after the call began%n", v2Version, (returned - began) / 1_000_000,
                        (ready - began) / 1_000_000);
                probe.close();
                platformDuringUpdate = probe.summary(began);
                System.out.println("[UpgradeIT] /api/me and /api/apps during the update: " + platformDuringUpdate);

                JsonNode kept = byId(back.json().path("posts"), postId);
                assertNotNull(kept, () -> "the post created before the update is still there: " + back);
                assertEquals(title, kept.path("title").asText());
            }

            KarafJmx.BundleRow after = jmx.bundle(BLOG_BUNDLE);
            assertEquals(before.id(), after.id(), "bundle:update keeps the bundle id");
            assertEquals(v2Version, after.version(), after::toString);
            assertEquals("Active", after.state(), after::toString);

            // The new changeset ran, through the platform's SchemaMigrator, on activation of the new revision. The
            // embedded Derby cannot be opened beside Karaf, so Liquibase's own log of the run is the evidence.
            await("Liquibase logged the new changeset").atMost(WITHIN).pollInterval(Duration.ofMillis(200))
                    .until(() -> logSince(server, logMark).stream().anyMatch(l -> l.contains(SCHEMA_UP_TO_DATE)));
            List<String> logged = logSince(server, logMark);
            assertTrue(logged.stream().anyMatch(l -> l.contains(CHANGESET_RAN)),
                    () -> "'" + CHANGESET_RAN + "' in karaf.log after the update:\n" + String.join("\n", logged));
            // Liquibase's own line for the DDL it executed (Derby: ALTER TABLE BLOG_POST ADD UPGRADE_MARKER ...).
            String columnAdded = "Columns UPGRADE_MARKER(VARCHAR(20)) added to BLOG_POST";
            assertTrue(logged.stream().anyMatch(l -> l.contains(columnAdded)),
                    () -> "the column was added:\n" + String.join("\n", logged));
            assertTrue(logged.stream().noneMatch(l -> l.contains("ChangeSet " + CHANGELOG + "::blog-1-")),
                    "the changesets applied before are not run again");

            String newTitle = "Après la mise à jour " + System.nanoTime();
            CartableServer.Response createdAfter = server.post(teacher2, blogPath(b1) + "/posts",
                    Map.of("title", newTitle, "body", "<p>La v2 écrit aussi.</p>", "publish", true));
            assertEquals(201, createdAfter.status(), () -> "v2 creates posts: " + createdAfter);
            CartableServer.Response read = server.get(teacher2, blogPath(b1) + "/posts/"
                    + createdAfter.json().path("id").asText());
            assertEquals(200, read.status(), read::toString);
            assertEquals(newTitle, read.json().path("title").asText());

            // Back to the shipped jar for the ITs that follow. Liquibase does not un-run the changeset: the column
            // stays, and the v1 mapping ignores it.
            long restoring = System.nanoTime();
            jmx.update(before.id(), originalJar.toUri().toString());
            awaitBlog(server, 200, "blog back after the downgrade");
            System.out.printf("[UpgradeIT] bundle:update back to %s: blog 200 after %d ms%n", originalVersion,
                    (System.nanoTime() - restoring) / 1_000_000);
            assertEquals(originalVersion, jmx.bundle(BLOG_BUNDLE).version());
            CartableServer.Response list = server.get(teacher2, blogPath(b1));
            assertNotNull(byId(list.json().path("posts"), postId), () -> "v1 reads the old post again: " + list);
            assertNotNull(byId(list.json().path("posts"), createdAfter.json().path("id").asText()),
                    () -> "v1 reads the post written by v2: " + list);
        }
    }

    /**
     * Kept apart from the upgrade test so that its evidence (data kept, migration run) stands on its own: this one
     * is about the rest of the platform. Updating one app must not take the platform's REST API away: every call
     * must answer 200. (Aries JAX-RS Whiteboard rebuilds a whole application, answering CXF's 404 "No service was
     * found." for a few milliseconds, whenever one of its resources comes or goes; apps therefore contribute
     * {@code ClassAppResource} services that the platform routes to, and the application never changes.)
     */
    @Test
    @Order(2)
    void platformKeptAnsweringDuringTheUpdate(CartableServer server) {
        assertNotNull(platformDuringUpdate, "bundleUpdateRunsTheNewChangesetAndKeepsTheData ran its probe");
        assertNotEquals(0, platformDuringUpdate.calls(), "the probe made calls during the update");
        String teacher2 = server.token("teacher2");
        for (String path : List.of("/api/me", "/api/apps")) {
            CartableServer.Response now = server.get(teacher2, path);
            assertEquals(200, now.status(), () -> "after the update: " + now);
        }
        List<String> rewire = platformDuringUpdate.failures().stream().filter(UpgradeIT::isWhiteboardRewire).toList();
        assertTrue(rewire.isEmpty(), () -> "CXF's 404 '" + WHITEBOARD_REWIRE_BODY + "' reached clients: the /api"
                + " application was rebuilt during the update; " + platformDuringUpdate);
        assertTrue(platformDuringUpdate.failures().isEmpty(),
                () -> "/api/me and /api/apps must answer 200 while the blog is updated; " + platformDuringUpdate);
    }

    private static boolean isWhiteboardRewire(String failure) {
        return failure.contains("-> 404 ") && failure.contains(WHITEBOARD_REWIRE_BODY);
    }

    @Test
    @Order(3)
    @Timeout(300)
    void blogJarDroppedIntoDeployFolderComesBackLive(CartableServer server) throws IOException {
        String teacher2 = server.token("teacher2");
        String title = "Avant le dépôt " + System.nanoTime();
        CartableServer.Response created = server.post(teacher2, blogPath(b1) + "/posts",
                Map.of("title", title, "body", "<p>Toujours là après deploy/.</p>", "publish", true));
        assertEquals(201, created.status(), created::toString);
        String postId = created.json().path("id").asText();

        CartableServer.Response uninstall = server.delete(server.token("admin"), FEATURES + "/" + BLOG_FEATURE);
        assertEquals(204, uninstall.status(), uninstall::toString);
        awaitBlog(server, 404, "blog gone with its feature");
        try (KarafJmx jmx = server.jmx()) {
            assertNull(jmx.bundle(BLOG_BUNDLE), "the feature took its bundle away");
        }

        // Written beside deploy/ then moved in, so that File Install never sees a half-copied jar.
        Path deploy = server.home().resolve("deploy");
        Path staged = server.home().resolveSibling("upgrade-it").resolve(originalJar.getFileName() + ".part");
        Files.createDirectories(staged.getParent());
        Files.copy(originalJar, staged, StandardCopyOption.REPLACE_EXISTING);
        deployedJar = deploy.resolve(originalJar.getFileName());
        long began = System.nanoTime();
        Files.move(staged, deployedJar, StandardCopyOption.ATOMIC_MOVE);

        CartableServer.Response served = awaitBlog(server, 200, "blog served from deploy/");
        System.out.printf("[UpgradeIT] deploy/: blog answered 200 %d ms after the jar was dropped%n",
                (System.nanoTime() - began) / 1_000_000);
        JsonNode kept = byId(served.json().path("posts"), postId);
        assertNotNull(kept, () -> "the post is back: " + served);
        assertEquals(title, kept.path("title").asText());
        try (KarafJmx jmx = server.jmx()) {
            KarafJmx.BundleRow blog = jmx.bundle(BLOG_BUNDLE);
            assertNotNull(blog, "installed by File Install");
            assertEquals("Active", blog.state(), blog::toString);
        }

        // Clean up: removing the jar uninstalls the bundle; then the feature brings the shipped blog back.
        Files.delete(deployedJar);
        long removed = System.nanoTime();
        awaitBlog(server, 404, "blog gone after removing the jar");
        System.out.printf("[UpgradeIT] deploy/: blog answered 404 %d ms after the jar was removed%n",
                (System.nanoTime() - removed) / 1_000_000);
        // The REST resource goes first; File Install is still uninstalling the bundle. A feature install in that
        // moment sees cartable-blog 0.1.0.SNAPSHOT still there, logs "No deployment change" and marks the feature
        // installed, and then the bundle is gone (seen once): wait until the framework no longer has it.
        awaitBundleGone(server);
        deployedJar = null;
        CartableServer.Response install = server.put(server.token("admin"), FEATURES + "/" + BLOG_FEATURE, null);
        assertEquals(204, install.status(), install::toString);
        awaitBlog(server, 200, "blog back from its feature");
        CartableServer.Response list = server.get(teacher2, blogPath(b1));
        assertNotNull(byId(list.json().path("posts"), postId), () -> "still there: " + list);
    }

    // ------------------------------------------------------------------------------------------ helpers

    /**
     * Polls teacher2's blog of B1 until it answers {@code status} (bounded); prints the other statuses seen on the
     * way, since what a user gets during a transition (404, 503, 500...) is worth knowing even where not asserted.
     * A 404 only counts when it is the platform's answer for a missing app, not CXF's "No service was found." of a
     * JAX-RS whiteboard rewire in progress: the next request (e.g. the admin's PUT) would hit that same window.
     */
    private static CartableServer.Response awaitBlog(CartableServer server, int status, String what) {
        String teacher2 = server.token("teacher2");
        AtomicReference<CartableServer.Response> last = new AtomicReference<>();
        Map<Integer, Integer> seen = new ConcurrentSkipListMap<>();
        await(what + " (" + status + ") within " + WITHIN.toSeconds() + " s").atMost(WITHIN)
                .pollInterval(Duration.ofMillis(50))
                .until(() -> {
                    CartableServer.Response r = server.get(teacher2, blogPath(b1));
                    last.set(r);
                    seen.merge(r.status(), 1, Integer::sum);
                    return r.status() == status && !(status == 404 && isWhiteboardRewire(r.toString()));
                });
        System.out.printf("[UpgradeIT] %s: statuses seen while waiting for %d: %s%n", what, status, seen);
        return last.get();
    }

    private static void awaitBundleGone(CartableServer server) {
        try (KarafJmx jmx = server.jmx()) {
            await("no " + BLOG_BUNDLE + " bundle left within " + WITHIN.toSeconds() + " s").atMost(WITHIN)
                    .pollInterval(Duration.ofMillis(100)).until(() -> jmx.bundle(BLOG_BUNDLE) == null);
        }
    }

    private static int blogStatus(CartableServer server) {
        return server.get(server.token("teacher2"), blogPath(b1)).status();
    }

    private static boolean blogFeatureInstalled(CartableServer server, String admin) {
        CartableServer.Response r = server.get(admin, FEATURES);
        assertEquals(200, r.status(), r::toString);
        for (JsonNode f : r.json()) {
            if (BLOG_FEATURE.equals(f.path("name").asText())) {
                return f.path("installed").asBoolean();
            }
        }
        throw new AssertionError(BLOG_FEATURE + " is not listed: " + r);
    }

    /** The blog jar the distribution ships in its offline repository ({@code system/}). */
    private static Path blogJarOf(CartableServer server) {
        Path folder = server.home().resolve("system/org/cartable/" + BLOG_BUNDLE);
        try (Stream<Path> jars = Files.walk(folder)) {
            List<Path> found = jars.filter(p -> p.getFileName().toString().endsWith(".jar")).toList();
            assertEquals(1, found.size(), () -> "one blog jar under " + folder + ": " + found);
            return found.get(0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String bundleVersion(Path jar) throws IOException {
        try (JarFile file = new JarFile(jar.toFile())) {
            return file.getManifest().getMainAttributes().getValue("Bundle-Version");
        }
    }

    /** major.minor.(micro+1).v2-upgrade-test: a valid OSGi version above the shipped one, whatever its qualifier. */
    static String higherVersion(String version) {
        String[] parts = version.split("\\.");
        int major = Integer.parseInt(parts[0]);
        int minor = parts.length > 1 ? Integer.parseInt(parts[1]) : 0;
        int micro = parts.length > 2 ? Integer.parseInt(parts[2]) : 0;
        return major + "." + minor + "." + (micro + 1) + ".v2-upgrade-test";
    }

    /**
     * Copies the blog jar entry by entry, with {@code Bundle-Version} raised and one changeset appended to its
     * changelog: what a developer would ship as the next version with a schema change.
     */
    static void buildV2(Path original, Path target, String version) throws IOException {
        Files.createDirectories(target.getParent());
        try (ZipFile in = new ZipFile(original.toFile());
             ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(target))) {
            Manifest manifest;
            try (JarFile jar = new JarFile(original.toFile())) {
                manifest = jar.getManifest();
            }
            manifest.getMainAttributes().put(new Attributes.Name("Bundle-Version"), version);
            // The manifest first (after its folder), as JarInputStream-based readers expect.
            out.putNextEntry(new ZipEntry("META-INF/"));
            out.closeEntry();
            out.putNextEntry(new ZipEntry(JarFile.MANIFEST_NAME));
            manifest.write(out);
            out.closeEntry();
            boolean changelogFound = false;
            for (Enumeration<? extends ZipEntry> entries = in.entries(); entries.hasMoreElements(); ) {
                ZipEntry entry = entries.nextElement();
                if (entry.getName().equals("META-INF/") || entry.getName().equals(JarFile.MANIFEST_NAME)) {
                    continue;
                }
                out.putNextEntry(new ZipEntry(entry.getName()));
                try (InputStream content = in.getInputStream(entry)) {
                    if (entry.getName().equals(CHANGELOG)) {
                        changelogFound = true;
                        out.write(withUpgradeChangeset(new String(content.readAllBytes(), StandardCharsets.UTF_8))
                                .getBytes(StandardCharsets.UTF_8));
                    } else {
                        content.transferTo(out);
                    }
                }
                out.closeEntry();
            }
            assertTrue(changelogFound, () -> CHANGELOG + " in " + original);
        }
    }

    /** The shipped changelog plus one changeset in its own style, appended (applied changesets are never edited). */
    static String withUpgradeChangeset(String changelog) {
        String end = "</databaseChangeLog>";
        int at = changelog.lastIndexOf(end);
        assertTrue(at > 0 && changelog.indexOf(end) == at, () -> "one " + end + " in the changelog:\n" + changelog);
        assertTrue(!changelog.contains("\"" + CHANGESET_ID + "\""), "the test changeset id is new");
        String changeset = """

                  <changeSet id="%s" author="%s">
                    <comment>Only in UpgradeIT's v2 of the blog: bundle:update runs a new changeset.</comment>
                    <addColumn tableName="BLOG_POST">
                      <column name="UPGRADE_MARKER" type="VARCHAR(20)" defaultValue="v2"/>
                    </addColumn>
                  </changeSet>
                """.formatted(CHANGESET_ID, CHANGESET_AUTHOR);
        return changelog.substring(0, at).stripTrailing() + "\n" + changeset + changelog.substring(at);
    }

    private static List<String> logLines(CartableServer server) throws IOException {
        return Files.readAllLines(server.karafLog(), StandardCharsets.UTF_8);
    }

    private static List<String> logSince(CartableServer server, int mark) throws IOException {
        List<String> lines = logLines(server);
        return lines.size() > mark ? lines.subList(mark, lines.size()) : List.of();
    }

    /** Calls made by the probe and the ones that did not answer 200, with when they failed after the update began. */
    record ProbeSummary(int calls, List<String> failures, long firstFailureMs, long lastFailureMs, List<String> shown) {

        @Override
        public String toString() {
            return failures.isEmpty() ? calls + " calls, all 200"
                    : failures.size() + " of " + calls + " calls failed, from +" + firstFailureMs + " ms to +"
                    + lastFailureMs + " ms after the update began: " + shown;
        }
    }

    /**
     * Calls {@code /api/me} and {@code /api/apps} in a loop on its own thread while the blog is being replaced: the
     * platform must keep answering 200 the whole time, not only once the update is over.
     */
    private static final class PlatformProbe implements AutoCloseable {

        private final AtomicBoolean running = new AtomicBoolean(true);
        private final AtomicInteger calls = new AtomicInteger();
        private final List<Failure> failures = Collections.synchronizedList(new ArrayList<>());
        private final Thread thread;

        private PlatformProbe(CartableServer server, String token) {
            thread = new Thread(() -> {
                while (running.get()) {
                    for (String path : List.of("/api/me", "/api/apps")) {
                        try {
                            CartableServer.Response r = server.get(token, path);
                            if (r.status() != 200) {
                                failures.add(new Failure(System.nanoTime(), r.toString()));
                            }
                        } catch (RuntimeException e) {
                            failures.add(new Failure(System.nanoTime(), path + ": " + e));
                        }
                        calls.incrementAndGet();
                    }
                    pace();
                }
            }, "upgrade-it-platform-probe");
            thread.setDaemon(true);
            thread.start();
        }

        /** A short pause between rounds: probing, not load-testing the 2 cores that also run the update. */
        private void pace() {
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                running.set(false);
            }
        }

        static PlatformProbe start(CartableServer server, String token) {
            return new PlatformProbe(server, token);
        }

        /** Calls and failures, the failures timed from {@code origin} (System.nanoTime() when the update began). */
        ProbeSummary summary(long origin) {
            synchronized (failures) {
                List<String> shown = failures.stream().limit(10)
                        .map(f -> "+" + (f.at() - origin) / 1_000_000 + " ms " + f.what()).toList();
                long firstMs = failures.isEmpty() ? 0 : (failures.get(0).at() - origin) / 1_000_000;
                long lastMs = failures.isEmpty() ? 0 : (failures.get(failures.size() - 1).at() - origin) / 1_000_000;
                return new ProbeSummary(calls.get(), failures.stream().map(Failure::what).toList(), firstMs, lastMs,
                        shown);
            }
        }

        private record Failure(long at, String what) {
        }

        @Override
        public void close() {
            running.set(false);
            try {
                thread.join(Duration.ofSeconds(35).toMillis()); // one request at most (30 s timeout)
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
