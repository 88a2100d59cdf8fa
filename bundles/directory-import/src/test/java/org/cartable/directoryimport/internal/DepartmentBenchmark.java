package org.cartable.directoryimport.internal;

import java.io.IOException;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

import javax.persistence.EntityManagerFactory;
import javax.persistence.Persistence;

import liquibase.Liquibase;
import liquibase.database.Database;
import liquibase.database.DatabaseFactory;
import liquibase.database.jvm.JdbcConnection;
import liquibase.resource.ClassLoaderResourceAccessor;
import org.apache.aries.jpa.template.JpaTemplate;
import org.apache.derby.jdbc.EmbeddedDataSource;
import org.cartable.api.Caller;
import org.cartable.api.Role;
import org.cartable.core.internal.directory.CoreDirectoryAdmin;
import org.cartable.core.internal.directory.DirectoryWriter;
import org.cartable.core.internal.model.CollectivityKind;
import org.cartable.directoryimport.internal.job.ImportService;
import org.cartable.directoryimport.internal.job.JobView;
import org.cartable.testing.ResourceLocalJpaTemplate;
import org.cartable.testing.department.DepartmentGenerator;

/**
 * Not a test: a benchmark. Generates a department-sized registry extract with the shared {@link DepartmentGenerator}
 * (seeded, deterministic: by default 50 000 pupils in about 400 schools, about 1.6 guardians per pupil), imports it
 * into a file-based Derby database with core's real schema and {@code DirectoryAdmin}, and prints the time, the lines
 * per second and the peak heap. Run it with a small heap to see that memory stays bounded (see the README).
 * <p>
 * Arguments: {@code [pupils=50000] [shuffle]}: with {@code shuffle} the pupils file is not sorted by school (the
 * import then reopens the schools' spill files in turn). First-login codes are hashed as in production (salted
 * SHA-256, see core's InitialCodes): nothing is turned down for the benchmark.
 */
public final class DepartmentBenchmark {

    private DepartmentBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int pupils = args.length > 0 ? Integer.parseInt(args[0]) : 50_000;
        boolean shuffle = args.length > 1 && args[1].equals("shuffle");
        Path dir = Files.createTempDirectory("cartable-department");
        Path pupilsFile = dir.resolve("eleves.csv");
        Path guardiansFile = dir.resolve("responsables.csv");
        long lines = generate(pupils, pupilsFile, guardiansFile);
        if (shuffle) {
            shuffle(pupilsFile);
        }
        System.out.printf("Generated %d pupils, %d lines (%d MB) in %s%n", pupils, lines,
                (Files.size(pupilsFile) + Files.size(guardiansFile)) / 1_000_000, dir);

        EmbeddedDataSource dataSource = new EmbeddedDataSource();
        dataSource.setDatabaseName(dir.resolve("db").toString());
        dataSource.setCreateDatabase("create");
        try (Connection connection = dataSource.getConnection()) {
            Database database = DatabaseFactory.getInstance()
                    .findCorrectDatabaseImplementation(new JdbcConnection(connection));
            new Liquibase("db/core/changelog.xml", new ClassLoaderResourceAccessor(), database).update("");
        }
        Map<String, Object> properties = new HashMap<>();
        properties.put("javax.persistence.transactionType", "RESOURCE_LOCAL");
        properties.put("javax.persistence.jtaDataSource", null);
        properties.put("javax.persistence.nonJtaDataSource", dataSource);
        EntityManagerFactory emf = Persistence.createEntityManagerFactory("cartable-core", properties);
        JpaTemplate jpa = new ResourceLocalJpaTemplate(emf);
        Clock clock = Clock.fixed(Instant.parse("2026-11-29T09:30:00Z"), java.time.ZoneOffset.UTC);
        String collectivity = jpa.txExpr(em -> new DirectoryWriter(em, clock)
                .collectivity("Département", CollectivityKind.SCHOOL_SYNDICATE, true, null).getId());
        ImportService imports = ImportService.create(CoreDirectoryAdmin.create(jpa, Duration.ofDays(90), clock),
                new TestImports.OneCollectivity(collectivity), new TestImports.RoleAccess(), clock,
                dir.resolve("work"), Runnable::run);
        Caller operator = new Caller("op", "operator", "Opérateur", Set.of(Role.OPERATOR));

        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        System.gc();
        AtomicLong peak = new AtomicLong(memory.getHeapMemoryUsage().getUsed());
        Thread sampler = new Thread(() -> {
            while (!Thread.currentThread().isInterrupted()) {
                peak.accumulateAndGet(memory.getHeapMemoryUsage().getUsed(), Math::max);
                try {
                    Thread.sleep(20);
                } catch (InterruptedException e) {
                    return;
                }
            }
        });
        sampler.setDaemon(true);
        sampler.start();

        java.lang.management.ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long cpuStart = threads.getCurrentThreadCpuTime(); // the job runs on this thread (Runnable::run)
        long start = System.nanoTime();
        JobView job = imports.create(operator, "onde", "2026-2027", collectivity, Map.of());
        try (InputStream in = Files.newInputStream(pupilsFile)) {
            imports.upload(operator, job.id(), "pupils", in, false);
        }
        try (InputStream in = Files.newInputStream(guardiansFile)) {
            imports.upload(operator, job.id(), "guardians", in, false);
        }
        JobView done = imports.start(operator, job.id(), false);
        Duration took = Duration.ofNanos(System.nanoTime() - start);
        Duration cpu = Duration.ofNanos(threads.getCurrentThreadCpuTime() - cpuStart);
        sampler.interrupt();

        System.out.println("State: " + done.state() + (done.error() == null ? "" : " " + done.error()));
        System.out.println("Summary: " + done.summary());
        System.out.printf("[DepartmentBenchmark] %d pupils, %d lines%s: %.1f s, %.0f lines/s, peak heap used %d MB"
                        + " (sampled every 20 ms, garbage included), max heap %d MB, %d credentials kept;"
                        + " CPU time of the import thread %.1f s (%.0f lines per CPU second)%n",
                pupils, lines, shuffle ? " (pupils file not sorted by school)" : "", took.toMillis() / 1000.0,
                lines * 1000.0 / Math.max(1, took.toMillis()), peak.get() / 1_000_000,
                Runtime.getRuntime().maxMemory() / 1_000_000, done.credentials(), cpu.toMillis() / 1000.0,
                lines * 1000.0 / Math.max(1, cpu.toMillis()));
        emf.close();
    }

    /** Shuffles the data lines of a file (seeded), keeping its header first. */
    private static void shuffle(Path file) throws IOException {
        java.nio.charset.Charset latin1 = java.nio.charset.Charset.forName("windows-1252");
        java.util.List<String> lines = new java.util.ArrayList<>(Files.readAllLines(file, latin1));
        String header = lines.remove(0);
        java.util.Collections.shuffle(lines, new java.util.Random(42));
        lines.add(0, header);
        Files.write(file, lines, latin1);
    }

    /** @return the number of data lines written */
    static long generate(int pupils, Path pupilsFile, Path guardiansFile) throws IOException {
        // The shared department generator (also used by benchmarks/): 393-school shape, ONDE files.
        return DepartmentGenerator.pupils(pupils).write(pupilsFile, guardiansFile).lines();
    }
}
