package org.cartable.wiki.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.apache.wicket.util.tester.FormTester;
import org.apache.wicket.util.tester.WicketTester;
import org.cartable.api.Caller;
import org.cartable.api.ClassAccess;
import org.cartable.api.ClassRelation;
import org.cartable.api.Directory;
import org.cartable.api.Role;
import org.cartable.api.web.ClassAppPage;
import org.cartable.testing.FakeSchool;
import org.cartable.testing.RecordingNotifications;
import org.cartable.testing.TestDatabase;
import org.cartable.testing.web.EmbeddedFramework;
import org.cartable.testing.web.TestShell;
import org.cartable.wiki.internal.web.WikiDiffPage;
import org.cartable.wiki.internal.web.WikiEditPage;
import org.cartable.wiki.internal.web.WikiHistoryPage;
import org.cartable.wiki.internal.web.WikiHomePage;
import org.cartable.wiki.internal.web.WikiNewPage;
import org.cartable.wiki.internal.web.WikiViewPage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.osgi.framework.ServiceRegistration;

/** The pages over the real service and database; the platform's services are the test's fakes. */
class WikiPagesTest {

    private static final String CLASS_A = "class-a";

    private static final FakeSchool SCHOOL = new FakeSchool(WikiApp.ID);
    private static final Caller TEACHER = SCHOOL.person("teacher", "Mme Martin", Role.TEACHER);
    private static final Caller LEA = SCHOOL.person("lea", "Léa Petit", Role.PUPIL);
    private static final Caller LEA_PARENT = SCHOOL.person("lea-parent", "Claire Petit", Role.PARENT);
    private static final Caller OUTSIDER = SCHOOL.person("outsider", "Anne Blanc", Role.PARENT);

    private static TestDatabase db;
    private static WikiService wiki;
    private static List<ServiceRegistration<?>> registrations;

    private TestShell shell;
    private WicketTester tester;

    @BeforeAll
    static void startServices() {
        SCHOOL.relate(TEACHER, new ClassRelation(CLASS_A, true, false, false, List.of()));
        SCHOOL.relate(LEA, new ClassRelation(CLASS_A, false, false, true, List.of()));
        SCHOOL.relate(LEA_PARENT, new ClassRelation(CLASS_A, false, false, false, List.of("lea")));
        SCHOOL.enable(CLASS_A, true);
        db = new TestDatabase().migrate(WikiService.CHANGELOG);
        wiki = TestWikis.service(db.jpa("cartable-wiki"), SCHOOL, SCHOOL, new RecordingNotifications());
        var context = EmbeddedFramework.context();
        registrations = List.of(
                context.registerService(ClassAccess.class, SCHOOL, null),
                context.registerService(Directory.class, SCHOOL, null),
                context.registerService(WikiService.class, wiki, null));
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
    void aPupilWritesTheHomePageAndAddsALinkedPage() {
        shell.signIn(LEA);
        tester.startPage(WikiHomePage.class, ClassAppPage.forClass(CLASS_A));
        tester.assertRenderedPage(WikiHomePage.class);
        tester.assertVisible("empty");
        tester.assertVisible("edit");
        tester.assertInvisible("settings");
        tester.assertInvisible("history");
        String home = wiki.homeId(LEA, CLASS_A);

        tester.startPage(WikiEditPage.class, WikiViewPage.parameters(CLASS_A, home));
        tester.assertInvisible("form:parentRow");
        FormTester form = tester.newFormTester("form");
        form.setValue("content", "Bienvenue !\n\nVoir [[Les volcans]].");
        form.submit("save");
        tester.assertRenderedPage(WikiViewPage.class);
        tester.assertNoErrorMessage();
        String html = tester.getLastResponseAsString();
        assertTrue(html.contains("<p>Bienvenue !</p>"), html);
        assertTrue(html.contains("wiki-missing\" href=\"/app/wiki/" + CLASS_A + "/new?title=Les+volcans\""), html);

        // the missing page's link opens the editor with its title
        tester.startPage(WikiNewPage.class, WikiNewPage.parameters(CLASS_A, home, "Les volcans"));
        FormTester create = tester.newFormTester("form");
        assertEquals("Les volcans", create.getTextComponentValue("title"));
        create.setValue("content", "Un volcan crache de la lave.");
        create.submit("save");
        tester.assertRenderedPage(WikiViewPage.class);
        String pageId = wiki.findByTitle(LEA, CLASS_A, "Les volcans").orElseThrow();
        assertEquals(home, wiki.page(LEA, CLASS_A, pageId).parentId());
        assertTrue(wiki.page(LEA, CLASS_A, home).html().contains("/page/" + pageId), "the link now leads to the page");
        assertPageSerializable();
    }

    @Test
    void aStaleSaveShowsTheConflictKeepsTheTextAndOffersToSaveOverIt() {
        WikiPage page = wiki.createPage(TEACHER, CLASS_A, "La Lune", "<p>Un satellite.</p>", null);
        shell.signIn(TEACHER);
        tester.startPage(WikiEditPage.class, WikiViewPage.parameters(CLASS_A, page.id()));
        // meanwhile, Léa saves
        wiki.savePage(LEA, CLASS_A, page.id(), "La Lune", "<p>Un satellite de la Terre.</p>", 1);

        FormTester form = tester.newFormTester("form");
        form.setValue("content", "<p>Le satellite naturel de la Terre.</p>");
        form.submit("save");
        tester.assertRenderedPage(WikiEditPage.class);
        tester.assertVisible("conflict");
        tester.assertContains("Léa Petit a enregistré la version 2 de cette page");
        tester.assertContains("Le satellite naturel de la Terre.");
        assertEquals("<p>Un satellite de la Terre.</p>", wiki.page(TEACHER, CLASS_A, page.id()).content(),
                "nothing overwritten");
        String compare = tester.getLastResponseAsString();
        assertTrue(compare.contains("diff/" + page.id()) || compare.contains("WikiDiffPage"), compare);
        assertPageSerializable();

        tester.newFormTester("form").submit("overwrite");
        tester.assertRenderedPage(WikiViewPage.class);
        WikiPage saved = wiki.page(TEACHER, CLASS_A, page.id());
        assertEquals(3, saved.version());
        assertEquals("<p>Le satellite naturel de la Terre.</p>", saved.content());
    }

    @Test
    void theTeacherComparesTwoVersionsFromTheHistoryAndRestoresOne() {
        WikiPage page = wiki.createPage(TEACHER, CLASS_A, "Les fractions", "<p>Un tiers s’écrit 1/3.</p>", null);
        wiki.savePage(LEA, CLASS_A, page.id(), "Les fractions", "<p>Un quart s’écrit 1/4.</p>", 1);

        shell.signIn(TEACHER);
        tester.startPage(WikiHistoryPage.class, WikiViewPage.parameters(CLASS_A, page.id()));
        tester.assertContains("Léa Petit");
        FormTester pickOne = tester.newFormTester("form");
        pickOne.selectMultiple("group", new int[] {0});
        pickOne.submit("compare");
        tester.assertErrorMessages("Cochez exactement deux versions à comparer.");

        FormTester pick = tester.newFormTester("form");
        pick.selectMultiple("group", new int[] {0, 1});
        pick.submit("compare");
        tester.assertRenderedPage(WikiDiffPage.class);
        tester.assertContains("<del>tiers</del><ins>quart</ins>");
        tester.assertContains("2 mots ajoutés, 2 mots supprimés");
        assertPageSerializable();

        tester.startPage(WikiHistoryPage.class, WikiViewPage.parameters(CLASS_A, page.id()));
        tester.assertInvisible("form:group:version:0:restore");
        tester.newFormTester("form").submit("group:version:1:restore");
        tester.assertRenderedPage(WikiViewPage.class);
        assertEquals("<p>Un tiers s’écrit 1/3.</p>", wiki.page(TEACHER, CLASS_A, page.id()).content());
        assertEquals(3, wiki.page(TEACHER, CLASS_A, page.id()).version());
    }

    @Test
    void parentsReadOnlyAndOutsidersAreTurnedAway() {
        WikiPage page = wiki.createPage(TEACHER, CLASS_A, "Règles de vie", "<p>Respect</p>", null);
        shell.signIn(LEA_PARENT);
        tester.startPage(WikiViewPage.class, WikiViewPage.parameters(CLASS_A, page.id()));
        tester.assertRenderedPage(WikiViewPage.class);
        tester.assertContains("Respect");
        tester.assertInvisible("edit");
        tester.assertInvisible("addChild");
        tester.assertInvisible("newComment");
        tester.assertInvisible("deletion");
        tester.startPage(WikiEditPage.class, WikiViewPage.parameters(CLASS_A, page.id()));
        tester.assertRenderedPage(TestShell.DeniedPage.class);
        tester.startPage(WikiNewPage.class, WikiNewPage.parameters(CLASS_A, null, null));
        tester.assertRenderedPage(TestShell.DeniedPage.class);

        shell.signIn(OUTSIDER);
        tester.startPage(WikiViewPage.class, WikiViewPage.parameters(CLASS_A, page.id()));
        tester.assertRenderedPage(TestShell.DeniedPage.class);
        tester.startPage(WikiHistoryPage.class, WikiViewPage.parameters(CLASS_A, page.id()));
        tester.assertRenderedPage(TestShell.DeniedPage.class);
    }

    @Test
    void theTeacherKeepsEditingForTeachersAndPupilsStillComment() {
        shell.signIn(TEACHER);
        tester.startPage(WikiHomePage.class, ClassAppPage.forClass(CLASS_A));
        tester.assertVisible("settings");
        FormTester settings = tester.newFormTester("settings");
        settings.setValue("teachersOnly", true);
        settings.submit("save");
        tester.assertNoErrorMessage();
        assertTrue(wiki.settings(TEACHER, CLASS_A).teachersOnly());
        try {
            shell.signIn(LEA);
            tester.startPage(WikiHomePage.class, ClassAppPage.forClass(CLASS_A));
            tester.assertInvisible("edit");
            FormTester comment = tester.newFormTester("newComment");
            comment.setValue("body", "Je voudrais ajouter une page.");
            comment.submit("send");
            tester.assertNoErrorMessage();
            tester.assertContains("Je voudrais ajouter une page.");
            assertFalse(wiki.overview(LEA, CLASS_A).canEdit());
        } finally {
            wiki.updateSettings(TEACHER, CLASS_A, WikiSettings.DEFAULTS);
        }
    }

    @Test
    void aPupilReordersSiblingPages() {
        String parent = wiki.createPage(TEACHER, CLASS_A, "Ordre", "", null).id();
        WikiPage first = wiki.createPage(TEACHER, CLASS_A, "Premier", "", parent);
        WikiPage second = wiki.createPage(TEACHER, CLASS_A, "Second", "", parent);
        shell.signIn(LEA);
        tester.startPage(WikiViewPage.class, WikiViewPage.parameters(CLASS_A, first.id()));
        tester.assertInvisible("order:up");
        tester.assertVisible("order:down");
        tester.newFormTester("order").submit("down");
        tester.assertNoErrorMessage();
        assertEquals(List.of("Second", "Premier"),
                wiki.page(LEA, CLASS_A, parent).children().stream().map(PageRef::title).toList());
        tester.assertVisible("order:up");
        tester.assertInvisible("order:down");
        assertEquals(0, wiki.page(LEA, CLASS_A, second.id()).position());
        assertPageSerializable();
    }

    @Test
    void deletingAPageAsksForConfirmation() {
        WikiPage page = wiki.createPage(TEACHER, CLASS_A, "À effacer", "<p>x</p>", null);
        shell.signIn(TEACHER);
        tester.startPage(WikiViewPage.class, WikiViewPage.parameters(CLASS_A, page.id()));
        tester.assertInvisible("deletion:confirm");
        tester.newFormTester("deletion").submit("delete");
        tester.assertVisible("deletion:confirm");
        tester.newFormTester("deletion").submit("confirm:yes");
        tester.assertRenderedPage(WikiViewPage.class);
        assertTrue(wiki.findByTitle(TEACHER, CLASS_A, "À effacer").isEmpty());
    }

    /* Wicket stores pages serialised between requests; the tester does not, so check it here. */
    private void assertPageSerializable() {
        TestShell.assertSerializable(tester.getLastRenderedPage());
    }
}
