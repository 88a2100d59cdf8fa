package org.cartable.core.internal.directory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Set;

import org.cartable.api.CartableException;
import org.cartable.api.Role;
import org.cartable.api.PersonSummary;
import org.cartable.core.internal.MutableClock;
import org.cartable.core.internal.SmallDirectory;
import org.cartable.core.internal.accounts.AccountSettings;
import org.cartable.core.internal.accounts.CoreAccounts;
import org.cartable.core.internal.model.Person;
import org.cartable.core.service.NewAccount;
import org.cartable.core.service.PasswordChangeRequired;
import org.cartable.core.service.StaffImportResult;
import org.cartable.core.service.StaffRoster;
import org.cartable.core.service.StaffRoster.RosterTeacher;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The staff import's writer on real Derby, against SmallDirectory's school A ("CM1", "CE1-CE2"). */
class CoreStaffAdminTest {

    private static final String UAI = "0450001A";
    private static final String YEAR = SmallDirectory.YEAR;

    private final SmallDirectory dir = new SmallDirectory();
    private final MutableClock clock = dir.clock;
    private final CoreStaffAdmin admin = CoreStaffAdmin.create(dir.jpa, Duration.ofDays(90), clock);
    private final CoreDirectory directory = CoreDirectory.create(dir.jpa, clock);

    @AfterEach
    void close() {
        dir.close();
    }

    private static StaffRoster roster(RosterTeacher... teachers) {
        return new StaffRoster("staff", UAI, YEAR, List.of(teachers));
    }

    private static RosterTeacher teacher(String first, String last, boolean director, String... classes) {
        return new RosterTeacher((first + "." + last + "@ac-test.fr").toLowerCase(), first, last,
                first.toLowerCase() + "@ac-test.fr", List.of(classes), director);
    }

    private long persons() {
        return dir.jpa.txExpr(em -> em.createQuery("select count(p) from Person p", Long.class).getSingleResult());
    }

    private List<String> teachersOf(String classId) {
        return directory.teachers(classId).stream().map(PersonSummary::displayName).sorted().toList();
    }

    @Test
    void createsTeachersWhoSignInWithTheirCodeAndTeachTheirClasses() {
        StaffImportResult result = admin.importStaff(roster(teacher("Paul", "Lemaître", false, "CM1"),
                teacher("Nadia", "Chef", true, "CM1", "CE1-CE2")), false);

        assertTrue(result.errors().isEmpty(), result::toString);
        assertEquals(2, result.teachersCreated());
        assertEquals(3, result.assignmentsCreated());
        assertEquals(1, result.directorsChanged());
        assertEquals(2, result.newAccounts().size());
        NewAccount paul = result.newAccounts().get(0);
        assertEquals("paul.lemaitre", paul.login());
        assertEquals("CM1", paul.className());
        assertEquals(List.of("Anne Prof", "Boris Bloqué", "Nadia Chef", "Paul Lemaître"), teachersOf(dir.a1));
        assertEquals(List.of("Nadia Chef"), teachersOf(dir.a2));

        CoreAccounts accounts = CoreAccounts.create(dir.jpa, new AccountSettings(4, Duration.ofHours(1), 5, 100,
                Duration.ofMinutes(10)), clock);
        assertThrows(PasswordChangeRequired.class, () -> accounts.authenticate(paul.login(), paul.initialPassword(),
                null, "x"), "the code only lets him choose a password");
        assertEquals(paul.personId(), accounts.authenticate(paul.login(), paul.initialPassword(), "paul-secret-1",
                "x").userId());
        Person nadia = dir.jpa.txExpr(em -> em.createQuery("select distinct p from Person p left join fetch p.roles"
                + " where p.loginKey = 'nadia.chef'", Person.class).getSingleResult());
        assertEquals(Set.of(Role.TEACHER, Role.DIRECTOR), nadia.getRoles());
        assertEquals("nadia@ac-test.fr", nadia.getEmail());
    }

    @Test
    void reimportMatchesTheSameTeachersAndAppliesAssignmentChanges() {
        admin.importStaff(roster(teacher("Paul", "Lemaître", false, "CM1"),
                teacher("Nadia", "Chef", true, "CE1-CE2")), false);
        long before = persons();

        StaffImportResult same = admin.importStaff(roster(teacher("Paul", "Lemaître", false, "CM1"),
                teacher("Nadia", "Chef", true, "CE1-CE2")), false);
        assertEquals(2, same.unchanged(), same::toString);
        assertEquals(0, same.teachersCreated() + same.assignmentsCreated() + same.assignmentsRemoved()
                + same.directorsChanged());
        assertTrue(same.newAccounts().isEmpty());

        // Paul moves to CE1-CE2, Nadia gives up the directorship; the file no longer lists Paul's... nobody else.
        StaffImportResult moved = admin.importStaff(roster(teacher("Paul", "Lemaître", false, "CE1-CE2"),
                teacher("Nadia", "Chef", false, "CE1-CE2")), false);
        assertEquals(1, moved.assignmentsCreated(), moved::toString);
        assertEquals(1, moved.assignmentsRemoved(), moved::toString);
        assertEquals(1, moved.directorsChanged(), moved::toString);
        assertEquals(before, persons(), "nobody duplicated");
        assertEquals(List.of("Anne Prof", "Boris Bloqué"), teachersOf(dir.a1));
        assertEquals(List.of("Nadia Chef", "Paul Lemaître"), teachersOf(dir.a2));

        // Nadia leaves the school: she loses her class there, keeps her account; teachers not imported stay.
        StaffImportResult left = admin.importStaff(roster(teacher("Paul", "Lemaître", false, "CE1-CE2")), false);
        assertEquals(1, left.assignmentsRemoved(), left::toString);
        assertEquals(List.of("Paul Lemaître"), teachersOf(dir.a2));
        assertEquals(List.of("Anne Prof", "Boris Bloqué"), teachersOf(dir.a1));
        assertEquals(before, persons());
    }

    @Test
    void anUnknownClassRejectsItsLineAndWritesNothingForTheSchool() {
        long before = persons();
        StaffImportResult result = admin.importStaff(roster(teacher("Paul", "Lemaître", false, "CM1"),
                teacher("Nadia", "Chef", true, "CM2 Z")), false);
        assertEquals(1, result.errors().size(), result::toString);
        assertTrue(result.errors().get(1).contains("unknown class 'CM2 Z' in school 0450001A"), result.errors()::toString);
        assertTrue(result.newAccounts().isEmpty());
        assertEquals(before, persons(), "nothing partial");
        assertEquals(List.of("Anne Prof", "Boris Bloqué"), teachersOf(dir.a1));
    }

    @Test
    void unknownSchoolsAndDuplicatesAreRefusedAndDryRunsWriteNothing() {
        CartableException unknown = assertThrows(CartableException.class, () -> admin.importStaff(
                new StaffRoster("staff", "0459999Z", YEAR, List.of(teacher("Paul", "Lemaître", false))), false));
        assertTrue(unknown.getMessage().contains("Unknown school UAI 0459999Z"), unknown.getMessage());
        assertThrows(CartableException.class, () -> admin.importStaff(roster(teacher("Paul", "Lemaître", false),
                teacher("Paul", "Lemaître", false, "CM1")), false));

        long before = persons();
        StaffImportResult dry = admin.importStaff(roster(teacher("Paul", "Lemaître", false, "CM1")), true);
        assertEquals(1, dry.teachersCreated());
        assertEquals(1, dry.assignmentsCreated());
        assertTrue(dry.newAccounts().isEmpty());
        assertEquals(before, persons());
    }

    @Test
    void loginsStayUniqueAcrossEveryAccount() {
        // SmallDirectory has "Teacher.A1" (Anne Prof): a second Anne Prof and a third get numbered logins.
        StaffImportResult result = admin.importStaff(roster(
                new RosterTeacher("t1", "Teacher", "A1", null, List.of("CM1"), false),
                new RosterTeacher("t2", "Teacher", "A1", null, List.of("CM1"), false)), false);
        assertEquals(List.of("teacher.a12", "teacher.a13"),
                result.newAccounts().stream().map(NewAccount::login).toList());
    }
}
