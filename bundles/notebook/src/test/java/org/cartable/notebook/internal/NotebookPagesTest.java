package org.cartable.notebook.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.apache.wicket.util.file.File;
import org.apache.wicket.util.tester.FormTester;
import org.apache.wicket.util.tester.WicketTester;
import org.cartable.api.Caller;
import org.cartable.api.ClassAccess;
import org.cartable.api.ClassRelation;
import org.cartable.api.Directory;
import org.cartable.api.Role;
import org.cartable.api.web.ClassAppPage;
import org.cartable.notebook.internal.web.NotebookEditorPage;
import org.cartable.notebook.internal.web.NotebookHomePage;
import org.cartable.notebook.internal.web.NotebookMediaPage;
import org.cartable.notebook.internal.web.NotebookViewPage;
import org.cartable.testing.FakeSchool;
import org.cartable.testing.TestDatabase;
import org.cartable.testing.web.EmbeddedFramework;
import org.cartable.testing.web.TestShell;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.osgi.framework.ServiceRegistration;

/** The pages over the real service, database and files; the platform's services are the test's fakes. */
class NotebookPagesTest {

    private static final String CLASS_A = "class-a";

    private static final FakeSchool SCHOOL = new FakeSchool(NotebookApp.ID);
    private static final Caller TEACHER = SCHOOL.person("teacher", "Mme Martin", Role.TEACHER);
    private static final Caller LEA = SCHOOL.person("lea", "Léa Petit", Role.PUPIL);
    private static final Caller HUGO = SCHOOL.person("hugo", "Hugo Roux", Role.PUPIL);
    private static final Caller LEA_PARENT = SCHOOL.person("lea-parent", "Claire Petit", Role.PARENT);
    private static final Caller OUTSIDER = SCHOOL.person("outsider", "Anne Blanc", Role.PARENT);

    @TempDir
    static Path files;

    private static TestDatabase db;
    private static NotebookService notebooks;
    private static List<ServiceRegistration<?>> registrations;

    private TestShell shell;
    private WicketTester tester;

    @BeforeAll
    static void startServices() {
        SCHOOL.relate(TEACHER, new ClassRelation(CLASS_A, true, false, false, List.of()));
        SCHOOL.relate(LEA, new ClassRelation(CLASS_A, false, false, true, List.of()));
        SCHOOL.relate(HUGO, new ClassRelation(CLASS_A, false, false, true, List.of()));
        SCHOOL.relate(LEA_PARENT, new ClassRelation(CLASS_A, false, false, false, List.of("lea")));
        SCHOOL.enable(CLASS_A, true);
        db = new TestDatabase().migrate(NotebookService.CHANGELOG);
        notebooks = TestNotebooks.service(db.jpa("cartable-notebook"), SCHOOL, SCHOOL, files, MediaLimits.DEFAULTS,
                TestNotebooks.clock(), null);
        var context = EmbeddedFramework.context();
        registrations = List.of(
                context.registerService(ClassAccess.class, SCHOOL, null),
                context.registerService(Directory.class, SCHOOL, null),
                context.registerService(NotebookService.class, notebooks, null));
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
    void aPupilCreatesANotebookAddsTextAndAPictureAndTheTeacherReadsIt() throws IOException {
        shell.signIn(LEA);
        tester.startPage(NotebookHomePage.class, ClassAppPage.forClass(CLASS_A));
        tester.assertRenderedPage(NotebookHomePage.class);
        FormTester create = tester.newFormTester("create");
        create.setValue("title", "Mes vacances <à la mer>");
        create.setValue("color", "#2e7d32");
        create.submit("save");
        tester.assertRenderedPage(NotebookViewPage.class);
        tester.assertContains("Mes vacances &lt;à la mer&gt;");
        Notebook notebook = notebooks.overview(LEA, CLASS_A).mine().get(0);
        Page page = notebooks.notebook(LEA, CLASS_A, notebook.id()).pages().get(0);

        tester.startPage(NotebookEditorPage.class, NotebookEditorPage.parameters(CLASS_A, notebook.id(), page.id()));
        tester.assertRenderedPage(NotebookEditorPage.class);
        tester.assertInvisible("locked");
        FormTester text = tester.newFormTester("tools:addText");
        text.setValue("text", "Nous avons vu des dauphins.\n\nEt des mouettes.");
        text.submit("add");
        tester.assertNoErrorMessage();

        Path picture = Files.write(files.resolve("photo.png"), Samples.png());
        FormTester media = tester.newFormTester("tools:addMedia");
        media.setFile("file", new File(picture.toFile()), "image/png");
        media.setValue("caption", "La plage");
        media.submit("add");
        tester.assertNoErrorMessage();
        Page filled = notebooks.page(LEA, CLASS_A, notebook.id(), page.id());
        assertEquals(List.of(BoxKind.TEXT, BoxKind.IMAGE), filled.boxes().stream().map(Box::kind).toList());
        assertEquals("<p>Nous avons vu des dauphins.</p><p>Et des mouettes.</p>", filled.boxes().get(0).content());
        assertEquals("photo.png", filled.boxes().get(1).media().name());
        assertPageSerializable();

        FormTester done = tester.newFormTester("pageForm");
        done.setValue("title", "À la mer");
        done.submit("done");
        tester.assertRenderedPage(NotebookViewPage.class);
        assertEquals(null, notebooks.page(LEA, CLASS_A, notebook.id(), page.id()).lock(), "done releases the lock");

        shell.signIn(TEACHER);
        tester.startPage(NotebookViewPage.class, NotebookViewPage.parameters(CLASS_A, notebook.id()));
        tester.assertRenderedPage(NotebookViewPage.class);
        tester.assertContains("Nous avons vu des dauphins.");
        tester.assertContains(filled.boxes().get(1).media().id());
        // positions come from a stylesheet with the request's nonce, never from style attributes
        tester.assertContains("#box-" + filled.boxes().get(0).id() + "\\{left:");
        assertTrue(!tester.getLastResponseAsString().contains("style=\""), "no inline style attribute");
        tester.assertVisible("manage");
        assertPageSerializable();
    }

    @Test
    void aPageSomeoneEditsIsReadOnlyForOthersAndSaysWho() {
        Notebook notebook = notebooks.create(TEACHER, CLASS_A, "Cahier de la classe", null);
        notebooks.share(TEACHER, CLASS_A, notebook.id(), Sharing.CONTRIBUTE);
        Page page = notebooks.notebook(TEACHER, CLASS_A, notebook.id()).pages().get(0);

        shell.signIn(LEA);
        tester.startPage(NotebookEditorPage.class, NotebookEditorPage.parameters(CLASS_A, notebook.id(), page.id()));
        tester.assertInvisible("locked");
        tester.assertVisible("tools");

        shell.signIn(HUGO);
        tester.startPage(NotebookEditorPage.class, NotebookEditorPage.parameters(CLASS_A, notebook.id(), page.id()));
        tester.assertVisible("locked");
        tester.assertContains("en cours de modification par Léa Petit");
        tester.assertInvisible("tools");
        tester.assertInvisible("pageForm");

        shell.signIn(LEA);
        tester.startPage(NotebookEditorPage.class, NotebookEditorPage.parameters(CLASS_A, notebook.id(), page.id()));
        tester.newFormTester("pageForm").submit("leave");
        shell.signIn(HUGO);
        tester.startPage(NotebookEditorPage.class, NotebookEditorPage.parameters(CLASS_A, notebook.id(), page.id()));
        tester.assertInvisible("locked");

        // closing the tab: the script calls the page's release address
        tester.assertContains("data-release=\"");
        tester.executeBehavior(tester.getComponentFromLastRenderedPage("pageForm")
                .getBehaviors(NotebookEditorPage.ReleaseOnLeave.class).get(0));
        assertEquals(null, notebooks.page(LEA, CLASS_A, notebook.id(), page.id()).lock());
    }

    @Test
    void aParentReadsTheirChildsNotebookWithoutAnyWritingTool() {
        Notebook notebook = notebooks.create(LEA, CLASS_A, "Poésies", null);
        shell.signIn(LEA_PARENT);
        tester.startPage(NotebookHomePage.class, ClassAppPage.forClass(CLASS_A));
        tester.assertInvisible("create");
        tester.assertLabel("forChildren", "Pour Léa");
        tester.assertContains("Poésies");
        tester.startPage(NotebookViewPage.class, NotebookViewPage.parameters(CLASS_A, notebook.id()));
        tester.assertInvisible("manage");
        tester.assertInvisible("tools:addPage");
        tester.assertInvisible("pages:0:edit");
        tester.assertInvisible("pages:0:actions");
    }

    @Test
    void outsidersGetTheAccessDeniedPageAndNoFile() {
        Notebook notebook = notebooks.create(LEA, CLASS_A, "Secret", null);
        MediaInfo image = notebooks.uploadMedia(LEA, CLASS_A, notebook.id(),
                new java.io.ByteArrayInputStream(Samples.png()), "a.png");
        shell.signIn(OUTSIDER);
        tester.startPage(NotebookHomePage.class, ClassAppPage.forClass(CLASS_A));
        tester.assertRenderedPage(TestShell.DeniedPage.class);

        shell.signIn(HUGO);
        tester.startPage(NotebookViewPage.class, NotebookViewPage.parameters(CLASS_A, notebook.id()));
        tester.assertRenderedPage(TestShell.DeniedPage.class);
        tester.startPage(NotebookMediaPage.class, NotebookMediaPage.parameters(CLASS_A, notebook.id(), image.id()));
        assertEquals(404, tester.getLastResponse().getStatus());

        shell.signIn(LEA);
        tester.getRequest().setHeader("Range", "bytes=0-9");
        tester.startPage(NotebookMediaPage.class, NotebookMediaPage.parameters(CLASS_A, notebook.id(), image.id()));
        assertEquals(206, tester.getLastResponse().getStatus());
        assertEquals("image/png", tester.getLastResponse().getContentType());
        assertEquals(10, tester.getLastResponse().getBinaryContent().length);
    }

    /* Wicket stores pages serialised between requests; the tester does not, so check it here. */
    private void assertPageSerializable() {
        TestShell.assertSerializable(tester.getLastRenderedPage());
    }
}
