package org.cartable.wiki.internal;

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
 * The wiki's part of personal-data rights. Export: the versions the person saved and the comments they wrote. Erase:
 * nothing is deleted, since a wiki is written together and every version and comment is part of the class's work;
 * versions, comments and the pages' last editor are attributed to the former user.
 */
@Component(service = PersonalData.class)
public final class WikiPersonalData implements PersonalData {

    private final JpaTemplate jpa;

    /** The service reference orders activation after the app's migrations. */
    @Activate
    public WikiPersonalData(@Reference(target = "(osgi.unit.name=cartable-wiki)") JpaTemplate jpa,
            @Reference WikiService service) {
        this.jpa = jpa;
    }

    /** For tests, on a schema migrated by the test. */
    WikiPersonalData(JpaTemplate jpa) {
        this.jpa = jpa;
    }

    @Override
    public String appId() {
        return WikiApp.ID;
    }

    @Override
    public void export(String personId, PersonalDataSink sink) throws IOException {
        ExportRows.writeUnlessEmpty(sink, "versions", jpa.txExpr(em -> rows(em, "select p.CLASS_ID, v.PAGE_ID, v.NUM, v.TITLE, v.CONTENT, v.CREATED_AT from WIKI_VERSION v join WIKI_PAGE p on p.ID = v.PAGE_ID where v.AUTHOR_ID = ?1 order by v.CREATED_AT", personId,
                "classId", "pageId", "version", "title", "content", "createdAt")));
        ExportRows.writeUnlessEmpty(sink, "comments", jpa.txExpr(em -> rows(em, "select p.CLASS_ID, p.TITLE, c.BODY, c.CREATED_AT from WIKI_COMMENT c join WIKI_PAGE p on p.ID = c.PAGE_ID where c.AUTHOR_ID = ?1 order by c.CREATED_AT", personId,
                "classId", "page", "body", "createdAt")));
    }

    @Override
    public void erase(String personId) {
        jpa.tx(em -> {
            em.createNativeQuery("update WIKI_VERSION set AUTHOR_ID = ?1 where AUTHOR_ID = ?2")
                    .setParameter(1, FormerUser.ID).setParameter(2, personId).executeUpdate();
            em.createNativeQuery("update WIKI_COMMENT set AUTHOR_ID = ?1 where AUTHOR_ID = ?2")
                    .setParameter(1, FormerUser.ID).setParameter(2, personId).executeUpdate();
            em.createNativeQuery("update WIKI_PAGE set UPDATED_BY = ?1 where UPDATED_BY = ?2")
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
