package org.cartable.homework.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;

import org.cartable.api.Caller;
import org.cartable.api.Role;
import org.cartable.testing.QueryPlans;
import org.cartable.testing.FakeSchool;
import org.cartable.testing.RecordingNotifications;
import org.cartable.testing.TestDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestInstance.Lifecycle;

/**
 * A parent's homework week ({@code ?child=}) stays index lookups among a department's entries and ticks, and runs as
 * many statements for a week of 3 entries as for one of 10.
 */
@TestInstance(Lifecycle.PER_CLASS)
class HomeworkQueryPlanTest {

    private static final String A = "class-a";
    private static final String SMALL = "class-small";
    private static final LocalDate MONDAY = LocalDate.of(2026, 11, 23);
    private static final int OTHER_CLASSES = 200;
    private static final int OTHER_ENTRIES = 60;
    private static final String[] GROWING = {"HOMEWORK_ENTRY", "HOMEWORK_DONE", "HOMEWORK_SERIES"};

    private final FakeSchool school = new FakeSchool(HomeworkApp.ID);
    private final Caller teacher = school.person("teacher", "Mme Martin", Role.TEACHER);
    private final Caller teacherSmall = school.person("teacher-small", "M. Petit", Role.TEACHER);
    private final Caller lea = school.person("lea", "Léa", Role.PUPIL);
    private final Caller hugo = school.person("hugo", "Hugo", Role.PUPIL);
    private final Caller sophie = school.person("sophie", "Sophie", Role.PARENT);
    private TestDatabase db;
    private HomeworkService homework;

    @BeforeAll
    void seed() {
        school.teach(teacher, A);
        school.teach(teacherSmall, SMALL);
        school.enrol(lea, A);
        school.enrol(hugo, SMALL);
        school.parent(sophie, A, "lea");
        school.parent(sophie, SMALL, "hugo");
        school.enable(A, true);
        school.enable(SMALL, true);
        db = new TestDatabase().migrate(HomeworkService.CHANGELOG);
        homework = TestHomework.service(db.jpa("cartable-homework"), school, new RecordingNotifications());
        seedOtherClasses();
        write(teacher, A, "lea", 9);
        write(teacherSmall, SMALL, "hugo", 2);
        db.withoutStatistics();
    }

    /** One weekly series (one entry this week) and {@code once} single entries, half of them ticked by the child. */
    private void write(Caller author, String classId, String child, int once) {
        homework.create(author, classId, new EntryInput(MONDAY, Subject.MATHS, "Tables", "<p>x</p>", null,
                Frequency.WEEKLY, MONDAY.plusWeeks(8)));
        for (int i = 0; i < once; i++) {
            Entry entry = homework.create(author, classId, EntryInput.once(MONDAY.plusDays(i % 5), Subject.MATHS,
                    "Fiche " + i, "<p>Exercices</p>", MONDAY.plusDays(i % 5 + 1)));
            if (i % 2 == 0) {
                homework.setDone(sophie, classId, entry.id(), child, true);
            }
        }
    }

    @AfterAll
    void close() {
        db.close();
    }

    /** The rest of the department: 12 000 entries around this week, 25 ticks each, one series a class. */
    private void seedOtherClasses() {
        Timestamp at = Timestamp.from(Instant.parse("2026-09-10T08:00:00Z"));
        db.insertRows("insert into HOMEWORK_SERIES (ID, CLASS_ID, FREQUENCY, FIRST_DATE, LAST_DATE, CREATED_AT)"
                        + " values (?, ?, ?, ?, ?, ?)", OTHER_CLASSES,
                i -> new Object[] {"s-" + i, "other-" + i, "WEEKLY", Date.valueOf(MONDAY.minusWeeks(10)),
                        Date.valueOf(MONDAY.plusWeeks(10)), at});
        int entries = OTHER_CLASSES * OTHER_ENTRIES;
        db.insertRows("insert into HOMEWORK_ENTRY (ID, CLASS_ID, SERIES_ID, ENTRY_DATE, SUBJECT, TITLE, CONTENT,"
                        + " DUE_DATE, AUTHOR_ID, CREATED_AT, UPDATED_AT) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                entries, i -> new Object[] {"e-" + i, "other-" + i / OTHER_ENTRIES,
                        i % 10 == 0 ? "s-" + i / OTHER_ENTRIES : null,
                        Date.valueOf(MONDAY.minusDays(30).plusDays(i % OTHER_ENTRIES)), "MATHS", "Fiche",
                        "<p>x</p>", null, "t-" + i / OTHER_ENTRIES, at, at});
        db.insertRows("insert into HOMEWORK_DONE (ENTRY_ID, PUPIL_ID, TICKED_BY, TICKED_AT) values (?, ?, ?, ?)",
                entries * 25, i -> new Object[] {"e-" + i / 25, "o-" + i / 25 / OTHER_ENTRIES + "-" + i % 25,
                        "op-" + i % 25, at});
    }

    @Test
    void aParentsWeekIsIndexLookupsWhateverTheNumberOfEntries() {
        QueryPlans plans = db.queryPlans();
        QueryPlans.Captured<Week> many = plans.capture(() -> homework.week(sophie, A, MONDAY, "lea"));
        QueryPlans.Captured<Week> few = plans.capture(() -> homework.week(sophie, SMALL, MONDAY, "hugo"));
        assertEquals(10, many.result().days().stream().mapToInt(d -> d.entries().size()).sum());
        assertEquals(3, few.result().days().stream().mapToInt(d -> d.entries().size()).sum());
        assertEquals(5, many.result().days().stream().flatMap(d -> d.entries().stream())
                .filter(e -> Boolean.TRUE.equals(e.done())).count());
        System.out.println("[HomeworkQueryPlanTest] parent week 10 entries: " + many.report().statementCount()
                + " statements, whole reads " + many.report().fullScans() + ", rows visited "
                + many.report().rowsVisited());
        many.report().assertNoFullScanOf(GROWING);
        few.report().assertNoFullScanOf(GROWING);
        assertEquals(few.report().statementCount(), many.report().statementCount(),
                "statements for 3 entries vs 10:\n" + few.report() + "\n" + many.report());
    }
}
