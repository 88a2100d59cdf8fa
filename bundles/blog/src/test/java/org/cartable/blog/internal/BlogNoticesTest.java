package org.cartable.blog.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

import org.apache.aries.jpa.template.JpaTemplate;
import org.cartable.api.Caller;
import org.cartable.api.ClassRelation;
import org.cartable.api.Role;
import org.cartable.api.demo.DemoDirectory;
import org.cartable.api.notify.EmailDelivery;
import org.cartable.api.notify.Notice;
import org.cartable.api.notify.NoticeType;
import org.cartable.api.notify.Notifications;
import org.cartable.testing.FakeSchool;
import org.cartable.testing.ScriptStripper;
import org.cartable.testing.TestDatabase;
import org.cartable.testing.TickingClock;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What the blog tells the platform's feed, and its demo content. */
class BlogNoticesTest {

    private static TestDatabase db;
    private static JpaTemplate jpa;

    private final String classA = "class-a-" + UUID.randomUUID();
    private final String classB = "class-b-" + UUID.randomUUID();
    private final FakeSchool school = new FakeSchool(BlogApp.ID);
    private final Caller teacher = school.person("teacher", "Mme Martin", Role.TEACHER);
    private final Caller teacherB = school.person("teacher-b", "M. Noir", Role.TEACHER);
    private final Caller lea = school.person("lea", "Léa Petit", Role.PUPIL);
    private final Caller hugo = school.person("hugo", "Hugo Roux", Role.PUPIL);
    private final Caller leaParent = school.person("lea-parent", "Claire Petit", Role.PARENT);
    private final Caller hugoParent = school.person("hugo-parent", "Paul Roux", Role.PARENT);
    private final List<Notice> published = new CopyOnWriteArrayList<>();
    private final Notifications recorder = notice -> {
        published.add(notice);
        return 1;
    };
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
        school.relate(lea, new ClassRelation(classA, false, false, true, List.of()));
        school.relate(hugo, new ClassRelation(classA, false, false, true, List.of()));
        school.relate(leaParent, new ClassRelation(classA, false, false, false, List.of("lea")));
        school.relate(hugoParent, new ClassRelation(classA, false, false, false, List.of("hugo")));
        school.relate(teacherB, new ClassRelation(classB, true, false, false, List.of()));
        school.enable(classA, true);
        school.enable(classB, true);
        blog = new BlogService(jpa, school, school, new ScriptStripper(), new TickingClock());
        blog.bindNotifications(recorder);
    }

    @Test
    void aTeachersPublishedPostIsAnnouncedToPupilsAndTheirParents() {
        Post post = blog.createPost(teacher, classA, "La chorale", "<p>Concert vendredi</p>", true);

        assertEquals(1, published.size());
        Notice notice = published.get(0);
        assertEquals(BlogApp.POST_PUBLISHED, notice.type());
        assertEquals(BlogApp.ID, notice.appId());
        assertEquals(classA, notice.classId());
        assertEquals(teacher.userId(), notice.actorId());
        assertEquals(Set.of("lea", "hugo"), notice.audience().pupilsAndParents());
        assertEquals("blog/" + classA + "/post/" + post.id(), notice.link());
        assertEquals("Nouvel article sur le blog : « La chorale »", notice.text().in(Locale.FRENCH));
        assertEquals("New post on the blog: \"La chorale\"", notice.text().in(Locale.ENGLISH));
    }

    @Test
    void aDraftIsNotAnnouncedAndASubmittedPostPublishedByTheTeacherTellsItsAuthor() {
        blog.createPost(teacher, classA, "Brouillon", "<p>...</p>", false);
        Post submitted = blog.createPost(lea, classA, "Mon dessin", "<p>Un chat</p>", true);
        assertEquals(List.of(), published);

        blog.publish(teacher, classA, submitted.id());
        assertEquals(List.of(BlogApp.POST_PUBLISHED, BlogApp.POST_APPROVED),
                published.stream().map(Notice::type).toList());
        assertEquals(Set.of("lea"), published.get(1).audience().persons());
        blog.publish(teacher, classA, submitted.id());
        assertEquals(2, published.size(), "publishing again announces nothing");
    }

    @Test
    void aCommentAwaitingApprovalIsAnnouncedToTheTeachers() {
        Post post = blog.createPost(teacher, classA, "Sortie", "<p>Musée</p>", true);
        published.clear();
        blog.addComment(leaParent, classA, post.id(), "<p>Merci !</p>");

        assertEquals(1, published.size());
        assertEquals(BlogApp.COMMENT_PENDING, published.get(0).type());
        assertEquals(Set.of("teacher"), published.get(0).audience().persons());
        assertEquals(leaParent.userId(), published.get(0).actorId());
    }

    @Test
    void theBlogWorksWithoutTheNotificationService() {
        blog.unbindNotifications(recorder);
        blog.createPost(teacher, classA, "Sans fil", "<p>ok</p>", true);
        assertEquals(List.of(), published);
    }

    @Test
    void theAppDeclaresItsNoticeTypesInBothLanguages() {
        List<NoticeType> types = new BlogApp().noticeTypes();
        assertEquals(List.of(BlogApp.POST_PUBLISHED, BlogApp.POST_APPROVED, BlogApp.COMMENT_PENDING),
                types.stream().map(NoticeType::id).toList());
        assertEquals(EmailDelivery.DAILY_DIGEST, types.get(0).defaultEmail());
        assertEquals("New post published on the blog", types.get(0).label().in(Locale.ENGLISH));
    }

    @Test
    void demoContentFillsBothDemoClassesThroughTheBlogsRules() {
        Map<String, Caller> logins = Map.of("teacher", teacher, "pupil", lea, "parent", leaParent,
                "parent2", hugoParent, "teacher2", teacherB);
        Map<String, String> classes = Map.of("CM1 A", classA, "CP B", classB);
        new BlogDemoContent(blog).seed(new DemoDirectory() {
            @Override
            public Caller caller(String login) {
                return logins.get(login);
            }

            @Override
            public String classId(String className) {
                return classes.get(className);
            }

            @Override
            public Clock clock() {
                return Clock.systemUTC();
            }
        });

        BlogOverview a = blog.overview(leaParent, classA);
        assertEquals(3, a.posts().size());
        assertTrue(a.posts().get(0).pinned());
        assertTrue(a.posts().stream().allMatch(p -> p.status() == PostStatus.PUBLISHED));
        assertEquals(2, a.posts().stream().mapToInt(Post::commentCount).sum());
        assertEquals(1, blog.overview(teacherB, classB).posts().size());
    }
}
