package org.cartable.core.internal.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Set;

import org.cartable.api.Caller;
import org.cartable.api.ChildInfo;
import org.cartable.api.ClassInfo;
import org.cartable.api.Grade;
import org.cartable.api.Role;
import org.cartable.core.internal.MutableClock;
import org.cartable.core.internal.accounts.AccountSettings;
import org.cartable.core.internal.accounts.CoreAccounts;
import org.cartable.core.internal.apps.ClassAppActivations;
import org.cartable.core.internal.apps.CoreAppCatalog;
import org.cartable.core.internal.directory.CoreDirectory;
import org.cartable.core.internal.model.Collectivity;
import org.cartable.core.internal.model.Person;
import org.cartable.core.internal.model.School;
import org.cartable.testing.ResourceLocalJpaTemplate;
import org.cartable.testing.TestDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DemoDataTest {

    private final MutableClock clock = MutableClock.at("2026-11-29T09:30:00Z");
    private TestDatabase db;
    private ResourceLocalJpaTemplate jpa;
    private CoreDirectory directory;
    private CoreAccounts accounts;
    private boolean firstRun;

    @BeforeAll
    void seed() {
        db = new TestDatabase().migrate("db/core/changelog.xml");
        jpa = db.jpa("cartable-core");
        firstRun = DemoData.create(jpa, 4, clock).seedIfEmpty();
        directory = CoreDirectory.create(jpa, clock);
        accounts = CoreAccounts.create(jpa, AccountSettings.defaults().withBcryptCost(4), clock);
    }

    @AfterAll
    void close() {
        db.close();
    }

    private long count(String entity) {
        return jpa.txExpr(em -> em.createQuery("select count(x) from " + entity + " x", Long.class).getSingleResult());
    }

    private Caller signIn(String login) {
        return accounts.authenticate(login, DemoData.PASSWORD, "127.0.0.1");
    }

    private ClassInfo classNamed(Caller caller, String name) {
        return directory.classesOf(caller).stream().filter(c -> c.name().equals(name)).findFirst().orElseThrow();
    }

    @Test
    void seedsOnlyAnEmptyDirectoryAndOnlyOnce() {
        assertTrue(firstRun);
        long persons = count("Person");
        long enrolments = count("Enrolment");
        assertFalse(DemoData.create(jpa, 4, clock).seedIfEmpty(), "a restart must not seed again");
        assertEquals(persons, count("Person"));
        assertEquals(enrolments, count("Enrolment"));
    }

    @Test
    void createsTheExpectedDirectory() {
        assertEquals(3, count("Collectivity"));
        assertEquals(3, count("School"));
        assertEquals(5, count("SchoolClass"), "4 classes this year and last year's CM2");
        // 12 named accounts, 26 classmates with a parent each, the collège pupil and their parent.
        assertEquals(12 + 2 * 25 + 2, count("Person"));
        assertEquals(1, count("TeacherGroup"));
        assertEquals(6, count("ClassAppActivation"),
                "the blog for A1 and B1, the homework diary for B1, the wiki for A1 and B1, the notebook for A1");

        List<School> schools = jpa.txExpr(em -> em.createQuery("select s from School s order by s.uai", School.class)
                .getResultList());
        assertEquals(List.of("0451234A", "0455678B", "0459999C"), schools.stream().map(School::getUai).toList());
        List<Collectivity> members = jpa.txExpr(em -> em.createQuery(
                "select c from Collectivity c where c.memberOfPurchasingBody = true order by c.name", Collectivity.class)
                .getResultList());
        assertEquals(List.of("Communauté de communes du Val", "Montreuil-sur-Loire"),
                members.stream().map(Collectivity::getName).toList());
    }

    @Test
    void everyAccountSignsInWithTheDemoPassword() {
        List<String> logins = jpa.txExpr(em -> em.createQuery("select p.login from Person p", String.class)
                .getResultList());
        for (String login : List.of("teacher", "teacher2", "teacher3", "director", "pupil", "pupilb", "parent",
                "pupil2", "parent2", "operator", "admin", "coladmin", "a1.pupil3", "a1.parent3", "c6a.pupil5")) {
            assertTrue(logins.contains(login), login);
            assertEquals(login, signIn(login).login());
        }
        assertEquals(Set.of(Role.PLATFORM_ADMIN), signIn("admin").roles());
        assertEquals(Set.of(Role.OPERATOR), signIn("operator").roles());
        assertEquals(Set.of(Role.COLLECTIVITY_ADMIN), signIn("coladmin").roles());
    }

    @Test
    void classesAndRelationsMatchTheScenario() {
        Caller teacher = signIn("teacher");
        List<ClassInfo> taught = directory.classesOf(teacher);
        assertEquals(List.of("CM1 A"), taught.stream().map(ClassInfo::name).toList());
        ClassInfo a1 = taught.get(0);
        assertEquals("École Jules Ferry", a1.schoolName());
        assertEquals("2026-2027", a1.schoolYear());
        assertEquals(List.of(Grade.CM1), a1.grades());
        assertEquals(9, directory.pupils(a1.id()).size());

        ClassInfo a2 = classNamed(signIn("teacher3"), "CE2-CM1");
        assertEquals(List.of(Grade.CE2, Grade.CM1), a2.grades());
        ClassInfo b1 = classNamed(signIn("teacher2"), "CP B");
        assertEquals("École Marie Curie", b1.schoolName());

        assertEquals(List.of("CE2-CM1", "CM1 A", "CM2"),
                directory.classesOf(signIn("director")).stream().map(ClassInfo::name).toList());
        assertTrue(directory.relation(signIn("director"), a2.id()).director());
        assertFalse(directory.relation(teacher, b1.id()).isMember());
        assertTrue(directory.relation(signIn("pupil"), a1.id()).pupil());
        assertEquals("Léa Martin", signIn("pupil").displayName());

        Caller parent = signIn("parent");
        List<ChildInfo> children = directory.childrenOf(parent.userId());
        assertEquals(List.of("Hugo Martin", "Léa Martin"),
                children.stream().map(c -> c.child().displayName()).toList());
        assertEquals(List.of("CP B", "CM1 A"), children.stream().map(c -> c.currentClass().name()).toList());
        assertTrue(directory.relation(parent, b1.id()).isParent());
        assertEquals(1, directory.childrenOf(signIn("parent2").userId()).size());
        assertEquals(List.of("Sophie Martin"), directory.parentsOf(signIn("pupilb").userId()).stream()
                .map(p -> p.displayName()).toList());
    }

    @Test
    void theCollegePupilKeepsLastYearsEnrolment() {
        Caller pupil = signIn("c6a.pupil5");
        List<ClassInfo> classes = directory.classesOf(pupil);
        assertEquals(List.of("6e A"), classes.stream().map(ClassInfo::name).toList());
        assertEquals("Collège Victor Hugo", classes.get(0).schoolName());
        assertEquals(List.of(Grade.SIXIEME), classes.get(0).grades());
        List<String> history = jpa.txExpr(em -> em.createQuery("select e.schoolClass.name || ' ' || e.schoolYear"
                        + " from Enrolment e where e.pupil.id = :p order by e.start", String.class)
                .setParameter("p", pupil.userId()).getResultList());
        assertEquals(List.of("CM2 2025-2026", "6e A 2026-2027"), history);
    }

    @Test
    void blogIsStoredAsEnabledForA1AndB1AndNothingIsStoredForA2() {
        ClassAppActivations activations = ClassAppActivations.create(jpa, directory, new CoreAppCatalog(), Set.of(), clock);
        ClassInfo b1 = classNamed(signIn("teacher2"), "CP B");
        ClassInfo a1 = classNamed(signIn("teacher"), "CM1 A");
        ClassInfo a2 = classNamed(signIn("teacher3"), "CE2-CM1");
        assertTrue(activations.isEnabled(b1.id(), "blog"));
        assertTrue(activations.isEnabled(a1.id(), "blog"));
        assertFalse(activations.isEnabled(a2.id(), "blog"));
        assertTrue(activations.isEnabled(a1.id(), "wiki"));
        assertTrue(activations.isEnabled(b1.id(), "wiki"));
        assertTrue(activations.isEnabled(a1.id(), "notebook"));
        assertNull(jpa.txExpr(em -> em.createQuery("select a from ClassAppActivation a where a.classId = :c")
                .setParameter("c", a2.id()).getResultList().stream().findFirst().orElse(null)));
    }

    @Test
    void adultsHaveDemoAddressesAndPupilsNone() {
        List<String> addresses = jpa.txExpr(em -> em.createQuery("select p.login || ' ' || coalesce(p.email, '-')"
                + " from Person p where p.login in ('teacher', 'parent', 'director', 'pupil') order by p.login",
                String.class).getResultList());
        assertEquals(List.of("director director@demo.cartable.test", "parent parent@demo.cartable.test",
                "pupil -", "teacher teacher@demo.cartable.test"), addresses);
    }

    @Test
    void teacherGroupSpansTwoSchools() {
        List<String> members = jpa.txExpr(em -> em.createQuery(
                "select m.login from TeacherGroup g join g.members m where g.name = 'ERUN du Val' order by m.login",
                String.class).getResultList());
        assertEquals(List.of("teacher", "teacher2"), members);
    }

    @Test
    void theSchoolYearFollowsTheCalendar() {
        MutableClock august = MutableClock.at("2026-08-20T10:00:00Z");
        try (TestDatabase other = new TestDatabase().migrate("db/core/changelog.xml")) {
            ResourceLocalJpaTemplate otherJpa = other.jpa("cartable-core");
            DemoData.create(otherJpa, 4, august).seedIfEmpty();
            assertEquals(List.of("2024-2025", "2025-2026"), otherJpa.txExpr(em -> em.createQuery(
                    "select distinct c.schoolYear from SchoolClass c order by c.schoolYear", String.class)
                    .getResultList()));
        }
        august.advance(Duration.ZERO);
        assertTrue(jpa.txExpr(em -> em.createQuery("select p from Person p", Person.class).getResultList())
                .stream().allMatch(p -> p.getPasswordHash().startsWith("$2a$04$")));
    }
}
