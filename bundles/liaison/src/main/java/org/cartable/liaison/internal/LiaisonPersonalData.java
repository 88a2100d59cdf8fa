package org.cartable.liaison.internal;

import java.io.IOException;
import java.util.List;
import java.util.Map;

import javax.persistence.EntityManager;

import org.apache.aries.jpa.template.JpaTemplate;
import org.cartable.api.privacy.ExportRows;
import org.cartable.api.privacy.FormerUser;
import org.cartable.api.privacy.PersonalData;
import org.cartable.api.privacy.PersonalDataSink;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * The liaison book's part of personal-data rights. Export: the words the person wrote (teachers), the words addressed
 * to them as a pupil, their acknowledgements ("vu et pris connaissance") and replies. Erase: acknowledgements by them
 * or about them, replies about them as a pupil and their place among a word's recipients are deleted; the replies
 * they wrote about a child who stays, and the words they wrote, stay with the class, attributed to the former user.
 */
@Component(service = PersonalData.class)
public final class LiaisonPersonalData implements PersonalData {

    private final JpaTemplate jpa;

    /** The service reference orders activation after the app's migrations. */
    @Activate
    public LiaisonPersonalData(@Reference(target = "(osgi.unit.name=cartable-liaison)") JpaTemplate jpa,
            @Reference LiaisonService service) {
        this.jpa = jpa;
    }

    /** For tests, on a schema migrated by the test. */
    LiaisonPersonalData(JpaTemplate jpa) {
        this.jpa = jpa;
    }

    @Override
    public String appId() {
        return LiaisonApp.ID;
    }

    @Override
    public void export(String personId, PersonalDataSink sink) throws IOException {
        ExportRows.writeUnlessEmpty(sink, "words-written", jpa.txExpr(em -> rows(em, "select ID, CLASS_ID, TITLE, BODY, CATEGORY, CREATED_AT, EDITED_AT from LIAISON_WORD where AUTHOR_ID = ?1 order by CREATED_AT", personId,
                "id", "classId", "title", "body", "category", "createdAt", "editedAt")));
        ExportRows.writeUnlessEmpty(sink, "words-received", jpa.txExpr(em -> rows(em, "select w.ID, w.CLASS_ID, w.TITLE, w.CREATED_AT from LIAISON_WORD w join LIAISON_RECIPIENT r on r.WORD_ID = w.ID where r.PUPIL_ID = ?1 order by w.CREATED_AT", personId,
                "id", "classId", "title", "createdAt")));
        ExportRows.writeUnlessEmpty(sink, "acknowledgements", jpa.txExpr(em -> rows(em, "select w.TITLE, c.PUPIL_ID, c.PARENT_ID, c.CONFIRMED_AT from LIAISON_CONFIRMATION c join LIAISON_WORD w on w.ID = c.WORD_ID where c.PARENT_ID = ?1 or c.PUPIL_ID = ?2 order by c.CONFIRMED_AT", personId,
                "word", "pupilId", "parentId", "confirmedAt")));
        ExportRows.writeUnlessEmpty(sink, "replies", jpa.txExpr(em -> rows(em, "select w.TITLE, r.PUPIL_ID, r.PARENT_ID, r.BODY, r.CREATED_AT, r.UPDATED_AT from LIAISON_REPLY r join LIAISON_WORD w on w.ID = r.WORD_ID where r.PARENT_ID = ?1 or r.PUPIL_ID = ?2 order by r.CREATED_AT", personId,
                "word", "pupilId", "parentId", "body", "createdAt", "updatedAt")));
    }

    @Override
    public void erase(String personId) {
        jpa.tx(em -> {
            em.createNativeQuery("delete from LIAISON_CONFIRMATION where PARENT_ID = ?1 or PUPIL_ID = ?2")
                    .setParameter(1, personId).setParameter(2, personId).executeUpdate();
            em.createNativeQuery("delete from LIAISON_REPLY where PUPIL_ID = ?1")
                    .setParameter(1, personId).executeUpdate();
            em.createNativeQuery("update LIAISON_REPLY set PARENT_ID = ?1 where PARENT_ID = ?2")
                    .setParameter(1, FormerUser.ID).setParameter(2, personId).executeUpdate();
            em.createNativeQuery("delete from LIAISON_RECIPIENT where PUPIL_ID = ?1")
                    .setParameter(1, personId).executeUpdate();
            em.createNativeQuery("update LIAISON_WORD set AUTHOR_ID = ?1 where AUTHOR_ID = ?2")
                    .setParameter(1, FormerUser.ID).setParameter(2, personId).executeUpdate();
        });
    }


    /** @return the rows of a native query whose parameters are all the person's id, as named columns */
    static List<Map<String, Object>> rows(EntityManager em, String sql, String personId, String... names) {
        javax.persistence.Query query = em.createNativeQuery(sql);
        for (int i = 1; sql.contains("?" + i); i++) {
            query.setParameter(i, personId);
        }
        return ExportRows.named(query.getResultList(), names);
    }

}
