package org.cartable.core.internal.apps;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Supplier;

import org.cartable.api.AppScope;
import org.cartable.api.Caller;
import org.cartable.api.ChildInfo;
import org.cartable.api.ClassInfo;
import org.cartable.api.Grade;
import org.cartable.api.Role;
import org.cartable.core.internal.MutableClock;
import org.cartable.core.internal.QueryProbe;
import org.cartable.core.internal.accounts.AccountSettings;
import org.cartable.core.internal.accounts.CoreAccounts;
import org.cartable.core.internal.accounts.PasswordHasher;
import org.cartable.core.internal.directory.CoreDirectory;
import org.cartable.core.internal.directory.DirectoryWriter;
import org.cartable.core.internal.model.Changes;
import org.cartable.core.internal.model.Collectivity;
import org.cartable.core.internal.model.CollectivityKind;
import org.cartable.core.internal.model.FeedItem;
import org.cartable.core.internal.model.ParentLink.Relationship;
import org.cartable.core.internal.model.Person;
import org.cartable.core.internal.model.School;
import org.cartable.core.internal.model.SchoolClass;
import org.cartable.core.internal.model.SchoolLevel;
import org.cartable.core.internal.notify.PersonalFeed;
import org.cartable.core.service.RequestScope;
import org.cartable.testing.ResourceLocalJpaTemplate;
import org.cartable.testing.TestDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * What one authenticated request costs in SQL on a slice of a department (a few hundred classes and pupils): the
 * number of statements of the read paths (token, relation, children, classes, activation) must not grow with the
 * number of children or classes, and no plan may read a directory table in full.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ReadPathQueriesTest {

    private static final String YEAR = "2026-2027";
    private static final int SCHOOLS = 6;
    private static final int CLASSES_PER_SCHOOL = 10;
    private static final int PUPILS_PER_CLASS = 4;

    private final TestDatabase db = new TestDatabase().migrate("db/core/changelog.xml");
    private QueryProbe probe;
    private ResourceLocalJpaTemplate jpa;
    private final MutableClock clock = MutableClock.at("2026-11-29T09:30:00Z");
    private CoreDirectory directory;
    private CoreAccounts accounts;
    private ClassAppActivations activations;

    private final List<String> classIds = new ArrayList<>();
    private Caller oneChildParent, fourChildrenParent, teacher, bigDirector, smallDirector;
    private String smallSchoolClass;

    @BeforeAll
    void createSlice() {
        probe = new QueryProbe(db);
        String hash = new PasswordHasher(4).hash("secret");
        // Written without recording (plans of the inserts would only slow this down), read back with it.
        db.jpa("cartable-core").tx(em -> {
            DirectoryWriter w = new DirectoryWriter(em, clock);
            Collectivity commune = w.collectivity("Commune", CollectivityKind.COMMUNE, true, null);
            List<List<Person>> pupilsByClass = new ArrayList<>();
            List<SchoolClass> classes = new ArrayList<>();
            School first = null;
            for (int s = 0; s < SCHOOLS; s++) {
                School school = w.school(String.format("045%04dA", s), "École " + s, commune, SchoolLevel.PRIMARY);
                first = first == null ? school : first;
                for (int c = 0; c < CLASSES_PER_SCHOOL; c++) {
                    SchoolClass schoolClass = w.schoolClass(school, "C" + c, YEAR, Grade.CM1, Grade.CM2);
                    classes.add(schoolClass);
                    classIds.add(schoolClass.getId());
                    List<Person> pupils = new ArrayList<>();
                    for (int p = 0; p < PUPILS_PER_CLASS; p++) {
                        Person pupil = w.person("p" + s + "." + c + "." + p, hash, "P" + p, "N" + c, Role.PUPIL);
                        w.enrol(pupil, schoolClass, LocalDate.of(2026, 9, 1));
                        Person parent = w.person("g" + s + "." + c + "." + p, hash, "G" + p, "N" + c, Role.PARENT);
                        w.linkParent(parent, pupil, Relationship.MOTHER);
                        for (int n = 0; n < 3; n++) {
                            em.persist(new FeedItem(parent.getId(), pupil.getId(), "blog", "post",
                                    schoolClass.getId(), "Nouvel article " + n, null, null, clock.instant()));
                        }
                        pupils.add(pupil);
                    }
                    pupilsByClass.add(pupils);
                }
            }
            Person one = w.person("parent.one", hash, "Una", "Single", Role.PARENT);
            w.linkParent(one, pupilsByClass.get(0).get(0), Relationship.FATHER);
            Person four = w.person("parent.four", hash, "Quatre", "Many", Role.PARENT);
            for (int i = 0; i < 4; i++) {
                Person child = pupilsByClass.get(i * 17).get(1);
                w.linkParent(four, child, Relationship.FATHER);
                em.persist(new FeedItem(four.getId(), child.getId(), "blog", "post", classes.get(i * 17).getId(),
                        "Nouvel article", null, null, clock.instant()));
            }
            Person t = w.person("teacher", hash, "Tess", "Prof", Role.TEACHER);
            w.assignTeacher(t, classes.get(3));
            Person big = w.person("director.big", hash, "Dora", "Big", Role.DIRECTOR);
            w.assignDirector(big, first);
            School small = w.school("0459999Z", "Petite école", commune, SchoolLevel.PRIMARY);
            SchoolClass only = w.schoolClass(small, "Unique", YEAR, Grade.CP);
            smallSchoolClass = only.getId();
            Person smallOne = w.person("director.small", hash, "Dan", "Small", Role.DIRECTOR);
            w.assignDirector(smallOne, small);
            oneChildParent = caller(one);
            fourChildrenParent = caller(four);
            teacher = caller(t);
            bigDirector = caller(big);
            smallDirector = caller(smallOne);
        });
        jpa = probe.jpa();
        directory = CoreDirectory.create(jpa, clock);
        accounts = CoreAccounts.create(jpa, new AccountSettings(4, Duration.ofHours(1), Duration.ofMinutes(30), 5,
                100, Duration.ofMinutes(10)), clock);
        CoreAppCatalog catalog = new CoreAppCatalog();
        catalog.add(new Object(), new TestApp("blog", AppScope.CLASS), "1.0.0");
        activations = ClassAppActivations.create(jpa, directory, catalog, Set.of("blog"), clock);
    }

    @AfterAll
    void tearDown() {
        db.close();
    }

    private static Caller caller(Person p) {
        return new Caller(p.getId(), p.getLogin(), p.displayName(), Set.copyOf(p.getRoles()));
    }

    /** Runs the call with recording on; @return the statements it ran, after checking that none scans a table. */
    private <T> List<QueryProbe.Executed> run(String what, Supplier<T> call) {
        // What a first read costs: answers kept across requests by an earlier call would hide its statements.
        Changes.DIRECTORY.changed();
        probe.reset();
        call.get();
        List<QueryProbe.Executed> executed = probe.executed();
        for (QueryProbe.Executed e : executed) {
            assertTrue(e.tableScans().isEmpty(), what + ": full scan of " + e.tableScans() + " in " + e.sql());
        }
        System.out.println("[ReadPathQueriesTest] " + what + " statements=" + executed.size());
        return executed;
    }

    @Test
    void loadingAClassByItsIdReadsNoTableInFull() {
        Supplier<ClassInfo> find = () -> directory.findClass(classIds.get(57)).orElseThrow();
        List<QueryProbe.Executed> executed = run("findClass", find);
        assertTrue(executed.size() <= 2, "class row (with its school) and its grades: " + executed);
        assertEquals(List.of(Grade.CM1, Grade.CM2), find.get().grades());
    }

    @Test
    void childrenOfCostsTheSameForOneChildAsForFour() {
        int one = run("childrenOf 1 child", () -> directory.childrenOf(oneChildParent.userId())).size();
        int four = run("childrenOf 4 children", () -> directory.childrenOf(fourChildrenParent.userId())).size();
        assertEquals(one, four, "statements must not grow with the children");
        assertTrue(four <= 3, "children, their current classes, the grades: " + four);
        List<ChildInfo> children = directory.childrenOf(fourChildrenParent.userId());
        assertEquals(4, children.size());
        children.forEach(c -> assertEquals(List.of(Grade.CM1, Grade.CM2), c.currentClass().grades()));
        assertEquals(Set.of(classIds.get(0), classIds.get(17), classIds.get(34), classIds.get(51)),
                Set.copyOf(children.stream().map(c -> c.currentClass().id()).toList()));
    }

    @Test
    void classesOfADirectorCostTheSameForOneClassAsForTen() {
        int small = run("classesOf director 1 class", () -> directory.classesOf(smallDirector)).size();
        int big = run("classesOf director 10 classes", () -> directory.classesOf(bigDirector)).size();
        assertEquals(small, big, "statements must not grow with the school's classes");
        assertEquals(CLASSES_PER_SCHOOL, directory.classesOf(bigDirector).size());
        assertEquals(List.of(smallSchoolClass), directory.classesOf(smallDirector).stream().map(ClassInfo::id)
                .toList());
    }

    @Test
    void relationsAreAFewIndexedQueries() {
        for (Caller who : List.of(teacher, bigDirector, fourChildrenParent)) {
            int statements = run("relation " + who.login(), () -> directory.relation(who, classIds.get(3))).size();
            assertTrue(statements <= 6, who.login() + ": " + statements);
        }
        run("classesOf teacher", () -> directory.classesOf(teacher));
    }

    @Test
    void activationChecksReadNoTableInFull() {
        run("isEnabled", () -> activations.isEnabled(classIds.get(5), "blog"));
        run("enabledApps", () -> activations.enabledApps(classIds.get(5)));
    }

    @Test
    void withinARequestTheClassAccessIsComputedOnceAndAChangeIsSeenAtOnce() {
        String classId = classIds.get(3);
        try (RequestScope request = RequestScope.open()) {
            run("check (filter)", () -> activations.check(teacher, classId, "blog"));
            assertEquals(List.of(), run("check (app service)", () -> activations.check(teacher, classId, "blog")),
                    "the second check of the same request runs no statement");
            activations.disable(teacher, classId, "blog");
            assertFalse(activations.isEnabled(classId, "blog"), "the change is seen in the same request");
            activations.enable(teacher, classId, "blog");
            assertTrue(activations.isEnabled(classId, "blog"));
        }
        probe.reset();
        try (RequestScope next = RequestScope.open()) {
            assertTrue(activations.isEnabled(classId, "blog"));
        }
        assertEquals(List.of(), probe.executed(), "the next request of the visit reuses the decision");
    }

    @Test
    void theFeedReadsNoTableInFull() {
        PersonalFeed feed = PersonalFeed.create(jpa, directory, new CoreAppCatalog(), clock);
        int four = run("feed 4 children", () -> feed.feed(fourChildrenParent, null, false, 20, Locale.FRENCH))
                .size();
        assertTrue(four <= 6, "items, unread count, children: " + four);
        assertEquals(4, feed.feed(fourChildrenParent, null, false, 20, Locale.FRENCH).items().size());
    }

    @Test
    void resolvingATokenReadsNoTableInFull() {
        String token = accounts.issueToken(teacher).token();
        List<QueryProbe.Executed> executed = run("resolveToken", () -> accounts.resolveToken(token));
        assertTrue(executed.size() <= 3, "token, person, roles: " + executed);
    }
}
