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
 * Arguments: {@code [pupils=50000] [bcryptCost=4]}. The generated passwords' bcrypt cost dominates at production
 * settings (6): the default of the benchmark measures the import itself.
 */
public final class DepartmentBenchmark {

    private DepartmentBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int pupils = args.length > 0 ? Integer.parseInt(args[0]) : 50_000;
        int cost = args.length > 1 ? Integer.parseInt(args[1]) : 4;
        Path dir = Files.createTempDirectory("cartable-department");
        Path pupilsFile = dir.resolve("eleves.csv");
        Path guardiansFile = dir.resolve("responsables.csv");
        long lines = generate(pupils, pupilsFile, guardiansFile);
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
        ImportService imports = ImportService.create(CoreDirectoryAdmin.create(jpa, cost, clock),
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
        sampler.interrupt();

        System.out.println("State: " + done.state() + (done.error() == null ? "" : " " + done.error()));
        System.out.println("Summary: " + done.summary());
        System.out.printf("Import of %d lines took %.1f s: %.0f lines/s (bcrypt cost %d)%n", lines,
                took.toMillis() / 1000.0, lines * 1000.0 / Math.max(1, took.toMillis()), cost);
        System.out.printf("Peak heap used (sampled every 20 ms, garbage included): %d MB; max heap %d MB%n",
                peak.get() / 1_000_000, Runtime.getRuntime().maxMemory() / 1_000_000);
        emf.close();
    }

    /** @return the number of data lines written */
    static long generate(int pupils, Path pupilsFile, Path guardiansFile) throws IOException {
        // The shared department generator (also used by benchmarks/): 393-school shape, ONDE files.
        return DepartmentGenerator.pupils(pupils).write(pupilsFile, guardiansFile).lines();
    }
}
