package org.cartable.wiki.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.apache.aries.jpa.template.JpaTemplate;
import org.cartable.api.privacy.FormerUser;
import org.cartable.testing.RecordingSink;
import org.cartable.testing.TestDatabase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Export and erase on the real schema: a page with versions by two pupils and comments. */
class WikiPersonalDataTest {

    private final TestDatabase db = new TestDatabase().migrate(WikiService.CHANGELOG);
    private final JpaTemplate jpa = db.jpa("cartable-wiki");
    private final WikiPersonalData privacy = new WikiPersonalData(jpa);

    @AfterEach
    void close() {
        db.close();
    }

    private void seed() {
        jpa.tx(em -> {
            em.createNativeQuery("insert into WIKI_PAGE (ID, CLASS_ID, SORT_ORDER, TITLE, TITLE_KEY, CONTENT, HOME,"
                    + " VERSION_NUMBER, CREATED_AT, UPDATED_AT, UPDATED_BY, LOCK_VERSION) values ('p1', 'c1', 0,"
                    + " 'Les volcans', 'les volcans', '<p>v2</p>', false, 2, CURRENT_TIMESTAMP, CURRENT_TIMESTAMP,"
                    + " 'lea', 0)").executeUpdate();
            int num = 1;
            for (String author : new String[] {"hugo", "lea"}) {
                em.createNativeQuery("insert into WIKI_VERSION (ID, PAGE_ID, NUM, TITLE, CONTENT, AUTHOR_ID,"
                                + " CREATED_AT) values (?1, 'p1', ?2, 'Les volcans', ?3, ?4, CURRENT_TIMESTAMP)")
                        .setParameter(1, "v" + num).setParameter(2, num).setParameter(3, "<p>v" + num + "</p>")
                        .setParameter(4, author).executeUpdate();
                em.createNativeQuery("insert into WIKI_COMMENT (ID, PAGE_ID, AUTHOR_ID, BODY, CREATED_AT)"
                                + " values (?1, 'p1', ?2, ?3, CURRENT_TIMESTAMP)").setParameter(1, "k" + num)
                        .setParameter(2, author).setParameter(3, "Avis de " + author).executeUpdate();
                num++;
            }
        });
    }

    @Test
    void exportsTheVersionsAndCommentsOfThePerson() throws Exception {
        seed();
        RecordingSink lea = new RecordingSink();
        privacy.export("lea", lea);
        assertEquals(1, lea.rows("versions").size());
        assertEquals("<p>v2</p>", lea.rows("versions").get(0).get("content"));
        assertEquals("Avis de lea", lea.rows("comments").get(0).get("body"));
    }

    @Test
    void eraseKeepsTheClassesWorkAsAFormerUsersAndLeavesOthersAlone() throws Exception {
        seed();
        privacy.erase("lea");
        privacy.erase("lea");
        assertEquals(List.of("hugo", FormerUser.ID), column("select AUTHOR_ID from WIKI_VERSION order by NUM"));
        assertEquals(List.of("hugo", FormerUser.ID), column("select AUTHOR_ID from WIKI_COMMENT order by ID"));
        assertEquals(List.of(FormerUser.ID), column("select UPDATED_BY from WIKI_PAGE"));
        RecordingSink nothing = new RecordingSink();
        privacy.export("lea", nothing);
        assertTrue(nothing.json.isEmpty(), nothing::text);
    }

    @SuppressWarnings("unchecked")
    private List<Object> column(String sql) {
        return jpa.txExpr(em -> (List<Object>) em.createNativeQuery(sql).getResultList());
    }
}
