package org.cartable.directoryimport.internal.job;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.cartable.api.CartableException;
import org.cartable.core.service.DirectoryAdmin;
import org.cartable.core.service.SchoolImportResult;
import org.cartable.core.service.StaffAdmin;
import org.cartable.directoryimport.internal.format.FormatOptions;
import org.cartable.directoryimport.internal.format.GuardianRecord;
import org.cartable.directoryimport.internal.format.ImportFiles;
import org.cartable.directoryimport.internal.format.ImportFormat;
import org.cartable.directoryimport.internal.format.LineRef;
import org.cartable.directoryimport.internal.format.PupilRecord;
import org.cartable.directoryimport.internal.format.RecordSink;
import org.cartable.directoryimport.internal.format.StaffFormat;
import org.cartable.directoryimport.internal.job.JobView.SchoolOutcome;
import org.cartable.directoryimport.internal.job.JobView.StaffCounts;
import org.cartable.directoryimport.internal.job.JobView.Summary;
import org.cartable.directoryimport.internal.sheets.Credential;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One import: its uploaded files (in its own folder), its progress, the outcome of its last start, the report of
 * rejected lines (a CSV file written as lines are rejected) and, after a real run, the first-login credentials of the
 * accounts it created, kept in memory only until the job is deleted or expires.
 */
public final class ImportJob {

    private static final Logger LOG = LoggerFactory.getLogger(ImportJob.class);
    static final String REPORT = "rejected.csv";
    private static final String UPLOADS = "uploads";
    /** the records of the run, spilled per school while the files are read (see RosterBuilder) */
    private static final String SPILL = "spill";

    private final String id;
    private final String ownerId;
    private final ImportFormat format;
    private final String schoolYear;
    private final String collectivityId;
    private final Map<String, String> mapping;
    private final Path dir;
    private final Instant createdAt;

    private final AtomicLong read = new AtomicLong();
    private final AtomicLong applied = new AtomicLong();
    private volatile long dataLines;
    private volatile JobState state = JobState.NEW;
    private volatile boolean dryRun;
    private volatile String error;
    private volatile Summary summary;
    private volatile List<SchoolOutcome> schools = List.of();
    private volatile List<Credential> credentials = List.of();
    private volatile long rejected;

    ImportJob(String id, String ownerId, ImportFormat format, String schoolYear, String collectivityId,
              Map<String, String> mapping, Path dir, Instant createdAt) {
        this.id = id;
        this.ownerId = ownerId;
        this.format = format;
        this.schoolYear = schoolYear;
        this.collectivityId = collectivityId;
        this.mapping = Map.copyOf(mapping);
        this.dir = dir;
        this.createdAt = createdAt;
    }

    public String id() {
        return id;
    }

    String ownerId() {
        return ownerId;
    }

    Instant createdAt() {
        return createdAt;
    }

    public JobState state() {
        return state;
    }

    /** @return the connection-sheet credentials of the last real run */
    public List<Credential> credentials() {
        return credentials;
    }

    synchronized void upload(String name, InputStream body, boolean append) throws IOException {
        if (state == JobState.QUEUED || state == JobState.READING || state == JobState.APPLYING) {
            throw CartableException.conflict("The import is running: wait for it to finish.");
        }
        if (!format.fileNames().contains(name) && !(isZipFormat() && name.equals(ARCHIVE))) {
            throw CartableException.badRequest("The " + format.id() + " import reads the files "
                    + String.join(", ", format.fileNames()) + (isZipFormat() ? " (or one zip named 'archive')" : "")
                    + "; '" + name + "' is none of them.");
        }
        Path uploads = Files.createDirectories(dir.resolve(UPLOADS));
        Path file = uploads.resolve(name);
        try (OutputStream out = Files.newOutputStream(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                append ? StandardOpenOption.APPEND : StandardOpenOption.TRUNCATE_EXISTING)) {
            body.transferTo(out);
        }
    }

    /** OneRoster exports come as one zip of CSV files. */
    static final String ARCHIVE = "archive";

    private boolean isZipFormat() {
        return format.fileNames().contains("manifest");
    }

    /** Marks the job queued; the caller then runs {@link #run} on the import thread. */
    synchronized void queue(boolean dryRun) {
        if (state == JobState.QUEUED || state == JobState.READING || state == JobState.APPLYING) {
            throw CartableException.conflict("The import is already running.");
        }
        long present = format.fileNames().stream().limit(format.requiredFiles())
                .filter(name -> Files.exists(dir.resolve(UPLOADS).resolve(name))).count();
        if (present < format.requiredFiles() && !Files.exists(dir.resolve(UPLOADS).resolve(ARCHIVE))) {
            throw CartableException.badRequest("Upload the files first: "
                    + String.join(", ", format.fileNames().subList(0, format.requiredFiles())) + ".");
        }
        this.dryRun = dryRun;
        this.state = JobState.QUEUED;
        this.error = null;
        this.summary = null;
        this.schools = List.of();
        read.set(0);
        applied.set(0);
    }

    /**
     * Reads every file, then imports school after school, each in its own transaction: a school that fails is
     * reported (all its lines) and leaves the others applied.
     *
     * @param mayImport which school UAIs the user may import into
     */
    void run(DirectoryAdmin admin, Predicate<String> mayImport) {
        run(admin, null, mayImport);
    }

    /** @param staffAdmin writes the staff files' teachers (the staff format only) */
    void run(DirectoryAdmin admin, StaffAdmin staffAdmin, Predicate<String> mayImport) {
        RosterBuilder builder = null;
        try (ZipSource zip = ZipSource.open(dir.resolve(UPLOADS).resolve(ARCHIVE));
             Report report = new Report(dir.resolve(REPORT))) {
            ImportFiles files = name -> open(name, zip);
            dataLines = countDataLines(files);
            state = JobState.READING;
            if (format instanceof StaffFormat) {
                runStaff(staffAdmin, mayImport, files, report);
                return;
            }
            builder = new RosterBuilder(format.id(), schoolYear, new RecordSink() {
                @Override
                public void pupil(PupilRecord pupil) {
                    throw new IllegalStateException("records go to the builder");
                }

                @Override
                public void guardian(GuardianRecord guardian) {
                    throw new IllegalStateException("records go to the builder");
                }

                @Override
                public void reject(LineRef line, String reason) {
                    report.reject(line, reason);
                    applied.incrementAndGet();
                }

                @Override
                public void lineRead() {
                    read.incrementAndGet();
                }
            }, dir.resolve(SPILL));
            format.read(files, new FormatOptions(schoolYear, mapping), builder);
            read.set(Math.max(read.get(), dataLines));
            state = JobState.APPLYING;
            List<SchoolOutcome> outcomes = new ArrayList<>();
            List<Credential> accounts = new ArrayList<>();
            builder.forEachSchool(batch -> {
                String uai = batch.roster().uai();
                String failure = null;
                if (!mayImport.test(uai)) {
                    failure = "you may not import into school " + uai;
                } else {
                    try {
                        SchoolImportResult result = admin.importSchool(batch.roster(), collectivityId, dryRun);
                        outcomes.add(outcome(result));
                        result.newAccounts().forEach(a -> accounts.add(new Credential(uai, a)));
                    } catch (CartableException refused) {
                        failure = refused.getMessage();
                    } catch (RuntimeException e) {
                        String ref = "import-" + id + "-" + uai;
                        LOG.error("Import of school {} failed ({})", uai, ref, e);
                        failure = "internal error, nothing imported for this school (log reference " + ref + ")";
                    }
                }
                if (failure != null) {
                    outcomes.add(new SchoolOutcome(uai, null, false, 0, 0, 0, 0, 0, 0, 0, 0, 0, failure, null));
                    for (LineRef line : batch.lines()) {
                        report.reject(line, "school " + uai + " not imported: " + failure);
                    }
                }
                applied.addAndGet(batch.lines().size());
            });
            finish(report, outcomes, accounts);
        } catch (CartableException refused) {
            error = refused.getMessage();
            state = JobState.FAILED;
        } catch (IOException | RuntimeException e) {
            // The details (exception, line) go to the log only: the operator gets a reference, not our class names.
            String ref = "import-" + id;
            LOG.error("Import job {} failed ({})", id, ref, e);
            error = "The files could not be read: check their format and encoding (log reference " + ref + ").";
            state = JobState.FAILED;
        } finally {
            if (builder != null) {
                builder.close();
            }
        }
    }

    private void runStaff(StaffAdmin staffAdmin, Predicate<String> mayImport, ImportFiles files, Report report)
            throws IOException {
        StaffImport staff = new StaffImport();
        StaffImport.Rejects rejects = (line, reason) -> {
            report.reject(line, reason);
            applied.incrementAndGet();
        };
        format.read(files, new FormatOptions(schoolYear, mapping), staff.sink(rejects, read::incrementAndGet));
        read.set(Math.max(read.get(), dataLines));
        state = JobState.APPLYING;
        List<SchoolOutcome> outcomes = new ArrayList<>();
        List<Credential> accounts = new ArrayList<>();
        // Lines rejected while applying were counted as applied when handed to the school: count them once.
        staff.apply(staffAdmin, schoolYear, dryRun, mayImport, id, report::reject, applied::addAndGet, outcomes,
                accounts);
        finish(report, outcomes, accounts);
    }

    /** The outcome of a run that went to its end, whatever the format. */
    private void finish(Report report, List<SchoolOutcome> outcomes, List<Credential> accounts) {
        rejected = report.count();
        schools = List.copyOf(outcomes);
        summary = summarise(outcomes, rejected);
        if (!dryRun) {
            credentials = List.copyOf(accounts);
        }
        // Pollers read the report as soon as they see DONE: it must be on disk by then.
        report.flush();
        state = JobState.DONE;
    }

    private Optional<InputStream> open(String name, ZipSource zip) throws IOException {
        Path file = dir.resolve(UPLOADS).resolve(name);
        if (Files.exists(file)) {
            return Optional.of(Files.newInputStream(file));
        }
        return zip == null ? Optional.empty() : zip.open(name + ".csv");
    }

    private long countDataLines(ImportFiles files) throws IOException {
        long total = 0;
        for (String name : format.fileNames()) {
            Optional<InputStream> in = files.open(name);
            if (in.isEmpty()) {
                continue;
            }
            try (InputStream stream = in.get()) {
                long lines = 0;
                int last = '\n';
                byte[] buffer = new byte[64 * 1024];
                for (int n; (n = stream.read(buffer)) > 0; ) {
                    for (int i = 0; i < n; i++) {
                        if (buffer[i] == '\n') {
                            lines++;
                        }
                    }
                    last = buffer[n - 1];
                }
                if (last != '\n') {
                    lines++;
                }
                total += Math.max(0, lines - 1); // the header
            }
        }
        return total;
    }

    private static SchoolOutcome outcome(SchoolImportResult r) {
        return new SchoolOutcome(r.uai(), r.schoolId(), r.schoolCreated(), r.classesCreated(), r.pupilsCreated(),
                r.pupilsMoved(), r.pupilsEnrolled(), r.guardiansCreated(), r.linksCreated(), r.linksRemoved(),
                r.preDeleted(), r.unchanged(), null, null);
    }

    static Summary summarise(List<SchoolOutcome> outcomes, long rejected) {
        int failed = 0, created = 0, classes = 0, pupils = 0, moved = 0, enrolled = 0, guardians = 0, links = 0,
                unlinked = 0, preDeleted = 0, unchanged = 0;
        StaffCounts staff = null;
        for (SchoolOutcome o : outcomes) {
            if (o.staff() != null) {
                staff = o.staff().plus(staff);
            }
            failed += o.error() == null ? 0 : 1;
            created += o.schoolCreated() ? 1 : 0;
            classes += o.classesCreated();
            pupils += o.pupilsCreated();
            moved += o.pupilsMoved();
            enrolled += o.pupilsEnrolled();
            guardians += o.guardiansCreated();
            links += o.linksCreated();
            unlinked += o.linksRemoved();
            preDeleted += o.preDeleted();
            unchanged += o.unchanged();
        }
        return new Summary(outcomes.size(), failed, created, classes, pupils, moved, enrolled, guardians, links,
                unlinked, preDeleted, unchanged, rejected, staff);
    }

    /** @return the report of rejected lines of the last start: "file;line;reason", UTF-8 with a BOM for Excel */
    public Path report() {
        Path report = dir.resolve(REPORT);
        if (!Files.exists(report)) {
            throw CartableException.notFound("No report yet: start a dry run or a run first.");
        }
        return report;
    }

    public JobView view() {
        Map<String, Long> files = new TreeMap<>();
        Path uploads = dir.resolve(UPLOADS);
        if (Files.isDirectory(uploads)) {
            try (Stream<Path> list = Files.list(uploads)) {
                list.sorted(Comparator.naturalOrder()).forEach(p -> {
                    try {
                        files.put(p.getFileName().toString(), Files.size(p));
                    } catch (IOException e) {
                        files.put(p.getFileName().toString(), -1L);
                    }
                });
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        long total = Math.max(1, 2 * dataLines);
        long processed = state == JobState.DONE ? total : Math.min(total, read.get() + applied.get());
        int percent = state == JobState.DONE ? 100
                : state == JobState.NEW || state == JobState.QUEUED ? 0 : (int) (processed * 100 / total);
        return new JobView(id, format.id(), schoolYear, collectivityId, state, dryRun, files, processed, total,
                Math.min(percent, state == JobState.DONE ? 100 : 99), summary, schools, error, credentials.size(),
                createdAt.toString());
    }

    /** Removes the job's files. */
    void delete() {
        credentials = List.of();
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            walk.sorted(Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.deleteIfExists(p);
                } catch (IOException e) {
                    LOG.warn("Could not delete {}", p, e);
                }
            });
        } catch (IOException e) {
            LOG.warn("Could not delete {}", dir, e);
        }
    }

    /** The rejected lines, written as they come: memory stays flat whatever their number. */
    private static final class Report implements AutoCloseable {
        private final CSVPrinter printer;
        private long count;

        Report(Path file) throws IOException {
            BufferedWriter writer = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
            writer.write('\uFEFF');
            printer = new CSVPrinter(writer, CSVFormat.Builder.create(CSVFormat.DEFAULT).setDelimiter(';')
                    .setRecordSeparator("\r\n").build());
            printer.printRecord("file", "line", "reason");
        }

        synchronized void reject(LineRef line, String reason) {
            try {
                printer.printRecord(line.file(), line.number(), reason);
                count++;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        long count() {
            return count;
        }

        synchronized void flush() {
            try {
                printer.flush();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        @Override
        public void close() throws IOException {
            printer.close();
        }
    }

    /** The entries of an uploaded zip, read one at a time. */
    private static final class ZipSource implements AutoCloseable {
        private final ZipFile zip;

        private ZipSource(ZipFile zip) {
            this.zip = zip;
        }

        static ZipSource open(Path file) throws IOException {
            if (!Files.exists(file)) {
                return null;
            }
            try {
                return new ZipSource(new ZipFile(file.toFile(), StandardCharsets.UTF_8));
            } catch (java.util.zip.ZipException e) {
                throw CartableException.badRequest("The archive is not a zip file.");
            }
        }

        Optional<InputStream> open(String entryName) throws IOException {
            // Exports often put the files in a folder inside the zip.
            ZipEntry entry = zip.stream().filter(e -> !e.isDirectory()
                            && (e.getName().equals(entryName) || e.getName().endsWith("/" + entryName)))
                    .findFirst().orElse(null);
            return entry == null ? Optional.empty() : Optional.of(zip.getInputStream(entry));
        }

        @Override
        public void close() throws IOException {
            zip.close();
        }
    }
}
