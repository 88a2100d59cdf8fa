package org.cartable.homework.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.apache.aries.jpa.template.JpaTemplate;
import org.cartable.api.privacy.FormerUser;
import org.cartable.testing.RecordingSink;
import org.cartable.testing.TestDatabase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Export and erase on the real schema: a teacher's entry, a pupil's tick, a parent's tick and calendar feed. */
class HomeworkPersonalDataTest {

    private final TestDatabase db = new TestDatabase().migrate(HomeworkService.CHANGELOG);
    private final JpaTemplate jpa = db.jpa("cartable-homework");
    private final HomeworkPersonalData privacy = new HomeworkPersonalData(jpa);

    @AfterEach
    void close() {
        db.close();
    }

    private void seed() {
        jpa.tx(em -> {
            for (String[] e : new String[][] {{"e1", "teacher"}, {"e2", "teacher"}}) {
                em.createNativeQuery("insert into HOMEWORK_ENTRY (ID, CLASS_ID, ENTRY_DATE, SUBJECT, TITLE, CONTENT,"
                                + " DUE_DATE, AUTHOR_ID, CREATED_AT, UPDATED_AT) values (?1, 'c1', '2026-11-30',"
                                + " 'FRENCH', ?2, 'Lire p. 12', '2026-12-01', ?3, CURRENT_TIMESTAMP, CURRENT_TIMESTAMP)")
                        .setParameter(1, e[0]).setParameter(2, "Lecture " + e[0]).setParameter(3, e[1])
                        .executeUpdate();
            }
            tick(em, "e1", "lea", "lea");
            tick(em, "e2", "lea", "sophie");
            tick(em, "e1", "nathan", "nathan");
            em.createNativeQuery("insert into HOMEWORK_FEED (ID, TOKEN_HASH, OWNER_ID, CLASS_ID, PUPIL_ID, CREATED_AT)"
                    + " values ('f1', 'h1', 'sophie', 'c1', 'lea', CURRENT_TIMESTAMP)").executeUpdate();
            em.createNativeQuery("insert into HOMEWORK_FEED (ID, TOKEN_HASH, OWNER_ID, CLASS_ID, PUPIL_ID, CREATED_AT)"
                    + " values ('f2', 'h2', 'karim', 'c1', 'nathan', CURRENT_TIMESTAMP)").executeUpdate();
        });
    }

    private static void tick(javax.persistence.EntityManager em, String entry, String pupil, String by) {
        em.createNativeQuery("insert into HOMEWORK_DONE (ENTRY_ID, PUPIL_ID, TICKED_BY, TICKED_AT)"
                + " values (?1, ?2, ?3, CURRENT_TIMESTAMP)").setParameter(1, entry).setParameter(2, pupil)
                .setParameter(3, by).executeUpdate();
    }

    @Test
    void exportsWhatEachPersonWroteTickedAndSubscribed() throws Exception {
        seed();
        RecordingSink teacher = new RecordingSink();
        privacy.export("teacher", teacher);
        assertEquals(2, teacher.rows("entries").size());

        RecordingSink sophie = new RecordingSink();
        privacy.export("sophie", sophie);
        assertEquals(List.of("done", "calendar-feeds"), List.copyOf(sophie.json.keySet()));
        assertEquals("Lecture e2", sophie.rows("done").get(0).get("entry"));
        assertTrue(!sophie.text().contains("h1"), "never the feed's secret hash");
    }

    @Test
    void eraseDeletesOwnTicksAndFeedsAndKeepsTheClassBook() throws Exception {
        seed();
        privacy.erase("lea");
        privacy.erase("sophie");
        privacy.erase("teacher");
        privacy.erase("teacher");

        assertEquals(List.of("nathan"), column("select PUPIL_ID from HOMEWORK_DONE"), "Léa's ticks are gone");
        assertEquals(List.of("karim"), column("select OWNER_ID from HOMEWORK_FEED"), "others' feeds stay");
        assertEquals(List.of(FormerUser.ID, FormerUser.ID), column("select AUTHOR_ID from HOMEWORK_ENTRY"),
                "entries stay in the class book, as the former user's");
        RecordingSink nothing = new RecordingSink();
        privacy.export("lea", nothing);
        privacy.export("sophie", nothing);
        assertTrue(nothing.json.isEmpty(), nothing::text);
    }

    @SuppressWarnings("unchecked")
    private List<Object> column(String sql) {
        return jpa.txExpr(em -> (List<Object>) em.createNativeQuery(sql).getResultList());
    }
}
