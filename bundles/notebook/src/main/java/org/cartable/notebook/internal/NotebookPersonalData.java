package org.cartable.notebook.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import javax.persistence.EntityManager;
import javax.persistence.Query;

import org.apache.aries.jpa.template.JpaTemplate;
import org.cartable.api.privacy.ExportRows;
import org.cartable.api.privacy.FormerUser;
import org.cartable.api.privacy.PersonalData;
import org.cartable.api.privacy.PersonalDataSink;
import org.cartable.notebook.internal.media.MediaStore;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * The notebook's part of personal-data rights. Export: the notebooks the person owns, page by page with their boxes,
 * and every file they uploaded (in their notebooks or in others'), under {@code files/}. Erase: the notebooks they
 * own are deleted with their files (a notebook is its owner's work); files they uploaded into someone else's
 * notebook stay there, attributed to the former user; their page locks go.
 */
@Component(service = PersonalData.class)
public final class NotebookPersonalData implements PersonalData {

    private final JpaTemplate jpa;
    private final MediaStore store;

    @Activate
    public NotebookPersonalData(@Reference(target = "(osgi.unit.name=cartable-notebook)") JpaTemplate jpa,
                                @Reference NotebookService notebooks) {
        this(jpa, notebooks.mediaStore());
    }

    /** For tests, on a schema migrated by the test and files in a folder of the test. */
    NotebookPersonalData(JpaTemplate jpa, MediaStore store) {
        this.jpa = jpa;
        this.store = store;
    }

    @Override
    public String appId() {
        return NotebookApp.ID;
    }

    @Override
    public void export(String personId, PersonalDataSink sink) throws IOException {
        List<Map<String, Object>> notebooks = jpa.txExpr(em -> {
            List<Map<String, Object>> owned = rows(em, "select ID, CLASS_ID, TITLE, SHARING, CREATED_AT, UPDATED_AT"
                            + " from NOTEBOOK_NOTEBOOK where OWNER_ID = ?1 order by CREATED_AT", personId,
                    "id", "classId", "title", "sharing", "createdAt", "updatedAt");
            for (Map<String, Object> notebook : owned) {
                String id = (String) notebook.get("id");
                List<Map<String, Object>> pages = rows(em, "select ID, POSITION, TITLE, UPDATED_AT from NOTEBOOK_PAGE"
                        + " where NOTEBOOK_ID = ?1 order by POSITION", id, "id", "position", "title", "updatedAt");
                for (Map<String, Object> page : pages) {
                    page.put("boxes", rows(em, "select KIND, CONTENT, MEDIA_ID, EMBED_PROVIDER, EMBED_VIDEO_ID"
                                    + " from NOTEBOOK_BOX where PAGE_ID = ?1 order by Z", (String) page.get("id"),
                            "kind", "content", "mediaId", "embedProvider", "embedVideoId"));
                }
                notebook.put("pages", pages);
            }
            return owned;
        });
        List<Map<String, Object>> media = jpa.txExpr(em -> rows(em, "select m.ID, m.NOTEBOOK_ID, m.NAME,"
                + " m.CONTENT_TYPE, m.SIZE_BYTES, m.CREATED_AT from NOTEBOOK_MEDIA m join NOTEBOOK_NOTEBOOK n"
                + " on n.ID = m.NOTEBOOK_ID where m.UPLOADER_ID = ?1 or n.OWNER_ID = ?2 order by m.CREATED_AT",
                personId, "id", "notebookId", "name", "contentType", "size", "createdAt"));
        if (!notebooks.isEmpty()) {
            sink.json("notebooks", notebooks);
        }
        if (media.isEmpty()) {
            return;
        }
        for (Map<String, Object> file : media) {
            String name = file.get("id") + "-" + file.get("name");
            Optional<Path> path = store.file((String) file.get("notebookId"), (String) file.get("id"));
            file.put("file", path.isPresent() ? "files/" + name : null);
            if (path.isPresent()) {
                try (InputStream in = Files.newInputStream(path.get())) {
                    sink.file(name, in);
                }
            }
        }
        sink.json("files", media);
    }

    @Override
    public void erase(String personId) {
        List<String> owned = jpa.txExpr(em -> column(em, "select ID from NOTEBOOK_NOTEBOOK where OWNER_ID = ?1",
                personId));
        // Files first: should the database part fail, the next purge finds the notebooks again and finishes.
        owned.forEach(store::deleteAll);
        jpa.tx(em -> {
            for (String notebookId : owned) {
                em.createNativeQuery("delete from NOTEBOOK_BOX where PAGE_ID in (select ID from NOTEBOOK_PAGE"
                        + " where NOTEBOOK_ID = ?1)").setParameter(1, notebookId).executeUpdate();
                em.createNativeQuery("delete from NOTEBOOK_LOCK where PAGE_ID in (select ID from NOTEBOOK_PAGE"
                        + " where NOTEBOOK_ID = ?1)").setParameter(1, notebookId).executeUpdate();
                em.createNativeQuery("delete from NOTEBOOK_PAGE where NOTEBOOK_ID = ?1").setParameter(1, notebookId)
                        .executeUpdate();
                em.createNativeQuery("update NOTEBOOK_NOTEBOOK set COVER_MEDIA_ID = null where ID = ?1")
                        .setParameter(1, notebookId).executeUpdate();
                em.createNativeQuery("delete from NOTEBOOK_MEDIA where NOTEBOOK_ID = ?1").setParameter(1, notebookId)
                        .executeUpdate();
                em.createNativeQuery("delete from NOTEBOOK_NOTEBOOK where ID = ?1").setParameter(1, notebookId)
                        .executeUpdate();
            }
            em.createNativeQuery("delete from NOTEBOOK_LOCK where HOLDER_ID = ?1").setParameter(1, personId)
                    .executeUpdate();
            em.createNativeQuery("update NOTEBOOK_MEDIA set UPLOADER_ID = ?1 where UPLOADER_ID = ?2")
                    .setParameter(1, FormerUser.ID).setParameter(2, personId).executeUpdate();
        });
    }

    @SuppressWarnings("unchecked")
    private static List<String> column(EntityManager em, String sql, String param) {
        return (List<String>) em.createNativeQuery(sql).setParameter(1, param).getResultList();
    }

    /** @return the rows of a native query whose parameters are all the same value, as named columns */
    private static List<Map<String, Object>> rows(EntityManager em, String sql, String param, String... names) {
        Query query = em.createNativeQuery(sql);
        for (int i = 1; sql.contains("?" + i); i++) {
            query.setParameter(i, param);
        }
        return ExportRows.named(query.getResultList(), names);
    }

}
