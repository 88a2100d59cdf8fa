package org.cartable.directoryimport.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Map;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.cartable.api.Grade;
import org.cartable.core.internal.model.SchoolClass;
import org.cartable.directoryimport.internal.job.JobState;
import org.cartable.directoryimport.internal.job.JobView;
import org.cartable.directoryimport.internal.job.JobView.Summary;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** OneRoster 1.1 CSV, uploaded as one zip (files in a folder, as exports do). */
class OneRosterImportTest {

    private final TestImports t = new TestImports();

    @AfterEach
    void close() {
        t.close();
    }

    static byte[] zip() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            for (String name : new String[] {"manifest", "orgs", "academicSessions", "classes", "users",
                    "enrollments"}) {
                zip.putNextEntry(new ZipEntry("export/" + name + ".csv"));
                try (InputStream in = TestImports.resource("oneroster/" + name + ".csv")) {
                    in.transferTo(zip);
                }
                zip.closeEntry();
            }
        }
        return bytes.toByteArray();
    }

    private String job() throws IOException {
        JobView job = t.imports.create(t.operator, "oneroster", TestImports.YEAR, t.collectivityId, Map.of());
        t.imports.upload(t.operator, job.id(), "archive", new ByteArrayInputStream(zip()), false);
        return job.id();
    }

    @Test
    void importsTheSchoolItsClassesPupilsAndParents() throws IOException {
        String job = job();
        JobView done = t.imports.start(t.operator, job, false);
        assertEquals(JobState.DONE, done.state(), done::toString);
        Summary s = done.summary();
        assertEquals(1, s.schoolsCreated(), s::toString);
        assertEquals(2, s.classesCreated(), s::toString);
        assertEquals(3, s.pupilsCreated(), s::toString);
        assertEquals(3, s.guardiansCreated(), s::toString);
        assertEquals(4, s.linksCreated(), "Julie: Léna and Hugo; Marc: Hugo; Lina: Sarah (from Sarah's row)");
        assertEquals("École des Lilas", t.jpa.txExpr(em -> em.createQuery(
                "select s.name from School s where s.uai = '0453333C'", String.class).getSingleResult()));
        // Grades are loaded lazily: read them inside the transaction that loads the class.
        Set<Grade> grades = t.jpa.txExpr(em -> Set.copyOf(em.createQuery(
                "select c from SchoolClass c where c.name = 'CM1-CM2 Lilas'", SchoolClass.class).getSingleResult()
                .getGrades()));
        assertEquals(Set.of(Grade.CM1, Grade.CM2), grades, "US grades 04,05");

        String report = t.rejected(job);
        assertEquals(6, s.rejectedLines(), report);
        assertTrue(report.contains("orgs;4;missing UAI"), report);
        assertTrue(report.contains("classes;4;unknown grade '07'"), report);
        assertTrue(report.contains("enrollments;6;unknown class 'c9'"), report);
        assertTrue(report.contains("users;5;student enrolled in no class"), report);
        assertTrue(report.contains("users;6;missing givenName"), report);
        assertTrue(report.contains("users;11;parent linked to no student"), report);
        assertEquals(0L, t.count("select count(p) from Person p where p.lastName = 'Prof'"), "teachers are skipped");
    }

    @Test
    void reimportingChangesNothing() throws IOException {
        t.imports.start(t.operator, job(), false);
        Summary again = t.imports.start(t.operator, job(), false).summary();
        assertEquals(0, again.pupilsCreated() + again.guardiansCreated() + again.linksCreated()
                + again.classesCreated() + again.pupilsMoved() + again.preDeleted() + again.linksRemoved(),
                again::toString);
        assertEquals(6, again.unchanged());
    }
}
