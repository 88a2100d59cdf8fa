package org.cartable.core.internal.accounts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.List;
import java.util.Set;

import org.cartable.api.Caller;
import org.cartable.api.CartableException;
import org.cartable.api.Role;
import org.cartable.api.audit.AuditEvent;
import org.cartable.api.audit.AuditTypes;
import org.cartable.core.internal.SmallDirectory;
import org.cartable.core.internal.model.Person;
import org.cartable.core.service.IssuedToken;
import org.cartable.core.internal.model.PersonStatus;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CoreAccountsTest {

    private static final String PASSWORD = SmallDirectory.PASSWORD;

    private SmallDirectory d;
    private CoreAccounts accounts;

    @BeforeAll
    void createDirectory() {
        d = new SmallDirectory();
    }

    /** A fresh instance per test: fresh throttling counters. Tests that change the directory restore it. */
    @BeforeEach
    void setUp() {
        accounts = CoreAccounts.create(d.jpa, AccountSettings.defaults().withBcryptCost(4), d.clock);
    }

    @AfterAll
    void tearDown() {
        d.close();
    }

    @Test
    void signsInWithTheRightPasswordWhateverTheLoginCase() {
        Caller caller = accounts.authenticate("TEACHER.a1", PASSWORD, "10.0.0.1");
        assertEquals(d.teacherA1.userId(), caller.userId());
        assertEquals("Teacher.A1", caller.login());
        assertEquals("Anne Prof", caller.displayName());
        assertEquals(Set.of(Role.TEACHER), caller.roles());
        assertEquals(Set.of(Role.DIRECTOR, Role.TEACHER),
                accounts.authenticate(" director.a ", PASSWORD, "10.0.0.1").roles());
    }

    @Test
    void unknownLoginAndWrongPasswordGetTheSameAnswer() {
        CartableException wrong = assertThrows(CartableException.class,
                () -> accounts.authenticate("teacher.a1", "not-it", "10.0.0.1"));
        CartableException unknown = assertThrows(CartableException.class,
                () -> accounts.authenticate("nobody", PASSWORD, "10.0.0.1"));
        assertEquals(CartableException.Kind.UNAUTHORIZED, wrong.kind());
        assertEquals(wrong.kind(), unknown.kind());
        assertEquals("Unknown login or wrong password.", wrong.getMessage());
        assertEquals(wrong.getMessage(), unknown.getMessage());
    }

    @Test
    void missingCredentialsAreABadRequest() {
        assertEquals(CartableException.Kind.BAD_REQUEST, assertThrows(CartableException.class,
                () -> accounts.authenticate(null, PASSWORD, "10.0.0.1")).kind());
        assertEquals(CartableException.Kind.BAD_REQUEST, assertThrows(CartableException.class,
                () -> accounts.authenticate("parent", "", "10.0.0.1")).kind());
        assertEquals(CartableException.Kind.UNAUTHORIZED, assertThrows(CartableException.class,
                () -> accounts.authenticate("parent", "x".repeat(5000), "10.0.0.1")).kind());
    }

    @Test
    void fiveFailuresBlockTheLoginForTenMinutesEvenWithTheRightPassword() {
        for (int i = 0; i < 5; i++) {
            int attempt = i;
            assertThrows(CartableException.class,
                    () -> accounts.authenticate("parent", "guess" + attempt, "10.0.0." + attempt));
        }
        CartableException throttled = assertThrows(CartableException.class,
                () -> accounts.authenticate("PARENT", PASSWORD, "10.0.0.99"));
        assertEquals(CartableException.Kind.TOO_MANY_REQUESTS, throttled.kind());
        assertEquals(429, throttled.kind().status());
        assertTrue(throttled.getMessage().contains("wait 10 minutes"), throttled.getMessage());
        assertEquals(Duration.ofMinutes(10), throttled.retryAfter().orElseThrow());
        // Other logins are not affected.
        accounts.authenticate("pupil.a1", PASSWORD, "10.0.0.99");

        d.clock.advance(Duration.ofMinutes(9));
        assertTrue(assertThrows(CartableException.class,
                () -> accounts.authenticate("parent", PASSWORD, "10.0.0.99")).getMessage().contains("wait 1 minute"));
        d.clock.advance(Duration.ofMinutes(1).plusSeconds(1));
        assertEquals(d.parent.userId(), accounts.authenticate("parent", PASSWORD, "10.0.0.99").userId());
    }

    @Test
    void successResetsTheLoginsFailureCount() {
        for (int i = 0; i < 4; i++) {
            assertThrows(CartableException.class, () -> accounts.authenticate("parent", "bad", "10.0.0.1"));
        }
        accounts.authenticate("parent", PASSWORD, "10.0.0.1");
        for (int i = 0; i < 4; i++) {
            assertThrows(CartableException.class, () -> accounts.authenticate("parent", "bad", "10.0.0.1"));
        }
        accounts.authenticate("parent", PASSWORD, "10.0.0.1");
    }

    @Test
    void aHundredFailuresFromOneAddressBlockThatAddress() {
        assertEquals(100, AccountSettings.defaults().maxFailuresPerAddress());
        for (int i = 0; i < 100; i++) {
            int attempt = i;
            assertThrows(CartableException.class,
                    () -> accounts.authenticate("spray" + attempt, "guess", "192.0.2.7"));
        }
        assertEquals(CartableException.Kind.TOO_MANY_REQUESTS, assertThrows(CartableException.class,
                () -> accounts.authenticate("parent", PASSWORD, "192.0.2.7")).kind());
        assertEquals(d.parent.userId(), accounts.authenticate("parent", PASSWORD, "192.0.2.8").userId());
    }

    @Test
    void typosOfAWholeSchoolBehindOneAddressDoNotLockOutOtherAccounts() {
        // 30 pupils behind the school's NAT, each mistyping three times: 90 failures, below the address limit.
        for (int pupil = 0; pupil < 30; pupil++) {
            for (int typo = 0; typo < 3; typo++) {
                int p = pupil;
                assertEquals(CartableException.Kind.UNAUTHORIZED, assertThrows(CartableException.class,
                        () -> accounts.authenticate("pupil" + p, "typo", "203.0.113.5")).kind());
            }
        }
        assertEquals(d.pupilA1.userId(), accounts.authenticate("pupil.a1", PASSWORD, "203.0.113.5").userId());
        assertEquals(d.parent.userId(), accounts.authenticate("parent", PASSWORD, "203.0.113.5").userId());
        // Successful sign-ins do not use up the address's allowance either.
        for (int i = 0; i < 20; i++) {
            accounts.authenticate("teacher.b1", PASSWORD, "203.0.113.5");
        }
        assertEquals(d.teacherA1.userId(), accounts.authenticate("teacher.a1", PASSWORD, "203.0.113.5").userId());
    }

    @Test
    void theAddressLimitIsConfigurable() {
        CoreAccounts strict = CoreAccounts.create(d.jpa,
                new AccountSettings(4, Duration.ofHours(1), 5, 3, Duration.ofMinutes(10)), d.clock);
        for (int i = 0; i < 3; i++) {
            int attempt = i;
            assertThrows(CartableException.class, () -> strict.authenticate("spray" + attempt, "x", "198.51.100.1"));
        }
        assertEquals(CartableException.Kind.TOO_MANY_REQUESTS, assertThrows(CartableException.class,
                () -> strict.authenticate("parent", PASSWORD, "198.51.100.1")).kind());
    }

    @Test
    void parallelWrongPasswordsGetNoMoreChecksThanTheLimit() throws Exception {
        // A real bcrypt cost, so that the checks overlap as they do in production; an unknown login is checked
        // against the dummy hash of that cost.
        CoreAccounts slow = CoreAccounts.create(d.jpa, AccountSettings.defaults(), d.clock);
        int threads = 40;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<Future<CartableException.Kind>> answers = new ArrayList<>();
            for (int i = 0; i < threads; i++) {
                String address = "10.1.0." + i;
                answers.add(pool.submit(() -> {
                    start.await();
                    try {
                        slow.authenticate("race-target", "guess", address);
                        return null;
                    } catch (CartableException e) {
                        return e.kind();
                    }
                }));
            }
            start.countDown();
            Map<CartableException.Kind, Integer> counts = new EnumMap<>(CartableException.Kind.class);
            for (Future<CartableException.Kind> answer : answers) {
                counts.merge(answer.get(60, TimeUnit.SECONDS), 1, Integer::sum);
            }
            int checked = counts.getOrDefault(CartableException.Kind.UNAUTHORIZED, 0);
            assertEquals(5, checked, counts::toString);
            assertEquals(threads - 5, counts.getOrDefault(CartableException.Kind.TOO_MANY_REQUESTS, 0),
                    counts::toString);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aSignInInFlightCountsUntilItSucceeds() {
        LoginThrottle throttle = new LoginThrottle(2, Duration.ofMinutes(10), d.clock);
        LoginThrottle.Reservation first = throttle.tryReserve("k").orElseThrow();
        assertTrue(throttle.tryReserve("k").isPresent());
        assertTrue(throttle.tryReserve("k").isEmpty(), "two attempts in flight use up a limit of two");
        throttle.release(first);
        assertTrue(throttle.tryReserve("k").isPresent(), "a successful attempt gives its slot back");
        assertTrue(throttle.tryReserve("k").isEmpty());
        assertTrue(throttle.tryReserve("other").isPresent());
    }

    @Test
    void blockedAccountsCannotSignInNorUseTokens() {
        String token = accounts.issueToken(accounts.authenticate("parent", PASSWORD, "10.0.0.1")).token();
        d.jpa.tx(em -> em.find(Person.class, d.parent.userId()).setStatus(PersonStatus.BLOCKED));
        try {
            assertEquals(CartableException.Kind.UNAUTHORIZED, assertThrows(CartableException.class,
                    () -> accounts.authenticate("parent", PASSWORD, "10.0.0.1")).kind());
            assertTrue(accounts.resolveToken(token).isEmpty());
            assertTrue(accounts.caller(d.parent.userId()).isEmpty());
            assertThrows(CartableException.class, () -> accounts.issueToken(d.parent));
            assertThrows(CartableException.class, () -> accounts.authenticate("blocked", PASSWORD, "10.0.0.1"));
        } finally {
            d.jpa.tx(em -> em.find(Person.class, d.parent.userId()).setStatus(PersonStatus.ACTIVE));
        }
    }

    @Test
    void tokensResolveUntilTheyExpireAndOnlyTheirHashIsStored() {
        CoreAccounts accounts = CoreAccounts.create(d.jpa, AccountSettings.defaults().withBcryptCost(4)
                .withTokenIdle(Duration.ofHours(12)), d.clock);
        IssuedToken issued = accounts.issueToken(d.teacherA1);
        String token = issued.token();
        assertEquals(d.clock.instant().plus(Duration.ofHours(12)), issued.expiresAt());
        assertEquals(32, Base64.getUrlDecoder().decode(token).length);
        assertEquals(d.teacherA1.userId(), accounts.resolveToken(token).orElseThrow().userId());
        assertNotEquals(token, accounts.issueToken(d.teacherA1).token());

        List<String> stored = d.jpa.txExpr(em -> em.createQuery(
                        "select t.tokenHash from AccessToken t where t.personId = :person", String.class)
                .setParameter("person", d.teacherA1.userId()).getResultList());
        assertEquals(2, stored.size());
        assertFalse(stored.contains(token));
        assertTrue(stored.contains(CoreAccounts.sha256(token)));

        d.clock.advance(Duration.ofHours(12).minusSeconds(1));
        assertTrue(accounts.resolveToken(token).isPresent());
        d.clock.advance(Duration.ofSeconds(1));
        assertTrue(accounts.resolveToken(token).isEmpty());
        assertTrue(accounts.resolveToken("forged").isEmpty());
        assertTrue(accounts.resolveToken(null).isEmpty());
    }

    @Test
    void revokedTokensStopWorkingAndUnknownOnesAreIgnored() {
        String token = accounts.issueToken(d.pupilA1).token();
        String other = accounts.issueToken(d.pupilA1).token();
        accounts.revokeToken(token);
        assertTrue(accounts.resolveToken(token).isEmpty());
        assertTrue(accounts.resolveToken(other).isPresent());
        accounts.revokeToken("never-issued");
        accounts.revokeToken(null);
    }

    @Test
    void callerReloadsRolesChangedSinceSignIn() {
        Caller before = accounts.authenticate("teacher.b1", PASSWORD, "10.0.0.1");
        String token = accounts.issueToken(before).token();
        d.jpa.tx(em -> em.find(Person.class, before.userId()).getRoles().add(Role.PARENT));
        try {
            assertEquals(Set.of(Role.TEACHER, Role.PARENT), accounts.caller(before.userId()).orElseThrow().roles());
            assertEquals(Set.of(Role.TEACHER, Role.PARENT), accounts.resolveToken(token).orElseThrow().roles());
            assertTrue(accounts.caller("unknown").isEmpty());
        } finally {
            d.jpa.tx(em -> em.find(Person.class, before.userId()).getRoles().remove(Role.PARENT));
        }
    }

    /** Structural, not timed: every path that answers "bad credentials" runs one bcrypt verification. */
    @Test
    void unknownLoginsRunTheSameBcryptCheckAsWrongPasswords() {
        CountingHasher hasher = new CountingHasher();
        CoreAccounts counted = CoreAccounts.create(d.jpa, AccountSettings.defaults(), d.clock, hasher, event -> { });
        assertThrows(CartableException.class, () -> counted.authenticate("no-such-login", "wrong", "10.0.0.9"));
        assertEquals(1, hasher.verifications, "an unknown login still runs one bcrypt verification");
        assertTrue(hasher.lastHash.startsWith("$2a$04$"), "against a dummy hash of the configured cost: "
                + hasher.lastHash);
        assertThrows(CartableException.class, () -> counted.authenticate("teacher.b1", "wrong", "10.0.0.9"));
        assertEquals(2, hasher.verifications, "a wrong password runs one too");
        counted.authenticate("teacher.b1", PASSWORD, "10.0.0.9");
        assertEquals(3, hasher.verifications);
    }

    /** A printed figure only (timed assertions are not allowed): unknown login versus wrong password at cost 10. */
    @Test
    void printsTheTimingOfUnknownLoginsAgainstWrongPasswords() {
        CoreAccounts slow = CoreAccounts.create(d.jpa, AccountSettings.defaults().withBcryptCost(10), d.clock);
        d.jpa.tx(em -> em.find(Person.class, d.outsider.userId()).setPasswordHash(slow.hashPassword(PASSWORD)));
        try {
            assertThrows(CartableException.class, () -> slow.authenticate("outsider", "wrong", "warm-up"));
            int rounds = 3;
            long known = 0;
            long unknown = 0;
            for (int i = 0; i < rounds; i++) {
                String address = "10.9.0." + i; // own address per round: the address limit is not the subject
                known += time(() -> assertThrows(CartableException.class,
                        () -> slow.authenticate("outsider", "wrong", address)));
                unknown += time(() -> assertThrows(CartableException.class,
                        () -> slow.authenticate("no-such-login", "wrong", address)));
            }
            System.out.printf("[CoreAccountsTest] bcrypt cost 10, mean of %d: wrong password %d ms, unknown login %d ms%n",
                    rounds, known / rounds, unknown / rounds);
        } finally {
            d.jpa.tx(em -> em.find(Person.class, d.outsider.userId())
                    .setPasswordHash(new PasswordHasher(4).hash(PASSWORD)));
        }
    }

    @Test
    void throttlingAnswersTheSameForUnknownAndExistingLogins() {
        for (String login : List.of("teacher.b1", "ghost-login")) {
            for (int i = 0; i < 5; i++) {
                assertThrows(CartableException.class, () -> accounts.authenticate(login, "wrong", "10.7.0.1"));
            }
        }
        CartableException known = assertThrows(CartableException.class,
                () -> accounts.authenticate("teacher.b1", "wrong", "10.7.0.1"));
        CartableException unknown = assertThrows(CartableException.class,
                () -> accounts.authenticate("ghost-login", "wrong", "10.7.0.1"));
        assertEquals(CartableException.Kind.TOO_MANY_REQUESTS, known.kind());
        assertEquals(known.kind(), unknown.kind());
        assertEquals(known.getMessage(), unknown.getMessage());
    }

    @Test
    void tokensExpireAfterTheIdleTimeEvenBeforeTheirEnd() {
        CoreAccounts idle = CoreAccounts.create(d.jpa, AccountSettings.defaults().withBcryptCost(4)
                .withTokenIdle(Duration.ofMinutes(30)), d.clock);
        String used = idle.issueToken(d.pupilB1).token();
        String unused = idle.issueToken(d.pupilB1).token();
        for (int i = 0; i < 4; i++) {
            d.clock.advance(Duration.ofMinutes(20));
            assertTrue(idle.resolveToken(used).isPresent(), "a token in use stays valid: round " + i);
        }
        assertTrue(idle.resolveToken(unused).isEmpty(), "unused for 80 minutes, over the 30 of idle time");
        d.clock.advance(Duration.ofMinutes(30));
        assertTrue(idle.resolveToken(used).isEmpty(), "idle for 30 minutes");
        String late = idle.issueToken(d.pupilB1).token();
        for (int i = 0; i < 48; i++) {
            d.clock.advance(Duration.ofMinutes(15));
            boolean valid = idle.resolveToken(late).isPresent();
            assertEquals(i < 47, valid, "valid until the absolute end of 12 hours: quarter " + i);
        }
    }

    @Test
    void signInsSignOutsAndFailuresAreAudited() {
        List<AuditEvent> events = new ArrayList<>();
        CoreAccounts audited = CoreAccounts.create(d.jpa, AccountSettings.defaults().withBcryptCost(4), d.clock,
                events::add);
        Caller caller = audited.authenticate("teacher.b1", PASSWORD, "10.3.0.1");
        assertThrows(CartableException.class, () -> audited.authenticate("teacher.b1", "wrong-secret", "10.3.0.2"));
        assertThrows(CartableException.class, () -> audited.authenticate("who-is-it", "wrong-secret", "10.3.0.3"));
        String token = audited.issueToken(caller).token();
        audited.revokeToken(token, "10.3.0.4");
        audited.revokeToken(token, "10.3.0.4"); // already gone: nothing more to record
        audited.recordSignOut(caller, "10.3.0.5");

        assertEquals(List.of(AuditTypes.LOGIN_SUCCESS, AuditTypes.LOGIN_FAILURE, AuditTypes.LOGIN_FAILURE,
                AuditTypes.LOGOUT, AuditTypes.LOGOUT), events.stream().map(AuditEvent::type).toList());
        assertEquals(caller.userId(), events.get(0).actorId());
        assertEquals("10.3.0.1", events.get(0).address());
        assertEquals("wrong password", events.get(1).detail());
        assertEquals("unknown login", events.get(2).detail());
        assertEquals("who-is-it", events.get(2).actorLogin());
        assertEquals(caller.userId(), events.get(3).actorId());
        assertEquals("10.3.0.5", events.get(4).address());
        for (AuditEvent event : events) {
            assertFalse(String.valueOf(event).contains("wrong-secret"), "no password in the log: " + event);
            assertFalse(String.valueOf(event).contains(token), "no token in the log: " + event);
        }
    }

    /** Counts verifications and remembers the hash checked last. */
    private static final class CountingHasher extends PasswordHasher {
        int verifications;
        String lastHash;

        CountingHasher() {
            super(4);
        }

        @Override
        public boolean verify(String password, String hash) {
            verifications++;
            lastHash = hash;
            return super.verify(password, hash);
        }
    }

    private static long time(Runnable action) {
        long start = System.nanoTime();
        action.run();
        return (System.nanoTime() - start) / 1_000_000;
    }
}
