package org.cartable.core.internal.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Modifier;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

import org.cartable.api.Caller;
import org.cartable.api.CartableException;
import org.cartable.api.Role;
import org.cartable.api.audit.AuditEvent;
import org.cartable.api.audit.AuditLog;
import org.cartable.api.audit.AuditTypes;
import org.cartable.core.internal.MutableClock;
import org.cartable.core.internal.model.AuditEntry;
import org.cartable.core.service.AuditTrail;
import org.cartable.testing.ResourceLocalJpaTemplate;
import org.cartable.testing.TestDatabase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class CoreAuditLogTest {

    private static final Caller OPERATOR = new Caller("op-1", "operator", "Op", Set.of(Role.OPERATOR));
    private static final Caller ADMIN = new Caller("ad-1", "admin", "Ad", Set.of(Role.PLATFORM_ADMIN));
    private static final Caller TEACHER = new Caller("te-1", "teacher", "Te", Set.of(Role.TEACHER));
    private static final Caller DIRECTOR = new Caller("di-1", "director", "Di", Set.of(Role.DIRECTOR, Role.TEACHER));

    private TestDatabase db;
    private ResourceLocalJpaTemplate jpa;
    private final MutableClock clock = MutableClock.at("2026-11-29T09:30:00Z");
    private CoreAuditLog log;

    @BeforeEach
    void setUp() {
        db = new TestDatabase().migrate("db/core/changelog.xml");
        jpa = db.jpa("cartable-core");
        log = CoreAuditLog.create(jpa, clock);
    }

    @AfterEach
    void tearDown() {
        db.close();
    }

    @Test
    void recordsAndReadsBackNewestFirst() {
        log.record(AuditEvent.by(TEACHER, AuditTypes.LOGIN_SUCCESS).from("10.0.0.1"));
        clock.advance(Duration.ofMinutes(1));
        log.record(AuditEvent.by(TEACHER, AuditTypes.ACTIVATION_CHANGE).on("class-1/blog").detail("enabled"));
        List<AuditTrail.Entry> entries = log.read(OPERATOR, query(null, null, null, null, null, 10)).entries();
        assertEquals(2, entries.size());
        AuditTrail.Entry newest = entries.get(0);
        assertEquals(AuditTypes.ACTIVATION_CHANGE, newest.type());
        assertEquals("te-1", newest.actorId());
        assertEquals("teacher", newest.actorLogin());
        assertEquals("class-1/blog", newest.target());
        assertEquals("enabled", newest.detail());
        assertEquals(Instant.parse("2026-11-29T09:31:00Z"), newest.at());
        assertEquals("10.0.0.1", entries.get(1).address());
        assertTrue(newest.seq() > entries.get(1).seq());
    }

    @Test
    void filtersByTimeTypeActorAndPages() {
        for (int i = 0; i < 7; i++) {
            log.record(AuditEvent.by(i % 2 == 0 ? TEACHER : DIRECTOR,
                    i % 3 == 0 ? AuditTypes.LOGIN_FAILURE : AuditTypes.LOGIN_SUCCESS).detail("n" + i));
            clock.advance(Duration.ofMinutes(10));
        }
        log.record(AuditEvent.by(OPERATOR, AuditTypes.APP_INSTALL).on("cartable-blog"));
        assertEquals(8, all(query(null, null, null, null, null, 500)).size());
        assertEquals(7, all(query(null, null, "login.", null, null, 500)).size(), "type prefix");
        assertEquals(3, all(query(null, null, AuditTypes.LOGIN_FAILURE, null, null, 500)).size(), "exact type");
        assertEquals(4, all(query(null, null, null, "TEACHER", null, 500)).size(), "login, any case");
        assertEquals(3, all(query(null, null, null, "di-1", null, 500)).size(), "person id");
        Instant start = Instant.parse("2026-11-29T09:30:00Z");
        assertEquals(List.of("n2", "n1"), all(query(start.plusSeconds(600), start.plusSeconds(1800), null, null,
                null, 500)).stream().map(AuditTrail.Entry::detail).toList(), "from inclusive, to exclusive");

        AuditTrail.Page first = log.read(ADMIN, query(null, null, "login.", null, null, 3));
        assertEquals(List.of("n6", "n5", "n4"), first.entries().stream().map(AuditTrail.Entry::detail).toList());
        AuditTrail.Page second = log.read(ADMIN, query(null, null, "login.", null, first.next(), 3));
        assertEquals(List.of("n3", "n2", "n1"), second.entries().stream().map(AuditTrail.Entry::detail).toList());
        AuditTrail.Page last = log.read(ADMIN, query(null, null, "login.", null, second.next(), 3));
        assertEquals(List.of("n0"), last.entries().stream().map(AuditTrail.Entry::detail).toList());
        assertNull(last.next());
    }

    @Test
    void onlyOperatorsAndPlatformAdminsRead() {
        log.record(AuditEvent.by(TEACHER, AuditTypes.LOGIN_SUCCESS));
        for (Caller refused : new Caller[] {TEACHER, DIRECTOR, null,
                new Caller("ca-1", "coladmin", "Ca", Set.of(Role.COLLECTIVITY_ADMIN))}) {
            CartableException e = assertThrows(CartableException.class,
                    () -> log.read(refused, query(null, null, null, null, null, 10)));
            assertEquals(CartableException.Kind.FORBIDDEN, e.kind());
        }
        assertEquals(1, log.read(OPERATOR, query(null, null, null, null, null, 10)).entries().size());
        assertEquals(1, log.read(ADMIN, query(null, null, null, null, null, 10)).entries().size());
    }

    @Test
    void badQueriesAreBadRequests() {
        for (AuditTrail.Query bad : List.of(query(null, null, null, null, null, 0),
                query(null, null, null, null, null, 501),
                query(Instant.parse("2026-11-29T10:00:00Z"), Instant.parse("2026-11-29T09:00:00Z"), null, null,
                        null, 10))) {
            assertEquals(CartableException.Kind.BAD_REQUEST, assertThrows(CartableException.class,
                    () -> log.read(OPERATOR, bad)).kind());
        }
        assertThrows(IllegalArgumentException.class, () -> AuditEvent.of("Login Success"));
        assertThrows(IllegalArgumentException.class, () -> AuditEvent.of("x"));
    }

    @Test
    void theDatabaseRefusesUpdatesAndDeletes() throws SQLException {
        log.record(AuditEvent.by(TEACHER, AuditTypes.LOGIN_SUCCESS).detail("original"));
        try (Connection connection = db.dataSource().getConnection(); Statement sql = connection.createStatement()) {
            SQLException update = assertThrows(SQLException.class,
                    () -> sql.executeUpdate("UPDATE CORE_AUDIT_LOG SET DETAIL = 'forged'"));
            assertTrue(update.getMessage().contains("AUDIT_LOG_IS_APPEND_ONLY"), update.getMessage());
            SQLException delete = assertThrows(SQLException.class,
                    () -> sql.executeUpdate("DELETE FROM CORE_AUDIT_LOG"));
            assertTrue(delete.getMessage().contains("AUDIT_LOG_IS_APPEND_ONLY"), delete.getMessage());
            SQLException truncate = assertThrows(SQLException.class,
                    () -> sql.executeUpdate("TRUNCATE TABLE CORE_AUDIT_LOG"));
            assertTrue(truncate.getMessage().contains("DELETE trigger"), truncate.getMessage());
        }
        // Nor through JPA: an attempt to remove an entry fails and the entry stays.
        assertThrows(RuntimeException.class, () -> jpa.tx(em -> em.createQuery("select e from AuditEntry e",
                AuditEntry.class).getResultList().forEach(em::remove)));
        List<AuditTrail.Entry> entries = all(query(null, null, null, null, null, 10));
        assertEquals(1, entries.size());
        assertEquals("original", entries.get(0).detail());
    }

    @Test
    void theApiOffersNoWayToChangeOrRemove() {
        assertEquals(List.of("record"), Arrays.stream(AuditLog.class.getMethods()).map(m -> m.getName()).toList());
        assertEquals(List.of("read"), Arrays.stream(AuditTrail.class.getMethods()).map(m -> m.getName()).toList());
        assertTrue(Arrays.stream(AuditEntry.class.getDeclaredMethods())
                .filter(m -> Modifier.isPublic(m.getModifiers()))
                .noneMatch(m -> m.getName().startsWith("set")), "no setters on the entity");
    }

    @Test
    void anEventRolledBackWithItsWriteLeavesNoEntry() {
        assertThrows(IllegalStateException.class, () -> jpa.tx(em -> {
            log.record(AuditEvent.by(TEACHER, AuditTypes.ACTIVATION_CHANGE).on("class-1/blog"));
            throw new IllegalStateException("the write failed");
        }));
        assertEquals(0, all(query(null, null, null, null, null, 10)).size());
    }

    @Test
    void longAndMultiLineValuesAreCutToOneLine() {
        log.record(AuditEvent.of(AuditTypes.LOGIN_FAILURE).actor(null, "a\nforged entry" + "x".repeat(200))
                .detail("d".repeat(5000)));
        AuditTrail.Entry entry = all(query(null, null, null, null, null, 10)).get(0);
        assertEquals(100, entry.actorLogin().length());
        assertTrue(entry.actorLogin().startsWith("a forged entry"), entry.actorLogin());
        assertEquals(CoreAuditLog.DETAIL_MAX, entry.detail().length());
    }

    private List<AuditTrail.Entry> all(AuditTrail.Query query) {
        return log.read(OPERATOR, query).entries();
    }

    private static AuditTrail.Query query(Instant from, Instant to, String type, String actor, Long before,
                                          int limit) {
        return new AuditTrail.Query(from, to, type, actor, before, limit);
    }
}
