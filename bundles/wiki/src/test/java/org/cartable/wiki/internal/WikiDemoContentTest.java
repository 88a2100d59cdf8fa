package org.cartable.wiki.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.util.List;
import java.util.Map;

import org.cartable.api.Caller;
import org.cartable.api.ClassRelation;
import org.cartable.api.Role;
import org.cartable.api.demo.DemoDirectory;
import org.cartable.testing.FakeSchool;
import org.cartable.testing.RecordingNotifications;
import org.cartable.testing.TestDatabase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The demo wikis are written through the service, with versions by several people, and only once. */
class WikiDemoContentTest {

    private final TestDatabase db = new TestDatabase().migrate(WikiService.CHANGELOG);

    @AfterEach
    void close() {
        db.close();
    }

    @Test
    void seedsBothClassesOnce() {
        FakeSchool school = new FakeSchool(WikiApp.ID);
        Map<String, Caller> people = Map.of(
                "teacher", school.person("t1", "Mme Martin", Role.TEACHER),
                "pupil", school.person("p1", "Léa Martin", Role.PUPIL),
                "a1.pupil3", school.person("p3", "Inès Roux", Role.PUPIL),
                "teacher2", school.person("t2", "M. Bernard", Role.TEACHER),
                "pupilb", school.person("pb", "Hugo Martin", Role.PUPIL));
        Map<String, String> classes = Map.of("CM1 A", "a1", "CP B", "b1");
        school.relate(people.get("teacher"), new ClassRelation("a1", true, false, false, List.of()));
        school.relate(people.get("pupil"), new ClassRelation("a1", false, false, true, List.of()));
        school.relate(people.get("a1.pupil3"), new ClassRelation("a1", false, false, true, List.of()));
        school.relate(people.get("teacher2"), new ClassRelation("b1", true, false, false, List.of()));
        school.relate(people.get("pupilb"), new ClassRelation("b1", false, false, true, List.of()));
        school.enable("a1", true);
        school.enable("b1", true);
        RecordingNotifications feed = new RecordingNotifications();
        WikiService wiki = TestWikis.service(db.jpa("cartable-wiki"), school, school, feed);
        DemoDirectory directory = new DemoDirectory() {
            @Override
            public Caller caller(String login) {
                return people.get(login);
            }

            @Override
            public String classId(String className) {
                return classes.get(className);
            }

            @Override
            public Clock clock() {
                return Clock.systemUTC();
            }
        };
        WikiDemoContent demo = new WikiDemoContent(wiki);
        assertEquals("wiki", demo.appId());
        demo.seed(directory);
        demo.seed(directory);

        Caller teacher = people.get("teacher");
        TreeNode tree = wiki.overview(teacher, "a1").tree();
        assertEquals(List.of("Le système solaire", "Nos exposés"), tree.children().stream().map(TreeNode::title).toList());
        assertEquals(List.of("Le Soleil", "Les planètes", "La Lune"),
                tree.children().get(0).children().stream().map(TreeNode::title).toList());
        String planets = wiki.findByTitle(teacher, "a1", "Les planètes").orElseThrow();
        assertEquals(List.of("Inès Roux", "Léa Martin", "Mme Martin"),
                wiki.history(teacher, "a1", planets).stream().map(VersionInfo::authorName).toList());
        String solar = wiki.findByTitle(teacher, "a1", "Le système solaire").orElseThrow();
        WikiPage solarPage = wiki.page(teacher, "a1", solar);
        assertEquals(2, solarPage.comments().size());
        assertTrue(solarPage.html().contains("wiki-missing"), "a page still to write: " + solarPage.html());
        assertEquals(List.of("Les animaux de la ferme"),
                wiki.overview(people.get("teacher2"), "b1").tree().children().stream().map(TreeNode::title).toList());
        assertTrue(feed.published().size() >= 3, "the teachers heard of their pupils' edits: " + feed.published());
    }
}
