package org.cartable.blog.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.UUID;

import org.apache.aries.jpa.template.JpaTemplate;
import org.cartable.api.Caller;
import org.cartable.api.ClassRelation;
import org.cartable.api.Role;
import org.cartable.api.privacy.FormerUser;
import org.cartable.testing.FakeSchool;
import org.cartable.testing.RecordingSink;
import org.cartable.testing.ScriptStripper;
import org.cartable.testing.TestDatabase;
import org.cartable.testing.TickingClock;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The blog's export and erase, on the real schema. */
class BlogPersonalDataTest {

    private static TestDatabase db;
    private static JpaTemplate jpa;

    private final String classA = "class-a-" + UUID.randomUUID();
    private final FakeSchool school = new FakeSchool(BlogApp.ID);
    private final Caller teacher = school.person("teacher-" + classA, "Mme Martin", Role.TEACHER);
    private final Caller lea = school.person("lea-" + classA, "Léa Petit", Role.PUPIL);
    private final Caller leaParent = school.person("lea-parent-" + classA, "Claire Petit", Role.PARENT);
    private final Caller hugoParent = school.person("hugo-parent-" + classA, "Paul Roux", Role.PARENT);

    private BlogService blog;
    private BlogPersonalData privacy;

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
        school.relate(leaParent, new ClassRelation(classA, false, false, false, List.of(lea.userId())));
        school.relate(hugoParent, new ClassRelation(classA, false, false, false, List.of("hugo")));
        school.enable(classA, true);
        blog = new BlogService(jpa, school, school, new ScriptStripper(), new TickingClock());
        privacy = new BlogPersonalData(jpa);
    }

    @Test
    void aParentsCommentsAreExportedThenTheApprovedOneStaysAsAFormerUsersAndThePendingOneGoes() throws Exception {
        Post post = blog.createPost(teacher, classA, "Sortie", "<p>Au musée</p>", true);
        Comment approved = blog.addComment(leaParent, classA, post.id(), "Merci !");
        blog.approveComment(teacher, classA, post.id(), approved.id());
        blog.addComment(leaParent, classA, post.id(), "Encore merci (en attente)");
        Comment other = blog.addComment(hugoParent, classA, post.id(), "Bravo");
        blog.approveComment(teacher, classA, post.id(), other.id());

        RecordingSink sink = new RecordingSink();
        privacy.export(leaParent.userId(), sink);
        assertEquals(2, sink.rows("comments").size(), sink::text);
        assertEquals("Sortie", sink.rows("comments").get(0).get("postTitle"));
        assertFalse(sink.json.containsKey("posts"), "she wrote no post");

        privacy.erase(leaParent.userId());
        privacy.erase(leaParent.userId()); // idempotent: the purge may call it again

        List<Comment> comments = blog.post(teacher, classA, post.id()).comments();
        assertEquals(2, comments.size(), "her pending comment is gone: " + comments);
        assertEquals(FormerUser.ID, comments.stream().filter(c -> c.id().equals(approved.id())).findFirst()
                .orElseThrow().authorId(), "her approved comment stays, as the former user's");
        assertEquals(hugoParent.userId(), comments.stream().filter(c -> c.id().equals(other.id())).findFirst()
                .orElseThrow().authorId(), "another parent's comment is untouched");

        RecordingSink after = new RecordingSink();
        privacy.export(leaParent.userId(), after);
        assertTrue(after.json.isEmpty(), "nothing left about her: " + after.text());
    }

    @Test
    void aPupilsPublishedPostStaysWithTheClassAndHerDraftGoes() throws Exception {
        Post published = blog.publish(teacher, classA,
                blog.createPost(lea, classA, "Notre potager", "<p>Les tomates</p>", true).id());
        Post draft = blog.createPost(lea, classA, "Brouillon", "<p>à finir</p>", false);
        Post teachers = blog.createPost(teacher, classA, "Mot de la maîtresse", "<p>Bonjour</p>", true);

        RecordingSink sink = new RecordingSink();
        privacy.export(lea.userId(), sink);
        assertEquals(List.of("Notre potager", "Brouillon"),
                sink.rows("posts").stream().map(r -> r.get("title")).toList());
        assertEquals("<p>Les tomates</p>", sink.rows("posts").get(0).get("body"), "bodies come out as text");

        privacy.erase(lea.userId());

        List<String> ids = blog.overview(teacher, classA).posts().stream().map(Post::id).toList();
        assertTrue(ids.contains(published.id()) && ids.contains(teachers.id()), ids::toString);
        assertFalse(ids.contains(draft.id()), "her draft is deleted");
        assertEquals(FormerUser.ID, blog.post(teacher, classA, published.id()).post().authorId());
        assertEquals(teacher.userId(), blog.post(teacher, classA, teachers.id()).post().authorId());
    }
}
