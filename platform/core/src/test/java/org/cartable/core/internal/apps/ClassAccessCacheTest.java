package org.cartable.core.internal.apps;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;

import org.cartable.api.AppScope;
import org.cartable.api.Caller;
import org.cartable.api.ClassInfo;
import org.cartable.api.ClassRelation;
import org.cartable.api.Grade;
import org.cartable.api.Role;
import org.cartable.core.internal.MutableClock;
import org.cartable.core.internal.QueryProbe;
import org.cartable.core.internal.directory.CoreDirectory;
import org.cartable.core.internal.directory.DirectoryWriter;
import org.cartable.core.internal.model.Collectivity;
import org.cartable.core.internal.model.CollectivityKind;
import org.cartable.core.internal.model.Enrolment;
import org.cartable.core.internal.model.ParentLink;
import org.cartable.core.internal.model.ParentLink.Relationship;
import org.cartable.core.internal.model.Person;
import org.cartable.core.internal.model.PersonStatus;
import org.cartable.core.internal.model.School;
import org.cartable.core.internal.model.SchoolClass;
import org.cartable.core.internal.model.SchoolLevel;
import org.cartable.core.service.RequestScope;
import org.cartable.testing.ResourceLocalJpaTemplate;
import org.cartable.testing.TestDatabase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A visit's requests reuse the caller's relation to a class and the class's app decisions for a few seconds instead
 * of reading them again, and a write that changes them is seen by the very next request: a pupil who leaves the
 * class, a parent link removed, a blocked account, an app switched off.
 */
class ClassAccessCacheTest {

    private final TestDatabase db = new TestDatabase().migrate("db/core/changelog.xml");
    private final MutableClock clock = MutableClock.at("2026-11-29T09:30:00Z");
    private QueryProbe probe;
    private ResourceLocalJpaTemplate jpa;
    private CoreDirectory directory;
    private ClassAppActivations activations;
    private String classId;
    private String pupilId;
    private Caller parent;
    private Caller pupil;

    @BeforeEach
    void seed() {
        probe = new QueryProbe(db);
        jpa = probe.jpa();
        jpa.tx(em -> {
            DirectoryWriter w = new DirectoryWriter(em, clock);
            Collectivity commune = w.collectivity("Commune", CollectivityKind.COMMUNE, true, null);
            School school = w.school("0451234A", "École", commune, SchoolLevel.PRIMARY);
            SchoolClass schoolClass = w.schoolClass(school, "CM1", "2026-2027", Grade.CM1);
            Person child = w.person("lea", "x", "Léa", "Martin", Role.PUPIL);
            w.enrol(child, schoolClass, LocalDate.of(2026, 9, 1));
            Person mother = w.person("mme.martin", "x", "Anne", "Martin", Role.PARENT);
            w.linkParent(mother, child, Relationship.MOTHER);
            classId = schoolClass.getId();
            pupilId = child.getId();
            pupil = new Caller(child.getId(), child.getLogin(), child.displayName(), Set.of(Role.PUPIL));
            parent = new Caller(mother.getId(), mother.getLogin(), mother.displayName(), Set.of(Role.PARENT));
        });
        directory = CoreDirectory.create(jpa, clock);
        CoreAppCatalog catalog = new CoreAppCatalog();
        catalog.add(new Object(), new TestApp("blog", AppScope.CLASS), "1.0.0");
        activations = ClassAppActivations.create(jpa, directory, catalog, Set.of("blog"), clock);
    }

    @AfterEach
    void close() {
        db.close();
    }

    /** One request (its own request scope); @return how many statements it ran. */
    private <T> int statementsOf(Supplier<T> request) {
        probe.reset();
        try (RequestScope scope = RequestScope.open()) {
            request.get();
        }
        return probe.executed().size();
    }

    @Test
    void theNextRequestsOfAVisitReuseTheRelationForAFewSecondsOnly() {
        assertTrue(statementsOf(() -> directory.relation(parent, classId)) > 0, "the first request reads it");
        assertEquals(0, statementsOf(() -> directory.relation(parent, classId)), "the next request reuses it");
        clock.advance(Duration.ofSeconds(4));
        assertEquals(0, statementsOf(() -> directory.relation(parent, classId)));
        clock.advance(Duration.ofSeconds(2));
        assertTrue(statementsOf(() -> directory.relation(parent, classId)) > 0, "5 s later it is read again");
    }

    @Test
    void aPupilWhoLeavesTheClassLosesItAtTheNextRequestAndSoDoTheirParents() {
        assertTrue(directory.relation(pupil, classId).pupil());
        assertEquals(List.of(pupilId), directory.relation(parent, classId).childIds());

        jpa.tx(em -> em.createQuery("select e from Enrolment e where e.pupil.id = :pupil", Enrolment.class)
                .setParameter("pupil", pupilId).getSingleResult().end(LocalDate.of(2026, 11, 29)));

        assertFalse(directory.relation(pupil, classId).isMember(), "no cached relation outlives the enrolment");
        assertFalse(directory.relation(parent, classId).isMember());
    }

    @Test
    void aParentLinkRemovedOrAnAccountBlockedIsSeenAtTheNextRequest() {
        assertTrue(directory.relation(parent, classId).isParent());
        assertTrue(directory.relation(pupil, classId).pupil());

        jpa.tx(em -> em.remove(em.createQuery("select l from ParentLink l where l.child.id = :child",
                ParentLink.class).setParameter("child", pupilId).getSingleResult()));
        assertFalse(directory.relation(parent, classId).isMember(), "the link is gone");

        jpa.tx(em -> em.find(Person.class, pupilId).setStatus(PersonStatus.BLOCKED));
        ClassRelation blocked = directory.relation(pupil, classId);
        assertFalse(blocked.isMember(), "a blocked pupil opens nothing: " + blocked);
    }

    @Test
    void aParentsChildrenAreReusedAcrossRequestsAndANewChildIsSeenAtOnce() {
        assertEquals(1, directory.childrenOf(parent.userId()).size());
        assertEquals(0, statementsOf(() -> directory.childrenOf(parent.userId())), "the next request reuses them");

        jpa.tx(em -> {
            DirectoryWriter w = new DirectoryWriter(em, clock);
            Person brother = w.person("hugo", "x", "Hugo", "Martin", Role.PUPIL);
            w.enrol(brother, em.find(SchoolClass.class, classId), LocalDate.of(2026, 9, 1));
            w.linkParent(em.find(Person.class, parent.userId()), brother, Relationship.MOTHER);
        });
        assertEquals(List.of("Hugo Martin", "Léa Martin"), directory.childrenOf(parent.userId()).stream()
                .map(child -> child.child().displayName()).toList(), "the new child is there at the next request");
    }

    @Test
    void aPersonsClassesAreReusedAcrossRequestsAndAChangeIsSeenAtOnce() {
        assertEquals(List.of("CM1"), directory.classesOf(pupil).stream().map(ClassInfo::name).toList());
        assertEquals(0, statementsOf(() -> directory.classesOf(pupil)), "the next request reuses them");
        clock.advance(Duration.ofSeconds(6));
        assertTrue(statementsOf(() -> directory.classesOf(pupil)) > 0, "5 s later they are read again");

        jpa.tx(em -> {
            DirectoryWriter w = new DirectoryWriter(em, clock);
            SchoolClass cm2 = w.schoolClass(em.find(SchoolClass.class, classId).getSchool(), "CM2", "2026-2027",
                    Grade.CM2);
            w.enrol(em.find(Person.class, pupilId), cm2, LocalDate.of(2026, 9, 1));
        });
        assertEquals(List.of("CM1", "CM2"), directory.classesOf(pupil).stream().map(ClassInfo::name).toList(),
                "a new enrolment is listed at the next request");

        jpa.tx(em -> em.find(Person.class, pupilId).setStatus(PersonStatus.BLOCKED));
        assertEquals(List.of(), directory.classesOf(pupil), "a blocked account lists no class at the next request");
    }

    @Test
    void appDecisionsAreReusedAcrossRequestsAndASwitchIsSeenAtOnce() {
        Caller teacher = jpa.txExpr(em -> {
            DirectoryWriter w = new DirectoryWriter(em, clock);
            Person t = w.person("mme.prof", "x", "Eva", "Prof", Role.TEACHER);
            w.assignTeacher(t, em.find(SchoolClass.class, classId));
            return new Caller(t.getId(), t.getLogin(), t.displayName(), Set.of(Role.TEACHER));
        });
        assertTrue(activations.isEnabled(classId, "blog"), "a default app");
        assertEquals(0, statementsOf(() -> activations.isEnabled(classId, "blog")), "kept across requests");
        assertEquals(0, statementsOf(() -> activations.enabledApps(classId)), "one read serves both questions");

        activations.disable(teacher, classId, "blog");
        assertFalse(activations.isEnabled(classId, "blog"), "switched off: seen by the next request");
        assertEquals(Set.of(), activations.enabledApps(classId));
        activations.enable(teacher, classId, "blog");
        assertTrue(activations.isEnabled(classId, "blog"));

        // a decision written without the service (demo data, an older node's write): its entity's listener counts
        jpa.tx(em -> new DirectoryWriter(em, clock).activation(em.find(SchoolClass.class, classId), "wiki", true));
        assertEquals(Set.of("blog", "wiki"), activations.enabledApps(classId));
    }

    @Test
    void namesAreReusedAcrossRequestsAndARemovedAccountIsSeenAtOnce() {
        assertEquals("Léa Martin", directory.person(pupilId).orElseThrow().displayName());
        assertEquals(0, statementsOf(() -> directory.person(pupilId)), "the next request reuses the name");
        clock.advance(Duration.ofSeconds(6));
        assertTrue(statementsOf(() -> directory.person(pupilId)) > 0, "5 s later it is read again");

        assertTrue(directory.person("not-yet").isEmpty());
        String created = jpa.txExpr(em -> new DirectoryWriter(em, clock)
                .person("hugo", "x", "Hugo", "Martin", Role.PUPIL).getId());
        assertEquals("Hugo Martin", directory.person(created).orElseThrow().displayName(),
                "an unknown id is not remembered");

        jpa.tx(em -> {
            em.createQuery("delete from ParentLink l where l.child.id = :child").setParameter("child", created)
                    .executeUpdate();
            em.remove(em.find(Person.class, created));
        });
        assertTrue(directory.person(created).isEmpty(), "a removed account is not named any more");
    }
}
