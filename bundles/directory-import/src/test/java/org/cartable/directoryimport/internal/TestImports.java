package org.cartable.directoryimport.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.cartable.api.Caller;
import org.cartable.api.CartableException;
import org.cartable.api.Role;
import org.cartable.api.ToolAccess;
import org.cartable.api.territory.CollectivityInfo;
import org.cartable.api.territory.SchoolInfo;
import org.cartable.api.territory.Territory;
import org.cartable.api.territory.TerritoryScope;
import org.cartable.core.internal.accounts.AccountSettings;
import org.cartable.core.internal.accounts.CoreAccounts;
import org.cartable.core.internal.directory.CoreDirectoryAdmin;
import org.cartable.core.internal.directory.CoreStaffAdmin;
import org.cartable.core.internal.directory.DirectoryWriter;
import org.cartable.core.internal.model.CollectivityKind;
import org.cartable.core.internal.model.Person;
import org.cartable.core.internal.model.PersonStatus;
import org.cartable.directoryimport.internal.job.ImportService;
import org.cartable.directoryimport.internal.job.JobView;
import org.cartable.testing.ResourceLocalJpaTemplate;
import org.cartable.testing.TestDatabase;

/**
 * Core's real directory on in-memory Derby, its real {@code DirectoryAdmin}, and the import service running jobs at
 * once in the caller's thread; "today" is 2026-11-29.
 */
public final class TestImports implements AutoCloseable {

    public static final String YEAR = "2026-2027";

    public final TestDatabase db = new TestDatabase().migrate("db/core/changelog.xml");
    public final ResourceLocalJpaTemplate jpa = db.jpa("cartable-core");
    public final MovableClock clock = new MovableClock(Instant.parse("2026-11-29T09:30:00Z"));
    public final CoreDirectoryAdmin admin = CoreDirectoryAdmin.create(jpa, java.time.Duration.ofDays(90), clock);
    public final CoreStaffAdmin staffAdmin = CoreStaffAdmin.create(jpa, java.time.Duration.ofDays(90), clock);
    public final Path workDir;
    public final ImportService imports;
    public final String collectivityId;
    public final Caller operator = new Caller("op-1", "operator", "Olivier Opérateur", Set.of(Role.OPERATOR));
    public final Caller otherOperator = new Caller("op-2", "operator2", "Odile Opératrice", Set.of(Role.OPERATOR));
    public final Caller teacher = new Caller("t-1", "teacher", "Anne Prof", Set.of(Role.TEACHER));

    public TestImports() {
        collectivityId = jpa.txExpr(em -> new DirectoryWriter(em, clock)
                .collectivity("Commune de Test", CollectivityKind.COMMUNE, true, null).getId());
        try {
            workDir = Files.createTempDirectory("cartable-import-test");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        imports = ImportService.create(admin, staffAdmin, new OneCollectivity(collectivityId), new RoleAccess(), clock, workDir,
                Runnable::run);
    }

    /** Creates a job, uploads the files (name → resource path) and returns its id. */
    public String job(String format, String collectivity, Map<String, String> mapping, Map<String, String> files) {
        JobView job = imports.create(operator, format, YEAR, collectivity, mapping);
        files.forEach((name, resource) -> upload(job.id(), name, resource));
        return job.id();
    }

    /** Uploads a file given as text, in the charset a school's software would write it. */
    public void uploadText(String jobId, String name, String text, java.nio.charset.Charset charset) {
        imports.upload(operator, jobId, name, new java.io.ByteArrayInputStream(text.getBytes(charset)), false);
    }

    public void upload(String jobId, String name, String resource) {
        try (InputStream in = resource(resource)) {
            imports.upload(operator, jobId, name, in, false);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static InputStream resource(String path) {
        InputStream in = TestImports.class.getResourceAsStream("/samples/" + path);
        if (in == null) {
            throw new IllegalArgumentException("No sample " + path);
        }
        return in;
    }

    public String rejected(String jobId) {
        try {
            return Files.readString(imports.report(operator, jobId));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public long count(String jpql) {
        return jpa.txExpr(em -> em.createQuery(jpql, Long.class).getSingleResult());
    }

    public Optional<Person> person(String login) {
        return jpa.txExpr(em -> em.createQuery("select p from Person p where p.loginKey = :l", Person.class)
                .setParameter("l", login).getResultList().stream().findFirst());
    }

    public PersonStatus status(String login) {
        return person(login).map(Person::getStatus).orElse(null);
    }

    public CoreAccounts accounts() {
        return CoreAccounts.create(jpa, new AccountSettings(4, Duration.ofHours(1), 5, 100, Duration.ofMinutes(10)),
                clock);
    }

    @Override
    public void close() {
        db.close();
    }

    /** A clock the tests move forward. */
    public static final class MovableClock extends Clock {
        private Instant now;

        MovableClock(Instant start) {
            this.now = start;
        }

        public void set(LocalDate day) {
            now = day.atTime(9, 0).toInstant(ZoneOffset.UTC);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    /** Operators and platform admins use the tool. */
    static final class RoleAccess implements ToolAccess {
        @Override
        public void check(Caller caller, String appId) {
            if (!caller.has(Role.OPERATOR) && !caller.has(Role.PLATFORM_ADMIN)) {
                throw CartableException.forbidden("Not for you.");
            }
        }
    }

    /** A territory of one collectivity, seen whole by operators. */
    static final class OneCollectivity implements Territory {
        private final String id;

        OneCollectivity(String id) {
            this.id = id;
        }

        @Override
        public List<CollectivityInfo> collectivities() {
            return List.of(new CollectivityInfo(id, "Commune de Test", "COMMUNE", true, null));
        }

        @Override
        public Optional<CollectivityInfo> collectivity(String collectivityId) {
            return collectivities().stream().filter(c -> c.id().equals(collectivityId)).findFirst();
        }

        @Override
        public List<SchoolInfo> schools() {
            return List.of();
        }

        @Override
        public Optional<SchoolInfo> school(String schoolId) {
            return Optional.empty();
        }

        @Override
        public Map<String, Integer> pupilsPerSchool(LocalDate censusDate) {
            return Map.of();
        }

        @Override
        public Map<Role, Integer> activeAccounts(Instant since) {
            return Map.of();
        }

        @Override
        public Map<String, Integer> classesPerEnabledApp() {
            return Map.of();
        }

        @Override
        public int currentClassCount() {
            return 0;
        }

        @Override
        public TerritoryScope scopeOf(Caller caller) {
            return caller.has(Role.OPERATOR) || caller.has(Role.PLATFORM_ADMIN)
                    ? new TerritoryScope(true, Set.of(), Set.of()) : TerritoryScope.none();
        }
    }
}
