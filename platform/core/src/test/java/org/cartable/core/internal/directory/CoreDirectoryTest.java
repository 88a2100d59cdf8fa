package org.cartable.core.internal.directory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import org.cartable.api.Caller;
import org.cartable.api.ChildInfo;
import org.cartable.api.ClassInfo;
import org.cartable.api.ClassRelation;
import org.cartable.api.Grade;
import org.cartable.api.PersonSummary;
import org.cartable.api.Role;
import org.cartable.core.internal.MutableClock;
import org.cartable.core.internal.SmallDirectory;
import org.cartable.core.internal.model.Enrolment;
import org.cartable.core.internal.model.ParentLink.Relationship;
import org.cartable.core.internal.model.Person;
import org.cartable.core.internal.model.PersonStatus;
import org.cartable.core.internal.model.SchoolClass;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CoreDirectoryTest {

    private SmallDirectory d;
    private CoreDirectory directory;

    @BeforeAll
    void setUp() {
        d = new SmallDirectory();
        directory = CoreDirectory.create(d.jpa, d.clock);
    }

    @AfterAll
    void tearDown() {
        d.close();
    }

    @Test
    void teacherRelatesToTheClassTheyTeachOnly() {
        ClassRelation relation = directory.relation(d.teacherA1, d.a1);
        assertTrue(relation.teacher());
        assertTrue(relation.isStaff());
        assertFalse(relation.director());
        assertFalse(directory.relation(d.teacherA1, d.a2).isMember());
        assertFalse(directory.relation(d.teacherA1, d.b1).isMember());
    }

    @Test
    void directorRelatesToEveryClassOfTheirSchoolOnly() {
        assertTrue(directory.relation(d.directorA, d.a1).director());
        assertTrue(directory.relation(d.directorA, d.a2).director());
        assertFalse(directory.relation(d.directorA, d.a2).teacher());
        assertFalse(directory.relation(d.directorA, d.b1).isMember());
    }

    @Test
    void pupilRelatesToTheirCurrentClassNotToLastYearsOrOthers() {
        ClassRelation relation = directory.relation(d.pupilA1, d.a1);
        assertTrue(relation.pupil());
        assertFalse(relation.isStaff());
        assertFalse(directory.relation(d.pupilA1, d.oldA).isMember(), "ended enrolment");
        assertFalse(directory.relation(d.pupilA1, d.b1).isMember());
    }

    @Test
    void parentRelatesThroughEachChildWhateverTheSchool() {
        ClassRelation inA1 = directory.relation(d.parent, d.a1);
        assertEquals(List.of(d.pupilA1.userId()), inA1.childIds());
        assertTrue(inA1.isParent());
        assertFalse(inA1.pupil());
        assertEquals(List.of(d.pupilB1.userId()), directory.relation(d.parent, d.b1).childIds());
        assertFalse(directory.relation(d.parent, d.a2).isMember());
    }

    @Test
    void outsidersBlockedAccountsAndLeaversRelateToNothing() {
        assertFalse(directory.relation(d.outsider, d.a1).isMember());
        assertFalse(directory.relation(d.outsider, d.a2).isMember(), "guardian of a pupil who left");
        assertFalse(directory.relation(d.leaver, d.a2).isMember());
        assertFalse(directory.relation(d.blockedTeacher, d.a1).isMember(), "blocked but still assigned");
        Caller stranger = new Caller("00000000-0000-0000-0000-000000000000", "x", "X", Set.of(Role.TEACHER));
        assertFalse(directory.relation(stranger, d.a1).isMember());
        assertEquals(ClassRelation.none("nope"), directory.relation(d.teacherA1, "nope"));
        assertFalse(directory.relation(null, d.a1).isMember());
        assertFalse(directory.relation(d.teacherA1, null).isMember());
    }

    @Test
    void findsClassesAndPersons() {
        ClassInfo a2 = directory.findClass(d.a2).orElseThrow();
        assertEquals("CE1-CE2", a2.name());
        assertEquals("École A", a2.schoolName());
        assertEquals(d.schoolA, a2.schoolId());
        assertEquals(SmallDirectory.YEAR, a2.schoolYear());
        assertEquals(List.of(Grade.CE1, Grade.CE2), a2.grades());
        assertTrue(directory.findClass("unknown").isEmpty());
        assertTrue(directory.findClass(null).isEmpty());
        assertEquals("Léa Martin", directory.person(d.pupilA1.userId()).orElseThrow().displayName());
        assertTrue(directory.person("unknown").isEmpty());
    }

    @Test
    void listsPupilsTeachersAndParents() {
        assertEquals(List.of("Léa Martin"), names(directory.pupils(d.a1)));
        assertEquals(List.of(), directory.pupils(d.a2), "the leaver's enrolment has ended");
        assertEquals(List.of("Boris Bloqué", "Anne Prof"), names(directory.teachers(d.a1)));
        assertEquals(List.of("Sophie Martin"), names(directory.parentsOf(d.pupilB1.userId())));
    }

    @Test
    void childrenComeWithTheirCurrentClassAcrossSchools() {
        List<ChildInfo> children = directory.childrenOf(d.parent.userId());
        assertEquals(List.of("Hugo Martin", "Léa Martin"), children.stream().map(c -> c.child().displayName()).toList());
        assertEquals(d.b1, children.get(0).currentClass().id());
        assertEquals(d.a1, children.get(1).currentClass().id(), "the current class, not last year's");
        ChildInfo leaver = directory.childrenOf(d.outsider.userId()).get(0);
        assertNull(leaver.currentClass());
        assertEquals(List.of(), directory.childrenOf(d.teacherA1.userId()));
    }

    @Test
    void classesOfEachRole() {
        assertEquals(List.of(d.a1), ids(directory.classesOf(d.teacherA1)));
        assertEquals(List.of(d.a1), ids(directory.classesOf(d.pupilA1)), "attended this year only");
        // School then newest year then name.
        assertEquals(List.of(d.a2, d.a1, d.oldA), ids(directory.classesOf(d.directorA)));
        assertEquals(List.of(), directory.classesOf(d.blockedTeacher));
        assertEquals(List.of(), directory.classesOf(d.outsider));
    }

    // The tests below change the shared directory and restore it; "later" is seen through a directory on a
    // clock of its own rather than by moving the shared clock.

    @Test
    void aFutureEnrolmentOpensNothingUntilItStarts() {
        // Enrolled today for after the holidays, and the parent linked already.
        Caller newcomer = d.jpa.txExpr(em -> {
            DirectoryWriter w = new DirectoryWriter(em, d.clock);
            Person pupil = w.person("newcomer", "x", "Nina", "Nouvelle", Role.PUPIL);
            w.enrol(pupil, em.find(SchoolClass.class, d.a2), LocalDate.of(2027, 1, 4));
            w.linkParent(em.find(Person.class, d.parent.userId()), pupil, Relationship.MOTHER);
            return new Caller(pupil.getId(), pupil.getLogin(), pupil.displayName(), Set.of(Role.PUPIL));
        });
        try {
            assertFalse(directory.relation(newcomer, d.a2).isMember());
            assertFalse(directory.relation(d.parent, d.a2).isMember(), "parent of a pupil not there yet");
            assertEquals(List.of(), directory.classesOf(newcomer));
            assertEquals(List.of(), directory.pupils(d.a2));
            assertNull(directory.childrenOf(d.parent.userId()).stream()
                    .filter(c -> c.child().id().equals(newcomer.userId())).findFirst().orElseThrow().currentClass());

            CoreDirectory firstDay = CoreDirectory.create(d.jpa, MutableClock.at("2027-01-04T07:00:00Z"));
            assertTrue(firstDay.relation(newcomer, d.a2).pupil(), "from its first day on");
            assertEquals(List.of(newcomer.userId()), firstDay.relation(d.parent, d.a2).childIds());
            assertEquals(List.of(d.a2), ids(firstDay.classesOf(newcomer)));
        } finally {
            d.jpa.tx(em -> {
                for (String entity : List.of("Enrolment e where e.pupil.id", "ParentLink e where e.child.id")) {
                    em.createQuery("delete from " + entity + " = :p").setParameter("p", newcomer.userId())
                            .executeUpdate();
                }
                em.remove(em.find(Person.class, newcomer.userId()));
            });
        }
    }

    @Test
    void aBlockedChildGivesTheirParentNoAccess() {
        d.jpa.tx(em -> em.find(Person.class, d.pupilA1.userId()).setStatus(PersonStatus.BLOCKED));
        try {
            assertFalse(directory.relation(d.pupilA1, d.a1).isMember());
            assertFalse(directory.relation(d.parent, d.a1).isMember());
            assertEquals(List.of(d.pupilB1.userId()), directory.relation(d.parent, d.b1).childIds(),
                    "the other child still counts");
        } finally {
            d.jpa.tx(em -> em.find(Person.class, d.pupilA1.userId()).setStatus(PersonStatus.ACTIVE));
        }
    }

    @Test
    void anEnrolmentEndingTomorrowCountsTodayOnly() {
        setEndOfPupilB1sEnrolment(LocalDate.of(2026, 11, 30));
        try {
            assertTrue(directory.relation(d.pupilB1, d.b1).pupil(), "leaves tomorrow");
            assertEquals(d.b1, directory.childrenOf(d.parent.userId()).get(0).currentClass().id());

            CoreDirectory tomorrow = CoreDirectory.create(d.jpa, MutableClock.at("2026-11-30T07:00:00Z"));
            assertFalse(tomorrow.relation(d.pupilB1, d.b1).isMember());
            assertFalse(tomorrow.relation(d.parent, d.b1).isMember());
            assertEquals(List.of(), tomorrow.classesOf(d.pupilB1));
            assertEquals(List.of(), tomorrow.pupils(d.b1));
            assertNull(tomorrow.childrenOf(d.parent.userId()).get(0).currentClass(), "same predicate everywhere");
        } finally {
            setEndOfPupilB1sEnrolment(null);
        }
    }

    private void setEndOfPupilB1sEnrolment(LocalDate end) {
        d.jpa.tx(em -> em.createQuery("select e from Enrolment e where e.pupil.id = :p", Enrolment.class)
                .setParameter("p", d.pupilB1.userId()).getSingleResult().end(end));
    }

    private static List<String> names(List<PersonSummary> people) {
        return people.stream().map(PersonSummary::displayName).toList();
    }

    private static List<String> ids(List<ClassInfo> classes) {
        return classes.stream().map(ClassInfo::id).toList();
    }
}
