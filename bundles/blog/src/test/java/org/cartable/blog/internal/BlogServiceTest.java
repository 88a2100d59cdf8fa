package org.cartable.blog.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.apache.aries.jpa.template.JpaTemplate;
import org.cartable.api.Caller;
import org.cartable.api.CartableException;
import org.cartable.api.CartableException.Kind;
import org.cartable.api.ClassRelation;
import org.cartable.api.Role;
import org.cartable.testing.FakeSchool;
import org.cartable.testing.ScriptStripper;
import org.cartable.testing.TestDatabase;
import org.cartable.testing.TickingClock;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

import liquibase.Liquibase;
import liquibase.database.Database;
import liquibase.database.DatabaseFactory;
import liquibase.database.jvm.JdbcConnection;
import liquibase.resource.ClassLoaderResourceAccessor;

/** The blog's rules on the real changelog and persistence unit, over in-memory Derby. */
class BlogServiceTest {

    /* One database for the class (Hibernate starts in seconds); each test works in classes of its own. */
    private static TestDatabase db;
    private static JpaTemplate jpa;

    private final String classA = "class-a-" + UUID.randomUUID();
    private final String classB = "class-b-" + UUID.randomUUID();

    private final FakeSchool school = new FakeSchool(BlogApp.ID);
    private final Caller teacher = school.person("teacher", "Mme Martin", Role.TEACHER);
    private final Caller director = school.person("director", "M. Leroy", Role.DIRECTOR);
    private final Caller lea = school.person("lea", "Léa Petit", Role.PUPIL);
    private final Caller hugo = school.person("hugo", "Hugo Roux", Role.PUPIL);
    private final Caller leaParent = school.person("lea-parent", "Claire Petit", Role.PARENT);
    private final Caller hugoParent = school.person("hugo-parent", "Paul Roux", Role.PARENT);
    private final Caller otherParent = school.person("other-parent", "Anne Blanc", Role.PARENT);
    private final Caller otherTeacher = school.person("other-teacher", "M. Noir", Role.TEACHER);

    private BlogService blog;

    @BeforeAll
    static void openDatabase() {
        db = new TestDatabase().migrate(BlogService.CHANGELOG);
        jpa = db.jpa("cartable-blog");
    }

    @AfterAll
    static void closeDatabase() {
        db.close();
    }

    @BeforeEach
    void setUp() {
        school.relate(teacher, new ClassRelation(classA, true, false, false, List.of()));
        school.relate(director, new ClassRelation(classA, false, true, false, List.of()));
        school.relate(lea, new ClassRelation(classA, false, false, true, List.of()));
        school.relate(hugo, new ClassRelation(classA, false, false, true, List.of()));
        school.relate(leaParent, new ClassRelation(classA, false, false, false, List.of("lea")));
        school.relate(hugoParent, new ClassRelation(classA, false, false, false, List.of("hugo")));
        school.relate(otherParent, new ClassRelation(classB, false, false, false, List.of("zoe")));
        school.relate(otherTeacher, new ClassRelation(classB, true, false, false, List.of()));
        school.enable(classA, true);
        school.enable(classB, true);

        blog = new BlogService(jpa, school, school, new ScriptStripper(),
                new TickingClock());
    }

    @Test
    void pupilSubmitsTeacherPublishesParentsReadAndCommentUnderApproval() {
        Post submitted = blog.createPost(lea, classA, "Notre sortie", "<p>Nous avons vu des <b>cerfs</b>.</p>", true);
        assertEquals(PostStatus.SUBMITTED, submitted.status());
        assertEquals("Léa Petit", submitted.authorName());
        assertNull(submitted.publishedAt());

        // waiting for the teacher: seen by its author and the staff only
        assertEquals(List.of(submitted.id()), ids(blog.overview(lea, classA)));
        assertEquals(List.of(submitted.id()), ids(blog.overview(teacher, classA)));
        assertEquals(List.of(), ids(blog.overview(leaParent, classA)));
        assertEquals(List.of(), ids(blog.overview(hugo, classA)));
        assertNotFound(() -> blog.post(leaParent, classA, submitted.id()));
        assertTrue(blog.overview(teacher, classA).posts().get(0).may(PostAction.PUBLISH));

        Post published = blog.publish(teacher, classA, submitted.id());
        assertEquals(PostStatus.PUBLISHED, published.status());
        assertTrue(published.publishedAt() != null);

        assertEquals(List.of(submitted.id()), ids(blog.overview(leaParent, classA)));
        assertEquals("<p>Nous avons vu des <b>cerfs</b>.</p>",
                blog.post(leaParent, classA, submitted.id()).post().body());

        // default moderation: the parent's comment waits, seen by its author and the staff only
        Comment comment = blog.addComment(leaParent, classA, submitted.id(), "Bravo à tous !");
        assertEquals(CommentStatus.PENDING, comment.status());
        assertEquals("Claire Petit", comment.authorName());
        assertEquals(1, blog.post(leaParent, classA, submitted.id()).comments().size());
        assertEquals(0, blog.post(hugoParent, classA, submitted.id()).comments().size());
        assertEquals(0, blog.overview(hugoParent, classA).posts().get(0).commentCount());
        PostDetail seenByTeacher = blog.post(teacher, classA, submitted.id());
        assertEquals(1, seenByTeacher.comments().size());
        assertTrue(seenByTeacher.comments().get(0).may(CommentAction.APPROVE));

        Comment approved = blog.approveComment(teacher, classA, submitted.id(), comment.id());
        assertEquals(CommentStatus.APPROVED, approved.status());
        assertEquals(List.of("Bravo à tous !"),
                blog.post(hugoParent, classA, submitted.id()).comments().stream().map(Comment::body).toList());
        assertEquals(1, blog.overview(hugo, classA).posts().get(0).commentCount());
    }

    @Test
    void teachersAndTheDirectorPublishDirectly() {
        assertEquals(PostStatus.PUBLISHED, blog.createPost(teacher, classA, "Rentrée", "Bienvenue", true).status());
        assertEquals(PostStatus.PUBLISHED, blog.createPost(director, classA, "Kermesse", "Samedi", true).status());
        assertEquals(PostStatus.DRAFT, blog.createPost(teacher, classA, "Brouillon", "Plus tard", false).status());
        // the teacher's own draft is theirs alone
        assertEquals(2, blog.overview(lea, classA).posts().size());
        assertEquals(3, blog.overview(teacher, classA).posts().size());
    }

    @Test
    void aPupilMayPublishDirectlyWhenTheClassAllowsIt() {
        Post draft = blog.createPost(lea, classA, "Mon dessin", "Un chat", false);
        assertEquals(PostStatus.SUBMITTED, blog.submit(lea, classA, draft.id()).status());

        blog.updateSettings(teacher, classA, new BlogSettings(CommentMode.IMMEDIATE, true));
        assertEquals(PostStatus.PUBLISHED, blog.createPost(hugo, classA, "Mon poème", "Vers", true).status());
        Post other = blog.createPost(hugo, classA, "Autre", "Texte", false);
        assertEquals(PostStatus.PUBLISHED, blog.submit(hugo, classA, other.id()).status());
    }

    @Test
    void draftsBelongToTheirAuthor() {
        Post draft = blog.createPost(lea, classA, "Secret", "Pas fini", false);
        assertNotFound(() -> blog.post(teacher, classA, draft.id()));
        assertNotFound(() -> blog.post(hugo, classA, draft.id()));
        assertNotFound(() -> blog.updatePost(hugo, classA, draft.id(), "Pirate", "x"));
        assertEquals("Fini", blog.updatePost(lea, classA, draft.id(), "Fini", "Voilà").title());
        assertTrue(blog.post(lea, classA, draft.id()).post().may(PostAction.SUBMIT));
        assertEquals(PostStatus.SUBMITTED, blog.submit(lea, classA, draft.id()).status());
        assertConflict(() -> blog.submit(lea, classA, draft.id()));
    }

    @Test
    void authorsChangeTheirPostsOnlyUntilPublished() {
        Post post = blog.createPost(lea, classA, "Titre", "Texte", true);
        blog.updatePost(lea, classA, post.id(), "Titre corrigé", "Texte");
        blog.submit(lea, classA, post.id());
        blog.publish(teacher, classA, post.id());

        assertForbidden(() -> blog.updatePost(lea, classA, post.id(), "Encore", "Texte"));
        assertForbidden(() -> blog.deletePost(lea, classA, post.id()));
        assertForbidden(() -> blog.updatePost(hugo, classA, post.id(), "Pirate", "Texte"));
        assertFalse(blog.post(lea, classA, post.id()).post().may(PostAction.EDIT));

        assertEquals("Titre du maître", blog.updatePost(teacher, classA, post.id(), "Titre du maître", "T").title());
        blog.deletePost(teacher, classA, post.id());
        assertNotFound(() -> blog.post(teacher, classA, post.id()));
    }

    @Test
    void aPupilsChangeAfterSubmittingNeedsSubmittingAgain() {
        Post submitted = blog.createPost(lea, classA, "Sortie", "Texte relu", true);
        assertEquals(PostStatus.SUBMITTED, submitted.status());
        Post changed = blog.updatePost(lea, classA, submitted.id(), "Sortie", "Texte jamais relu");
        assertEquals(PostStatus.DRAFT, changed.status());
        assertNotFound(() -> blog.publish(teacher, classA, submitted.id()));
        assertEquals(PostStatus.SUBMITTED, blog.submit(lea, classA, submitted.id()).status());
        Post published = blog.publish(teacher, classA, submitted.id());
        assertEquals(PostStatus.PUBLISHED, published.status());
        assertTrue(published.body().contains("jamais relu"), "the teacher publishes what was submitted last");
    }

    @Test
    void unpublishReturnsThePostToItsAuthorAsDraft() {
        Post post = blog.createPost(lea, classA, "Titre", "Texte", true);
        blog.publish(teacher, classA, post.id());
        Post back = blog.unpublish(teacher, classA, post.id());
        assertEquals(PostStatus.DRAFT, back.status());
        assertNull(back.publishedAt());
        assertEquals(List.of(), ids(blog.overview(hugo, classA)));
        assertTrue(blog.post(lea, classA, post.id()).post().may(PostAction.EDIT));
    }

    @Test
    void pupilsAndParentsCannotModerate() {
        Post post = blog.createPost(teacher, classA, "Info", "Texte", true);
        Post pupilPost = blog.createPost(lea, classA, "Moi", "Texte", true);
        Comment pending = blog.addComment(leaParent, classA, post.id(), "Merci");

        assertForbidden(() -> blog.publish(lea, classA, pupilPost.id()));
        assertForbidden(() -> blog.pin(lea, classA, post.id(), true));
        assertForbidden(() -> blog.unpublish(hugo, classA, post.id()));
        assertForbidden(() -> blog.approveComment(leaParent, classA, post.id(), pending.id()));
        assertForbidden(() -> blog.updateSettings(lea, classA, new BlogSettings(CommentMode.NONE, true)));
        assertForbidden(() -> blog.updateSettings(leaParent, classA, new BlogSettings(CommentMode.NONE, true)));
        assertForbidden(() -> blog.createPost(leaParent, classA, "Parent", "Texte", true));
        assertForbidden(() -> blog.deletePost(hugo, classA, post.id()));
        // someone else's pending comment does not exist for a pupil
        assertNotFound(() -> blog.approveComment(lea, classA, post.id(), pending.id()));
        assertNotFound(() -> blog.deleteComment(hugoParent, classA, post.id(), pending.id()));
        assertEquals(BlogSettings.DEFAULTS, blog.settings(teacher, classA));
    }

    @Test
    void commentsFollowTheClassSettings() {
        Post post = blog.createPost(teacher, classA, "Info", "Texte", true);
        assertEquals(CommentStatus.APPROVED, blog.addComment(teacher, classA, post.id(), "Le mot du maître").status());

        blog.updateSettings(teacher, classA, new BlogSettings(CommentMode.IMMEDIATE, false));
        assertEquals(CommentStatus.APPROVED, blog.addComment(hugoParent, classA, post.id(), "Super").status());

        assertEquals(new BlogSettings(CommentMode.NONE, false),
                blog.updateSettings(director, classA, new BlogSettings(CommentMode.NONE, false)));
        assertForbidden(() -> blog.addComment(hugoParent, classA, post.id(), "Encore"));
        assertFalse(blog.post(hugoParent, classA, post.id()).post().may(PostAction.COMMENT));

        Post draft = blog.createPost(lea, classA, "Brouillon", "Texte", false);
        blog.updateSettings(teacher, classA, new BlogSettings(CommentMode.IMMEDIATE, false));
        assertConflict(() -> blog.addComment(lea, classA, draft.id(), "Sur mon brouillon"));
        assertEquals(CommentMode.IMMEDIATE, blog.settings(lea, classA).comments());
    }

    @Test
    void commentsAreDeletedByTheirAuthorOrTheStaff() {
        Post post = blog.createPost(teacher, classA, "Info", "Texte", true);
        blog.updateSettings(teacher, classA, new BlogSettings(CommentMode.IMMEDIATE, false));
        Comment byParent = blog.addComment(leaParent, classA, post.id(), "Un");
        Comment byPupil = blog.addComment(hugo, classA, post.id(), "Deux");

        assertForbidden(() -> blog.deleteComment(hugo, classA, post.id(), byParent.id()));
        blog.deleteComment(leaParent, classA, post.id(), byParent.id());
        blog.deleteComment(teacher, classA, post.id(), byPupil.id());
        assertEquals(0, blog.post(teacher, classA, post.id()).comments().size());
        // a post's deletion takes its comments along
        blog.addComment(leaParent, classA, post.id(), "Trois");
        blog.deletePost(teacher, classA, post.id());
        assertEquals(List.of(), blog.overview(teacher, classA).posts());
    }

    @Test
    void pinnedPostsComeFirstThenTheNewest() {
        Post first = blog.createPost(teacher, classA, "Premier", "Texte", true);
        Post second = blog.createPost(teacher, classA, "Deuxième", "Texte", true);
        Post third = blog.createPost(teacher, classA, "Troisième", "Texte", true);
        assertEquals(List.of(third.id(), second.id(), first.id()), ids(blog.overview(hugo, classA)));

        assertTrue(blog.pin(teacher, classA, first.id(), true).pinned());
        assertEquals(List.of(first.id(), third.id(), second.id()), ids(blog.overview(hugo, classA)));
        assertFalse(blog.pin(director, classA, first.id(), false).pinned());
        assertEquals(List.of(third.id(), second.id(), first.id()), ids(blog.overview(hugo, classA)));
    }

    @Test
    void outsidersAndDisabledBlogsAreRefused() {
        Post post = blog.createPost(teacher, classA, "Info", "Texte", true);

        assertNotFound(() -> blog.overview(otherParent, classA));
        assertNotFound(() -> blog.post(otherParent, classA, post.id()));
        assertNotFound(() -> blog.addComment(otherParent, classA, post.id(), "Intrus"));
        // a member of class B naming a post of class A through its own class
        assertNotFound(() -> blog.post(otherTeacher, classB, post.id()));
        assertNotFound(() -> blog.publish(otherTeacher, classB, post.id()));
        assertNotFound(() -> blog.deletePost(otherTeacher, classB, post.id()));
        assertNotFound(() -> blog.post(teacher, classA, "no-such-post"));

        school.enable(classA, false);
        CartableException disabled = assertThrows(CartableException.class, () -> blog.overview(leaParent, classA));
        assertEquals(Kind.FORBIDDEN, disabled.kind());
        assertForbidden(() -> blog.createPost(teacher, classA, "Info", "Texte", true));
    }

    @Test
    void limitsAreEnforced() {
        assertBadRequest(() -> blog.createPost(teacher, classA, "", "Texte", true));
        assertBadRequest(() -> blog.createPost(teacher, classA, "   ", "Texte", true));
        assertBadRequest(() -> blog.createPost(teacher, classA, null, "Texte", true));
        assertBadRequest(() -> blog.createPost(teacher, classA, "x".repeat(201), "Texte", true));
        assertEquals(200, blog.createPost(teacher, classA, "x".repeat(200), "Texte", true).title().length());

        assertBadRequest(() -> blog.createPost(teacher, classA, "Titre", null, true));
        assertBadRequest(() -> blog.createPost(teacher, classA, "Titre", "<p> </p>", true));
        assertBadRequest(() -> blog.createPost(teacher, classA, "Titre", "<script>alert(1)</script>", true));
        assertBadRequest(() -> blog.createPost(teacher, classA, "Titre", "x".repeat(100_001), true));
        assertEquals(100_000, blog.createPost(teacher, classA, "Titre", "x".repeat(100_000), true).body().length());

        Post post = blog.createPost(teacher, classA, "Titre", "Texte", true);
        assertBadRequest(() -> blog.updatePost(teacher, classA, post.id(), "x".repeat(201), "Texte"));
        assertBadRequest(() -> blog.addComment(hugo, classA, post.id(), "x".repeat(5_001)));
        assertBadRequest(() -> blog.addComment(hugo, classA, post.id(), ""));
        assertEquals(5_000, blog.addComment(hugo, classA, post.id(), "x".repeat(5_000)).body().length());
        assertBadRequest(() -> blog.updateSettings(teacher, classA, new BlogSettings(null, false)));
    }

    @Test
    void bodiesGoThroughTheSanitizer() {
        Post post = blog.createPost(teacher, classA, "  Titre \n  sur deux lignes ",
                "<p>Bonjour</p><script>steal()</script>", true);
        assertEquals("<p>Bonjour</p>", post.body());
        assertEquals("Titre sur deux lignes", post.title());
        Comment comment = blog.addComment(teacher, classA, post.id(), "Merci<script>steal()</script>");
        assertEquals("Merci", comment.body());
    }

    @Test
    void theMigrationAppliesCleanlyTwice() throws Exception {
        try (Connection connection = db.dataSource().getConnection()) {
            // As SchemaMigrator does on every activation. Not TestDatabase.migrate: a run with nothing to apply
            // leaves Liquibase's read transaction open and Derby refuses to close the connection.
            Database database = DatabaseFactory.getInstance()
                    .findCorrectDatabaseImplementation(new JdbcConnection(connection));
            Liquibase liquibase = new Liquibase(BlogService.CHANGELOG, new ClassLoaderResourceAccessor(), database);
            assertEquals(List.of(), liquibase.listUnrunChangeSets(null, null));
            liquibase.update("");
            connection.commit();
        }
        try (Connection connection = db.dataSource().getConnection();
             ResultSet tables = connection.getMetaData().getTables(null, null, "BLOG_%", null)) {
            List<String> names = new ArrayList<>();
            while (tables.next()) {
                names.add(tables.getString("TABLE_NAME"));
            }
            assertEquals(List.of("BLOG_BLOG", "BLOG_COMMENT", "BLOG_POST"), names.stream().sorted().toList());
        }
        // and the service still works on it
        assertEquals(PostStatus.PUBLISHED, blog.createPost(teacher, classA, "Après", "Texte", true).status());
    }

    private static List<String> ids(BlogOverview overview) {
        return overview.posts().stream().map(Post::id).toList();
    }

    private static void assertNotFound(Executable call) {
        assertEquals(Kind.NOT_FOUND, assertThrows(CartableException.class, call).kind());
    }

    private static void assertForbidden(Executable call) {
        assertEquals(Kind.FORBIDDEN, assertThrows(CartableException.class, call).kind());
    }

    private static void assertBadRequest(Executable call) {
        assertEquals(Kind.BAD_REQUEST, assertThrows(CartableException.class, call).kind());
    }

    private static void assertConflict(Executable call) {
        assertEquals(Kind.CONFLICT, assertThrows(CartableException.class, call).kind());
    }
}
