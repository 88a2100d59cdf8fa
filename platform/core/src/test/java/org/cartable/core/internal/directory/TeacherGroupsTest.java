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
            assertEquals(Kind.BAD_REQUEST, assertThrows(CartableException.class,
                    () -> groups.addMember(OPERATOR, id, d.pupilA1.userId())).kind());
            assertEquals(Kind.BAD_REQUEST, assertThrows(CartableException.class,
                    () -> groups.create(OPERATOR, " ")).kind());
            assertEquals(Kind.NOT_FOUND, assertThrows(CartableException.class,
                    () -> groups.addMember(OPERATOR, "nope", d.teacherA1.userId())).kind());
            assertEquals(Kind.NOT_FOUND, assertThrows(CartableException.class,
                    () -> groups.members(d.outsider, id)).kind());
        }
    }
}
