package org.cartable.wiki.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.apache.aries.jpa.template.JpaTemplate;
import org.cartable.api.Caller;
import org.cartable.api.CartableException;
import org.cartable.api.CartableException.Kind;
import org.cartable.api.ClassRelation;
import org.cartable.api.Role;
import org.cartable.api.notify.Notice;
import org.cartable.testing.FakeSchool;
import org.cartable.testing.RecordingNotifications;
import org.cartable.testing.ScriptStripper;
import org.cartable.testing.TestDatabase;
import org.cartable.testing.TickingClock;
import org.cartable.wiki.internal.data.VersionEntity;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/** The wiki's rules on the real changelog and persistence unit, over in-memory Derby. */
class WikiServiceTest {

    /* One database for the class (Hibernate starts in seconds); each test works in classes of its own. */
    private static TestDatabase db;
    private static JpaTemplate jpa;

    private final String classA = "class-a-" + UUID.randomUUID();
    private final String classB = "class-b-" + UUID.randomUUID();

    private final FakeSchool school = new FakeSchool(WikiApp.ID);
    private final Caller teacher = school.person("teacher", "Mme Martin", Role.TEACHER);
    private final Caller director = school.person("director", "M. Leroy", Role.DIRECTOR);
    private final Caller lea = school.person("lea", "Léa Petit", Role.PUPIL);
    private final Caller hugo = school.person("hugo", "Hugo Roux", Role.PUPIL);
    private final Caller leaParent = school.person("lea-parent", "Claire Petit", Role.PARENT);
    private final Caller otherTeacher = school.person("other-teacher", "M. Noir", Role.TEACHER);
    private final RecordingNotifications feed = new RecordingNotifications();

    private WikiService wiki;

    @BeforeAll
    static void openDatabase() {
        db = new TestDatabase().migrate(WikiService.CHANGELOG);
        jpa = db.jpa("cartable-wiki");
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
        school.relate(otherTeacher, new ClassRelation(classB, true, false, false, List.of()));
        school.enable(classA, true);
        school.enable(classB, true);
        wiki = new WikiService(jpa, school, school, new ScriptStripper(), new TickingClock(),
                feed);
    }

    @Test
    void theHomePageIsCreatedOnFirstAccessAndEmptyUntilWritten() {
        WikiOverview overview = wiki.overview(leaParent, classA);
        assertTrue(overview.tree().home());
        assertEquals("Accueil", overview.tree().title());
        assertFalse(overview.canEdit(), "parents read");
        assertEquals(overview.tree().id(), wiki.homeId(teacher, classA), "one home page, whoever comes first");
        WikiPage home = wiki.page(lea, classA, overview.tree().id());
        assertEquals(0, home.version());
        assertEquals(List.of(), wiki.history(lea, classA, home.id()));

        WikiPage written = wiki.savePage(teacher, classA, home.id(), "Accueil", "<p>Bienvenue</p>", 0);
        assertEquals(1, written.version());
        assertEquals("Mme Martin", written.updatedByName());
    }

    @Test
    void everySaveIsAVersionAndRestoringCopiesAnOldOne() {
        WikiPage page = wiki.createPage(teacher, classA, "Les planètes", "<p>Huit planètes.</p>", null);
        assertEquals(1, page.version());
        assertEquals(List.of("Accueil"), page.ancestors().stream().map(PageRef::title).toList());
        WikiPage byLea = wiki.savePage(lea, classA, page.id(), "Les planètes",
                "<p>Huit planètes. Jupiter est la plus grosse.</p>", 1);
        assertEquals(2, byLea.version());

        List<VersionInfo> history = wiki.history(leaParent, classA, page.id());
        assertEquals(List.of(2, 1), history.stream().map(VersionInfo::number).toList());
        assertEquals(List.of("Léa Petit", "Mme Martin"), history.stream().map(VersionInfo::authorName).toList());
        assertTrue(history.get(0).createdAt().isAfter(history.get(1).createdAt()));

        // saving the same text again writes no version
        assertEquals(2, wiki.savePage(lea, classA, page.id(), "Les planètes",
                "<p>Huit planètes. Jupiter est la plus grosse.</p>", 2).version());

        WikiPage restored = wiki.restore(teacher, classA, page.id(), 1, 2);
        assertEquals(3, restored.version());
        assertEquals("<p>Huit planètes.</p>", restored.content());
        VersionInfo third = wiki.history(teacher, classA, page.id()).get(0);
        assertEquals(1, third.restoredFrom());
        assertEquals("Mme Martin", third.authorName());
        assertEquals("<p>Huit planètes. Jupiter est la plus grosse.</p>",
                wiki.version(teacher, classA, page.id(), 2).content(), "old versions never change");
        assertConflict(() -> wiki.restore(teacher, classA, page.id(), 3, 3));
        assertNotFound(() -> wiki.restore(teacher, classA, page.id(), 9, 3));
    }

    @Test
    void aStaleSaveIsRefusedNamingWhoSavedInBetween() {
        WikiPage page = wiki.createPage(teacher, classA, "La Lune", "<p>Un satellite.</p>", null);
        wiki.savePage(lea, classA, page.id(), "La Lune", "<p>Un satellite de la Terre.</p>", 1);

        EditConflict conflict = assertThrows(EditConflict.class, () ->
                wiki.savePage(teacher, classA, page.id(), "La Lune", "<p>Le satellite naturel.</p>", 1));
        assertEquals(Kind.CONFLICT, conflict.kind());
        assertEquals(1, conflict.baseVersion());
        assertEquals(2, conflict.latestVersion());
        assertEquals("Léa Petit", conflict.latestAuthorName());
        assertTrue(conflict.getMessage().startsWith("Léa Petit saved version 2"), conflict.getMessage());
        assertEquals("<p>Un satellite de la Terre.</p>", wiki.page(teacher, classA, page.id()).content(),
                "nothing overwritten");
        assertEquals(2, wiki.history(teacher, classA, page.id()).size());
        // a stale restore is refused the same way
        assertThrows(EditConflict.class, () -> wiki.restore(teacher, classA, page.id(), 1, 1));
        assertBadRequest(() -> wiki.savePage(teacher, classA, page.id(), "La Lune", "x", 7));
    }

    @Test
    void ofTwoSavesRacingFromTheSameBaseExactlyOneWins() throws Exception {
        WikiPage page = wiki.createPage(teacher, classA, "Course", "<p>Départ</p>", null);
        int writers = 4;
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(writers);
        try {
            List<Future<Integer>> results = new ArrayList<>();
            for (int i = 0; i < writers; i++) {
                Caller writer = i % 2 == 0 ? lea : hugo;
                String text = "<p>Arrivée " + i + "</p>";
                Callable<Integer> save = () -> {
                    start.await();
                    try {
                        return wiki.savePage(writer, classA, page.id(), "Course", text, 1).version();
                    } catch (CartableException refused) {
                        assertEquals(Kind.CONFLICT, refused.kind(), refused::getMessage);
                        return -1;
                    }
                };
                results.add(pool.submit(save));
            }
            start.countDown();
            List<Integer> versions = new ArrayList<>();
            for (Future<Integer> result : results) {
                versions.add(result.get(60, TimeUnit.SECONDS));
            }
            assertEquals(1, versions.stream().filter(v -> v == 2).count(), "one save wins: " + versions);
            assertEquals(writers - 1, versions.stream().filter(v -> v == -1).count(), "the others are told: " + versions);
        } finally {
            pool.shutdownNow();
        }
        assertEquals(List.of(2, 1), wiki.history(teacher, classA, page.id()).stream().map(VersionInfo::number).toList());
    }

    @Test
    void theDatabaseRefusesASecondVersionWithTheSameNumber() {
        WikiPage page = wiki.createPage(teacher, classA, "Garde", "<p>x</p>", null);
        assertThrows(RuntimeException.class, () -> jpa.tx(em -> em.persist(new VersionEntity(
                UUID.randomUUID().toString(), page.id(), 1, "Garde", "<p>y</p>", "lea", java.time.Instant.now(), null))));
        assertEquals(List.of(1), wiki.history(teacher, classA, page.id()).stream().map(VersionInfo::number).toList());
    }

    @Test
    void pagesMoveInTheTreeButNeverBelowThemselves() {
        String home = wiki.homeId(teacher, classA);
        WikiPage a = wiki.createPage(teacher, classA, "A", "", null);
        WikiPage b = wiki.createPage(lea, classA, "B", "", a.id());
        WikiPage c = wiki.createPage(teacher, classA, "C", "", b.id());
        WikiPage d = wiki.createPage(teacher, classA, "D", "", null);
        assertEquals(List.of("Accueil", "A", "B"),
                wiki.page(teacher, classA, c.id()).ancestors().stream().map(PageRef::title).toList());

        assertConflict(() -> wiki.movePage(teacher, classA, a.id(), c.id(), 0));
        assertConflict(() -> wiki.movePage(teacher, classA, a.id(), a.id(), 0));
        assertConflict(() -> wiki.movePage(teacher, classA, home, a.id(), 0));

        // C goes first under the home page, before A and D
        wiki.movePage(lea, classA, c.id(), home, 0);
        TreeNode tree = wiki.overview(teacher, classA).tree();
        assertEquals(List.of("C", "A", "D"), tree.children().stream().map(TreeNode::title).toList());
        assertEquals(List.of("B"), tree.children().get(1).children().stream().map(TreeNode::title).toList());
        // D between C and A; a position past the end means last
        wiki.movePage(teacher, classA, d.id(), home, 1);
        wiki.movePage(teacher, classA, b.id(), home, 99);
        assertEquals(List.of("C", "D", "A", "B"),
                wiki.overview(teacher, classA).tree().children().stream().map(TreeNode::title).toList());
        // moving keeps the content and the versions
        assertEquals(1, wiki.page(teacher, classA, b.id()).version());
        assertForbidden(() -> wiki.movePage(leaParent, classA, b.id(), a.id(), 0));
    }

    @Test
    void aPageWithSubPagesIsNotDeletedAndOnlyTeachersDelete() {
        WikiPage parent = wiki.createPage(teacher, classA, "Parent", "<p>x</p>", null);
        WikiPage child = wiki.createPage(lea, classA, "Enfant", "<p>y</p>", parent.id());
        wiki.addComment(lea, classA, child.id(), "Bien");
        assertFalse(wiki.page(teacher, classA, parent.id()).may(PageAction.DELETE));
        CartableException refused = assertThrows(CartableException.class,
                () -> wiki.deletePage(teacher, classA, parent.id()));
        assertEquals(Kind.CONFLICT, refused.kind());
        assertEquals("This page has sub-pages: move or delete them first.", refused.getMessage());
        assertForbidden(() -> wiki.deletePage(lea, classA, child.id()));
        assertConflict(() -> wiki.deletePage(teacher, classA, wiki.homeId(teacher, classA)));

        wiki.deletePage(teacher, classA, child.id());
        assertNotFound(() -> wiki.page(teacher, classA, child.id()));
        wiki.deletePage(director, classA, parent.id());
        assertTrue(wiki.overview(teacher, classA).tree().children().isEmpty());
    }

    @Test
    void parentsReadAndPupilsEditUnlessTheTeacherKeepsEditingForTeachers() {
        WikiPage page = wiki.createPage(teacher, classA, "Règles", "<p>Respect</p>", null);
        assertEquals("<p>Respect</p>", wiki.page(leaParent, classA, page.id()).content());
        assertEquals(java.util.Set.of(), wiki.page(leaParent, classA, page.id()).actions());
        assertForbidden(() -> wiki.savePage(leaParent, classA, page.id(), "Règles", "<p>Pirate</p>", 1));
        assertForbidden(() -> wiki.createPage(leaParent, classA, "Parents", "<p>x</p>", null));
        assertForbidden(() -> wiki.addComment(leaParent, classA, page.id(), "Merci"));
        assertForbidden(() -> wiki.updateSettings(lea, classA, new WikiSettings(true)));

        wiki.updateSettings(teacher, classA, new WikiSettings(true));
        assertTrue(wiki.settings(lea, classA).teachersOnly());
        assertFalse(wiki.overview(lea, classA).canEdit());
        assertFalse(wiki.page(lea, classA, page.id()).may(PageAction.EDIT));
        CartableException refused = assertThrows(CartableException.class,
                () -> wiki.savePage(lea, classA, page.id(), "Règles", "<p>Moins</p>", 1));
        assertEquals(Kind.FORBIDDEN, refused.kind());
        assertTrue(refused.getMessage().contains("teachers"), refused.getMessage());
        assertForbidden(() -> wiki.createPage(lea, classA, "Nouvelle", "", null));
        // pupils still comment: that is how they suggest a change
        assertEquals("Léa Petit", wiki.addComment(lea, classA, page.id(), "Et la politesse ?").authorName());
        assertEquals(2, wiki.savePage(director, classA, page.id(), "Règles", "<p>Respect, politesse</p>", 1)
                .version());

        wiki.updateSettings(teacher, classA, new WikiSettings(false));
        assertEquals(3, wiki.savePage(lea, classA, page.id(), "Règles", "<p>Respect et politesse</p>", 2)
                .version());
    }

    @Test
    void nobodyOutsideTheClassSeesAnything() {
        WikiPage page = wiki.createPage(teacher, classA, "Secret de classe", "<p>x</p>", null);
        Caller stranger = school.person("stranger", "Anne Blanc", Role.PARENT);
        assertNotFound(() -> wiki.overview(stranger, classA));
        assertNotFound(() -> wiki.page(stranger, classA, page.id()));
        // a teacher of another class, through their own class's wiki
        assertNotFound(() -> wiki.page(otherTeacher, classB, page.id()));
        assertNotFound(() -> wiki.history(otherTeacher, classB, page.id()));
        assertNotFound(() -> wiki.savePage(otherTeacher, classB, page.id(), "Volé", "<p>y</p>", 1));
        assertNotFound(() -> wiki.compare(otherTeacher, classB, page.id(), 1, 1));
        assertNotFound(() -> wiki.addComment(otherTeacher, classB, page.id(), "Intrus"));
        assertEquals(List.of(), wiki.overview(otherTeacher, classB).tree().children());
        school.enable(classA, false);
        assertForbidden(() -> wiki.page(teacher, classA, page.id()));
    }

    @Test
    void titlesAreUniqueInAClassAndCannotHoldLinkSigns() {
        wiki.createPage(teacher, classA, "Les volcans", "", null);
        assertConflict(() -> wiki.createPage(lea, classA, "  les VOLCANS ", "", null));
        assertBadRequest(() -> wiki.createPage(lea, classA, "[[Piège]]", "", null));
        assertBadRequest(() -> wiki.createPage(lea, classA, " ", "", null));
        assertBadRequest(() -> wiki.createPage(lea, classA, "x".repeat(201), "", null));
        // another class may have the same title
        wiki.createPage(otherTeacher, classB, "Les volcans", "", null);
    }

    @Test
    void linksLeadToPagesOrOfferToCreateThem() {
        WikiPage sun = wiki.createPage(teacher, classA, "Le Soleil", "<p>Une étoile</p>", null);
        WikiPage solar = wiki.createPage(teacher, classA, "Système",
                "<p>Le [[le soleil|Soleil]], [[Les comètes]] et <a href=\"https://example.org\">[[Le Soleil]]</a>"
                        + "<script>alert(1)</script></p>", null);
        String html = wiki.page(lea, classA, solar.id()).html();
        assertTrue(html.contains("<a class=\"wiki-link\" href=\"/app/wiki/" + classA + "/page/" + sun.id()
                + "\">Soleil</a>"), html);
        assertTrue(html.contains("<a class=\"wiki-link wiki-missing\" href=\"/app/wiki/" + classA
                + "/new?title=Les+com%C3%A8tes\">Les comètes</a>"), html);
        assertTrue(html.contains("<a href=\"https://example.org\">[[Le Soleil]]</a>"), "no link inside a link: " + html);
        assertFalse(html.contains("script"), html);
        String forParents = wiki.page(leaParent, classA, solar.id()).html();
        assertTrue(forParents.contains("<span class=\"wiki-missing\">Les comètes</span>"), forParents);
        assertEquals(sun.id(), wiki.findByTitle(lea, classA, "LE SOLEIL").orElseThrow());
    }

    @Test
    void twoVersionsCompareWordByWordWithEverythingEscaped() {
        WikiPage page = wiki.createPage(teacher, classA, "Les fractions",
                "<p>Un demi s’écrit 1/2.</p><p>Un tiers s’écrit 1/3.</p>", null);
        wiki.savePage(lea, classA, page.id(), "Les fractions",
                "<p>Un demi s’écrit 1/2.</p><p>Un quart s’écrit 1/4 &lt;script&gt;</p>", 1);
        Comparison comparison = wiki.compare(leaParent, classA, page.id(), 1, 2);
        assertEquals("Léa Petit", comparison.to().authorName());
        assertTrue(comparison.html().contains("<del>tiers</del><ins>quart</ins>"), comparison.html());
        assertTrue(comparison.html().contains("&lt;script&gt;"), comparison.html());
        assertFalse(comparison.html().contains("<script"), comparison.html());
        assertTrue(comparison.html().startsWith("Les fractions<br><br>Un demi"), comparison.html());
        assertEquals(3, comparison.added(), "quart, 4, script");
        assertEquals(2, comparison.removed(), "tiers, 3");
        assertNotFound(() -> wiki.compare(teacher, classA, page.id(), 1, 5));
    }

    @Test
    void teachersHearOfPupilsEditsOncePerRunAndOfTheirComments() {
        WikiPage page = wiki.createPage(teacher, classA, "Exposés", "<p>Liste</p>", null);
        assertEquals(List.of(), feed.published(), "teachers' own edits notify nobody");
        wiki.savePage(lea, classA, page.id(), "Exposés", "<p>Liste : Léa</p>", 1);
        wiki.savePage(lea, classA, page.id(), "Exposés", "<p>Liste : Léa, les volcans</p>", 2);
        List<Notice> notices = feed.published();
        assertEquals(1, notices.size(), "one notice for a run of saves by the same pupil");
        Notice notice = notices.get(0);
        assertEquals(WikiApp.PAGE_CHANGED, notice.type());
        assertEquals("wiki", notice.appId());
        assertEquals(classA, notice.classId());
        assertEquals("lea", notice.actorId());
        assertEquals(java.util.Set.of("teacher"), notice.audience().persons());
        assertEquals("Léa Petit a modifié la page « Exposés » du wiki.", notice.text().in(java.util.Locale.FRENCH));
        assertEquals("Léa Petit changed the wiki page \"Exposés\".", notice.text().in(java.util.Locale.ENGLISH));
        assertEquals("wiki/" + classA + "/page/" + page.id(), notice.link());

        wiki.savePage(hugo, classA, page.id(), "Exposés", "<p>Liste : Léa, Hugo</p>", 3);
        wiki.addComment(hugo, classA, page.id(), "J’ai ajouté mon nom");
        wiki.addComment(teacher, classA, page.id(), "Merci");
        assertEquals(List.of(WikiApp.PAGE_CHANGED, WikiApp.PAGE_CHANGED, WikiApp.COMMENT),
                feed.published().stream().map(Notice::type).toList());
    }

    @Test
    void theWikiWorksWithoutTheNotificationFeed() {
        WikiService alone = new WikiService(jpa, school, school, new ScriptStripper(),
                new TickingClock(), null);
        WikiPage page = alone.createPage(lea, classA, "Sans fil", "<p>x</p>", null);
        assertEquals(2, alone.savePage(hugo, classA, page.id(), "Sans fil", "<p>y</p>", 1).version());
    }

    @Test
    void commentsAreDeletedByTheirAuthorOrTheStaff() {
        WikiPage page = wiki.createPage(teacher, classA, "Poésie", "<p>x</p>", null);
        Comment byLea = wiki.addComment(lea, classA, page.id(), "<p>J’aime</p><script>x()</script>");
        assertEquals("<p>J’aime</p>", byLea.body());
        assertBadRequest(() -> wiki.addComment(lea, classA, page.id(), "<script>x()</script>"));
        assertForbidden(() -> wiki.deleteComment(hugo, classA, page.id(), byLea.id()));
        assertFalse(wiki.page(hugo, classA, page.id()).comments().get(0).deletable());
        wiki.deleteComment(lea, classA, page.id(), byLea.id());
        Comment byHugo = wiki.addComment(hugo, classA, page.id(), "Moi aussi");
        wiki.deleteComment(teacher, classA, page.id(), byHugo.id());
        assertEquals(List.of(), wiki.page(teacher, classA, page.id()).comments());
        assertNotFound(() -> wiki.deleteComment(teacher, classA, page.id(), byHugo.id()));
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
