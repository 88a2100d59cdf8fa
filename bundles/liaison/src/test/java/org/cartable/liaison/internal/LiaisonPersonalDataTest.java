package org.cartable.liaison.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import javax.persistence.EntityManager;

import org.apache.aries.jpa.template.JpaTemplate;
import org.cartable.api.privacy.FormerUser;
import org.cartable.testing.RecordingSink;
import org.cartable.testing.TestDatabase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Export and erase on the real schema: a word to two families, an acknowledgement and replies. */
class LiaisonPersonalDataTest {

    private final TestDatabase db = new TestDatabase().migrate(LiaisonService.CHANGELOG);
    private final JpaTemplate jpa = db.jpa("cartable-liaison");
    private final LiaisonPersonalData privacy = new LiaisonPersonalData(jpa);

    @AfterEach
    void close() {
        db.close();
    }

    private void seed() {
        jpa.tx(em -> {
            em.createNativeQuery("insert into LIAISON_WORD (ID, CLASS_ID, AUTHOR_ID, TITLE, BODY, CATEGORY,"
                    + " WHOLE_CLASS, ACK_REQUIRED, REPLIES_ALLOWED, CREATED_AT) values ('w1', 'c1', 'teacher',"
                    + " 'Sortie au musée', 'Prévoir un pique-nique', 'OUTING', false, true, true, CURRENT_TIMESTAMP)")
                    .executeUpdate();
            for (String pupil : new String[] {"lea", "nathan"}) {
                em.createNativeQuery("insert into LIAISON_RECIPIENT (WORD_ID, PUPIL_ID, CLASS_ID, WORD_CREATED_AT)"
                                + " values ('w1', ?1, 'c1', CURRENT_TIMESTAMP)")
                        .setParameter(1, pupil).executeUpdate();
            }
            confirm(em, "k1", "lea", "sophie");
            confirm(em, "k2", "nathan", "karim");
            reply(em, "r1", "lea", "sophie", "Léa a une allergie");
            reply(em, "r2", "nathan", "karim", "Nathan viendra");
        });
    }

    private static void confirm(EntityManager em, String id, String pupil, String parent) {
        em.createNativeQuery("insert into LIAISON_CONFIRMATION (ID, WORD_ID, PUPIL_ID, PARENT_ID, CONFIRMED_AT)"
                + " values (?1, 'w1', ?2, ?3, CURRENT_TIMESTAMP)").setParameter(1, id).setParameter(2, pupil)
                .setParameter(3, parent).executeUpdate();
    }

    private static void reply(EntityManager em, String id, String pupil, String parent, String body) {
        em.createNativeQuery("insert into LIAISON_REPLY (ID, WORD_ID, PUPIL_ID, PARENT_ID, BODY, CREATED_AT,"
                + " UPDATED_AT) values (?1, 'w1', ?2, ?3, ?4, CURRENT_TIMESTAMP, CURRENT_TIMESTAMP)")
                .setParameter(1, id).setParameter(2, pupil).setParameter(3, parent).setParameter(4, body)
                .executeUpdate();
    }

    @Test
    void exportsWordsAcknowledgementsAndReplies() throws Exception {
        seed();
        RecordingSink sophie = new RecordingSink();
        privacy.export("sophie", sophie);
        assertEquals(List.of("acknowledgements", "replies"), List.copyOf(sophie.json.keySet()));
        assertEquals("Léa a une allergie", sophie.rows("replies").get(0).get("body"));
        assertEquals("Sortie au musée", sophie.rows("acknowledgements").get(0).get("word"));

        RecordingSink lea = new RecordingSink();
        privacy.export("lea", lea);
        assertEquals("Sortie au musée", lea.rows("words-received").get(0).get("title"));

        RecordingSink teacher = new RecordingSink();
        privacy.export("teacher", teacher);
        assertEquals("Prévoir un pique-nique", teacher.rows("words-written").get(0).get("body"));
    }

    @Test
    void aParentLeavingLosesTheAcknowledgementButTheReplyStaysAsAFormerUsers() throws Exception {
        seed();
        privacy.erase("sophie");
        privacy.erase("sophie");
        assertEquals(List.of("karim"), column("select PARENT_ID from LIAISON_CONFIRMATION"));
        assertEquals(List.of(FormerUser.ID, "karim"),
                column("select PARENT_ID from LIAISON_REPLY order by ID"), "the teacher keeps the exchange");
        RecordingSink nothing = new RecordingSink();
        privacy.export("sophie", nothing);
        assertTrue(nothing.json.isEmpty(), nothing::text);
    }

    @Test
    void aPupilLeavingTakesTheFamilysAcknowledgementsRepliesAndRecipientRowsAndTheWordStays() {
        seed();
        privacy.erase("lea");
        privacy.erase("teacher");
        assertEquals(List.of("nathan"), column("select PUPIL_ID from LIAISON_RECIPIENT"));
        assertEquals(List.of("nathan"), column("select PUPIL_ID from LIAISON_CONFIRMATION"));
        assertEquals(List.of("r2"), column("select ID from LIAISON_REPLY"));
        assertEquals(List.of(FormerUser.ID), column("select AUTHOR_ID from LIAISON_WORD"));
    }

    @SuppressWarnings("unchecked")
    private List<Object> column(String sql) {
        return jpa.txExpr(em -> (List<Object>) em.createNativeQuery(sql).getResultList());
    }
}
