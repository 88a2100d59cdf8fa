package org.cartable.blog.internal;

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
 * The blog's part of personal-data rights. Export: the posts and comments the person wrote. Erase: what never
 * reached the class (drafts, posts waiting for the teacher, comments waiting for approval) is deleted; published
 * posts and approved comments belong to the class's blog and stay, attributed to the former user.
 */
@Component(service = PersonalData.class)
public final class BlogPersonalData implements PersonalData {

    private final JpaTemplate jpa;

    /** The service reference orders activation after the blog's migrations. */
    @Activate
    public BlogPersonalData(@Reference(target = "(osgi.unit.name=cartable-blog)") JpaTemplate jpa,
                            @Reference BlogService blog) {
        this.jpa = jpa;
    }

    /** For tests, on a schema migrated by the test. */
    BlogPersonalData(JpaTemplate jpa) {
        this.jpa = jpa;
    }

    @Override
    public String appId() {
        return BlogApp.ID;
    }

    @Override
    public void export(String personId, PersonalDataSink sink) throws IOException {
        List<Map<String, Object>> posts = jpa.txExpr(em -> rows(em,
                "select ID, CLASS_ID, TITLE, BODY, STATUS, CREATED_AT, UPDATED_AT, PUBLISHED_AT from BLOG_POST"
                        + " where AUTHOR_ID = ?1 order by CREATED_AT", personId,
                "id", "classId", "title", "body", "status", "createdAt", "updatedAt", "publishedAt"));
        List<Map<String, Object>> comments = jpa.txExpr(em -> rows(em,
                "select c.ID, p.CLASS_ID, p.TITLE, c.BODY, c.STATUS, c.CREATED_AT from BLOG_COMMENT c"
                        + " join BLOG_POST p on p.ID = c.POST_ID where c.AUTHOR_ID = ?1 order by c.CREATED_AT",
                personId, "id", "classId", "postTitle", "body", "status", "createdAt"));
        if (!posts.isEmpty()) {
            sink.json("posts", posts);
        }
        if (!comments.isEmpty()) {
            sink.json("comments", comments);
        }
    }

    @Override
    public void erase(String personId) {
        jpa.tx(em -> {
            em.createNativeQuery("delete from BLOG_COMMENT where AUTHOR_ID = ?1 and STATUS <> ?2")
                    .setParameter(1, personId).setParameter(2, CommentStatus.APPROVED.name()).executeUpdate();
            em.createNativeQuery("delete from BLOG_COMMENT where POST_ID in (select ID from BLOG_POST"
                            + " where AUTHOR_ID = ?1 and STATUS in (?2, ?3))").setParameter(1, personId)
                    .setParameter(2, PostStatus.DRAFT.name()).setParameter(3, PostStatus.SUBMITTED.name())
                    .executeUpdate();
            em.createNativeQuery("delete from BLOG_POST where AUTHOR_ID = ?1 and STATUS in (?2, ?3)")
                    .setParameter(1, personId).setParameter(2, PostStatus.DRAFT.name())
                    .setParameter(3, PostStatus.SUBMITTED.name()).executeUpdate();
            em.createNativeQuery("update BLOG_POST set AUTHOR_ID = ?1 where AUTHOR_ID = ?2")
                    .setParameter(1, FormerUser.ID).setParameter(2, personId).executeUpdate();
            em.createNativeQuery("update BLOG_COMMENT set AUTHOR_ID = ?1 where AUTHOR_ID = ?2")
                    .setParameter(1, FormerUser.ID).setParameter(2, personId).executeUpdate();
        });
    }

    /** @return the rows of a native query with one parameter, each as named columns (CLOBs as text) */
    static List<Map<String, Object>> rows(EntityManager em, String sql, String param, String... names) {
        return ExportRows.named(em.createNativeQuery(sql).setParameter(1, param).getResultList(), names);
    }

}
