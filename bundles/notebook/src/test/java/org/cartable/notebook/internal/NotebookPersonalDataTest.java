package org.cartable.notebook.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.apache.aries.jpa.template.JpaTemplate;
import org.cartable.api.privacy.FormerUser;
import org.cartable.notebook.internal.media.MediaStore;
import org.cartable.testing.RecordingSink;
import org.cartable.testing.TestDatabase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Export and erase on the real schema and real files: Léa's notebook with her photo, a photo she put in Hugo's. */
class NotebookPersonalDataTest {

    private final TestDatabase db = new TestDatabase().migrate(NotebookService.CHANGELOG);
    private final JpaTemplate jpa = db.jpa("cartable-notebook");

    @TempDir
    Path files;

    @AfterEach
    void close() {
        db.close();
    }

    private MediaStore store;
    private String leasPhoto;
    private String photoInHugos;

    private NotebookPersonalData seed() {
        store = new MediaStore(files);
        jpa.tx(em -> {
            notebook(em, "11111111-1111-4111-8111-111111111111", "lea", "Mon carnet");
            notebook(em, "22222222-2222-4222-8222-222222222222", "hugo", "Carnet de Hugo");
            em.createNativeQuery("insert into NOTEBOOK_PAGE (ID, NOTEBOOK_ID, POSITION, TITLE, UPDATED_AT)"
                    + " values ('pg-lea', '11111111-1111-4111-8111-111111111111', 0, 'Ma page', CURRENT_TIMESTAMP)").executeUpdate();
            em.createNativeQuery("insert into NOTEBOOK_PAGE (ID, NOTEBOOK_ID, POSITION, TITLE, UPDATED_AT)"
                    + " values ('pg-hugo', '22222222-2222-4222-8222-222222222222', 0, 'Page de Hugo', CURRENT_TIMESTAMP)").executeUpdate();
            em.createNativeQuery("insert into NOTEBOOK_BOX (ID, PAGE_ID, KIND, X, Y, WIDTH, HEIGHT, Z, CONTENT,"
                    + " UPDATED_AT) values ('bx1', 'pg-lea', 'TEXT', 0, 0, 10, 10, 0, '<p>Mon chat</p>',"
                    + " CURRENT_TIMESTAMP)").executeUpdate();
            em.createNativeQuery("insert into NOTEBOOK_LOCK (PAGE_ID, HOLDER_ID, EXPIRES_AT)"
                    + " values ('pg-hugo', 'lea', CURRENT_TIMESTAMP)").executeUpdate();
        });
        leasPhoto = media("11111111-1111-4111-8111-111111111111", "lea", "chat.png");
        photoInHugos = media("22222222-2222-4222-8222-222222222222", "lea", "pour-hugo.png");
        media("22222222-2222-4222-8222-222222222222", "hugo", "moi.png");
        return new NotebookPersonalData(jpa, store);
    }

    private static void notebook(javax.persistence.EntityManager em, String id, String owner, String title) {
        em.createNativeQuery("insert into NOTEBOOK_NOTEBOOK (ID, CLASS_ID, OWNER_ID, TITLE, COVER_COLOR, SHARING,"
                + " CREATED_AT, UPDATED_AT) values (?1, 'c1', ?2, ?3, '#336699', 'PRIVATE', CURRENT_TIMESTAMP,"
                + " CURRENT_TIMESTAMP)").setParameter(1, id).setParameter(2, owner).setParameter(3, title)
                .executeUpdate();
    }

    private String media(String notebookId, String uploader, String name) {
        MediaStore.Stored stored = store.store(notebookId, new ByteArrayInputStream(Samples.png()), type -> 1_000_000L);
        jpa.tx(em -> em.createNativeQuery("insert into NOTEBOOK_MEDIA (ID, NOTEBOOK_ID, CONTENT_TYPE, SIZE_BYTES,"
                        + " NAME, UPLOADER_ID, CREATED_AT) values (?1, ?2, ?3, ?4, ?5, ?6, CURRENT_TIMESTAMP)")
                .setParameter(1, stored.mediaId()).setParameter(2, notebookId).setParameter(3, stored.contentType())
                .setParameter(4, stored.size()).setParameter(5, name).setParameter(6, uploader).executeUpdate());
        return stored.mediaId();
    }

    @Test
    void exportsHerNotebookWithItsBoxesAndEveryFileSheUploaded() throws Exception {
        NotebookPersonalData privacy = seed();
        RecordingSink sink = new RecordingSink();
        privacy.export("lea", sink);

        List<Map<String, Object>> notebooks = sink.rows("notebooks");
        assertEquals(1, notebooks.size(), "only the notebook she owns: " + sink.text());
        assertTrue(notebooks.toString().contains("<p>Mon chat</p>"), notebooks::toString);
        assertEquals(2, sink.rows("files").size(), sink::text);
        assertEquals(List.of(leasPhoto + "-chat.png", photoInHugos + "-pour-hugo.png"), List.copyOf(sink.files.keySet()));
        assertArrayEquals(Samples.png(), sink.files.get(leasPhoto + "-chat.png"));
        assertFalse(sink.text().contains("moi.png"), "not Hugo's own photo");
    }

    @Test
    void eraseDeletesHerNotebookAndFilesAndKeepsWhatSheGaveHugoAsAFormerUsers() throws Exception {
        NotebookPersonalData privacy = seed();
        privacy.erase("lea");
        privacy.erase("lea");

        assertEquals(List.of("22222222-2222-4222-8222-222222222222"), column("select ID from NOTEBOOK_NOTEBOOK"));
        assertEquals(List.of("pg-hugo"), column("select ID from NOTEBOOK_PAGE"));
        assertEquals(List.of(), column("select PAGE_ID from NOTEBOOK_LOCK"), "her lock on Hugo's page is gone");
        assertTrue(store.file("11111111-1111-4111-8111-111111111111", leasPhoto).isEmpty(), "her files are deleted from the disk");
        assertTrue(store.file("22222222-2222-4222-8222-222222222222", photoInHugos).isPresent(), "what she put in Hugo's notebook stays");
        assertEquals(List.of("hugo", FormerUser.ID),
                column("select UPLOADER_ID from NOTEBOOK_MEDIA order by NAME"));
        RecordingSink nothing = new RecordingSink();
        privacy.export("lea", nothing);
        assertTrue(nothing.json.isEmpty(), nothing::text);
    }

    @SuppressWarnings("unchecked")
    private List<Object> column(String sql) {
        return jpa.txExpr(em -> (List<Object>) em.createNativeQuery(sql).getResultList());
    }
}
