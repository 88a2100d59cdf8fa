package org.cartable.homework.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.cartable.api.Caller;
import org.cartable.api.Role;
import org.cartable.api.demo.DemoDirectory;
import org.cartable.testing.FakeSchool;
import org.cartable.testing.RecordingNotifications;
import org.cartable.testing.TestDatabase;
import org.junit.jupiter.api.Test;

/** The demo week: realistic entries in both demo classes, the weekly dictation, a few ticks. */
class HomeworkDemoContentTest {

    @Test
    void seedsAWeekOfHomeworkForCm1AAndCpB() {
        FakeSchool school = new FakeSchool(HomeworkApp.ID);
        Map<String, Caller> people = Map.of(
                "teacher", school.person("t1", "Marie Dupont", Role.TEACHER),
                "teacher2", school.person("t2", "Thomas Leroy", Role.TEACHER),
                "pupil", school.person("lea", "Léa Martin", Role.PUPIL),
                "a1.pupil3", school.person("emma", "Emma Bernard", Role.PUPIL),
                "pupilb", school.person("hugo", "Hugo Martin", Role.PUPIL));
        school.teach(people.get("teacher"), "A1");
        school.enrol(people.get("pupil"), "A1");
        school.enrol(people.get("a1.pupil3"), "A1");
        school.teach(people.get("teacher2"), "B1");
        school.enrol(people.get("pupilb"), "B1");
        try (TestDatabase db = new TestDatabase().migrate(HomeworkService.CHANGELOG)) {
            HomeworkService homework = TestHomework.service(db.jpa("cartable-homework"), school,
                    new RecordingNotifications());
            HomeworkDemoContent.create(homework).seed(new DemoDirectory() {
                @Override
                public Caller caller(String login) {
                    return people.get(login);
                }

                @Override
                public String classId(String className) {
                    return Map.of("CM1 A", "A1", "CP B", "B1").get(className);
                }

                @Override
                public Clock clock() {
                    return TestHomework.clock();
                }
            });
            // nothing shows until a teacher enables the app
            school.enable("A1", true);
            school.enable("B1", true);
            LocalDate monday = LocalDate.parse("2026-11-30");
            Week week = homework.week(people.get("teacher"), "A1", monday, null);
            List<Entry> entries = week.days().stream().flatMap(d -> d.entries().stream()).toList();
            assertEquals(6, entries.size());
            assertTrue(entries.stream().map(Entry::subject).toList().containsAll(
                    Set.of(Subject.FRENCH, Subject.MATHS, Subject.SCIENCES)));
            assertEquals(9, homework.due(people.get("teacher"), "A1", monday, 70, null).stream()
                    .filter(e -> e.frequency() == Frequency.WEEKLY).count(), "a dictation every week for 8 weeks");
            Entry maths = entries.stream().filter(e -> e.subject() == Subject.MATHS).findFirst().orElseThrow();
            assertEquals(2, maths.doneCount());
            assertEquals(Boolean.TRUE, homework.entry(people.get("pupil"), "A1", maths.id(), null).done());
            assertEquals(4, homework.week(people.get("pupilb"), "B1", monday, null).days().stream()
                    .mapToInt(d -> d.entries().size()).sum());
        }
    }
}
