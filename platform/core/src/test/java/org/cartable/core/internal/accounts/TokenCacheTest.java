package org.cartable.core.internal.accounts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;

import org.cartable.api.Caller;
import org.cartable.core.internal.QueryProbe;
import org.cartable.core.internal.SmallDirectory;
import org.cartable.core.internal.model.Person;
import org.cartable.core.internal.model.PersonStatus;
import org.cartable.core.internal.model.PreDeletion;
import org.cartable.core.internal.privacy.CorePersonalDataRights;
import org.cartable.testing.ResourceLocalJpaTemplate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Resolved tokens are kept a few seconds, and what takes a session away still takes effect on the next request:
 * logout, a blocked, pre-deleted or purged account, expiry. Each test first shows that the token is served from the
 * cache (no statement at all), so that the next resolve would go on accepting it if the invalidation were missing.
 */
class TokenCacheTest {

    private SmallDirectory d;
    private QueryProbe probe;
    private CoreAccounts accounts;

    @BeforeEach
    void setUp() {
        d = new SmallDirectory();
        probe = new QueryProbe(d.db);
        ResourceLocalJpaTemplate jpa = probe.jpa();
        accounts = CoreAccounts.create(jpa, new AccountSettings(4, Duration.ofHours(1), Duration.ofMinutes(30), 5,
                100, Duration.ofMinutes(10)), d.clock);
    }

    @AfterEach
    void tearDown() {
        d.close();
    }

    /** Signs the caller in and resolves the token twice: @return the token, now in the cache. */
    private String cachedToken(Caller caller) {
        String token = accounts.issueToken(caller).token();
        assertEquals(caller.userId(), accounts.resolveToken(token).orElseThrow().userId());
        probe.reset();
        assertEquals(caller.userId(), accounts.resolveToken(token).orElseThrow().userId());
        List<QueryProbe.Executed> executed = probe.executed();
        assertEquals(List.of(), executed, "the second resolve within seconds is served from the cache");
        return token;
    }

    @Test
    void logoutEndsTheSessionAtOnce() {
        String token = cachedToken(d.parent);
        String other = cachedToken(d.teacherA1);
        accounts.revokeToken(token);
        assertTrue(accounts.resolveToken(token).isEmpty());
        assertEquals(d.teacherA1.userId(), accounts.resolveToken(other).orElseThrow().userId(),
                "other sessions go on");
    }

    @Test
    void aBlockedAccountLosesItsSessionsAtOnce() {
        String token = cachedToken(d.teacherA1);
        d.jpa.tx(em -> em.find(Person.class, d.teacherA1.userId()).setStatus(PersonStatus.BLOCKED));
        assertTrue(accounts.resolveToken(token).isEmpty());
    }

    @Test
    void aPreDeletedAccountLosesItsSessionsAtOnce() {
        String token = cachedToken(d.parent);
        d.jpa.tx(em -> {
            Person person = em.find(Person.class, d.parent.userId());
            em.persist(new PreDeletion(person.getId(), d.clock.instant(), person.getStatus()));
            person.setStatus(PersonStatus.PRE_DELETED);
        });
        assertTrue(accounts.resolveToken(token).isEmpty());
    }

    @Test
    void aPurgedAccountLosesItsSessionsAtOnce() {
        String token = cachedToken(d.leaver);
        d.jpa.tx(em -> {
            Person person = em.find(Person.class, d.leaver.userId());
            em.persist(new PreDeletion(person.getId(), d.clock.instant(), person.getStatus()));
        });
        // Marked pre-deleted without the status change (which would invalidate by itself): the purge must do it.
        d.jpa.tx(em -> em.createQuery("update Person p set p.status = :s where p.id = :id")
                .setParameter("s", PersonStatus.PRE_DELETED).setParameter("id", d.leaver.userId()).executeUpdate());
        assertTrue(CorePersonalDataRights.create(d.jpa, List.of()).purge(d.leaver.userId()));
        assertTrue(accounts.resolveToken(token).isEmpty());
    }

    @Test
    void anExpiredOrIdleTokenIsRefusedAtOnce() {
        String token = cachedToken(d.parent);
        d.clock.advance(Duration.ofMinutes(31));
        assertTrue(accounts.resolveToken(token).isEmpty(), "idle for longer than allowed");
        String fresh = cachedToken(d.parent);
        d.clock.advance(Duration.ofSeconds(6));
        probe.reset();
        assertTrue(accounts.resolveToken(fresh).isPresent());
        assertFalse(probe.executed().isEmpty(), "after a few seconds the token is read again");
    }

    @Test
    void theWebShellsSignedInPersonIsReusedAndABlockedAccountIsOutAtOnce() {
        assertEquals(d.parent.roles(), accounts.caller(d.parent.userId()).orElseThrow().roles());
        probe.reset();
        assertTrue(accounts.caller(d.parent.userId()).isPresent());
        assertEquals(List.of(), probe.executed(), "every page asks: the next one within seconds is not read again");

        d.jpa.tx(em -> em.find(Person.class, d.parent.userId()).setStatus(PersonStatus.BLOCKED));
        assertTrue(accounts.caller(d.parent.userId()).isEmpty(), "blocked: out at the next page");
        assertTrue(accounts.caller("no-such-person").isEmpty());
    }
}
