package org.cartable.blog.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
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
import org.cartable.blog.internal.web.BlogHomePage;
import org.cartable.blog.internal.web.BlogPostPage;
import org.cartable.testing.FakeSchool;
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
class BlogPagesTest {

    private static final String CLASS_A = "class-a";

    private static final FakeSchool SCHOOL = new FakeSchool(BlogApp.ID);
    private static final Caller TEACHER = SCHOOL.person("teacher", "Mme Martin", Role.TEACHER);
    private static final Caller LEA = SCHOOL.person("lea", "Léa Petit", Role.PUPIL);
    private static final Caller LEA_PARENT = SCHOOL.person("lea-parent", "Claire Petit", Role.PARENT);
    private static final Caller OUTSIDER = SCHOOL.person("outsider", "Anne Blanc", Role.PARENT);

    private static TestDatabase db;
    private static BlogService blog;
    private static List<ServiceRegistration<?>> registrations;

    private TestShell shell;
    private WicketTester tester;

    @BeforeAll
    static void startServices() {
        SCHOOL.relate(TEACHER, new ClassRelation(CLASS_A, true, false, false, List.of()));
        SCHOOL.relate(LEA, new ClassRelation(CLASS_A, false, false, true, List.of()));
        SCHOOL.relate(LEA_PARENT, new ClassRelation(CLASS_A, false, false, false, List.of("lea")));
        SCHOOL.enable(CLASS_A, true);
        db = new TestDatabase().migrate(BlogService.CHANGELOG);
        blog = new BlogService(db.jpa("cartable-blog"), SCHOOL, SCHOOL, new ScriptStripper(),
                new TickingClock());
        var context = EmbeddedFramework.context();
        registrations = List.of(
                context.registerService(ClassAccess.class, SCHOOL, null),
                context.registerService(Directory.class, SCHOOL, null),
                context.registerService(BlogService.class, blog, null));
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
    void aTeacherPublishesFromTheHomePageAndSeesTheModeration() {
        shell.signIn(TEACHER);
        tester.startPage(BlogHomePage.class, ClassAppPage.forClass(CLASS_A));
        tester.assertRenderedPage(BlogHomePage.class);
        tester.assertVisible("settings");
        tester.assertVisible("newPost:publish");
        tester.assertInvisible("newPost:submit");

        FormTester form = tester.newFormTester("newPost");
        form.setValue("title", "La sortie <en forêt>");
        form.setValue("body", "Nous avons vu des cerfs.\n\nEt des biches.");
        form.submit("publish");

        tester.assertNoErrorMessage();
        Post post = blog.overview(TEACHER, CLASS_A).posts().stream()
                .filter(p -> p.title().equals("La sortie <en forêt>")).findFirst().orElseThrow();
        assertEquals(PostStatus.PUBLISHED, post.status());
        assertEquals("<p>Nous avons vu des cerfs.</p><p>Et des biches.</p>", post.body());
        // the title is text, escaped in the page
        tester.assertContains("La sortie &lt;en forêt&gt;");
        assertPageSerializable();
    }

    @Test
    void aPupilSubmitsAndAParentSeesWhoTheClassConcerns() {
        shell.signIn(LEA);
        tester.startPage(BlogHomePage.class, ClassAppPage.forClass(CLASS_A));
        tester.assertInvisible("settings");
        tester.assertInvisible("newPost:publish");
        FormTester form = tester.newFormTester("newPost");
        form.setValue("title", "Mon dessin");
        form.setValue("body", "<p>Un <b>chat</b></p><script>steal()</script>");
        form.submit("submit");
        tester.assertNoErrorMessage();
        Post submitted = blog.overview(LEA, CLASS_A).posts().stream()
                .filter(p -> p.title().equals("Mon dessin")).findFirst().orElseThrow();
        assertEquals(PostStatus.SUBMITTED, submitted.status());
        assertEquals("<p>Un <b>chat</b></p>", submitted.body());

        shell.signIn(LEA_PARENT);
        tester.startPage(BlogHomePage.class, ClassAppPage.forClass(CLASS_A));
        tester.assertLabel("forChildren", "Pour Léa");
        tester.assertInvisible("newPost");
        tester.assertInvisible("toApprove");
        tester.assertContainsNot("Mon dessin");
        assertPageSerializable();
    }

    @Test
    void anOutsiderGetsTheAccessDeniedPage() {
        shell.signIn(OUTSIDER);
        tester.startPage(BlogHomePage.class, ClassAppPage.forClass(CLASS_A));
        tester.assertRenderedPage(TestShell.DeniedPage.class);
    }

    @Test
    void aParentCommentsAndTheTeacherApprovesOnThePostPage() {
        Post post = blog.createPost(TEACHER, CLASS_A, "Kermesse", "Samedi à 10 h", true);

        shell.signIn(LEA_PARENT);
        tester.startPage(BlogPostPage.class, BlogPostPage.parameters(CLASS_A, post.id()));
        tester.assertRenderedPage(BlogPostPage.class);
        tester.assertInvisible("actions");
        FormTester form = tester.newFormTester("newComment");
        form.setValue("body", "Nous viendrons !");
        form.submit("send");
        tester.assertContains("Votre commentaire sera visible après validation");
        tester.assertContains("Nous viendrons !");

        shell.signIn(TEACHER);
        tester.startPage(BlogPostPage.class, BlogPostPage.parameters(CLASS_A, post.id()));
        tester.assertVisible("comments:comment:0:pending");
        tester.newFormTester("comments:comment:0:actions").submit("approve");
        tester.assertNoErrorMessage();
        assertEquals(CommentStatus.APPROVED, blog.post(TEACHER, CLASS_A, post.id()).comments().get(0).status());
        tester.assertInvisible("comments:comment:0:pending");
        assertPageSerializable();
    }

    @Test
    void deletingAsksForConfirmationFirst() {
        Post post = blog.createPost(TEACHER, CLASS_A, "À effacer", "Texte", true);
        shell.signIn(TEACHER);
        tester.startPage(BlogPostPage.class, BlogPostPage.parameters(CLASS_A, post.id()));
        tester.assertInvisible("actions:confirm");
        tester.newFormTester("actions").submit("delete");
        tester.assertVisible("actions:confirm");
        assertPageSerializable();
        assertEquals(1, blog.overview(TEACHER, CLASS_A).posts().stream().filter(p -> p.id().equals(post.id())).count());

        tester.newFormTester("actions").submit("confirm:yes");
        tester.assertRenderedPage(BlogHomePage.class);
        assertTrue(blog.overview(TEACHER, CLASS_A).posts().stream().noneMatch(p -> p.id().equals(post.id())));
        assertPageSerializable();
    }

    /* Wicket stores pages serialised between requests; the tester does not, so check it here. */
    private void assertPageSerializable() {
        TestShell.assertSerializable(tester.getLastRenderedPage());
    }
}
