package org.cartable.core.internal.privacy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Period;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import org.cartable.api.CartableException;
import org.cartable.api.notify.EmailDelivery;
import org.cartable.api.privacy.PersonalData;
import org.cartable.api.privacy.PersonalDataSink;
import org.cartable.core.internal.SmallDirectory;
import org.cartable.core.internal.accounts.AccountSettings;
import org.cartable.core.internal.accounts.CoreAccounts;
import org.cartable.core.internal.directory.PreDeletionPurge;
import org.cartable.core.internal.model.FeedItem;
import org.cartable.core.internal.model.NotificationPreference;
import org.cartable.core.internal.model.Person;
import org.cartable.core.internal.model.PersonStatus;
import org.cartable.core.internal.model.PreDeletion;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class CorePersonalDataRightsTest {

    private final SmallDirectory dir = new SmallDirectory();
    private final Recording alpha = new Recording("alpha");
    private final Recording flaky = new Recording("flaky");
    private final Recording zeta = new Recording("zeta");
    private final CorePersonalDataRights rights = CorePersonalDataRights.create(dir.jpa, List.of(zeta, flaky, alpha));

    @AfterEach
    void close() {
        dir.close();
    }

    @Test
    void theZipHoldsThePlatformPartAndEveryAppsFolder() throws IOException {
        dir.jpa.tx(em -> {
            em.persist(new FeedItem(dir.parent.userId(), dir.pupilA1.userId(), "blog", "blog.post", dir.a1,
                    "Nouvel article \"Sortie\"", "New post", "/app/blog/" + dir.a1, dir.clock.instant()));
            em.persist(new FeedItem(dir.teacherA1.userId(), null, "blog", "blog.post", dir.a1, "Pas pour Sophie",
                    null, null, dir.clock.instant()));
            em.persist(new NotificationPreference(dir.parent.userId(), "blog", "blog.post", EmailDelivery.IMMEDIATE));
        });
        flaky.failExport = true;

        Map<String, String> zip = export(dir.parent.userId());

        assertTrue(zip.containsKey("README.txt"), zip::toString);
        assertTrue(zip.get("platform/profile.json").contains("\"firstName\": \"Sophie\""), zip::toString);
        assertTrue(zip.get("platform/family.json").contains("Léa Martin"), zip.get("platform/family.json"));
        assertTrue(zip.get("platform/feed.json").contains("Nouvel article \\\"Sortie\\\""), zip.get("platform/feed.json"));
        assertFalse(zip.get("platform/feed.json").contains("Pas pour Sophie"), "only her own feed");
        assertTrue(zip.get("platform/notification-preferences.json").contains("IMMEDIATE"));
        assertTrue(zip.get("platform/classes.json").contains("\"enrolments\": []"), zip.get("platform/classes.json"));
        assertEquals("{\n  \"person\": \"" + dir.parent.userId() + "\",\n  \"n\": 3\n}\n", zip.get("alpha/data.json"));
        assertEquals("hello " + dir.parent.userId(), zip.get("alpha/files/_._evil_name.txt"),
                "file names cannot escape the app's folder: " + zip.keySet());
        assertTrue(zip.containsKey("flaky/export-failed.txt"), "a failing app gets a note: " + zip.keySet());
        assertTrue(zip.containsKey("zeta/data.json"), "and the apps after it still export: " + zip.keySet());
        assertEquals(List.of(dir.parent.userId()), zeta.exported);
    }

    @Test
    void exportOfAnUnknownAccountIsRefused() {
        CartableException e = assertThrows(CartableException.class,
                () -> rights.export("nobody", new ByteArrayOutputStream()));
        assertEquals(CartableException.Kind.NOT_FOUND, e.kind());
    }

    @Test
    void thePurgeCallsEveryAppAndRetriesAFailingOneAtItsNextRun() {
        String leaver = dir.leaver.userId();
        preDelete(leaver);
        dir.jpa.tx(em -> {
            em.persist(new FeedItem(leaver, null, "blog", "blog.post", dir.a2, "Pour Léon", null, null,
                    dir.clock.instant()));
            em.persist(new FeedItem(dir.outsider.userId(), leaver, "blog", "blog.post", dir.a2, "Pour sa mère",
                    null, null, dir.clock.instant()));
            em.persist(new NotificationPreference(leaver, "blog", "blog.post", EmailDelivery.NEVER));
        });
        PreDeletionPurge purge = PreDeletionPurge.create(rights, Period.ofMonths(3), dir.clock);
        flaky.failErase = true;

        assertEquals(0, purge.runOnce(), "not three months yet");
        assertTrue(alpha.erased.isEmpty());

        dir.clock.advance(Duration.ofDays(100));
        assertEquals(0, purge.runOnce(), "an app failed: the account stays");
        assertEquals(List.of(leaver), alpha.erased, "the apps before the failing one erased");
        assertEquals(List.of(leaver), zeta.erased, "and those after it too");
        assertEquals(PersonStatus.PRE_DELETED, status(leaver));

        flaky.failErase = false;
        assertEquals(1, purge.runOnce());
        assertEquals(List.of(leaver, leaver), alpha.erased, "every app is called again: erases are idempotent");
        assertEquals(List.of(leaver), flaky.erased);
        assertNull(status(leaver), "the account is gone");
        assertEquals(0L, count("select count(f) from FeedItem f where f.recipientId = '" + leaver + "'"));
        assertEquals(0L, count("select count(n) from NotificationPreference n where n.personId = '" + leaver + "'"));
        assertEquals(1L, count("select count(f) from FeedItem f where f.recipientId = '" + dir.outsider.userId()
                + "' and f.childId is null"), "the guardian keeps what they received, without the child's id");
        assertNotNull(status(dir.pupilA1.userId()), "others untouched");
        assertEquals(0, purge.runOnce(), "nothing left to purge");
    }

    @Test
    void exportsAndPurgesGoToTheAuditLog() throws IOException {
        List<org.cartable.api.audit.AuditEvent> events = new java.util.concurrent.CopyOnWriteArrayList<>();
        CorePersonalDataRights audited = CorePersonalDataRights.create(dir.jpa, List.of(alpha), events::add);
        audited.export(dir.parent.userId(), new java.io.ByteArrayOutputStream());
        preDelete(dir.leaver.userId());
        assertTrue(audited.purge(dir.leaver.userId()));
        assertEquals(List.of(org.cartable.api.audit.AuditTypes.DATA_EXPORT, org.cartable.api.audit.AuditTypes.PURGE),
                events.stream().map(org.cartable.api.audit.AuditEvent::type).toList());
        assertEquals(dir.parent.userId(), events.get(0).target());
        assertEquals(dir.leaver.userId(), events.get(1).target());
    }

    @Test
    void onlyPreDeletedAccountsArePurgedOnDemand() {
        assertEquals(CartableException.Kind.CONFLICT,
                assertThrows(CartableException.class, () -> rights.purge(dir.parent.userId())).kind());
        assertEquals(CartableException.Kind.NOT_FOUND,
                assertThrows(CartableException.class, () -> rights.purge("nobody")).kind());
        assertTrue(alpha.erased.isEmpty(), "no app was asked to erase an active account");
        preDelete(dir.leaver.userId());
        assertTrue(rights.purge(dir.leaver.userId()), "no delay when an operator purges on request");
        assertNull(status(dir.leaver.userId()));
    }

    @Test
    void aPreDeletedAccountSignsInForItsExportOnly() {
        CoreAccounts accounts = CoreAccounts.create(dir.jpa, AccountSettings.defaults().withBcryptCost(4), dir.clock);
        preDelete(dir.leaver.userId());
        assertEquals(CartableException.Kind.UNAUTHORIZED, assertThrows(CartableException.class,
                () -> accounts.authenticate("leaver", SmallDirectory.PASSWORD, "10.0.0.1")).kind());
        assertEquals(dir.leaver.userId(),
                accounts.authenticateForExport("leaver", SmallDirectory.PASSWORD, "10.0.0.1").userId());
        assertThrows(CartableException.class,
                () -> accounts.authenticateForExport("leaver", "wrong", "10.0.0.1"));
        assertThrows(CartableException.class,
                () -> accounts.authenticateForExport("blocked", SmallDirectory.PASSWORD, "10.0.0.1"),
                "blocked accounts did not leave: their school unblocks them");
        assertThrows(CartableException.class, () -> accounts.issueToken(dir.leaver),
                "no session for a pre-deleted account");
    }

    private void preDelete(String personId) {
        dir.jpa.tx(em -> {
            Person person = em.find(Person.class, personId);
            em.persist(new PreDeletion(personId, dir.clock.instant(), person.getStatus()));
            person.setStatus(PersonStatus.PRE_DELETED);
        });
    }

    private PersonStatus status(String personId) {
        return dir.jpa.txExpr(em -> {
            Person p = em.find(Person.class, personId);
            return p == null ? null : p.getStatus();
        });
    }

    private long count(String query) {
        return dir.jpa.txExpr(em -> em.createQuery(query, Long.class).getSingleResult());
    }

    private Map<String, String> export(String personId) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        rights.export(personId, bytes);
        Map<String, String> entries = new LinkedHashMap<>();
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
            for (ZipEntry e = zip.getNextEntry(); e != null; e = zip.getNextEntry()) {
                entries.put(e.getName(), new String(zip.readAllBytes(), StandardCharsets.UTF_8));
            }
        }
        return entries;
    }

    /** An app that records the calls and fails when told to. */
    private static final class Recording implements PersonalData {
        final String id;
        final List<String> exported = new ArrayList<>();
        final List<String> erased = new ArrayList<>();
        boolean failExport;
        boolean failErase;

        Recording(String id) {
            this.id = id;
        }

        @Override
        public String appId() {
            return id;
        }

        @Override
        public void export(String personId, PersonalDataSink sink) throws IOException {
            if (failExport) {
                throw new IllegalStateException("export broken");
            }
            exported.add(personId);
            Map<String, Object> data = new LinkedHashMap<>();
            data.put("person", personId);
            data.put("n", 3);
            sink.json("data", data);
            if (id.equals("alpha")) {
                sink.file("../evil/name.txt",
                        new ByteArrayInputStream(("hello " + personId).getBytes(StandardCharsets.UTF_8)));
            }
        }

        @Override
        public void erase(String personId) {
            if (failErase) {
                throw new IllegalStateException("erase broken");
            }
            erased.add(personId);
        }
    }
}
