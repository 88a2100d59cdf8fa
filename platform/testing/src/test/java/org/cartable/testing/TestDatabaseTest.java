package org.cartable.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class TestDatabaseTest {

    @Test
    void commitsAndRollsBackLikeRequired() {
        try (TestDatabase db = new TestDatabase().migrate("db/sample/changelog.xml")) {
            ResourceLocalJpaTemplate jpa = db.jpa("sample");
            jpa.tx(em -> {
                SampleNote note = new SampleNote();
                note.id = "1";
                note.text = "kept";
                em.persist(note);
            });
            assertThrows(IllegalStateException.class, () -> jpa.tx(em -> {
                SampleNote note = new SampleNote();
                note.id = "2";
                note.text = "lost";
                em.persist(note);
                em.flush();
                throw new IllegalStateException("refused");
            }));
            long count = jpa.txExpr(em -> em.createQuery("select count(n) from SampleNote n", Long.class)
                    .getSingleResult());
            assertEquals(1L, count);
        }
    }
}
