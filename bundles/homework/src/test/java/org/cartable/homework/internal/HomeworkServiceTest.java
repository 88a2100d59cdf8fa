package org.cartable.homework.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.apache.aries.jpa.template.JpaTemplate;
import org.cartable.api.Caller;
import org.cartable.api.CartableException;
import org.cartable.api.CartableException.Kind;
import org.cartable.api.ClassRelation;
import org.cartable.api.Role;
import org.cartable.api.notify.Notice;
import org.cartable.testing.FakeSchool;
import org.cartable.testing.RecordingNotifications;
import org.cartable.testing.ScriptStripper;
import org.cartable.testing.TestDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/** The diary's rules on the real changelog and persistence unit, over in-memory Derby. */
class HomeworkServiceTest {

    private static final LocalDate MONDAY = LocalDate.parse("2026-11-30");
    private static final LocalDate TODAY = LocalDate.parse("2026-12-02");

    private static TestDatabase db;
    private static JpaTemplate jpa;

    /* Each test works in classes of its own, on one database. */
    private final String classA = "a-" + UUID.randomUUID();
    private final String classB = "b-" + UUID.randomUUID();

    private final FakeSchool school = new FakeSchool(HomeworkApp.ID);
    private final Caller teacher = school.person("teacher", "Marie Dupont", Role.TEACHER);
    private final Caller director = school.person("director", "Philippe Garnier", Role.DIRECTOR);
    private final Caller lea = school.person("lea", "Léa Martin", Role.PUPIL);
    private final Caller nathan = school.person("nathan", "Nathan Petit", Role.PUPIL);
    private final Caller hugo = school.person("hugo", "Hugo Martin", Role.PUPIL);
    private final Caller sophie = school.person("sophie", "Sophie Martin", Role.PARENT);
    private final Caller karim = school.person("karim", "Karim Petit", Role.PARENT);
    private final Caller teacher2 = school.person("teacher2", "Thomas Leroy", Role.TEACHER);
    private final RecordingNotifications notifications = new RecordingNotifications();

    private HomeworkService homework;

    @BeforeAll
    static void openDatabase() {
        db = new TestDatabase().migrate(HomeworkService.CHANGELOG);
        jpa = db.jpa("cartable-homework");
    }

    @AfterAll
    static void closeDatabase() {
        db.close();
    }

    @BeforeEach
    void setUp() {
        school.teach(teacher, classA);
        school.relate(director, new ClassRelation(classA, false, true, false, List.of()));
        school.enrol(lea, classA);
        school.enrol(nathan, classA);
        school.parent(karim, classA, "nathan");
        // Sophie has Léa in A and Hugo in B
        school.parent(sophie, classA, "lea");
        school.parent(sophie, classB, "hugo");
        school.teach(teacher2, classB);
        school.enrol(hugo, classB);
        school.enable(classA, true);
        school.enable(classB, true);
        homework = TestHomework.service(jpa, school, notifications);
    }

    private Entry maths(Caller author, String classId) {
        return homework.create(author, classId, EntryInput.once(MONDAY, Subject.MATHS, "Exercices p. 42",
                "<p>Les <b>fractions</b></p>", MONDAY.plusDays(2)));
    }

    // ---------------------------------------------------------------------------------------------------- writing

    @Test
    void teachersAndTheDirectorWriteReadersDoNot() {
        Entry entry = maths(teacher, classA);
        assertEquals(Subject.MATHS, entry.subject());
        assertEquals("Marie Dupont", entry.authorName());
        assertEquals(Frequency.ONCE, entry.frequency());
        assertNull(entry.seriesId());
        assertNotNull(maths(director, classA));
        for (Caller reader : List.of(lea, karim, sophie)) {
            assertRefused(Kind.FORBIDDEN, () -> maths(reader, classA));
        }
        assertRefused(Kind.NOT_FOUND, () -> maths(teacher2, classA));
    }

    @Test
    void contentIsSanitisedAndInputChecked() {
        Entry entry = homework.create(teacher, classA, EntryInput.once(MONDAY, Subject.FRENCH, "  Dictée   du jeudi ",
                "<p>Mots</p><script>steal()</script>", null));
        assertEquals("<p>Mots</p>", entry.content());
        assertEquals("Dictée du jeudi", entry.title());
        assertFalse(entry.hasWork());

        assertRefused(Kind.BAD_REQUEST, () -> homework.create(teacher, classA,
                EntryInput.once(MONDAY, Subject.FRENCH, " ", "x", null)));
        assertRefused(Kind.BAD_REQUEST, () -> homework.create(teacher, classA,
                EntryInput.once(MONDAY, Subject.FRENCH, "x".repeat(201), "x", null)));
        assertRefused(Kind.BAD_REQUEST, () -> homework.create(teacher, classA,
                EntryInput.once(MONDAY, null, "Titre", "x", null)));
        assertRefused(Kind.BAD_REQUEST, () -> homework.create(teacher, classA,
                EntryInput.once(null, Subject.MATHS, "Titre", "x", null)));
        // the work is due after the entry's date
        assertRefused(Kind.BAD_REQUEST, () -> homework.create(teacher, classA,
                EntryInput.once(MONDAY, Subject.MATHS, "Titre", "x", MONDAY)));
        assertRefused(Kind.BAD_REQUEST, () -> homework.create(teacher, classA,
                EntryInput.once(MONDAY, Subject.MATHS, "Titre", "x".repeat(HomeworkService.CONTENT_MAX + 1), null)));
        // nothing was stored by the refusals
        assertEquals(1, homework.day(teacher, classA, MONDAY, null).size());
    }

    @Test
    void aDisabledAppOrAnOutsiderSeesNothing() {
        maths(teacher, classA);
        school.enable(classA, false);
        assertRefused(Kind.FORBIDDEN, () -> homework.week(lea, classA, MONDAY, null));
        assertRefused(Kind.FORBIDDEN, () -> maths(teacher, classA));
        school.enable(classA, true);
        assertRefused(Kind.NOT_FOUND, () -> homework.week(hugo, classA, MONDAY, null));
        assertRefused(Kind.NOT_FOUND, () -> homework.week(teacher2, classA, MONDAY, null));
        // an entry of class A cannot be read through class B
        Entry entry = maths(teacher, classA);
        assertRefused(Kind.NOT_FOUND, () -> homework.entry(teacher2, classB, entry.id(), null));
        assertRefused(Kind.NOT_FOUND, () -> homework.setDone(hugo, classB, entry.id(), null, true));
    }

    // ---------------------------------------------------------------------------------------------------- views

    @Test
    void theWeekRunsFromMondayToSundayInDiaryOrder() {
        homework.create(teacher, classA, EntryInput.once(MONDAY, Subject.SCIENCES, "Le cycle de l'eau", "", null));
        maths(teacher, classA);
        homework.create(teacher, classA, EntryInput.once(MONDAY.plusDays(7), Subject.FRENCH, "Next week", "", null));

        Week week = homework.week(lea, classA, TODAY, null);
        assertEquals(MONDAY, week.monday());
        assertEquals(7, week.days().size());
        assertEquals(MONDAY.plusDays(6), week.days().get(6).date());
        assertEquals(List.of("Exercices p. 42", "Le cycle de l'eau"),
                week.days().get(0).entries().stream().map(Entry::title).toList());
        assertEquals("lea", week.pupilId());
        assertFalse(week.mayWrite());
        assertTrue(homework.week(teacher, classA, null, null).mayWrite(), "null means this week");
        assertEquals(1, homework.week(lea, classA, MONDAY.plusDays(9), null).days().get(0).entries().size());
    }

    @Test
    void dueWorkListsWhatIsToDoSoonestFirst() {
        maths(teacher, classA); // due Wednesday
        homework.create(teacher, classA, EntryInput.once(MONDAY.plusDays(1), Subject.FRENCH, "Poésie", "",
                MONDAY.plusDays(8)));
        homework.create(teacher, classA, EntryInput.once(MONDAY.plusDays(1), Subject.HISTORY, "Sans travail", "",
                null));
        homework.create(teacher, classA, EntryInput.once(MONDAY.minusDays(7), Subject.MATHS, "Passé", "",
                MONDAY.minusDays(5)));
        assertEquals(List.of("Exercices p. 42", "Poésie"),
                homework.due(lea, classA, null, 14, null).stream().map(Entry::title).toList());
        assertEquals(List.of("Exercices p. 42"),
                homework.due(lea, classA, null, 3, null).stream().map(Entry::title).toList());
    }

    // ---------------------------------------------------------------------------------------------------- ticks

    @Test
    void aPupilTicksForThemselfAndTheTeacherSeesTheCount() {
        Entry entry = maths(teacher, classA);
        Entry ticked = homework.setDone(lea, classA, entry.id(), null, true);
        assertEquals(Boolean.TRUE, ticked.done());
        assertNull(ticked.doneCount(), "readers do not see the class's counts");
        // ticking twice changes nothing
        homework.setDone(lea, classA, entry.id(), null, true);
        assertEquals(Boolean.FALSE, homework.entry(nathan, classA, entry.id(), null).done(),
                "Léa's tick is hers alone");

        Entry seenByTeacher = homework.entry(teacher, classA, entry.id(), null);
        assertNull(seenByTeacher.done());
        assertEquals(1, seenByTeacher.doneCount());
        assertEquals(2, seenByTeacher.pupilCount());
        Completion completion = homework.completion(teacher, classA, entry.id());
        assertEquals(1, completion.done());
        assertEquals(2, completion.total());
        assertEquals(Set.of("lea"), completion.pupils().stream().filter(Completion.PupilDone::done)
                .map(Completion.PupilDone::pupilId).collect(java.util.stream.Collectors.toSet()));
        assertRefused(Kind.FORBIDDEN, () -> homework.completion(lea, classA, entry.id()));

        homework.setDone(lea, classA, entry.id(), null, false);
        assertEquals(0, homework.entry(teacher, classA, entry.id(), null).doneCount());
    }

    @Test
    void aParentTicksForTheirOwnChildOnly() {
        Entry entry = maths(teacher, classA);
        // Sophie has one child in A: Léa, implied or named
        assertEquals(Boolean.TRUE, homework.setDone(sophie, classA, entry.id(), null, true).done());
        assertEquals(Boolean.TRUE, homework.entry(lea, classA, entry.id(), null).done());
        assertEquals(Boolean.TRUE, homework.entry(sophie, classA, entry.id(), "lea").done());
        // not for another pupil of the class, nor for her child of another class
        assertRefused(Kind.NOT_FOUND, () -> homework.setDone(sophie, classA, entry.id(), "nathan", true));
        assertRefused(Kind.NOT_FOUND, () -> homework.setDone(sophie, classA, entry.id(), "hugo", true));
        assertRefused(Kind.NOT_FOUND, () -> homework.week(karim, classA, MONDAY, "lea"));
        // a pupil cannot act for a classmate
        assertRefused(Kind.NOT_FOUND, () -> homework.setDone(nathan, classA, entry.id(), "lea", true));
        // staff do not tick
        assertRefused(Kind.FORBIDDEN, () -> homework.setDone(teacher, classA, entry.id(), null, true));
        assertEquals(1, homework.entry(teacher, classA, entry.id(), null).doneCount());
        assertEquals(Boolean.FALSE, homework.entry(nathan, classA, entry.id(), null).done());
    }

    @Test
    void aParentWithTwoChildrenInTheClassNamesOne() {
        Caller twinsParent = school.person("twins-parent", "Anne Petit", Role.PARENT);
        school.parent(twinsParent, classA, "lea", "nathan");
        Entry entry = maths(teacher, classA);
        assertRefused(Kind.BAD_REQUEST, () -> homework.setDone(twinsParent, classA, entry.id(), null, true));
        assertEquals(Boolean.TRUE, homework.setDone(twinsParent, classA, entry.id(), "nathan", true).done());
        assertEquals(Boolean.FALSE, homework.entry(twinsParent, classA, entry.id(), "lea").done());
        // writing is refused as such, not for want of a child
        assertRefused(Kind.FORBIDDEN, () -> maths(twinsParent, classA));
        assertRefused(Kind.FORBIDDEN, () -> homework.completion(twinsParent, classA, entry.id()));
    }

    @Test
    void onlyEntriesWithWorkCanBeTicked() {
        Entry noWork = homework.create(teacher, classA, EntryInput.once(MONDAY, Subject.HISTORY, "Les châteaux",
                "", null));
        assertRefused(Kind.CONFLICT, () -> homework.setDone(lea, classA, noWork.id(), null, true));
    }

    @Test
    void pupilsWhoLeftNoLongerCount() {
        Entry entry = maths(teacher, classA);
        homework.setDone(nathan, classA, entry.id(), null, true);
        homework.setDone(lea, classA, entry.id(), null, true);
        school.leave(nathan, classA);
        Entry seen = homework.entry(teacher, classA, entry.id(), null);
        assertEquals(1, seen.doneCount());
        assertEquals(1, seen.pupilCount());
    }

    // ---------------------------------------------------------------------------------------------------- recurrence

    @Test
    void weeklyAndFortnightlySeriesAreMaterialisedOnePerDate() {
        Entry first = homework.create(teacher, classA, new EntryInput(MONDAY, Subject.FRENCH, "Dictée",
                "<p>Mots</p>", MONDAY.plusDays(3), Frequency.WEEKLY, MONDAY.plusWeeks(3).plusDays(2)));
        assertEquals(Frequency.WEEKLY, first.frequency());
        assertNotNull(first.seriesId());
        List<Entry> dictations = homework.due(teacher, classA, MONDAY, 60, null);
        assertEquals(4, dictations.size(), "Mondays 30/11, 7/12, 14/12, 21/12");
        assertEquals(List.of(MONDAY, MONDAY.plusWeeks(1), MONDAY.plusWeeks(2), MONDAY.plusWeeks(3)),
                dictations.stream().map(Entry::date).toList());
        assertTrue(dictations.stream().allMatch(e -> e.dueDate().equals(e.date().plusDays(3))),
                "each occurrence keeps the due date's distance");

        homework.create(teacher, classA, new EntryInput(MONDAY, Subject.MUSIC, "Chant", "", null,
                Frequency.BIWEEKLY, MONDAY.plusWeeks(6)));
        // dictation every Monday, singing every other Monday
        assertEquals(2, homework.week(teacher, classA, MONDAY, null).days().get(0).entries().size());
        assertEquals(2, homework.week(teacher, classA, MONDAY.plusWeeks(2), null).days().get(0).entries().size());
        assertEquals(1, homework.week(teacher, classA, MONDAY.plusWeeks(1), null).days().get(0).entries().size());

        assertRefused(Kind.BAD_REQUEST, () -> homework.create(teacher, classA, new EntryInput(MONDAY,
                Subject.FRENCH, "Sans fin", "", null, Frequency.WEEKLY, null)));
        assertRefused(Kind.BAD_REQUEST, () -> homework.create(teacher, classA, new EntryInput(MONDAY,
                Subject.FRENCH, "Trop long", "", null, Frequency.WEEKLY, MONDAY.plusYears(2))));
        assertRefused(Kind.BAD_REQUEST, () -> homework.create(teacher, classA, new EntryInput(MONDAY,
                Subject.FRENCH, "À l'envers", "", null, Frequency.WEEKLY, MONDAY.minusDays(1))));
    }

    @Test
    void editingThisOccurrenceOrThisAndTheFollowingOnes() {
        homework.create(teacher, classA, new EntryInput(MONDAY, Subject.FRENCH, "Dictée", "", MONDAY.plusDays(3),
                Frequency.WEEKLY, MONDAY.plusWeeks(3)));
        List<Entry> all = homework.due(teacher, classA, MONDAY, 60, null);
        assertEquals(4, all.size());

        // the second one alone
        homework.update(teacher, classA, all.get(1).id(), EntryInput.once(all.get(1).date(), Subject.FRENCH,
                "Dictée bilan", "<p>Tous les mots</p>", all.get(1).date().plusDays(3)), Scope.THIS);
        assertEquals(List.of("Dictée", "Dictée bilan", "Dictée", "Dictée"), titles(MONDAY));

        // the third and the following ones move to Tuesday, work due 2 days later
        Entry third = all.get(2);
        Entry moved = homework.update(teacher, classA, third.id(), EntryInput.once(third.date().plusDays(1),
                Subject.FRENCH, "Dictée du mardi", "", third.date().plusDays(3)), Scope.FOLLOWING);
        assertEquals(third.date().plusDays(1), moved.date());
        List<Entry> after = homework.due(teacher, classA, MONDAY, 60, null);
        assertEquals(List.of("Dictée", "Dictée bilan", "Dictée du mardi", "Dictée du mardi"),
                after.stream().map(Entry::title).toList());
        assertEquals(List.of(MONDAY, MONDAY.plusWeeks(1), MONDAY.plusWeeks(2).plusDays(1),
                MONDAY.plusWeeks(3).plusDays(1)), after.stream().map(Entry::date).toList());
        assertEquals(after.get(3).date().plusDays(2), after.get(3).dueDate());
        assertRefused(Kind.FORBIDDEN, () -> homework.update(lea, classA, third.id(), EntryInput.once(MONDAY,
                Subject.FRENCH, "x", "", null), Scope.THIS));
    }

    @Test
    void deletingThisOccurrenceOrThisAndTheFollowingOnes() {
        homework.create(teacher, classA, new EntryInput(MONDAY, Subject.FRENCH, "Dictée", "", MONDAY.plusDays(3),
                Frequency.WEEKLY, MONDAY.plusWeeks(4)));
        List<Entry> all = homework.due(teacher, classA, MONDAY, 60, null);
        assertEquals(5, all.size());
        homework.setDone(lea, classA, all.get(3).id(), null, true);

        homework.delete(teacher, classA, all.get(1).id(), Scope.THIS);
        assertEquals(4, homework.due(teacher, classA, MONDAY, 60, null).size());
        homework.delete(teacher, classA, all.get(3).id(), Scope.FOLLOWING);
        assertEquals(List.of(MONDAY, MONDAY.plusWeeks(2)),
                homework.due(teacher, classA, MONDAY, 60, null).stream().map(Entry::date).toList());
        assertRefused(Kind.NOT_FOUND, () -> homework.entry(lea, classA, all.get(4).id(), null));
        assertRefused(Kind.FORBIDDEN, () -> homework.delete(karim, classA, all.get(0).id(), Scope.THIS));
        homework.delete(teacher, classA, all.get(0).id(), Scope.FOLLOWING);
        assertTrue(homework.due(teacher, classA, MONDAY, 60, null).isEmpty());
    }

    // ---------------------------------------------------------------------------------------------------- notices

    @Test
    void newAndChangedEntriesNotifyThePupilsAndTheirParents() {
        Entry entry = maths(teacher, classA);
        assertEquals(1, notifications.published().size());
        Notice notice = notifications.published().get(0);
        assertEquals(HomeworkApp.ID, notice.appId());
        assertEquals(HomeworkApp.NOTICE_NEW, notice.type());
        assertEquals(classA, notice.classId());
        assertEquals("teacher", notice.actorId());
        assertEquals(Set.of("lea", "nathan"), notice.audience().pupilsAndParents());
        assertEquals("homework/" + classA + "?date=2026-11-30", notice.link());
        assertEquals("Mathématiques : Exercices p. 42, pour le mercredi 2 décembre",
                notice.text().in(java.util.Locale.FRENCH));
        assertEquals("Maths: Exercices p. 42, due Wednesday, December 2", notice.text().in(java.util.Locale.ENGLISH));

        homework.update(teacher, classA, entry.id(), EntryInput.once(MONDAY, Subject.MATHS, "Exercices p. 43", "",
                null), Scope.THIS);
        assertEquals(HomeworkApp.NOTICE_CHANGED, notifications.published().get(1).type());
        assertEquals("Modifié – Mathématiques : Exercices p. 43 (le lundi 30 novembre)",
                notifications.published().get(1).text().in(java.util.Locale.FRENCH));

        // the app declares both types
        assertEquals(List.of(HomeworkApp.NOTICE_NEW, HomeworkApp.NOTICE_CHANGED),
                new HomeworkApp().noticeTypes().stream().map(t -> t.id()).toList());
    }

    @Test
    void theDiaryWorksWithoutNotificationsOrWhenTheyFail() {
        HomeworkService alone = HomeworkService.create(jpa, school, school, new ScriptStripper(),
                HomeworkNotices.create(null), TestHomework.clock());
        assertNotNull(alone.create(teacher, classA, EntryInput.once(MONDAY, Subject.ARTS, "Dessin", "", null)));
        notifications.failing(true);
        Entry stored = maths(teacher, classA);
        assertEquals(stored.title(), homework.entry(lea, classA, stored.id(), null).title());
    }

    // ---------------------------------------------------------------------------------------------------- demo

    @Test
    void demoSeedingWritesAsTheTeacherEvenBeforeTheAppIsEnabled() {
        school.enable(classA, false);
        Entry seeded = homework.seedEntry(teacher, classA, EntryInput.once(MONDAY, Subject.MATHS, "Démo", "",
                MONDAY.plusDays(1)));
        homework.seedDone(lea, classA, seeded.id());
        assertRefused(Kind.FORBIDDEN, () -> homework.seedEntry(lea, classA, EntryInput.once(MONDAY, Subject.MATHS,
                "Non", "", null)));
        assertTrue(notifications.published().isEmpty(), "demo content sends no notices");
        school.enable(classA, true);
        assertEquals(1, homework.entry(teacher, classA, seeded.id(), null).doneCount());
    }

    private List<String> titles(LocalDate from) {
        return homework.due(teacher, classA, from, 60, null).stream().map(Entry::title).toList();
    }

    private static void assertRefused(Kind kind, Executable call) {
        CartableException refused = assertThrows(CartableException.class, call);
        assertEquals(kind, refused.kind(), refused::getMessage);
    }
}
