package org.cartable.directoryimport.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.cartable.api.CartableException;
import org.cartable.core.internal.model.PersonStatus;
import org.cartable.directoryimport.internal.job.JobState;
import org.cartable.directoryimport.internal.job.JobView;
import org.cartable.directoryimport.internal.job.JobView.Summary;
import org.cartable.directoryimport.internal.sheets.Credential;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The registry extracts (ONDE), Latin-1 and UTF-8 with BOM, end to end on the real directory. */
class OndeImportTest {

    private final TestImports t = new TestImports();

    @AfterEach
    void close() {
        t.close();
    }

    private String latin1Job(String collectivity) {
        return t.job("onde", collectivity, Map.of(), Map.of("pupils", "onde/eleves-latin1.csv",
                "guardians", "onde/responsables-latin1.csv"));
    }

    @Test
    void importsTwoSchoolsRejectsBadLinesWithReasonsAndMatchesTheMotherAcrossSchools() {
        String job = latin1Job(t.collectivityId);
        JobView done = t.imports.start(t.operator, job, false);

        assertEquals(JobState.DONE, done.state(), () -> String.valueOf(done.error()));
        assertEquals(100, done.percent());
        Summary s = done.summary();
        assertEquals(2, s.schools());
        assertEquals(2, s.schoolsCreated());
        assertEquals(0, s.schoolsFailed());
        assertEquals(6, s.pupilsCreated(), s::toString);
        assertEquals(4, s.guardiansCreated(), "Claire is one account for her children of both schools: " + s);
        assertEquals(7, s.linksCreated(), s::toString);
        assertEquals(5, s.rejectedLines(), s::toString);
        assertEquals(1L, t.count("select count(p) from Person p where p.firstName = 'Claire'"));
        assertEquals(3L, t.count("select count(l) from ParentLink l where l.parent.firstName = 'Claire'"));

        String report = t.rejected(job);
        assertTrue(report.startsWith("\uFEFFfile;line;reason"), report);
        assertTrue(report.contains("pupils;6;unknown grade 'GS'"), report);
        assertTrue(report.contains("pupils;7;invalid birth date '31/02/2019'"), report);
        assertTrue(report.contains("pupils;8;missing UAI"), report);
        assertTrue(report.contains("guardians;7;no parental authority"), report);
        assertTrue(report.contains("guardians;10;guardian of a pupil who is not in the pupils file"), report);

        // Accents survive the Latin-1 decoding.
        assertNotNull(t.person("zoe.durand").filter(p -> p.getFirstName().equals("Zoé")).orElse(null));
    }

    @Test
    void firstLoginCredentialsSignIn() {
        String job = latin1Job(t.collectivityId);
        t.imports.start(t.operator, job, false);
        List<Credential> credentials = t.imports.credentials(t.operator, job);
        assertEquals(10, credentials.size());
        Credential leo = credentials.stream().filter(c -> c.account().login().equals("leo.durand")).findFirst()
                .orElseThrow();
        assertEquals("0451111A / CP A", leo.classKey());
        // the sheet's code signs in once, choosing a password
        assertEquals(leo.account().personId(), t.accounts()
                .authenticate("leo.durand", leo.account().initialPassword(), "leo's own secret", "test").userId());
        Credential claire = credentials.stream().filter(c -> c.account().login().equals("claire.durand"))
                .findFirst().orElseThrow();
        assertEquals("Léo Durand", claire.account().childName());
    }

    @Test
    void reimportingTheSameFilesChangesNothing() {
        String first = latin1Job(t.collectivityId);
        t.imports.start(t.operator, first, false);
        String second = latin1Job(t.collectivityId);
        Summary again = t.imports.start(t.operator, second, false).summary();
        assertEquals(0, again.schoolsCreated() + again.classesCreated() + again.pupilsCreated()
                + again.pupilsMoved() + again.pupilsEnrolled() + again.guardiansCreated() + again.linksCreated()
                + again.linksRemoved() + again.preDeleted(), again::toString);
        assertEquals(6 + 5, again.unchanged(), "6 pupils, Claire twice (one per school), Paul, Nadia, Karim");
        assertTrue(t.imports.credentials(t.operator, second).isEmpty());
    }

    @Test
    void utf8WithBomGivesTheSameDirectoryAsLatin1() {
        t.imports.start(t.operator, latin1Job(t.collectivityId), false);
        String bom = t.job("onde", t.collectivityId, Map.of(), Map.of("pupils", "onde/eleves-utf8-bom.csv",
                "guardians", "onde/responsables-utf8-bom.csv"));
        Summary again = t.imports.start(t.operator, bom, false).summary();
        assertEquals(0, again.pupilsCreated() + again.guardiansCreated() + again.linksCreated(), again::toString);
    }

    @Test
    void dryRunShowsTheChangesAndWritesNothing() {
        String job = latin1Job(t.collectivityId);
        JobView dry = t.imports.start(t.operator, job, true);
        assertTrue(dry.dryRun());
        assertEquals(6, dry.summary().pupilsCreated());
        assertEquals(2, dry.summary().schoolsCreated());
        assertEquals(5, dry.summary().rejectedLines());
        assertEquals(0L, t.count("select count(s) from School s"));
        assertTrue(t.imports.credentials(t.operator, job).isEmpty());
        // The same job then runs for real.
        assertEquals(6, t.imports.start(t.operator, job, false).summary().pupilsCreated());
    }

    @Test
    void aFailingSchoolLeavesTheOthersAppliedAndItselfUnchanged() {
        String longName = "C".repeat(150); // longer than the class name column: the school's flush fails
        String pupils = "Nom élève;Prénom élève;Date naissance;Sexe;Niveau;Classe;UAI école\n"
                + "DURAND;Léo;04/03/2019;M;CP;CP A;0451111A\n"
                + "FAURE;Lucas;11/11/2015;M;CM1;" + longName + ";0452222B\n";
        JobView job = t.imports.create(t.operator, "onde", TestImports.YEAR, t.collectivityId, Map.of());
        t.imports.upload(t.operator, job.id(), "pupils",
                new ByteArrayInputStream(pupils.getBytes(StandardCharsets.UTF_8)), false);
        JobView done = t.imports.start(t.operator, job.id(), false);

        assertEquals(JobState.DONE, done.state());
        assertEquals(1, done.summary().schoolsFailed(), done::toString);
        assertEquals(1, done.summary().pupilsCreated());
        assertEquals(1L, t.count("select count(s) from School s"), "the failing school was not created");
        assertNull(t.person("lucas.faure").orElse(null));
        assertNotNull(t.person("leo.durand").orElse(null));
        assertTrue(t.rejected(job.id()).contains("pupils;3;school 0452222B not imported"), t.rejected(job.id()));
    }

    @Test
    void unknownSchoolWithoutCollectivityIsRejectedLineByLine() {
        JobView done = t.imports.start(t.operator, latin1Job(null), false);
        assertEquals(2, done.summary().schoolsFailed());
        assertEquals(0L, t.count("select count(p) from Person p"));
    }

    @Test
    void aNewYearMovesPupilsAndPreDeletesTheDeparted() {
        t.imports.start(t.operator, latin1Job(t.collectivityId), false);
        t.clock.set(LocalDate.of(2027, 9, 2));
        // Next year at school A: Léo in CE1, Zoé in CE2, Noé stays in CP (new class row), Chloé left.
        String pupils = "Nom élève;Prénom élève;Date naissance;Sexe;Niveau;Classe;UAI école\n"
                + "DURAND;Léo;04/03/2019;M;CE1;CE1 B;0451111A\n"
                + "DURAND;Zoé;12/07/2017;F;CE2;CE2;0451111A\n"
                + "PETIT;Noé;01/02/2019;M;CP;CP A;0451111A\n";
        JobView job = t.imports.create(t.operator, "onde", "2027-2028", t.collectivityId, Map.of());
        t.imports.upload(t.operator, job.id(), "pupils",
                new ByteArrayInputStream(pupils.getBytes(StandardCharsets.UTF_8)), false);
        Summary s = t.imports.start(t.operator, job.id(), false).summary();

        assertEquals(3, s.pupilsMoved(), s::toString);
        assertEquals(2, s.preDeleted(), "Chloé, and her mother Nadia who has no other child: " + s);
        assertEquals(PersonStatus.PRE_DELETED, t.status("chloe.martin"));
        assertEquals(PersonStatus.PRE_DELETED, t.status("nadia.martin"));
        assertEquals(PersonStatus.ACTIVE, t.status("claire.durand"));
        assertEquals(2L, t.count("select count(e) from Enrolment e where e.pupil.loginKey = 'leo.durand'"),
                "last year's enrolment is kept as history");
        assertThrows(CartableException.class, () -> t.accounts().authenticate("chloe.martin", "x", "test"));
    }

    @Test
    void otherUsersCannotSeeAJobAndTeachersCannotUseTheTool() {
        String job = latin1Job(t.collectivityId);
        assertEquals(CartableException.Kind.NOT_FOUND, assertThrows(CartableException.class,
                () -> t.imports.view(t.otherOperator, job)).kind());
        assertEquals(CartableException.Kind.FORBIDDEN, assertThrows(CartableException.class,
                () -> t.imports.jobs(t.teacher)).kind());
    }

    @Test
    void badRequestsAreRefusedClearly() {
        assertEquals(CartableException.Kind.BAD_REQUEST, assertThrows(CartableException.class,
                () -> t.imports.create(t.operator, "xml", null, null, Map.of())).kind());
        assertEquals(CartableException.Kind.BAD_REQUEST, assertThrows(CartableException.class,
                () -> t.imports.create(t.operator, "onde", "2026", null, Map.of())).kind());
        String job = t.imports.create(t.operator, "onde", null, null, Map.of()).id();
        assertEquals(CartableException.Kind.BAD_REQUEST, assertThrows(CartableException.class,
                () -> t.imports.start(t.operator, job, true)).kind(), "no file yet");
        assertEquals(CartableException.Kind.BAD_REQUEST, assertThrows(CartableException.class,
                () -> t.imports.upload(t.operator, job, "../etc", new ByteArrayInputStream(new byte[0]), false))
                .kind());
    }

    @Test
    void aMissingColumnFailsTheJobWithItsName() {
        JobView job = t.imports.create(t.operator, "onde", null, t.collectivityId, Map.of());
        t.imports.upload(t.operator, job.id(), "pupils",
                new ByteArrayInputStream("Nom élève;Prénom élève\nA;B\n".getBytes(StandardCharsets.UTF_8)), false);
        JobView failed = t.imports.start(t.operator, job.id(), false);
        assertEquals(JobState.FAILED, failed.state());
        assertTrue(failed.error().contains("Date naissance"), failed.error());
    }
}
