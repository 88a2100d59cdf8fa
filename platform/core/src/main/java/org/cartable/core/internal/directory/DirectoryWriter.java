package org.cartable.core.internal.directory;

import java.time.Clock;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import javax.persistence.EntityManager;

import org.cartable.api.Grade;
import org.cartable.api.Role;
import org.cartable.core.internal.model.ClassAppActivation;
import org.cartable.core.internal.model.Collectivity;
import org.cartable.core.internal.model.CollectivityAdmin;
import org.cartable.core.internal.model.CollectivityKind;
import org.cartable.core.internal.model.DirectorAssignment;
import org.cartable.core.internal.model.Enrolment;
import org.cartable.core.internal.model.ParentLink;
import org.cartable.core.internal.model.Person;
import org.cartable.core.internal.model.School;
import org.cartable.core.internal.model.SchoolClass;
import org.cartable.core.internal.model.SchoolLevel;
import org.cartable.core.internal.model.TeacherAssignment;
import org.cartable.core.internal.model.TeacherGroup;

/**
 * Builds directory rows inside the caller's transaction. Trusted code only (demo data, imports): it checks
 * consistency, not the rights of a caller.
 */
public final class DirectoryWriter {

    private final EntityManager em;
    private final Clock clock;

    public DirectoryWriter(EntityManager em, Clock clock) {
        this.em = em;
        this.clock = clock;
    }

    public Collectivity collectivity(String name, CollectivityKind kind, boolean purchasingMember, String siret) {
        return persist(new Collectivity(name, kind, purchasingMember, siret));
    }

    public School school(String uai, String name, Collectivity collectivity,
                         SchoolLevel level) {
        return persist(new School(uai, name, collectivity, level));
    }

    public SchoolClass schoolClass(School school, String name, String schoolYear, Grade... grades) {
        Set<Grade> set = grades.length == 0 ? EnumSet.noneOf(Grade.class) : EnumSet.copyOf(List.of(grades));
        return persist(new SchoolClass(school, name, schoolYear, set));
    }

    /** @param passwordHash a bcrypt hash, never a clear password */
    public Person person(String login, String passwordHash, String firstName, String lastName, Role... roles) {
        if (!em.createQuery("select p.id from Person p where p.loginKey = :key", String.class)
                .setParameter("key", Person.loginKey(login)).getResultList().isEmpty()) {
            throw new IllegalArgumentException("Login already taken: " + login);
        }
        Set<Role> set = roles.length == 0 ? EnumSet.noneOf(Role.class) : EnumSet.copyOf(List.of(roles));
        return persist(new Person(login, passwordHash, firstName, lastName, set, clock.instant()));
    }

    public Enrolment enrol(Person pupil, SchoolClass schoolClass, LocalDate start) {
        return persist(new Enrolment(pupil, schoolClass, start));
    }

    public ParentLink linkParent(Person parent, Person child, ParentLink.Relationship relationship) {
        return persist(new ParentLink(parent, child, relationship));
    }

    public TeacherAssignment assignTeacher(Person teacher, SchoolClass schoolClass) {
        return persist(new TeacherAssignment(teacher, schoolClass));
    }

    public DirectorAssignment assignDirector(Person director, School school) {
        return persist(new DirectorAssignment(director, school));
    }

    public CollectivityAdmin collectivityAdmin(Person person, Collectivity collectivity) {
        return persist(new CollectivityAdmin(person, collectivity));
    }

    public TeacherGroup teacherGroup(String name, Person... teachers) {
        TeacherGroup group = persist(new TeacherGroup(name));
        group.getMembers().addAll(List.of(teachers));
        return group;
    }

    /** Records an activation decision made by the platform itself (no person behind it). */
    public ClassAppActivation activation(SchoolClass schoolClass, String appId, boolean enabled) {
        return persist(new ClassAppActivation(schoolClass.getId(), appId, enabled, null, clock.instant()));
    }

    private <T> T persist(T entity) {
        em.persist(entity);
        return entity;
    }
}
