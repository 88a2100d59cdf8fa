package org.cartable.core.internal.accounts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import org.cartable.api.CartableException;
import org.cartable.api.Grade;
import org.cartable.core.internal.MutableClock;
import org.cartable.core.internal.SmallDirectory;
import org.cartable.core.internal.directory.CoreDirectoryAdmin;
import org.cartable.core.internal.model.Person;
import org.cartable.core.service.NewAccount;
import org.cartable.core.service.PasswordChangeRequired;
import org.cartable.core.service.SchoolRoster;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The first-login codes of imported accounts: one use, only to choose a password, expiring, throttled. */
class InitialCodeSignInTest {

    private final SmallDirectory dir = new SmallDirectory();
    private final MutableClock clock = dir.clock;
    private final CoreAccounts accounts = CoreAccounts.create(dir.jpa,
            new AccountSettings(4, Duration.ofHours(1), 5, 100, Duration.ofMinutes(10)), clock);
    private final NewAccount leo;

    InitialCodeSignInTest() {
        String commune = dir.jpa.txExpr(em -> em.createQuery("select c.id from Collectivity c", String.class)
                .setMaxResults(1).getSingleResult());
        leo = CoreDirectoryAdmin.create(dir.jpa, Duration.ofDays(30), clock).importSchool(new SchoolRoster("onde",
                        "0459999Z", "École Neuve", SmallDirectory.YEAR,
                        List.of(new SchoolRoster.RosterClass("CP", Set.of(Grade.CP))),
                        List.of(new SchoolRoster.RosterPupil("p1", "Léo", "Durand", LocalDate.of(2019, 3, 4), "CP")),
                        List.of()), commune, false)
                .newAccounts().get(0);
    }

    @AfterEach
    void close() {
        dir.close();
    }

    private Person stored() {
        return dir.jpa.txExpr(em -> em.find(Person.class, leo.personId()));
    }

    @Test
    void theCodeIsStoredSaltedAndExpiring() {
        Person person = stored();
        assertTrue(InitialCodes.isInitial(person.getPasswordHash()), person.getPasswordHash());
        assertFalse(person.getPasswordHash().contains(leo.initialPassword()));
        assertTrue(InitialCodes.verify(leo.initialPassword(), person.getPasswordHash()));
        assertFalse(InitialCodes.verify(leo.initialPassword() + "x", person.getPasswordHash()));
        assertEquals(clock.instant().plus(Duration.ofDays(30)), person.getInitialCodeExpiresAt());
        assertNotEquals(InitialCodes.hash("same-code"), InitialCodes.hash("same-code"), "a unique salt each time");
    }

    @Test
    void theCodeAloneOnlyAsksForANewPassword() {
        assertThrows(PasswordChangeRequired.class,
                () -> accounts.authenticate(leo.login(), leo.initialPassword(), "x"));
        assertThrows(PasswordChangeRequired.class,
                () -> accounts.authenticate(leo.login(), leo.initialPassword(), "", "x"));
        assertTrue(InitialCodes.isInitial(stored().getPasswordHash()), "nothing changed");
    }

    @Test
    void choosingAPasswordSpendsTheCode() {
        assertEquals(leo.personId(),
                accounts.authenticate(leo.login(), leo.initialPassword(), "my own secret", "x").userId());
        Person person = stored();
        assertTrue(person.getPasswordHash().startsWith("$2"), "bcrypt at sign-in's cost now");
        assertNull(person.getInitialCodeExpiresAt());
        CartableException reused = assertThrows(CartableException.class,
                () -> accounts.authenticate(leo.login(), leo.initialPassword(), "another secret", "x"));
        assertEquals(CartableException.Kind.UNAUTHORIZED, reused.kind());
        assertEquals(leo.personId(), accounts.authenticate(leo.login(), "my own secret", "x").userId());
    }

    @Test
    void aNewPasswordMustBeLongEnoughAndNotTheCode() {
        CartableException shortOne = assertThrows(CartableException.class,
                () -> accounts.authenticate(leo.login(), leo.initialPassword(), "short", "x"));
        assertEquals(CartableException.Kind.BAD_REQUEST, shortOne.kind());
        CartableException same = assertThrows(CartableException.class,
                () -> accounts.authenticate(leo.login(), leo.initialPassword(), leo.initialPassword(), "x"));
        assertEquals(CartableException.Kind.BAD_REQUEST, same.kind());
        assertTrue(InitialCodes.isInitial(stored().getPasswordHash()), "the code still works");
    }

    @Test
    void anExpiredCodeNoLongerSignsIn() {
        clock.advance(Duration.ofDays(30));
        CartableException expired = assertThrows(CartableException.class,
                () -> accounts.authenticate(leo.login(), leo.initialPassword(), "my own secret", "x"));
        assertEquals(CartableException.Kind.UNAUTHORIZED, expired.kind());
        assertTrue(expired.getMessage().contains("expired"), expired.getMessage());
        assertTrue(InitialCodes.isInitial(stored().getPasswordHash()));
    }

    @Test
    void guessingCodesIsThrottledLikePasswords() {
        for (int i = 0; i < 5; i++) {
            assertEquals(CartableException.Kind.UNAUTHORIZED, assertThrows(CartableException.class,
                    () -> accounts.authenticate(leo.login(), "wrongcode", "my own secret", "x")).kind());
        }
        CartableException blocked = assertThrows(CartableException.class,
                () -> accounts.authenticate(leo.login(), leo.initialPassword(), "my own secret", "x"));
        assertEquals(CartableException.Kind.TOO_MANY_REQUESTS, blocked.kind(), "even the right code waits");
        clock.advance(Duration.ofMinutes(11));
        assertEquals(leo.personId(),
                accounts.authenticate(leo.login(), leo.initialPassword(), "my own secret", "x").userId());
    }
}
