package org.cartable.directoryimport.internal.job;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Predicate;
import java.util.stream.Collectors;

import org.cartable.api.Caller;
import org.cartable.api.CartableException;
import org.cartable.api.ToolAccess;
import org.cartable.api.territory.CollectivityInfo;
import org.cartable.api.territory.SchoolInfo;
import org.cartable.api.territory.Territory;
import org.cartable.api.territory.TerritoryScope;
import org.cartable.core.service.DirectoryAdmin;
import org.cartable.core.service.StaffAdmin;
import org.cartable.directoryimport.internal.sheets.Credential;
import org.cartable.directoryimport.internal.ImportApp;
import org.cartable.directoryimport.internal.format.Formats;
import org.cartable.directoryimport.internal.format.ImportFormat;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.cartable.api.audit.AuditEvent;
import org.cartable.api.audit.AuditLog;
import org.cartable.api.audit.AuditTypes;

/**
 * The import jobs of the directory-import tool: created by a user, fed with files, dry-run or run on one import
 * thread (imports are heavy: one at a time), then deleted or expired. Every method checks that the caller may use the
 * tool and owns the job; which schools the caller may import into comes from the territory scope.
 */
@Component(service = ImportService.class)
public final class ImportService {

    /** Jobs (their files and credentials) are forgotten after this. */
    static final Duration JOB_LIFETIME = Duration.ofHours(24);

    private final DirectoryAdmin admin;
    private final StaffAdmin staffAdmin;
    private final Territory territory;
    private final ToolAccess access;
    private final Clock clock;
    private final Path workDir;
    private final Executor executor;
    private final Map<String, ImportJob> jobs = new ConcurrentHashMap<>();

    /** The platform's audit log; optional, so imports keep working while the platform restarts it. */
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile AuditLog audit;

    @Activate
    public ImportService(@Reference(name = "admin") DirectoryAdmin admin,
                         @Reference(name = "staffAdmin") StaffAdmin staffAdmin,
                         @Reference(name = "territory") Territory territory,
                         @Reference(name = "access") ToolAccess access) {
        this(admin, staffAdmin, territory, access, Clock.systemDefaultZone(), defaultWorkDir(),
                Executors.newSingleThreadExecutor(r -> {
                    Thread thread = new Thread(r, "cartable-directory-import");
                    thread.setDaemon(true);
                    return thread;
                }));
    }

    /**
     * Builds the service outside OSGi (tests, benchmark).
     *
     * @param executor runs the jobs ({@code Runnable::run} runs them at once, in the caller's thread)
     */
    public static ImportService create(DirectoryAdmin admin, Territory territory, ToolAccess access, Clock clock,
                                       Path workDir, Executor executor) {
        return new ImportService(admin, null, territory, access, clock, workDir, executor);
    }

    /** Builds the service outside OSGi with the staff import too. */
    public static ImportService create(DirectoryAdmin admin, StaffAdmin staffAdmin, Territory territory,
                                       ToolAccess access, Clock clock, Path workDir, Executor executor) {
        return new ImportService(admin, staffAdmin, territory, access, clock, workDir, executor);
    }

    private ImportService(DirectoryAdmin admin, StaffAdmin staffAdmin, Territory territory, ToolAccess access,
                          Clock clock, Path workDir, Executor executor) {
        this.admin = admin;
        this.staffAdmin = staffAdmin;
        this.territory = territory;
        this.access = access;
        this.clock = clock;
        this.workDir = workDir;
        this.executor = executor;
        // Jobs live in memory: files left by a previous start are orphans.
        deleteTree(workDir);
    }

    private static Path defaultWorkDir() {
        String data = System.getProperty("karaf.data");
        return Paths.get(data != null ? data : System.getProperty("java.io.tmpdir"), "cartable-import");
    }

    @Deactivate
    void stop() {
        if (executor instanceof ExecutorService service) {
            service.shutdownNow();
        }
        jobs.values().forEach(ImportJob::delete);
        jobs.clear();
    }

    /**
     * @param mapping for the generic CSV format: field → column header
     * @throws CartableException BAD_REQUEST unknown format, bad year, unknown collectivity
     */
    public JobView create(Caller caller, String formatId, String schoolYear, String collectivityId,
                          Map<String, String> mapping) {
        check(caller);
        expireOldJobs();
        ImportFormat format = Formats.byId(formatId).orElseThrow(() -> CartableException.badRequest(
                "Unknown format '" + formatId + "': " + String.join(", ", Formats.ids()) + "."));
        String year = schoolYear == null || schoolYear.isBlank() ? currentSchoolYear() : schoolYear.trim();
        if (!year.matches("\\d{4}-\\d{4}")
                || Integer.parseInt(year.substring(5)) != Integer.parseInt(year.substring(0, 4)) + 1) {
            throw CartableException.badRequest("Invalid school year '" + schoolYear + "': write it like 2026-2027.");
        }
        String collectivity = collectivityId == null || collectivityId.isBlank() ? null : collectivityId;
        if (collectivity != null) {
            TerritoryScope scope = territory.scopeOf(caller);
            if (territory.collectivity(collectivity).isEmpty() || !scope.seesCollectivity(collectivity)) {
                throw CartableException.badRequest("Unknown collectivity '" + collectivityId + "'.");
            }
        }
        Formats.checkMapping(format, mapping == null ? Map.of() : mapping);
        String id = UUID.randomUUID().toString();
        ImportJob job = new ImportJob(id, caller.userId(), format, year, collectivity,
                mapping == null ? Map.of() : mapping, workDir.resolve(id), clock.instant());
        jobs.put(id, job);
        return job.view();
    }

    /** @return the collectivities new schools may be created in (those of the caller's territory scope) */
    public List<CollectivityInfo> collectivities(Caller caller) {
        check(caller);
        TerritoryScope scope = territory.scopeOf(caller);
        return territory.collectivities().stream().filter(c -> scope.seesCollectivity(c.id())).toList();
    }

    /** Stores (or, with {@code append}, extends) an uploaded file of the job. */
    public JobView upload(Caller caller, String jobId, String fileName, InputStream body, boolean append) {
        ImportJob job = job(caller, jobId);
        try {
            job.upload(fileName, body, append);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return job.view();
    }

    /** Starts a dry run (nothing written) or a run; poll {@link #view} for the progress. */
    public JobView start(Caller caller, String jobId, boolean dryRun) {
        ImportJob job = job(caller, jobId);
        Predicate<String> mayImport = mayImport(caller);
        job.queue(dryRun);
        AuditLog log = audit;
        if (log != null) {
            log.record(AuditEvent.by(caller, AuditTypes.DIRECTORY_IMPORT).on(jobId)
                    .detail(dryRun ? "dry run started" : "import started"));
        }
        executor.execute(() -> job.run(admin, staffAdmin, mayImport));
        return job.view();
    }

    public JobView view(Caller caller, String jobId) {
        return job(caller, jobId).view();
    }

    /** @return the caller's jobs, newest first */
    public List<JobView> jobs(Caller caller) {
        check(caller);
        expireOldJobs();
        return jobs.values().stream().filter(j -> j.ownerId().equals(caller.userId()))
                .sorted(Comparator.comparing(ImportJob::createdAt).reversed()).map(ImportJob::view).toList();
    }

    /** @return the CSV report of the rejected lines of the job's last start */
    public Path report(Caller caller, String jobId) {
        return job(caller, jobId).report();
    }

    /** @return the first-login credentials of the job's run, for the connection sheets */
    public List<Credential> credentials(Caller caller, String jobId) {
        return job(caller, jobId).credentials();
    }

    /** Forgets the job: its files, report and credentials. */
    public void delete(Caller caller, String jobId) {
        ImportJob job = job(caller, jobId);
        if (job.state() == JobState.QUEUED || job.state() == JobState.READING
                || job.state() == JobState.APPLYING) {
            throw CartableException.conflict("The import is running: wait for it to finish.");
        }
        jobs.remove(jobId);
        job.delete();
    }

    private ImportJob job(Caller caller, String jobId) {
        check(caller);
        ImportJob job = jobId == null ? null : jobs.get(jobId);
        // Someone else's job is as unknown as a missing one.
        if (job == null || !job.ownerId().equals(caller.userId())) {
            throw CartableException.notFound("No such import.");
        }
        return job;
    }

    private void check(Caller caller) {
        if (caller == null) {
            throw CartableException.unauthorized("Sign in first.");
        }
        access.check(caller, ImportApp.ID);
    }

    /** Operators import anywhere; anyone else only into the existing schools of their territory scope. */
    private Predicate<String> mayImport(Caller caller) {
        TerritoryScope scope = territory.scopeOf(caller);
        if (scope.everything()) {
            return uai -> true;
        }
        Set<String> uais = territory.schools().stream().filter(s -> scope.seesSchool(s.id()))
                .map(SchoolInfo::uai).collect(Collectors.toSet());
        return uais::contains;
    }

    private String currentSchoolYear() {
        LocalDate today = LocalDate.now(clock);
        int start = today.getMonthValue() >= 9 ? today.getYear() : today.getYear() - 1;
        return start + "-" + (start + 1);
    }

    private void expireOldJobs() {
        var limit = clock.instant().minus(JOB_LIFETIME);
        for (ImportJob job : List.copyOf(jobs.values())) {
            if (job.createdAt().isBefore(limit) && (job.state() == JobState.NEW || job.state() == JobState.DONE
                    || job.state() == JobState.FAILED)) {
                jobs.remove(job.id());
                job.delete();
            }
        }
    }

    private static void deleteTree(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (var walk = Files.walk(dir)) {
            walk.sorted(Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.deleteIfExists(p);
                } catch (IOException e) {
                    // best effort: a leftover file is harmless
                }
            });
        } catch (IOException e) {
            // best effort
        }
    }
}
