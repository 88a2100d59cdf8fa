package org.cartable.benchmarks;

import com.fasterxml.jackson.databind.JsonNode;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.jar.Attributes;
import java.util.jar.JarFile;
import java.util.jar.Manifest;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;

import javax.management.MBeanServerConnection;
import javax.management.ObjectName;
import javax.management.openmbean.CompositeData;
import javax.management.openmbean.TabularData;
import javax.management.remote.JMXConnector;
import javax.management.remote.JMXConnectorFactory;
import javax.management.remote.JMXServiceURL;

/**
 * Live upgrade under load: while parents read (me, homework, liaison: the other apps; the blog: the upgraded app) and
 * write (comments on a blog post, each acknowledged with 201), {@code bundle:update} (Karaf's bundle MBean over JMX)
 * replaces the blog with a "v2" built here from the shipped jar: higher Bundle-Version, one more Liquibase changeset
 * (the way UpgradeIT builds it). Afterwards every acknowledged comment must be in the post. Then back to the shipped
 * jar. Prints one {@code [Upgrade]} line.
 * <p>
 * {@code Upgrade BASE_URL KARAF_HOME RMI_REGISTRY_PORT JMX_USER JMX_PASSWORD parents.tsv SECONDS}
 */
public final class Upgrade {

    private static final String BUNDLE = "cartable-blog";
    private static final String CHANGELOG = "db/blog/changelog.xml";

    private Upgrade() {
    }

    public static void main(String[] args) throws Exception {
        String base = args[0];
        Path home = Path.of(args[1]);
        int rmi = Integer.parseInt(args[2]);
        List<String[]> parents = Files.readAllLines(Path.of(args[5])).stream().map(l -> l.split("\t")).toList();
        int seconds = Integer.parseInt(args[6]);
        Api api = new Api(base);

        Path original;
        try (Stream<Path> jars = Files.walk(home.resolve("system/org/cartable/" + BUNDLE))) {
            original = jars.filter(p -> p.toString().endsWith(".jar")).findFirst().orElseThrow();
        }
        Path v2 = home.getParent().resolve("upgrade").resolve(BUNDLE + "-v2.jar");
        buildV2(original, v2);

        // A published post of the parents' class to comment on.
        String[] first = parents.get(0);
        String classPath = "/api/classes/" + first[3];
        String postId = api.get(first[2], classPath + "/blog").ok("blog").json().path("posts").path(0).path("id")
                .asText();

        AtomicBoolean running = new AtomicBoolean(true);
        Map<String, AtomicInteger> counts = new ConcurrentHashMap<>();
        Set<String> acknowledged = ConcurrentHashMap.newKeySet();
        List<Thread> threads = new ArrayList<>();
        for (int t = 0; t < 6; t++) {
            int n = t;
            Thread thread = new Thread(() -> {
                int i = n;
                while (running.get()) {
                    String[] p = parents.get(i++ % parents.size());
                    String cls = "/api/classes/" + p[3];
                    if (!p[3].equals(first[3]) && n == 5) {
                        continue;
                    }
                    String kind;
                    Api.Response r;
                    try {
                        switch (n) {
                            case 0 -> { kind = "other"; r = api.get(p[2], "/api/me"); }
                            case 1 -> { kind = "other"; r = api.get(p[2], cls + "/homework/week?child=" + p[4]); }
                            case 2 -> { kind = "other"; r = api.get(p[2], cls + "/liaison?child=" + p[4]); }
                            case 3, 4 -> { kind = "blog"; r = api.get(p[2], cls + "/blog"); }
                            default -> {
                                kind = "write";
                                r = api.post(p[2], classPath + "/blog/posts/" + postId + "/comments",
                                        Map.of("body", "Commentaire " + i + " pendant la mise à jour"));
                                if (r.status() == 201) {
                                    acknowledged.add(r.json().path("id").asText());
                                }
                            }
                        }
                    } catch (RuntimeException e) {
                        counts.computeIfAbsent((n == 5 ? "write" : n >= 3 ? "blog" : "other") + "-failed",
                                k -> new AtomicInteger()).incrementAndGet();
                        continue;
                    }
                    counts.computeIfAbsent(kind, k -> new AtomicInteger()).incrementAndGet();
                    if (r.status() / 100 != 2) {
                        counts.computeIfAbsent(kind + "-failed", k -> new AtomicInteger()).incrementAndGet();
                        counts.computeIfAbsent(kind + "-" + r.status(), k -> new AtomicInteger()).incrementAndGet();
                    }
                }
            });
            thread.setDaemon(true);
            thread.start();
            threads.add(thread);
        }
        Thread.sleep(seconds * 1000L / 3);
        String url = "service:jmx:rmi:///jndi/rmi://127.0.0.1:" + rmi + "/karaf-root";
        long updateMs;
        long backMs;
        try (JMXConnector connector = JMXConnectorFactory.connect(new JMXServiceURL(url),
                Map.of(JMXConnector.CREDENTIALS, new String[] {args[3], args[4]}))) {
            MBeanServerConnection mbeans = connector.getMBeanServerConnection();
            ObjectName bundles = new ObjectName("org.apache.karaf:type=bundle,name=root");
            long id = bundleId(mbeans, bundles);
            long t0 = System.nanoTime();
            mbeans.invoke(bundles, "update", new Object[] {String.valueOf(id), v2.toUri().toString()},
                    new String[] {String.class.getName(), String.class.getName()});
            updateMs = (System.nanoTime() - t0) / 1_000_000;
            Thread.sleep(seconds * 1000L / 3);
            running.set(false);
            for (Thread thread : threads) {
                thread.join(30_000);
            }
            // Every acknowledged write is there.
            JsonNode post = api.get(first[2], classPath + "/blog/posts/" + postId).ok("post").json();
            Set<String> present = ConcurrentHashMap.newKeySet();
            post.path("comments").forEach(c -> present.add(c.path("id").asText()));
            long lost = acknowledged.stream().filter(c -> !present.contains(c)).count();
            long t1 = System.nanoTime();
            mbeans.invoke(bundles, "update", new Object[] {String.valueOf(id), original.toUri().toString()},
                    new String[] {String.class.getName(), String.class.getName()});
            backMs = (System.nanoTime() - t1) / 1_000_000;
            System.out.printf("[Upgrade] bundle:update blog -> v2 call %d ms; back %d ms; requests %s; "
                    + "acknowledged writes %d, lost %d%n", updateMs, backMs, new java.util.TreeMap<>(counts),
                    acknowledged.size(), lost);
        }
        System.exit(0);
    }

    private static long bundleId(MBeanServerConnection mbeans, ObjectName bundles) throws Exception {
        TabularData table = (TabularData) mbeans.getAttribute(bundles, "Bundles");
        for (Object value : table.values()) {
            CompositeData row = (CompositeData) value;
            if (BUNDLE.equals(row.get("Symbolic Name"))) {
                return (Long) row.get("ID");
            }
        }
        throw new IllegalStateException("no " + BUNDLE + " bundle");
    }

    /** The shipped jar with a higher Bundle-Version and one more changeset (as UpgradeIT builds its v2). */
    private static void buildV2(Path original, Path target) throws Exception {
        Files.createDirectories(target.getParent());
        try (ZipFile in = new ZipFile(original.toFile());
             ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(target));
             JarFile jar = new JarFile(original.toFile())) {
            Manifest manifest = jar.getManifest();
            String[] v = manifest.getMainAttributes().getValue("Bundle-Version").split("\\.");
            manifest.getMainAttributes().put(new Attributes.Name("Bundle-Version"),
                    v[0] + "." + v[1] + "." + (Integer.parseInt(v[2]) + 1) + ".bench-upgrade");
            out.putNextEntry(new ZipEntry("META-INF/"));
            out.closeEntry();
            out.putNextEntry(new ZipEntry(JarFile.MANIFEST_NAME));
            manifest.write(out);
            out.closeEntry();
            for (Enumeration<? extends ZipEntry> entries = in.entries(); entries.hasMoreElements(); ) {
                ZipEntry entry = entries.nextElement();
                if (entry.getName().equals("META-INF/") || entry.getName().equals(JarFile.MANIFEST_NAME)) {
                    continue;
                }
                out.putNextEntry(new ZipEntry(entry.getName()));
                try (InputStream content = in.getInputStream(entry)) {
                    if (entry.getName().equals(CHANGELOG)) {
                        String log = new String(content.readAllBytes(), StandardCharsets.UTF_8);
                        int at = log.lastIndexOf("</databaseChangeLog>");
                        out.write((log.substring(0, at) + """
                                  <changeSet id="blog-bench-upgrade-marker" author="cartable-benchmarks">
                                    <comment>Only in the benchmark's v2 of the blog.</comment>
                                    <addColumn tableName="BLOG_POST">
                                      <column name="BENCH_UPGRADE_MARKER" type="VARCHAR(20)" defaultValue="v2"/>
                                    </addColumn>
                                  </changeSet>
                                """ + log.substring(at)).getBytes(StandardCharsets.UTF_8));
                    } else {
                        content.transferTo(out);
                    }
                }
                out.closeEntry();
            }
        }
    }
}
