package org.cartable.homework.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;

import org.apache.wicket.util.tester.FormTester;
import org.apache.wicket.util.tester.WicketTester;
import org.cartable.api.Caller;
import org.cartable.api.ClassAccess;
import org.cartable.api.Directory;
import org.cartable.api.Role;
import org.cartable.api.web.ClassAppPage;
import org.cartable.homework.internal.calendar.CalendarFeeds;
import org.cartable.homework.internal.web.HomeworkEntryPage;
import org.cartable.homework.internal.web.HomeworkPage;
import org.cartable.testing.FakeSchool;
import org.cartable.testing.RecordingNotifications;
import org.cartable.testing.TestDatabase;
import org.cartable.testing.web.EmbeddedFramework;
import org.cartable.testing.web.TestShell;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.osgi.framework.ServiceRegistration;

/** The pages over the real services and database; the platform's services are the test's fakes. */
class HomeworkPagesTest {

    private static final String CLASS_A = "class-a";
    private static final LocalDate MONDAY = LocalDate.parse("2026-11-30");

    private static final FakeSchool SCHOOL = new FakeSchool(HomeworkApp.ID);
    private static final Caller TEACHER = SCHOOL.person("teacher", "Marie Dupont", Role.TEACHER);
    private static final Caller LEA = SCHOOL.person("lea", "Léa Martin", Role.PUPIL);
    private static final Caller NATHAN = SCHOOL.person("nathan", "Nathan Petit", Role.PUPIL);
    private static final Caller PARENT = SCHOOL.person("parent", "Sophie Martin", Role.PARENT);
    private static final Caller OUTSIDER = SCHOOL.person("outsider", "Anne Blanc", Role.PARENT);

    private static TestDatabase db;
    private static HomeworkService homework;
    private static List<ServiceRegistration<?>> registrations;

    private TestShell shell;
    private WicketTester tester;

    @BeforeAll
    static void startServices() {
        SCHOOL.teach(TEACHER, CLASS_A);
        SCHOOL.enrol(LEA, CLASS_A);
        SCHOOL.enrol(NATHAN, CLASS_A);
        SCHOOL.parent(PARENT, CLASS_A, "lea");
        SCHOOL.enable(CLASS_A, true);
        db = new TestDatabase().migrate(HomeworkService.CHANGELOG);
        var jpa = db.jpa("cartable-homework");
        homework = TestHomework.service(jpa, SCHOOL, new RecordingNotifications());
        var context = EmbeddedFramework.context();
        registrations = List.of(
                context.registerService(ClassAccess.class, SCHOOL, null),
                context.registerService(Directory.class, SCHOOL, null),
                context.registerService(HomeworkService.class, homework, null),
                context.registerService(CalendarFeeds.class,
                        CalendarFeeds.create(jpa, SCHOOL, SCHOOL, SCHOOL, homework), null));
    }

    @AfterAll
    static void stopServices() {
        registrations.forEach(ServiceRegistration::unregister);
        db.close();
    }

    @BeforeEach
    void startTester() {
        shell = new TestShell();
        tester = shell.newTester();
    }

    @AfterEach
    void stopTester() {
        tester.destroy();
    }

    @Test
    void aTeacherWritesARecurringEntryAndSeesTheCompletionCount() {
        shell.signIn(TEACHER);
        tester.startPage(HomeworkPage.class, ClassAppPage.forClass(CLASS_A).add("date", MONDAY.toString()));
        tester.assertRenderedPage(HomeworkPage.class);
        tester.assertVisible("newEntry");
        tester.assertContains("Semaine du lundi 30 novembre");

        FormTester form = tester.newFormTester("newEntry");
        form.setValue("entryDate", "2026-11-30");
        form.select("subject", Subject.FRENCH.ordinal());
        form.setValue("title", "Dictée <du jeudi>");
        form.setValue("content", "Apprendre les mots.\n\nListe dans le cahier rouge.");
        form.setValue("dueDate", "2026-12-03");
        form.select("frequency", Frequency.WEEKLY.ordinal());
        form.setValue("until", "2026-12-21");
        form.submit("save");
        tester.assertNoErrorMessage();

        List<Entry> dictations = homework.due(TEACHER, CLASS_A, MONDAY, 60, null).stream()
                .filter(e -> e.title().equals("Dictée <du jeudi>")).toList();
        assertEquals(4, dictations.size());
        assertEquals("<p>Apprendre les mots.</p><p>Liste dans le cahier rouge.</p>", dictations.get(0).content());
        homework.setDone(LEA, CLASS_A, dictations.get(0).id(), null, true);

        tester.startPage(HomeworkPage.class, ClassAppPage.forClass(CLASS_A).add("date", MONDAY.toString()));
        // the title is text, escaped in the page; the count says 1 of the 2 pupils
        tester.assertContains("Dictée &lt;du jeudi&gt;");
        tester.assertContains("1/2 ont fait le travail");
        assertPageSerializable();

        tester.startPage(HomeworkEntryPage.class, entryParameters(dictations.get(0).id()));
        tester.assertVisible("completion");
        tester.assertContains("Léa Martin");
        tester.assertVisible("edit:scopeRow");
        assertPageSerializable();
    }

    @Test
    void aParentTicksForTheirChild() {
        Entry entry = homework.create(TEACHER, CLASS_A, EntryInput.once(homework.today(), Subject.MATHS,
                "Exercices p. 42", "<p>Fractions</p>", homework.today().plusDays(2)));
        shell.signIn(PARENT);
        tester.startPage(HomeworkPage.class, ClassAppPage.forClass(CLASS_A));
        tester.assertLabel("forChild", "Pour Léa");
        tester.assertInvisible("newEntry");
        tester.assertContains("Exercices p. 42");
        tester.assertContains("Marquer comme fait");

        tester.newFormTester("due:entry:0:doneForm").submit("toggle");
        tester.assertNoErrorMessage();
        assertEquals(Boolean.TRUE, homework.entry(LEA, CLASS_A, entry.id(), null).done());
        assertEquals(Boolean.FALSE, homework.entry(NATHAN, CLASS_A, entry.id(), null).done());
        tester.assertContains("✓ Fait");
        assertPageSerializable();

        // and back, from the entry's own page
        tester.startPage(HomeworkEntryPage.class, entryParameters(entry.id()));
        tester.assertInvisible("edit");
        tester.assertInvisible("completion");
        tester.newFormTester("doneForm").submit("toggle");
        assertEquals(Boolean.FALSE, homework.entry(LEA, CLASS_A, entry.id(), null).done());
        assertPageSerializable();
    }

    @Test
    void aTeacherChangesTheFollowingOccurrencesAndDeletesAfterConfirming() {
        Entry first = homework.create(TEACHER, CLASS_A, new EntryInput(MONDAY.plusWeeks(10), Subject.MUSIC,
                "Chorale", "", null, Frequency.BIWEEKLY, MONDAY.plusWeeks(16)));
        shell.signIn(TEACHER);
        tester.startPage(HomeworkEntryPage.class, entryParameters(first.id()));
        FormTester form = tester.newFormTester("edit");
        form.setValue("title", "Chorale de Noël");
        form.select("scopeRow:scope", Scope.FOLLOWING.ordinal());
        form.submit("save");
        tester.assertNoErrorMessage();
        assertEquals(List.of("Chorale de Noël"), homework.week(TEACHER, CLASS_A, MONDAY.plusWeeks(16), null)
                .days().get(0).entries().stream().map(Entry::title).toList());

        tester.newFormTester("edit").submit("delete");
        tester.assertVisible("edit:confirm");
        assertEquals(1, homework.week(TEACHER, CLASS_A, MONDAY.plusWeeks(10), null).days().get(0).entries().size());
        FormTester confirm = tester.newFormTester("edit");
        confirm.select("scopeRow:scope", Scope.FOLLOWING.ordinal());
        confirm.submit("confirm:yes");
        tester.assertRenderedPage(HomeworkPage.class);
        assertTrue(homework.week(TEACHER, CLASS_A, MONDAY.plusWeeks(12), null).days().get(0).entries().isEmpty());
        assertPageSerializable();
    }

    @Test
    void aPupilGetsACalendarAddressOnce() {
        shell.signIn(LEA);
        tester.startPage(HomeworkPage.class, ClassAppPage.forClass(CLASS_A));
        tester.assertContains("pas encore d’adresse");
        tester.newFormTester("calendar:feedForm").submit("renew");
        tester.assertContains("/calendar/homework/");
        tester.assertVisible("calendar:feedForm:revoke");
        tester.startPage(HomeworkPage.class, ClassAppPage.forClass(CLASS_A));
        tester.assertContainsNot("/calendar/homework/");
        tester.assertContains("Adresse d’agenda créée le");
    }

    @Test
    void anOutsiderGetsTheAccessDeniedPage() {
        shell.signIn(OUTSIDER);
        tester.startPage(HomeworkPage.class, ClassAppPage.forClass(CLASS_A));
        tester.assertRenderedPage(TestShell.DeniedPage.class);
    }

    @Test
    void englishTextsExist() {
        tester.getSession().setLocale(Locale.ENGLISH);
        shell.signIn(LEA);
        tester.startPage(HomeworkPage.class, ClassAppPage.forClass(CLASS_A));
        tester.assertContains("Homework diary");
        tester.assertContains("In your calendar");
    }

    private static org.apache.wicket.request.mapper.parameter.PageParameters entryParameters(String entryId) {
        return ClassAppPage.forClass(CLASS_A).add("entryId", entryId);
    }

    /* Wicket stores pages serialised between requests; the tester does not, so check it here. */
    private void assertPageSerializable() {
        TestShell.assertSerializable(tester.getLastRenderedPage());
    }
}
