package org.cartable.core.internal.directory;

import java.util.Comparator;
import java.util.List;
import java.util.Set;

import javax.persistence.EntityManager;

import org.apache.aries.jpa.template.JpaTemplate;
import org.cartable.api.Caller;
import org.cartable.api.CartableException;
import org.cartable.api.PersonSummary;
import org.cartable.api.Role;
import org.cartable.core.internal.model.Person;
import org.cartable.core.internal.model.TeacherGroup;
import org.cartable.core.internal.schema.CoreSchema;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * Cross-school teacher groups. Groups are set up by the people who run the ENT or a collectivity; members are
 * teachers, whatever their school.
 */
@Component(service = TeacherGroups.class)
public final class TeacherGroups {

    private static final Set<Role> ORGANISERS = Set.of(Role.OPERATOR, Role.PLATFORM_ADMIN, Role.COLLECTIVITY_ADMIN);
    /** Organisers whose scope is the whole platform; collectivity administrators are limited to their own. */
    private static final Set<Role> PLATFORM_WIDE = Set.of(Role.OPERATOR, Role.PLATFORM_ADMIN);
    static final String TEACHER_NOT_FOUND = "Teacher not found.";
    private static final int MAX_NAME = 200;

    private final JpaTemplate jpa;

    @Activate
    public TeacherGroups(@Reference CoreSchema schema, @Reference(target = CoreSchema.UNIT_FILTER) JpaTemplate jpa) {
        this(jpa);
    }

    public TeacherGroups(JpaTemplate jpa) {
        this.jpa = jpa;
    }

    /** @return the new group's id */
    public String create(Caller caller, String name) {
        requireOrganiser(caller);
        if (name == null || name.isBlank() || name.length() > MAX_NAME) {
            throw CartableException.badRequest("A group name of 1 to " + MAX_NAME + " characters is required.");
        }
        return jpa.txExpr(em -> {
            TeacherGroup group = new TeacherGroup(name.trim());
            em.persist(group);
            return group.getId();
        });
    }

    /**
     * Adding a member twice is harmless. Operators and platform administrators may add any teacher; a collectivity
     * administrator only teachers of the schools of their own collectivities.
     */
    public void addMember(Caller caller, String groupId, String teacherId) {
        requireOrganiser(caller);
        jpa.tx(em -> {
            TeacherGroup group = groupId == null ? null : em.find(TeacherGroup.class, groupId);
            if (group == null) {
                throw CartableException.notFound("Group not found.");
            }
            Person teacher = teacherId == null ? null : em.find(Person.class, teacherId);
            // One answer for every id outside the caller's scope (unknown, not a teacher, another collectivity's
            // teacher), so that an organiser cannot probe who is a teacher, nor where.
            if (teacher == null || !teacher.getRoles().contains(Role.TEACHER) || !inScope(em, caller, teacher)) {
                throw CartableException.notFound(TEACHER_NOT_FOUND);
            }
            group.getMembers().add(teacher);
        });
    }

    private static boolean inScope(EntityManager em, Caller caller, Person teacher) {
        if (caller.roles().stream().anyMatch(PLATFORM_WIDE::contains)) {
            return true;
        }
        Long assignments = em.createQuery("select count(*) from TeacherAssignment t, CollectivityAdmin a"
                        + " where t.teacher.id = :teacher and a.person.id = :caller"
                        + " and t.schoolClass.school.collectivity = a.collectivity", Long.class)
                .setParameter("teacher", teacher.getId()).setParameter("caller", caller.userId())
                .getSingleResult();
        return assignments != null && assignments > 0;
    }

    /** @return the members, by name; for organisers and for the group's own members */
    public List<PersonSummary> members(Caller caller, String groupId) {
        if (caller == null) {
            throw CartableException.unauthorized("Sign in first.");
        }
        return jpa.txExpr(em -> {
            TeacherGroup group = groupId == null ? null : em.find(TeacherGroup.class, groupId);
            boolean member = group != null
                    && group.getMembers().stream().anyMatch(p -> p.getId().equals(caller.userId()));
            if (group == null || !(member || isOrganiser(caller))) {
                throw CartableException.notFound("Group not found.");
            }
            return group.getMembers().stream()
                    .sorted(Comparator.comparing(Person::getLastName).thenComparing(Person::getFirstName))
                    .map(Views::summary)
                    .toList();
        });
    }

    private static boolean isOrganiser(Caller caller) {
        return caller.roles().stream().anyMatch(ORGANISERS::contains);
    }

    private static void requireOrganiser(Caller caller) {
        if (caller == null) {
            throw CartableException.unauthorized("Sign in first.");
        }
        if (!isOrganiser(caller)) {
            throw CartableException.forbidden("Only operators and collectivity administrators manage teacher groups.");
        }
    }
}
