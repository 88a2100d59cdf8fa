package org.cartable.core.internal.directory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.LocalDate;
import java.time.Period;
import java.util.List;
import java.util.Set;

import org.cartable.api.CartableException;
import org.cartable.api.Grade;
import org.cartable.core.internal.MutableClock;
import org.cartable.core.internal.SmallDirectory;
import org.cartable.core.internal.accounts.AccountSettings;
import org.cartable.core.internal.accounts.CoreAccounts;
import org.cartable.core.internal.model.Enrolment;
import org.cartable.core.internal.model.Person;
import org.cartable.core.internal.model.PersonStatus;
import org.cartable.core.service.NewAccount;
import org.cartable.core.service.SchoolImportResult;
import org.cartable.core.service.SchoolRoster;
import org.cartable.core.service.SchoolRoster.RosterClass;
import org.cartable.core.service.SchoolRoster.RosterGuardian;
import org.cartable.core.service.SchoolRoster.RosterPupil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class CoreDirectoryAdminTest {

    private static final String UAI = "0459999Z";
    private static final String UAI2 = "0459998Y";
    private static final String YEAR = SmallDirectory.YEAR;

    private final SmallDirectory dir = new SmallDirectory();
    private final MutableClock clock = dir.clock;
    private final CoreDirectoryAdmin admin = CoreDirectoryAdmin.create(dir.jpa, java.time.Duration.ofDays(90), clock);
    private final String commune = dir.jpa.txExpr(em -> em.createQuery("select c.id from Collectivity c",
            String.class).setMaxResults(1).getSingleResult());

    @AfterEach
    void close() {
        dir.close();
    }

    private static SchoolRoster roster(String uai, String year, List<RosterPupil> pupils,
                                       List<RosterGuardian> guardians) {
        return new SchoolRoster("onde", uai, "École Neuve", year,
                List.of(new RosterClass("CP", Set.of(Grade.CP)), new RosterClass("CE1", Set.of(Grade.CE1))),
                pupils, guardians);
    }

    private static RosterPupil pupil(String id, String first, String className) {
        return new RosterPupil(id, first, "Durand", LocalDate.of(2019, 3, 4), className);
    }

    private static RosterGuardian mother(String email, String... pupils) {
        return new RosterGuardian(null, "Claire", "Durand", "MOTHER", email, "06 12 34 56 78", List.of(pupils));
    }

    @Test
    void importsANewSchoolWithAccountsThatSignIn() {
        SchoolImportResult result = admin.importSchool(roster(UAI, YEAR,
                List.of(pupil("p1", "Léo", "CP"), pupil("p2", "Zoé", "CE1")),
                List.of(mother("claire@example.org", "p1", "p2"))), commune, false);

        assertTrue(result.schoolCreated());
        assertEquals(2, result.classesCreated());
        assertEquals(2, result.pupilsCreated());
        assertEquals(1, result.guardiansCreated());
        assertEquals(2, result.linksCreated());
        assertEquals(3, result.newAccounts().size());
        NewAccount leo = result.newAccounts().get(0);
        assertEquals("leo.durand", leo.login());
        assertEquals("CP", leo.className());
        NewAccount claire = result.newAccounts().get(2);
        assertFalse(claire.pupil());
        assertEquals("Léo Durand", claire.childName());

        CoreAccounts accounts = CoreAccounts.create(dir.jpa, new AccountSettings(4, Duration.ofHours(1), 5, 100,
                Duration.ofMinutes(10)), clock);
        // first-login codes sign in once, choosing a password (see InitialCodeSignInTest)
        assertEquals(leo.personId(), accounts.authenticate(leo.login(), leo.initialPassword(), "leo-secret-1", "x")
                .userId());
        assertEquals(claire.personId(), accounts.authenticate("claire.durand", claire.initialPassword(),
                "claire-secret-1", "x").userId());
        assertEquals(leo.personId(), accounts.authenticate(leo.login(), "leo-secret-1", "x").userId());
        assertEquals("claire@example.org", dir.jpa.txExpr(em -> em.find(
                org.cartable.core.internal.model.Person.class, claire.personId()).getEmail()),
                "the registry's address is where her notices go until she sets her own");
    }

    @Test
    void reimportingTheSameRosterChangesNothing() {
        SchoolRoster roster = roster(UAI, YEAR, List.of(pupil("p1", "Léo", "CP"), pupil("p2", "Zoé", "CE1")),
                List.of(mother("claire@example.org", "p1", "p2")));
        admin.importSchool(roster, commune, false);
        SchoolImportResult again = admin.importSchool(roster, commune, false);
        assertFalse(again.changedAnything(), again::toString);
        assertEquals(3, again.unchanged());
        assertTrue(again.newAccounts().isEmpty());
    }

    @Test
    void dryRunWritesNothing() {
        SchoolRoster roster = roster(UAI, YEAR, List.of(pupil("p1", "Léo", "CP")), List.of());
        SchoolImportResult dry = admin.importSchool(roster, commune, true);
        assertEquals(1, dry.pupilsCreated());
        assertTrue(dry.schoolCreated());
        assertNull(dry.schoolId());
        assertTrue(dry.newAccounts().isEmpty(), "a dry run hands out no password");
        assertEquals(0L, (long) dir.jpa.txExpr(em -> em.createQuery(
                "select count(s) from School s where s.uai = :uai", Long.class).setParameter("uai", UAI)
                .getSingleResult()));
        assertEquals(1, admin.importSchool(roster, commune, false).pupilsCreated());
    }

    @Test
    void unknownSchoolWithoutCollectivityIsRefusedAndChangesNothing() {
        CartableException e = assertThrows(CartableException.class, () -> admin.importSchool(
                roster(UAI, YEAR, List.of(pupil("p1", "Léo", "CP")), List.of()), null, false));
        assertEquals(CartableException.Kind.BAD_REQUEST, e.kind());
        assertEquals(0L, (long) dir.jpa.txExpr(em -> em.createQuery(
                "select count(p) from Person p where p.loginKey = 'leo.durand'", Long.class).getSingleResult()));
    }

    @Test
    void aNewYearMovesPupilsKeepsHistoryAndPreDeletesTheDeparted() {
        admin.importSchool(roster(UAI, YEAR, List.of(pupil("p1", "Léo", "CP"), pupil("p2", "Zoé", "CE1")),
                List.of(mother("claire@example.org", "p1"),
                        new RosterGuardian(null, "Marc", "Petit", "FATHER", null, "0700000000", List.of("p2")))),
                commune, false);
        String leo = personId("leo.durand");
        String zoe = personId("zoe.durand");
        String marc = personId("marc.petit");

        clock.advance(Duration.ofDays(280)); // 2027-09-05
        SchoolImportResult next = admin.importSchool(roster(UAI, "2027-2028", List.of(pupil("p1", "Léo", "CE1")),
                List.of(mother("claire@example.org", "p1"))), commune, false);
        assertEquals(2, next.classesCreated());
        assertEquals(1, next.pupilsMoved());
        assertEquals(2, next.preDeleted(), "Zoé left, and her father has no child left: " + next);

        List<Enrolment> history = dir.jpa.txExpr(em -> em.createQuery(
                "select e from Enrolment e join fetch e.schoolClass where e.pupil.id = :p order by e.start",
                Enrolment.class).setParameter("p", leo).getResultList());
        assertEquals(2, history.size());
        assertEquals("2026-2027", history.get(0).getSchoolYear());
        assertEquals(LocalDate.of(2027, 9, 5), history.get(0).getEnd());
        assertEquals("2027-2028", history.get(1).getSchoolYear());
        assertNull(history.get(1).getEnd());
        assertEquals(PersonStatus.PRE_DELETED, status(zoe));
        assertEquals(PersonStatus.PRE_DELETED, status(marc));
        assertEquals(PersonStatus.ACTIVE, status(personId("claire.durand")));

        // Imported again: nothing more to do.
        assertFalse(admin.importSchool(roster(UAI, "2027-2028", List.of(pupil("p1", "Léo", "CE1")),
                List.of(mother("claire@example.org", "p1"))), commune, false).changedAnything());
    }

    @Test
    void preDeletedAccountsArePurgedOnlyAfterTheDelay() {
        admin.importSchool(roster(UAI, YEAR, List.of(pupil("p1", "Léo", "CP"), pupil("p2", "Zoé", "CP")),
                List.of()), commune, false);
        String zoe = personId("zoe.durand");
        admin.importSchool(roster(UAI, YEAR, List.of(pupil("p1", "Léo", "CP")), List.of()), commune, false);
        assertEquals(PersonStatus.PRE_DELETED, status(zoe));

        PreDeletionPurge purge = PreDeletionPurge.create(
                org.cartable.core.internal.privacy.CorePersonalDataRights.create(dir.jpa, List.of()), Period.ofMonths(3),
                clock);
        clock.advance(Duration.ofDays(85));
        assertEquals(0, purge.runOnce(), "not yet three months");
        assertNotNull(status(zoe));
        clock.advance(Duration.ofDays(10));
        assertEquals(1, purge.runOnce());
        assertNull(status(zoe), "purged");
        assertEquals(PersonStatus.ACTIVE, status(personId("leo.durand")));
    }

    @Test
    void aPupilBackBeforeThePurgeIsRestored() {
        SchoolRoster both = roster(UAI, YEAR, List.of(pupil("p1", "Léo", "CP"), pupil("p2", "Zoé", "CP")),
                List.of());
        admin.importSchool(both, commune, false);
        admin.importSchool(roster(UAI, YEAR, List.of(pupil("p1", "Léo", "CP")), List.of()), commune, false);
        clock.advance(Duration.ofDays(1));
        SchoolImportResult back = admin.importSchool(both, commune, false);
        assertEquals(1, back.pupilsEnrolled());
        assertEquals(PersonStatus.ACTIVE, status(personId("zoe.durand")));
    }

    @Test
    void aGuardianWithChildrenInTwoSchoolsGetsOneAccount() {
        admin.importSchool(roster(UAI, YEAR, List.of(pupil("p1", "Léo", "CP")),
                List.of(mother("Claire@Example.org ", "p1"))), commune, false);
        SchoolImportResult second = admin.importSchool(new SchoolRoster("onde", UAI2, null, YEAR,
                List.of(new RosterClass("CM2", Set.of(Grade.CM2))),
                List.of(new RosterPupil("p9", "Tom", "Durand", null, "CM2")),
                List.of(mother("claire@example.org", "p9"))), commune, false);
        assertEquals(0, second.guardiansCreated());
        assertEquals(1, second.linksCreated());
        assertEquals(1L, (long) dir.jpa.txExpr(em -> em.createQuery(
                "select count(p) from Person p where p.firstName = 'Claire'", Long.class).getSingleResult()));
        // Same name and phone, no e-mail: still the same person.
        SchoolImportResult third = admin.importSchool(new SchoolRoster("onde", "0459997X", null, YEAR,
                List.of(new RosterClass("CE2", Set.of(Grade.CE2))),
                List.of(new RosterPupil("p8", "Léna", "Durand", null, "CE2")),
                List.of(mother(null, "p8"))), commune, false);
        assertEquals(0, third.guardiansCreated());
    }

    @Test
    void aGuardianListedTwiceInOneSchoolIsMatchedToTheAccountJustCreated() {
        // Two entries the source did not merge (one without the phone): the second must find the first, which only
        // exists in the run's memory at that point (nothing is flushed before the end of the school).
        RosterGuardian withoutPhone = new RosterGuardian(null, "Claire", "Durand", "MOTHER", "Claire@Example.org",
                null, List.of("p2"));
        SchoolImportResult result = admin.importSchool(roster(UAI, YEAR,
                List.of(pupil("p1", "Léo", "CP"), pupil("p2", "Zoé", "CE1")),
                List.of(mother("claire@example.org", "p1"), withoutPhone)), commune, false);
        assertEquals(1, result.guardiansCreated(), result::toString);
        assertEquals(2, result.linksCreated(), result::toString);
        assertFalse(admin.importSchool(roster(UAI, YEAR,
                List.of(pupil("p1", "Léo", "CP"), pupil("p2", "Zoé", "CE1")),
                List.of(mother("claire@example.org", "p1"), withoutPhone)), commune, false).changedAnything());
    }

    @Test
    void twoParentsSharingAnAddressKeepTwoAccounts() {
        SchoolImportResult result = admin.importSchool(roster(UAI, YEAR, List.of(pupil("p1", "Léo", "CP")),
                List.of(mother("famille@example.org", "p1"),
                        new RosterGuardian(null, "Paul", "Durand", "FATHER", "famille@example.org", null,
                                List.of("p1")))), commune, false);
        assertEquals(2, result.guardiansCreated());
    }

    @Test
    void sameNamesGetDistinctLogins() {
        SchoolImportResult result = admin.importSchool(roster(UAI, YEAR,
                List.of(pupil("p1", "Léo", "CP"), pupil("p2", "Leo", "CE1")), List.of()), commune, false);
        assertEquals(List.of("leo.durand", "leo.durand2"),
                result.newAccounts().stream().map(NewAccount::login).toList());
    }

    @Test
    void aSchoolBiggerThanAChunkIsMatchedPupilByPupilOnReimport() {
        // more pupils than one IN-list chunk (and not a power of two): the read-ahead must find every one of them
        int size = CoreDirectoryAdmin.CHUNK + 77;
        List<RosterPupil> pupils = java.util.stream.IntStream.range(0, size)
                .mapToObj(i -> pupil("p" + i, "Élève" + i, i % 2 == 0 ? "CP" : "CE1")).toList();
        List<RosterGuardian> guardians = java.util.stream.IntStream.range(0, size)
                .mapToObj(i -> new RosterGuardian(null, "Parent" + i, "Durand", "FATHER", "parent" + i + "@example.org",
                        null, List.of("p" + i))).toList();
        SchoolRoster roster = roster(UAI, YEAR, pupils, guardians);
        assertEquals(size, admin.importSchool(roster, commune, false).pupilsCreated());
        // the same external ids in another source name other pupils
        SchoolRoster otherSource = new SchoolRoster("oneroster", UAI2, "École Autre", YEAR, roster.classes(),
                pupils.subList(0, 3), List.of());
        assertEquals(3, admin.importSchool(otherSource, commune, false).pupilsCreated());

        SchoolImportResult again = admin.importSchool(roster, commune, false);
        assertFalse(again.changedAnything(), again::toString);
        assertEquals(2 * size, again.unchanged());
    }

    @Test
    void chunksArePaddedToAPowerOfTwoWithTheirLastValue() {
        assertEquals(List.of("a", "b", "c", "c"), CoreDirectoryAdmin.padded(List.of("a", "b", "c")));
        assertEquals(List.of("a", "b"), CoreDirectoryAdmin.padded(List.of("a", "b")));
        assertEquals(List.of("a"), CoreDirectoryAdmin.padded(List.of("a")));
        List<Integer> chunks = new java.util.ArrayList<>();
        CoreDirectoryAdmin.forChunks(java.util.stream.IntStream.range(0, CoreDirectoryAdmin.CHUNK + 5).boxed()
                .toList(), chunk -> chunks.add(chunk.size()));
        assertEquals(List.of(CoreDirectoryAdmin.CHUNK, 8), chunks);
    }

    @Test
    void inconsistentRosterIsRefused() {
        assertThrows(CartableException.class, () -> admin.importSchool(roster(UAI, YEAR,
                List.of(pupil("p1", "Léo", "CM2")), List.of()), commune, false));
        assertThrows(CartableException.class, () -> admin.importSchool(roster(UAI, "2020-2021",
                List.of(pupil("p1", "Léo", "CP")), List.of()), commune, false));
    }

    private String personId(String login) {
        return dir.jpa.txExpr(em -> em.createQuery("select p.id from Person p where p.loginKey = :l", String.class)
                .setParameter("l", login).getSingleResult());
    }

    private PersonStatus status(String personId) {
        return dir.jpa.txExpr(em -> {
            Person p = em.find(Person.class, personId);
            return p == null ? null : p.getStatus();
        });
    }
}
