package org.cartable.liaison.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;

import org.apache.wicket.feedback.ExactLevelFeedbackMessageFilter;
import org.apache.wicket.feedback.FeedbackMessage;
import org.apache.wicket.util.tester.FormTester;
import org.apache.wicket.util.tester.WicketTester;
import org.cartable.api.Caller;
import org.cartable.api.ClassAccess;
import org.cartable.api.Directory;
import org.cartable.api.Role;
import org.cartable.api.web.ClassAppPage;
import org.cartable.liaison.internal.web.LiaisonHomePage;
import org.cartable.liaison.internal.web.LiaisonSlipsPage;
import org.cartable.liaison.internal.web.LiaisonWordPage;
import org.cartable.testing.FakeSchool;
import org.cartable.testing.RecordingNotifications;
import org.cartable.testing.ScriptStripper;
import org.cartable.testing.TestDatabase;
import org.cartable.testing.TickingClock;
import org.cartable.testing.web.EmbeddedFramework;
import org.cartable.testing.web.TestShell;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.osgi.framework.ServiceRegistration;

/** The pages over the real service and database; the platform's services are the test's fakes. */
class LiaisonPagesTest {

    private static final String CLASS_A = "class-a";

    private static final FakeSchool SCHOOL = new FakeSchool(LiaisonApp.ID);
    private static final Caller TEACHER = SCHOOL.person("teacher", "Mme Martin", Role.TEACHER);
    private static final Caller LEA = SCHOOL.person("lea", "Léa Petit", Role.PUPIL);
    private static final Caller NATHAN = SCHOOL.person("nathan", "Nathan Benali", Role.PUPIL);
    private static final Caller SOPHIE = SCHOOL.person("sophie", "Sophie Petit", Role.PARENT);
    private static final Caller KARIM = SCHOOL.person("karim", "Karim Benali", Role.PARENT);
    private static final Caller OUTSIDER = SCHOOL.person("outsider", "Anne Blanc", Role.PARENT);

    private static TestDatabase db;
    private static LiaisonService liaison;
    private static List<ServiceRegistration<?>> registrations;

    private TestShell shell;
    private WicketTester tester;

    @BeforeAll
    static void startServices() {
        SCHOOL.teach(TEACHER, CLASS_A).enrol(LEA, CLASS_A).enrol(NATHAN, CLASS_A).enable(CLASS_A);
        SCHOOL.parent(SOPHIE, LEA).parent(KARIM, NATHAN);
        db = new TestDatabase().migrate(LiaisonService.CHANGELOG);
        liaison = LiaisonService.create(db.jpa("cartable-liaison"), SCHOOL, SCHOOL, new ScriptStripper(),
                LiaisonNotices.create(new RecordingNotifications()), new TickingClock());
        var context = EmbeddedFramework.context();
        registrations = List.of(
                context.registerService(ClassAccess.class, SCHOOL, null),
                context.registerService(Directory.class, SCHOOL, null),
                context.registerService(LiaisonService.class, liaison, null));
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
    void theTeacherWritesAParentSaysVuAndTheTeacherSeesOneOutOfTwo() {
        shell.signIn(TEACHER);
        tester.startPage(LiaisonHomePage.class, ClassAppPage.forClass(CLASS_A));
        tester.assertRenderedPage(LiaisonHomePage.class);
        tester.assertVisible("newWord");
        FormTester form = tester.newFormTester("newWord");
        form.setValue("title", "Sortie <au parc>");
        form.setValue("body", "Départ 9 h.\n\nPrévoir un goûter.");
        form.select("category", 1);
        form.submit("send");
        tester.assertNoErrorMessage();
        Word word = liaison.notebook(TEACHER, CLASS_A, null).words().stream()
                .filter(w -> w.title().equals("Sortie <au parc>")).findFirst().orElseThrow();
        assertEquals(Category.SORTIE, word.category());
        assertEquals("<p>Départ 9 h.</p><p>Prévoir un goûter.</p>", word.body());
        assertTrue(word.ackRequired() && !word.repliesAllowed() && word.wholeClass(), word::toString);
        tester.assertContains("Sortie &lt;au parc&gt;");
        tester.assertContains("0 / 2 vus");
        assertPageSerializable();

        shell.signIn(SOPHIE);
        tester.startPage(LiaisonHomePage.class, ClassAppPage.forClass(CLASS_A));
        tester.assertInvisible("newWord");
        tester.assertLabel("forChild", "Pour Léa Petit");
        int unread = liaison.notebook(SOPHIE, CLASS_A, "lea").unread();
        tester.assertLabel("unread", unread == 1 ? "1 mot non lu" : unread + " mots non lus");
        tester.assertContains("Pas encore vu pour Léa Petit");
        tester.newFormTester("word:0:panel:child:vu").submit("confirm");
        tester.assertNoErrorMessage();
        tester.assertContains("Vu par Sophie Petit le");
        assertEquals(unread - 1, liaison.notebook(SOPHIE, CLASS_A, "lea").unread());
        assertTrue(liaison.word(SOPHIE, CLASS_A, word.id(), "lea").child().read());
        tester.assertInvisible("word:" + (unread - 1) + ":panel:child:vu");
        assertPageSerializable();

        shell.signIn(TEACHER);
        tester.startPage(LiaisonHomePage.class, ClassAppPage.forClass(CLASS_A));
        tester.assertContains("1 / 2 vus");
        tester.startPage(LiaisonWordPage.class, wordParameters(word.id()));
        tester.assertRenderedPage(LiaisonWordPage.class);
        tester.assertContains("Vu par Sophie Petit le");
        tester.assertContains("Pas encore vu");
        assertPageSerializable();
    }

    @Test
    void aLongNotebookShowsAPageAndALinkToTheOlderWords() {
        String longClass = "class-long";
        Caller teacher = SCHOOL.person("teacher-long", "M. Durand", Role.TEACHER);
        Caller chloe = SCHOOL.person("chloe", "Chloé Roux", Role.PUPIL);
        Caller parent = SCHOOL.person("mme-roux", "Inès Roux", Role.PARENT);
        SCHOOL.teach(teacher, longClass).enrol(chloe, longClass).enable(longClass).parent(parent, chloe);
        int total = LiaisonService.PAGE + 3;
        for (int i = 1; i <= total; i++) {
            Word word = liaison.write(teacher, longClass, new NewWord("Mot numéro " + i, "<p>Texte</p>", Category.INFO,
                    null, true, false));
            liaison.confirm(parent, longClass, word.id(), chloe.userId());
        }

        shell.signIn(parent);
        tester.startPage(LiaisonHomePage.class, ClassAppPage.forClass(longClass));
        tester.assertContains("Mot numéro " + total + "<");
        assertFalse(tester.getLastResponseAsString().contains("Mot numéro 3<"), "older words wait for the link");
        tester.assertVisible("older");
        tester.assertContains("Afficher les mots plus anciens \\(3\\)");
        tester.clickLink("older");
        tester.assertRenderedPage(LiaisonHomePage.class);
        tester.assertContains("Mot numéro 1<");
        tester.assertInvisible("older");

        // a hand-edited address gets the first page, not an error
        tester.startPage(LiaisonHomePage.class, ClassAppPage.forClass(longClass).set("shown", "beaucoup"));
        tester.assertRenderedPage(LiaisonHomePage.class);
        tester.assertVisible("older");
    }

    @Test
    void aWordToChosenPupilsIsNotOnTheOtherFamiliesPage() {
        shell.signIn(TEACHER);
        tester.startPage(LiaisonHomePage.class, ClassAppPage.forClass(CLASS_A));
        FormTester form = tester.newFormTester("newWord");
        form.setValue("title", "Rendez-vous pour Nathan");
        form.setValue("body", "Jeudi 17 h ?");
        form.setValue("wholeClass", false);
        form.selectMultiple("pupils", new int[] {1});
        form.setValue("repliesAllowed", true);
        form.submit("send");
        tester.assertNoErrorMessage();
        Word word = liaison.notebook(TEACHER, CLASS_A, null).words().stream()
                .filter(w -> w.title().equals("Rendez-vous pour Nathan")).findFirst().orElseThrow();
        assertEquals(new Word.Counts(0, 1), word.counts());

        shell.signIn(SOPHIE);
        tester.startPage(LiaisonHomePage.class, ClassAppPage.forClass(CLASS_A));
        tester.assertContainsNot("Rendez-vous pour Nathan");
        tester.startPage(LiaisonWordPage.class, wordParameters(word.id()));
        tester.assertRenderedPage(TestShell.DeniedPage.class);

        shell.signIn(KARIM);
        tester.startPage(LiaisonWordPage.class, wordParameters(word.id()));
        tester.assertContains("Rendez-vous pour Nathan");
        FormTester reply = tester.newFormTester("word:child:reply");
        reply.setValue("text", "Jeudi 17 h, c’est parfait.");
        reply.submit("send");
        tester.assertNoErrorMessage();
        assertEquals("Jeudi 17 h, c’est parfait.",
                liaison.word(KARIM, CLASS_A, word.id(), "nathan").child().myReply().body());
        assertPageSerializable();
    }

    @Test
    void theFollowUpRemindsOnceCorrectsWithoutNotifyingAndPrintsSlips() {
        Word word = liaison.write(TEACHER, CLASS_A, new NewWord("Piscine", "<p>Bonnet</p>", Category.PISCINE,
                Set.of("lea", "nathan"), true, false));
        liaison.confirm(KARIM, CLASS_A, word.id(), "nathan");
        shell.signIn(TEACHER);
        tester.startPage(LiaisonWordPage.class, wordParameters(word.id()));
        tester.newFormTester("staff:actions").submit("remind");
        tester.assertFeedbackMessages(new ExactLevelFeedbackMessageFilter(FeedbackMessage.SUCCESS),
                "1 famille relancée.");
        tester.newFormTester("staff:actions").submit("remind");
        tester.assertErrorMessages("Une relance est déjà partie il y a moins d’une heure : réessayez plus tard.");

        FormTester correction = tester.newFormTester("staff:correction");
        correction.setValue("title", "Piscine mardi");
        correction.submit("save");
        tester.assertNoErrorMessage();
        Word corrected = liaison.word(TEACHER, CLASS_A, word.id(), null);
        assertEquals("Piscine mardi", corrected.title());
        assertNotNull(corrected.editedAt());
        assertEquals(1, corrected.counts().confirmed());
        assertPageSerializable();

        tester.startPage(LiaisonSlipsPage.class, wordParameters(word.id()));
        tester.assertRenderedPage(LiaisonSlipsPage.class);
        tester.assertLabel("count", "1 coupon");
        tester.assertLabel("slip:0:pupil", "Léa Petit");
        tester.assertContains("Lu et pris connaissance, signature :");

        shell.signIn(SOPHIE);
        tester.startPage(LiaisonSlipsPage.class, wordParameters(word.id()));
        tester.assertRenderedPage(TestShell.DeniedPage.class);
        tester.startPage(LiaisonWordPage.class, wordParameters(word.id()));
        tester.assertContains("corrigé le");
    }

    @Test
    void anOutsiderGetsTheAccessDeniedPage() {
        shell.signIn(OUTSIDER);
        tester.startPage(LiaisonHomePage.class, ClassAppPage.forClass(CLASS_A));
        tester.assertRenderedPage(TestShell.DeniedPage.class);
    }

    @Test
    void aPupilReadsWithoutActions() {
        liaison.write(TEACHER, CLASS_A, new NewWord("Pour tous", "<p>Bonjour</p>", Category.INFO, null, true, true));
        shell.signIn(LEA);
        tester.startPage(LiaisonHomePage.class, ClassAppPage.forClass(CLASS_A));
        tester.assertContains("Pour tous");
        tester.assertInvisible("newWord");
        tester.assertInvisible("word:0:panel:child");
    }

    private static org.apache.wicket.request.mapper.parameter.PageParameters wordParameters(String wordId) {
        return ClassAppPage.forClass(CLASS_A).add("wordId", wordId);
    }

    private void assertPageSerializable() {
        TestShell.assertSerializable(tester.getLastRenderedPage());
    }
}
