package org.cartable.core.internal.directory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Set;

import org.cartable.api.Caller;
import org.cartable.api.CartableException;
import org.cartable.api.CartableException.Kind;
import org.cartable.api.PersonSummary;
import org.cartable.api.Role;
import org.cartable.core.internal.SmallDirectory;
import org.cartable.core.internal.model.Collectivity;
import org.cartable.core.internal.model.Person;
import org.cartable.core.internal.model.School;
import org.junit.jupiter.api.Test;

class TeacherGroupsTest {

    private static final Caller OPERATOR = new Caller("op", "operator", "Op", Set.of(Role.OPERATOR));

    @Test
    void operatorsGroupTeachersOfDifferentSchools() {
        try (SmallDirectory d = new SmallDirectory()) {
            TeacherGroups groups = new TeacherGroups(d.jpa);
            String id = groups.create(OPERATOR, " ERUN du Val ");
            groups.addMember(OPERATOR, id, d.teacherA1.userId());
            groups.addMember(OPERATOR, id, d.teacherB1.userId());
            groups.addMember(OPERATOR, id, d.teacherB1.userId());
            assertEquals(List.of("Bruno Maître", "Anne Prof"),
                    groups.members(d.teacherA1, id).stream().map(PersonSummary::displayName).toList());

            assertEquals(Kind.FORBIDDEN, assertThrows(CartableException.class,
                    () -> groups.create(d.teacherA1, "Mine")).kind());
            assertEquals(Kind.FORBIDDEN, assertThrows(CartableException.class,
                    () -> groups.addMember(d.directorA, id, d.directorA.userId())).kind());
            assertEquals(Kind.NOT_FOUND, assertThrows(CartableException.class,
                    () -> groups.addMember(OPERATOR, id, d.pupilA1.userId())).kind(), "same answer as unknown ids");
            assertEquals(Kind.BAD_REQUEST, assertThrows(CartableException.class,
                    () -> groups.create(OPERATOR, " ")).kind());
            assertEquals(Kind.NOT_FOUND, assertThrows(CartableException.class,
                    () -> groups.addMember(OPERATOR, "nope", d.teacherA1.userId())).kind());
            assertEquals(Kind.NOT_FOUND, assertThrows(CartableException.class,
                    () -> groups.members(d.outsider, id)).kind());
        }
    }

    @Test
    void collectivityAdminsOnlyAddTeachersOfTheirOwnCollectivityAndCannotProbeOthers() {
        try (SmallDirectory d = new SmallDirectory()) {
            TeacherGroups groups = new TeacherGroups(d.jpa);
            // An administrator of Commune A, which runs school A (teacher A1, director A) but not school B.
            Caller admin = d.jpa.txExpr(em -> {
                DirectoryWriter w = new DirectoryWriter(em, d.clock);
                Person person = w.person("coladmin", "x", "Hélène", "Rousseau", Role.COLLECTIVITY_ADMIN);
                Collectivity communeA = em.find(School.class, d.schoolA).getCollectivity();
                w.collectivityAdmin(person, communeA);
                return new Caller(person.getId(), person.getLogin(), person.displayName(),
                        Set.of(Role.COLLECTIVITY_ADMIN));
            });
            String id = groups.create(admin, "Cycle 3 de la commune");
            groups.addMember(admin, id, d.teacherA1.userId());

            CartableException otherCollectivity = assertThrows(CartableException.class,
                    () -> groups.addMember(admin, id, d.teacherB1.userId()));
            CartableException pupil = assertThrows(CartableException.class,
                    () -> groups.addMember(admin, id, d.pupilA1.userId()));
            CartableException unknown = assertThrows(CartableException.class,
                    () -> groups.addMember(admin, id, "00000000-0000-0000-0000-000000000000"));
            for (CartableException e : List.of(otherCollectivity, pupil, unknown)) {
                assertEquals(Kind.NOT_FOUND, e.kind());
                assertEquals("Teacher not found.", e.getMessage());
            }
            // A teacher with no class at all belongs to no collectivity's scope.
            assertEquals(Kind.NOT_FOUND, assertThrows(CartableException.class,
                    () -> groups.addMember(admin, id, d.outsider.userId())).kind());
            assertEquals(List.of("Anne Prof"),
                    groups.members(admin, id).stream().map(PersonSummary::displayName).toList());
            // Operators keep the whole platform in scope.
            groups.addMember(OPERATOR, id, d.teacherB1.userId());
        }
    }
}
