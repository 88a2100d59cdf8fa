package org.cartable.directoryimport.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.cartable.core.service.PasswordChangeRequired;
import org.cartable.directoryimport.internal.job.JobState;
import org.cartable.directoryimport.internal.job.JobView;
import org.cartable.directoryimport.internal.job.JobView.Summary;
import org.cartable.directoryimport.internal.sheets.ConnectionSheets;
import org.cartable.directoryimport.internal.sheets.Credential;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The staff file (enseignants.csv), Windows-1252 and UTF-8, end to end on the real directory: the schools and classes
 * come from an ONDE import first (0451111A: "CP A", "CE1-CE2"; 0452222B: "CM1").
 */
class StaffImportTest {

    private final TestImports t = new TestImports();

    @BeforeEach
    void pupils() {
        String job = t.job("onde", t.collectivityId, Map.of(), Map.of("pupils", "onde/eleves-latin1.csv"));
        assertEquals(JobState.DONE, t.imports.start(t.operator, job, false).state());
    }

    @AfterEach
    void close() {
        t.close();
    }

    private String staffJob() {
        return t.job("staff", null, Map.of(), Map.of("teachers", "staff/enseignants-1252.csv"));
    }

    private long teachers() {
        return t.count("select count(p) from Person p join p.roles r where r = org.cartable.api.Role.TEACHER");
    }

    private long assignments() {
        return t.count("select count(a) from TeacherAssignment a");
    }

    @Test
    void dryRunThenRunCreatesTeachersAssignsThemAndRejectsBadLinesWithReasons() throws IOException {
        String job = staffJob();
        JobView dry = t.imports.start(t.operator, job, true);
        assertEquals(JobState.DONE, dry.state(), () -> String.valueOf(dry.error()));
        assertEquals(2, dry.summary().staff().teachersCreated(), dry.summary()::toString);
        assertEquals(0, teachers(), "a dry run writes nothing");

        JobView done = t.imports.start(t.operator, job, false);
        assertEquals(JobState.DONE, done.state(), () -> String.valueOf(done.error()));
        assertEquals(100, done.percent());
        Summary s = done.summary();
        assertEquals(2, s.schools(), s::toString);
        assertEquals(1, s.schoolsFailed(), "0452222B names a class it does not have: " + s);
        assertEquals(2, s.staff().teachersCreated(), s::toString);
        assertEquals(3, s.staff().assignmentsCreated(), s::toString);
        assertEquals(1, s.staff().directorsChanged(), s::toString);
        assertEquals(4, s.rejectedLines(), s::toString);
        assertEquals(2, teachers(), "nothing partial for 0452222B: Amélie Garnier is not created");

        String report = t.rejected(job);
        assertTrue(report.contains("teachers;5;invalid e-mail address 'pas-une-adresse'"), report);
        assertTrue(report.contains("teachers;8;missing UAI"), report);
        assertTrue(report.contains("teachers;7;unknown class 'CM2 Z' in school 0452222B for 2026-2027"
                + " (the school has: CM1)"), report);
        assertTrue(report.contains("teachers;6;school 0452222B not imported: errors on other lines"), report);

        List<Credential> credentials = t.imports.credentials(t.operator, job);
        assertEquals(List.of("francois.dupre", "helene.lemaitre"),
                credentials.stream().map(c -> c.account().login()).sorted().toList());
        Credential helene = credentials.stream().filter(c -> c.account().login().equals("helene.lemaitre"))
                .findFirst().orElseThrow();
        assertThrows(PasswordChangeRequired.class, () -> t.accounts().authenticate("helene.lemaitre",
                helene.account().initialPassword(), null, "x"));
        assertEquals(helene.account().personId(), t.accounts().authenticate("helene.lemaitre",
                helene.account().initialPassword(), "helene-secret-1", "x").userId());
        assertEquals(List.of("CE1-CE2", "CP A"), t.jpa.txExpr(em -> em.createQuery("select a.schoolClass.name"
                + " from TeacherAssignment a where a.teacher.id = :p order by a.schoolClass.name", String.class)
                .setParameter("p", helene.account().personId()).getResultList()));
        assertEquals(1L, t.count("select count(d) from DirectorAssignment d where d.director.loginKey ="
                + " 'helene.lemaitre'"));

        ByteArrayOutputStream pdf = new ByteArrayOutputStream();
        ConnectionSheets.write(credentials, Locale.FRENCH, "https://ent.example/app/", pdf);
        try (PDDocument document = Loader.loadPDF(pdf.toByteArray())) {
            String text = new PDFTextStripper().getText(document);
            assertTrue(text.contains("Enseignant(e) : Hélène Lemaître"), text);
            assertTrue(text.contains("Identifiant : francois.dupre"), text);
        }
    }

    @Test
    void reimportMatchesTheSameTeachersAndAppliesClassChanges() {
        assertEquals(JobState.DONE, t.imports.start(t.operator, staffJob(), false).state());
        long before = t.count("select count(p) from Person p");

        Summary again = t.imports.start(t.operator, staffJob(), false).summary();
        assertEquals(0, again.staff().teachersCreated() + again.staff().assignmentsCreated()
                + again.staff().assignmentsRemoved() + again.staff().directorsChanged(), again::toString);
        assertEquals(2, again.unchanged(), again::toString);

        // UTF-8 with BOM this time: Hélène now only teaches CE1-CE2; François is matched by school and names.
        JobView job = t.imports.create(t.operator, "staff", TestImports.YEAR, null, Map.of());
        t.uploadText(job.id(), "teachers", "\uFEFFUAI école;Classe;Nom;Prénom;Courriel;Direction\n"
                + "0451111A;CE1-CE2;Lemaître;Hélène;Helene.Lemaitre@ac-test.fr;oui\n"
                + "0451111A;CE1-CE2;DUPRÉ;François;;\n", StandardCharsets.UTF_8);
        Summary moved = t.imports.start(t.operator, job.id(), false).summary();
        assertEquals(0, moved.staff().teachersCreated(), moved::toString);
        assertEquals(1, moved.staff().assignmentsRemoved(), moved::toString);
        assertEquals(0, moved.rejectedLines(), moved::toString);
        assertEquals(before, t.count("select count(p) from Person p"), "nobody duplicated");
        assertEquals(2, assignments());
        assertTrue(t.imports.credentials(t.operator, job.id()).isEmpty(), "no new code for known teachers");
    }

    @Test
    void aFileWithoutTheRequiredColumnsFailsClearly() {
        JobView job = t.imports.create(t.operator, "staff", TestImports.YEAR, null, Map.of());
        t.uploadText(job.id(), "teachers", "UAI;Nom;Prénom\n0451111A;Dupré;François\n", StandardCharsets.UTF_8);
        JobView failed = t.imports.start(t.operator, job.id(), false);
        assertEquals(JobState.FAILED, failed.state());
        assertTrue(failed.error().contains("Classe"), failed.error());
        assertNull(failed.summary());
    }
}
