package org.cartable.directoryimport.internal.job;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import org.cartable.api.Grade;
import org.cartable.core.service.SchoolRoster;
import org.cartable.directoryimport.internal.format.GuardianRecord;
import org.cartable.directoryimport.internal.format.LineRef;
import org.cartable.directoryimport.internal.format.PupilRecord;
import org.cartable.directoryimport.internal.format.RecordSink;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The records of a file are spilled per school to disk while it is read, and come back one school at a time. */
class RosterBuilderTest {

    private static final int SCHOOLS = SpillFiles.MAX_OPEN + 8;

    @TempDir
    Path tmp;

    private final List<String> rejected = new ArrayList<>();
    private final RecordSink report = new RecordSink() {
        @Override
        public void pupil(PupilRecord pupil) {
        }

        @Override
        public void guardian(GuardianRecord guardian) {
        }

        @Override
        public void reject(LineRef line, String reason) {
            rejected.add(line.number() + ": " + reason);
        }

        @Override
        public void lineRead() {
        }
    };

    private static String uai(int school) {
        return String.format("%07d", 4_500_000 + school) + "A";
    }

    private static PupilRecord pupil(long line, int school, String id, String first) {
        return new PupilRecord(new LineRef("pupils", line), uai(school), school == 3 ? "École 3" : null,
                "CP " + (school % 2 == 0 ? "A" : "B"), Set.of(Grade.CP), id, first, "Durand",
                LocalDate.of(2019, 3, 4));
    }

    private static GuardianRecord guardian(long line, String first, String email, String... children) {
        return new GuardianRecord(new LineRef("guardians", line), null, first, "Durand", "MOTHER", email, null,
                List.of(children));
    }

    private long spilledBytes(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.mapToLong(p -> p.toFile().length()).sum();
        }
    }

    @Test
    void anUnsortedFileComesBackOneSchoolAtATimeFromDisk() throws IOException {
        Path spill = tmp.resolve("spill");
        List<SchoolRoster> rosters = new ArrayList<>();
        List<List<LineRef>> lines = new ArrayList<>();
        try (RosterBuilder builder = new RosterBuilder("onde", "2026-2027", report, spill)) {
            // Guardians first, pupils of the schools interleaved (more schools than open spill files).
            builder.guardian(guardian(2, "Claire", "claire@example.org", "p0-0", "p1-0"));
            builder.guardian(guardian(3, "Nobody", null, "unknown"));
            long line = 2;
            for (int round = 0; round < 3; round++) {
                for (int school = 0; school < SCHOOLS; school++) {
                    builder.pupil(pupil(line++, school, "p" + school + "-" + round, "Léo" + round));
                }
            }
            builder.pupil(pupil(line, 5, "p0-0", "Léo0")); // the same pupil again, in another school
            assertTrue(spilledBytes(spill) > 3L * SCHOOLS * 40, "the records are on disk, not in memory");

            builder.forEachSchool(batch -> {
                rosters.add(batch.roster());
                lines.add(batch.lines());
            });
            try (Stream<Path> left = Files.list(spill)) {
                assertEquals(0, left.count(), "each school's file is deleted once handed out");
            }
        }
        assertFalse(Files.exists(spill), "close removes the folder");

        assertEquals(SCHOOLS, rosters.size());
        for (int school = 0; school < SCHOOLS; school++) {
            SchoolRoster roster = rosters.get(school);
            assertEquals(uai(school), roster.uai(), "UAI order");
            assertEquals(List.of("p" + school + "-0", "p" + school + "-1", "p" + school + "-2"),
                    roster.pupils().stream().map(SchoolRoster.RosterPupil::externalId).toList());
            assertEquals(LocalDate.of(2019, 3, 4), roster.pupils().get(0).birthDate());
            assertEquals(Set.of(Grade.CP), roster.classes().get(0).grades());
        }
        assertEquals("École 3", rosters.get(3).schoolName());
        // Claire's children are in schools 0 and 1: she is in both rosters, with the child of each.
        assertEquals(List.of("p0-0"), rosters.get(0).guardians().get(0).pupilIds());
        assertEquals("claire@example.org", rosters.get(0).guardians().get(0).email());
        assertEquals(List.of("p1-0"), rosters.get(1).guardians().get(0).pupilIds());
        assertTrue(rosters.get(2).guardians().isEmpty());
        // A school's lines: its pupils' lines, then its guardians' lines, for the report of a failed school.
        assertEquals(4, lines.get(0).size());
        assertEquals(new LineRef("guardians", 2), lines.get(0).get(3));
        assertEquals(2, rejected.size(), rejected::toString);
        assertTrue(rejected.get(0).contains("listed twice"), rejected::toString);
        assertTrue(rejected.get(1).startsWith("3: guardian of a pupil who is not in the pupils file"),
                rejected::toString);
    }
}
