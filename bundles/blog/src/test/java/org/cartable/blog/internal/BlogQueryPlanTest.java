package org.cartable.blog.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;

import org.cartable.api.Caller;
import org.cartable.api.ClassRelation;
import org.cartable.api.Role;
import org.cartable.testing.QueryPlans;
import org.cartable.testing.FakeSchool;
import org.cartable.testing.ScriptStripper;
import org.cartable.testing.TickingClock;
import org.cartable.testing.TestDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestInstance.Lifecycle;

/**
 * The blog page of the load scenarios (a parent's, a teacher's) stays index lookups among a department's posts and
 * comments, and runs as many statements for 4 posts as for 16.
 */
@TestInstance(Lifecycle.PER_CLASS)
class BlogQueryPlanTest {

    private static final String A = "class-a";
    private static final String SMALL = "class-small";
    private static final int OTHER_CLASSES = 300;
    private static final int OTHER_POSTS = 10;
    private static final String[] GROWING = {"BLOG_POST", "BLOG_COMMENT"};

    private final FakeSchool school = new FakeSchool(BlogApp.ID);
    private final Caller teacher = school.person("teacher", "Mme Martin", Role.TEACHER);
    private final Caller teacherSmall = school.person("teacher-small", "M. Petit", Role.TEACHER);
    private final Caller lea = school.person("lea", "Léa", Role.PUPIL);
    private final Caller parent = school.person("parent", "Sophie", Role.PARENT);
    private TestDatabase db;
    private BlogService blog;

    @BeforeAll
    void seed() {
        school.relate(teacher, new ClassRelation(A, true, false, false, List.of()));
        school.relate(teacherSmall, new ClassRelation(SMALL, true, false, false, List.of()));
        school.relate(lea, new ClassRelation(A, false, false, true, List.of()));
        school.relate(parent, new ClassRelation(A, false, false, false, List.of("lea")));
        school.relate(parent, new ClassRelation(SMALL, false, false, false, List.of("lea")));
        school.enable(A, true);
        school.enable(SMALL, true);
        db = new TestDatabase().migrate(BlogService.CHANGELOG);
        blog = new BlogService(db.jpa("cartable-blog"), school, school, new ScriptStripper(),
                new TickingClock());
        seedOtherClasses();
        for (int p = 0; p < 16; p++) {
            post(teacher, A, "Sortie " + p);
        }
        for (int p = 0; p < 4; p++) {
            post(teacherSmall, SMALL, "Petite sortie " + p);
        }
        db.withoutStatistics();
    }

    private void post(Caller author, String classId, String title) {
        Post post = blog.createPost(author, classId, title, "<p>Texte</p>", true);
        blog.addComment(parent, classId, post.id(), "Merci !");
        blog.addComment(author, classId, post.id(), "Avec plaisir");
    }

    @AfterAll
    void close() {
        db.close();
    }

    /** The rest of the department: 3 000 posts, 4 comments each (one pending). */
    private void seedOtherClasses() {
        Timestamp at = Timestamp.from(Instant.parse("2026-09-10T08:00:00Z"));
        int posts = OTHER_CLASSES * OTHER_POSTS;
        db.insertRows("insert into BLOG_POST (ID, CLASS_ID, AUTHOR_ID, TITLE, BODY, STATUS, PINNED, CREATED_AT,"
                        + " UPDATED_AT, PUBLISHED_AT) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", posts,
                i -> new Object[] {"p-" + i, "other-" + i / OTHER_POSTS, "t-" + i / OTHER_POSTS, "Sortie",
                        "<p>x</p>", "PUBLISHED", false, at, at, at});
        db.insertRows("insert into BLOG_COMMENT (ID, POST_ID, AUTHOR_ID, BODY, STATUS, CREATED_AT)"
                        + " values (?, ?, ?, ?, ?, ?)", posts * 4,
                i -> new Object[] {"c-" + i, "p-" + i / 4, "parent-" + i % 7, "Bravo",
                        i % 4 == 3 ? "PENDING" : "APPROVED", at});
    }

    private QueryPlans plans() {
        return db.queryPlans();
    }

    @Test
    void aParentsBlogPageIsIndexLookupsWhateverTheNumberOfPosts() {
        QueryPlans.Captured<BlogOverview> many = plans().capture(() -> blog.overview(parent, A));
        QueryPlans.Captured<BlogOverview> few = plans().capture(() -> blog.overview(parent, SMALL));
        assertEquals(16, many.result().posts().size());
        assertEquals(2, many.result().posts().get(0).commentCount());
        print("parent blog 16 posts", many.report());
        many.report().assertNoFullScanOf(GROWING);
        few.report().assertNoFullScanOf(GROWING);
        assertEquals(few.report().statementCount(), many.report().statementCount(),
                "statements for 4 posts vs 16:\n" + few.report() + "\n" + many.report());
    }

    @Test
    void theTeachersBlogPageIsIndexLookupsWhateverTheNumberOfPosts() {
        QueryPlans.Captured<BlogOverview> many = plans().capture(() -> blog.overview(teacher, A));
        QueryPlans.Captured<BlogOverview> few = plans().capture(() -> blog.overview(teacherSmall, SMALL));
        assertEquals(16, many.result().posts().size());
        print("teacher blog 16 posts", many.report());
        many.report().assertNoFullScanOf(GROWING);
        few.report().assertNoFullScanOf(GROWING);
        assertEquals(few.report().statementCount(), many.report().statementCount(),
                "statements for 4 posts vs 16:\n" + few.report() + "\n" + many.report());
    }

    @Test
    void aPostWithItsCommentsIsIndexLookups() {
        String postId = blog.overview(parent, A).posts().get(0).id();
        QueryPlans.Report report = plans().capture(() -> blog.post(parent, A, postId)).report();
        print("post detail", report);
        report.assertNoFullScanOf(GROWING);
    }

    private static void print(String what, QueryPlans.Report report) {
        System.out.println("[BlogQueryPlanTest] " + what + ": " + report.statementCount() + " statements, whole reads "
                + report.fullScans() + ", rows visited " + report.rowsVisited());
    }
}
