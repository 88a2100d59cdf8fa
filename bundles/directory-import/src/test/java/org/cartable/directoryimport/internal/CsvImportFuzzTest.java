package org.cartable.directoryimport.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

import org.cartable.api.CartableException;
import org.cartable.directoryimport.internal.job.JobState;
import org.cartable.directoryimport.internal.job.JobView;

/**
 * Hostile files for the three import formats (ONDE, OneRoster as CSV files or as a zip, generic CSV), made by
 * mutating the sample files: lines dropped, duplicated, cut, cells replaced by hostile values, separators and quotes
 * broken, bytes flipped, encodings mixed. Properties: nothing but a {@link CartableException} escapes, a job ends
 * DONE or FAILED, no message or report line shows a Java class name or "internal error", a dry run and a failed job
 * write nothing, and a school refused as a whole keeps nothing of the run.
 * <p>
 * Fixed seeds (printed), a few dozen tries per format: the whole class runs in well under a minute.
 */
class CsvImportFuzzTest {

    static final String SEED = "20261129";
    static final Pattern LEAK = Pattern.compile(
            "\\b(?:java|javax|org|com)\\.[a-z]\\w*\\.[\\w.$]+|\\b[A-Z][A-Za-z]*(?:Exception|Error)\\b|internal error",
            Pattern.CASE_INSENSITIVE);
    private static final String[] HOSTILE = {"", " ", "\"", "\"\"\"", ";", ",", "\t", "\r", "\u0000", "\uFEFF",
            "é€😀", "\ud800", "x".repeat(5000), "-1", "0", "99/99/9999", "31/02/2019", "2019-02-30", "CM3", "cp",
            "=cmd|' /C calc'!A0", "' OR 1=1 --", "<script>alert(1)</script>", "../../etc/passwd", "null", "NaN",
            "0451111A", "MERE", "Oui", "Non", "student", "guardian", "parent", "9999999999999999999999"};

    static TestImports t;
    static int cases;
    static int dryRuns;
    static int realRuns;
    static int refusedUploads;
    static int failedJobs;

    @BeforeContainer
    static void start() {
        t = new TestImports();
    }

    @AfterContainer
    static void stop() {
        System.out.println("[CsvImportFuzz] seed=" + SEED + " cases=" + cases + " dryRuns=" + dryRuns + " runs="
                + realRuns + " refusedUploads=" + refusedUploads + " failedJobs=" + failedJobs
                + " unexpected=0 leaks=0 partial=0");
        t.close();
    }

    @Property(tries = 20, seed = SEED)
    void ondeExtracts(@ForAll("mutationSeeds") long mutation) {
        Random random = new Random(mutation);
        Map<String, byte[]> files = new LinkedHashMap<>();
        files.put("pupils", mutate(sample("onde/" + (random.nextBoolean() ? "eleves-latin1.csv" : "eleves-utf8-bom.csv")), random));
        files.put("guardians", mutate(sample("onde/responsables-utf8-bom.csv"), random));
        check("onde", Map.of(), files, random);
    }

    @Property(tries = 20, seed = SEED)
    void genericCsv(@ForAll("mutationSeeds") long mutation) {
        Random random = new Random(mutation);
        check("csv", GenericCsvImportTest.MAPPING, Map.of("data", mutate(sample("csv/generic.csv"), random)), random);
    }

    @Property(tries = 20, seed = SEED)
    void oneRosterFilesOrZip(@ForAll("mutationSeeds") long mutation) {
        Random random = new Random(mutation);
        Map<String, byte[]> files = new LinkedHashMap<>();
        for (String name : List.of("manifest", "orgs", "academicSessions", "classes", "users", "enrollments")) {
            byte[] content = sample("oneroster/" + name + ".csv");
            files.put(name, random.nextInt(3) == 0 ? mutate(content, random) : content);
        }
        if (random.nextBoolean()) {
            byte[] zip = zip(files, random);
            check("oneroster", Map.of(), Map.of("archive", random.nextInt(4) == 0 ? mutate(zip, random) : zip), random);
        } else {
            check("oneroster", Map.of(), files, random);
        }
    }

    @Provide
    Arbitrary<Long> mutationSeeds() {
        return Arbitraries.longs();
    }

    // ------------------------------------------------------------------------------------------ the properties

    private void check(String format, Map<String, String> mapping, Map<String, byte[]> files, Random random) {
        cases++;
        JobView job = t.imports.create(t.operator, format, TestImports.YEAR, t.collectivityId, mapping);
        try {
            for (Map.Entry<String, byte[]> file : files.entrySet()) {
                try {
                    t.imports.upload(t.operator, job.id(), file.getKey(), new ByteArrayInputStream(file.getValue()), false);
                } catch (CartableException refused) {
                    refusedUploads++;
                    assertNoLeak(refused.getMessage(), "upload refusal");
                    return;
                }
            }
            boolean dryRun = random.nextInt(3) > 0;
            String before = directoryState();
            JobView done;
            try {
                done = t.imports.start(t.operator, job.id(), dryRun);
            } catch (CartableException refused) {
                assertNoLeak(refused.getMessage(), "start refusal");
                assertEquals(before, directoryState(), "a refused start wrote: " + refused.getMessage());
                return;
            }
            if (dryRun) {
                dryRuns++;
            } else {
                realRuns++;
            }
            assertTrue(done.state() == JobState.DONE || done.state() == JobState.FAILED, () -> "state " + done.state());
            assertNoLeak(done.error(), "job error");
            if (done.schools() != null) {
                done.schools().forEach(s -> assertNoLeak(s.error(), "school " + s.uai()));
            }
            if (done.state() == JobState.DONE) {
                try {
                    assertNoLeak(Files.readString(t.imports.report(t.operator, job.id())), "rejected lines report");
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
            if (dryRun || done.state() == JobState.FAILED) {
                if (done.state() == JobState.FAILED) {
                    failedJobs++;
                }
                assertEquals(before, directoryState(), () -> (dryRun ? "the dry run" : "the failed job: " + done.error())
                        + " wrote to the directory; " + done.summary() + " " + done.schools() + " files: "
                        + describe(files));
            } else if (done.schools() != null && done.schools().stream().allMatch(s -> s.error() != null)) {
                assertEquals(before, directoryState(), "every school was refused, yet something was written");
            }
        } catch (RuntimeException | AssertionError e) {
            if (e instanceof AssertionError) {
                throw e;
            }
            fail("unexpected " + e + " for " + format + " " + describe(files), e);
        } finally {
            try {
                t.imports.delete(t.operator, job.id());
            } catch (CartableException stillRunning) {
                // jobs run in the caller's thread here: never running at this point
            }
        }
    }

    private static void assertNoLeak(String text, String where) {
        if (text != null && LEAK.matcher(text).find()) {
            var m = LEAK.matcher(text);
            m.find();
            fail(where + " shows '" + m.group() + "': " + (text.length() > 400 ? text.substring(0, 400) : text));
        }
    }

    /** Counts of everything an import writes: equal before and after means nothing was written. */
    private static String directoryState() {
        return String.join(",", List.of(
                "schools=" + t.count("select count(s) from School s"),
                "classes=" + t.count("select count(c) from SchoolClass c"),
                "people=" + t.count("select count(p) from Person p"),
                "statuses=" + t.count("select count(p) from Person p where p.status = org.cartable.core.internal.model.PersonStatus.ACTIVE"),
                "links=" + t.count("select count(l) from ParentLink l"),
                "enrolments=" + t.count("select count(e) from Enrolment e")));
    }

    // ------------------------------------------------------------------------------------------ mutations

    private static byte[] sample(String path) {
        try (InputStream in = TestImports.resource(path)) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static byte[] mutate(byte[] content, Random random) {
        int kind = random.nextInt(10);
        if (kind == 0) {
            byte[] copy = content.clone();
            for (int i = 0; i < 1 + random.nextInt(8) && copy.length > 0; i++) {
                copy[random.nextInt(copy.length)] = (byte) random.nextInt(256);
            }
            return copy;
        }
        if (kind == 1) {
            return java.util.Arrays.copyOf(content, random.nextInt(content.length + 1));
        }
        if (kind == 2) {
            byte[] junk = new byte[random.nextInt(300)];
            random.nextBytes(junk);
            return junk;
        }
        String text = new String(content, kind == 3 ? StandardCharsets.ISO_8859_1 : StandardCharsets.UTF_8);
        List<String> lines = new ArrayList<>(List.of(text.split("\r?\n", -1)));
        int edits = 1 + random.nextInt(4);
        for (int e = 0; e < edits && !lines.isEmpty(); e++) {
            int at = random.nextInt(lines.size());
            switch (random.nextInt(6)) {
                case 0 -> lines.remove(at);
                case 1 -> lines.add(at, lines.get(at));
                case 2 -> lines.set(at, lines.get(at).substring(0, random.nextInt(lines.get(at).length() + 1)));
                case 3 -> lines.set(at, lines.get(at).replace(random.nextBoolean() ? ";" : ",", random.nextBoolean() ? "\t" : "\";\""));
                default -> {
                    String separator = lines.get(at).contains(";") ? ";" : ",";
                    String[] cells = lines.get(at).split(separator, -1);
                    cells[random.nextInt(cells.length)] = HOSTILE[random.nextInt(HOSTILE.length)];
                    lines.set(at, String.join(separator, cells));
                }
            }
        }
        String joined = String.join(random.nextBoolean() ? "\n" : "\r\n", lines);
        return joined.getBytes(random.nextInt(4) == 0 ? StandardCharsets.ISO_8859_1 : StandardCharsets.UTF_8);
    }

    private static byte[] zip(Map<String, byte[]> files, Random random) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            String folder = random.nextBoolean() ? "export/" : random.nextInt(4) == 0 ? "../../" : "";
            for (Map.Entry<String, byte[]> file : files.entrySet()) {
                if (random.nextInt(8) == 0) {
                    continue;
                }
                zip.putNextEntry(new ZipEntry(folder + file.getKey() + ".csv"));
                zip.write(file.getValue());
                zip.closeEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    private static String describe(Map<String, byte[]> files) {
        StringBuilder s = new StringBuilder();
        files.forEach((name, content) -> s.append(name).append('=')
                .append(new String(content, 0, Math.min(content.length, 300), StandardCharsets.UTF_8)).append(" | "));
        return s.toString();
    }
}
