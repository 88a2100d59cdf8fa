package org.cartable.homework.internal;

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
 * The homework book's part of personal-data rights. Export: the entries the person wrote (teachers), the "done"
 * ticks about them or made by them, their calendar subscriptions (without the secret). Erase: their own ticks and
 * subscriptions, and subscriptions about them, are deleted; ticks they made for a child stay with the child, and the
 * entries they wrote stay in the class's book, both attributed to the former user.
 */
@Component(service = PersonalData.class)
public final class HomeworkPersonalData implements PersonalData {

    private final JpaTemplate jpa;

    /** The service reference orders activation after the app's migrations. */
    @Activate
    public HomeworkPersonalData(@Reference(target = "(osgi.unit.name=cartable-homework)") JpaTemplate jpa,
            @Reference HomeworkService service) {
        this.jpa = jpa;
    }

    /** For tests, on a schema migrated by the test. */
    HomeworkPersonalData(JpaTemplate jpa) {
        this.jpa = jpa;
    }

    @Override
    public String appId() {
        return HomeworkApp.ID;
    }

    @Override
    public void export(String personId, PersonalDataSink sink) throws IOException {
        ExportRows.writeUnlessEmpty(sink, "entries", jpa.txExpr(em -> rows(em, "select ID, CLASS_ID, ENTRY_DATE, SUBJECT, TITLE, CONTENT, DUE_DATE, CREATED_AT, UPDATED_AT from HOMEWORK_ENTRY where AUTHOR_ID = ?1 order by ENTRY_DATE", personId,
                "id", "classId", "date", "subject", "title", "content", "dueDate", "createdAt", "updatedAt")));
        ExportRows.writeUnlessEmpty(sink, "done", jpa.txExpr(em -> rows(em, "select e.TITLE, e.DUE_DATE, d.PUPIL_ID, d.TICKED_BY, d.TICKED_AT from HOMEWORK_DONE d join HOMEWORK_ENTRY e on e.ID = d.ENTRY_ID where d.PUPIL_ID = ?1 or d.TICKED_BY = ?2 order by d.TICKED_AT", personId,
                "entry", "dueDate", "pupilId", "tickedBy", "tickedAt")));
        ExportRows.writeUnlessEmpty(sink, "calendar-feeds", jpa.txExpr(em -> rows(em, "select ID, CLASS_ID, PUPIL_ID, CREATED_AT from HOMEWORK_FEED where OWNER_ID = ?1 order by CREATED_AT", personId,
                "id", "classId", "pupilId", "createdAt")));
    }

    @Override
    public void erase(String personId) {
        jpa.tx(em -> {
            em.createNativeQuery("delete from HOMEWORK_DONE where PUPIL_ID = ?1")
                    .setParameter(1, personId).executeUpdate();
            em.createNativeQuery("update HOMEWORK_DONE set TICKED_BY = ?1 where TICKED_BY = ?2")
                    .setParameter(1, FormerUser.ID).setParameter(2, personId).executeUpdate();
            em.createNativeQuery("delete from HOMEWORK_FEED where OWNER_ID = ?1 or PUPIL_ID = ?2")
                    .setParameter(1, personId).setParameter(2, personId).executeUpdate();
            em.createNativeQuery("update HOMEWORK_ENTRY set AUTHOR_ID = ?1 where AUTHOR_ID = ?2")
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
