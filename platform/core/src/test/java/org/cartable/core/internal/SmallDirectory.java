package org.cartable.core.internal;

import java.time.LocalDate;
import java.util.Set;

import org.apache.aries.jpa.template.JpaTemplate;
import org.cartable.api.Caller;
import org.cartable.api.Grade;
import org.cartable.api.Role;
import org.cartable.core.internal.accounts.PasswordHasher;
import org.cartable.core.internal.directory.DirectoryWriter;
import org.cartable.core.internal.model.Collectivity;
import org.cartable.core.internal.model.CollectivityKind;
import org.cartable.core.internal.model.ParentLink.Relationship;
import org.cartable.core.internal.model.Person;
import org.cartable.core.internal.model.PersonStatus;
import org.cartable.core.internal.model.School;
import org.cartable.core.internal.model.SchoolClass;
import org.cartable.core.internal.model.SchoolLevel;
import org.cartable.testing.ResourceLocalJpaTemplate;
import org.cartable.testing.TestDatabase;

/**
 * Two primary schools on the real schema (in-memory Derby, core's changelog and persistence unit), "today" being
 * 2026-11-29. Every password is "secret", hashed at bcrypt's minimum cost to keep tests fast.
 */
public final class SmallDirectory implements AutoCloseable {

    public static final String PASSWORD = "secret";
    public static final String YEAR = "2026-2027";

    public final TestDatabase db = new TestDatabase().migrate("db/core/changelog.xml");
    public final ResourceLocalJpaTemplate jpa = db.jpa("cartable-core");
    public final MutableClock clock = MutableClock.at("2026-11-29T09:30:00Z");

    public String schoolA, schoolB;
    /** a1 and a2 in school A, b1 in school B, oldA: last year's class of school A. */
    public String a1, a2, b1, oldA;
    public Caller teacherA1, teacherB1, directorA, pupilA1, pupilB1, parent, outsider, blockedTeacher, leaver;

    public SmallDirectory() {
        String hash = new PasswordHasher(4).hash(PASSWORD);
        jpa.tx(em -> {
            DirectoryWriter w = new DirectoryWriter(em, clock);
            Collectivity commune = w.collectivity("Commune A", CollectivityKind.COMMUNE, true, null);
            Collectivity other = w.collectivity("Commune B", CollectivityKind.COMMUNE, false, null);
            School a = w.school("0450001A", "École A", commune, SchoolLevel.PRIMARY);
            School b = w.school("0450002B", "École B", other, SchoolLevel.PRIMARY);
            schoolA = a.getId();
            schoolB = b.getId();
            SchoolClass ca1 = w.schoolClass(a, "CM1", YEAR, Grade.CM1);
            SchoolClass ca2 = w.schoolClass(a, "CE1-CE2", YEAR, Grade.CE2, Grade.CE1);
            SchoolClass cb1 = w.schoolClass(b, "CP", YEAR, Grade.CP);
            SchoolClass old = w.schoolClass(a, "CE2", "2025-2026", Grade.CE2);
            a1 = ca1.getId();
            a2 = ca2.getId();
            b1 = cb1.getId();
            oldA = old.getId();

            Person tA1 = w.person("Teacher.A1", hash, "Anne", "Prof", Role.TEACHER);
            Person tB1 = w.person("teacher.b1", hash, "Bruno", "Maître", Role.TEACHER);
            Person dA = w.person("director.a", hash, "Denise", "Directrice", Role.DIRECTOR, Role.TEACHER);
            Person pA1 = w.person("pupil.a1", hash, "Léa", "Martin", Role.PUPIL);
            Person pB1 = w.person("pupil.b1", hash, "Hugo", "Martin", Role.PUPIL);
            Person mum = w.person("parent", hash, "Sophie", "Martin", Role.PARENT);
            Person nobody = w.person("outsider", hash, "Olga", "Dehors", Role.TEACHER, Role.PARENT);
            Person blocked = w.person("blocked", hash, "Boris", "Bloqué", Role.TEACHER);
            Person left = w.person("leaver", hash, "Léon", "Parti", Role.PUPIL);
            blocked.setStatus(PersonStatus.BLOCKED);

            w.assignTeacher(tA1, ca1);
            w.assignTeacher(tB1, cb1);
            w.assignTeacher(blocked, ca1);
            w.assignDirector(dA, a);
            w.enrol(pA1, old, LocalDate.of(2025, 9, 1)).end(LocalDate.of(2026, 7, 4));
            w.enrol(pA1, ca1, LocalDate.of(2026, 9, 1));
            w.enrol(pB1, cb1, LocalDate.of(2026, 9, 1));
            w.enrol(left, ca2, LocalDate.of(2026, 9, 1)).end(LocalDate.of(2026, 10, 18));
            w.linkParent(mum, pA1, Relationship.MOTHER);
            w.linkParent(mum, pB1, Relationship.MOTHER);
            w.linkParent(nobody, left, Relationship.GUARDIAN);

            teacherA1 = caller(tA1);
            teacherB1 = caller(tB1);
            directorA = caller(dA);
            pupilA1 = caller(pA1);
            pupilB1 = caller(pB1);
            parent = caller(mum);
            outsider = caller(nobody);
            blockedTeacher = caller(blocked);
            leaver = caller(left);
        });
    }

    private static Caller caller(Person p) {
        return new Caller(p.getId(), p.getLogin(), p.displayName(), Set.copyOf(p.getRoles()));
    }

    public JpaTemplate jpa() {
        return jpa;
    }

    @Override
    public void close() {
        db.close();
    }
}
