package org.cartable.notebook.internal.data;

import java.time.Instant;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.EnumType;
import javax.persistence.Enumerated;
import javax.persistence.Id;
import javax.persistence.Table;

import org.cartable.notebook.internal.Sharing;

/** A notebook. The class and owner are platform ids, not relations: the platform's entities are not ours. */
@Entity
@Table(name = "NOTEBOOK_NOTEBOOK")
public class NotebookEntity {

    @Id
    @Column(name = "ID", length = 36)
    private String id;

    @Column(name = "CLASS_ID", length = 64, nullable = false, updatable = false)
    private String classId;

    @Column(name = "OWNER_ID", length = 64, nullable = false, updatable = false)
    private String ownerId;

    @Column(name = "TITLE", length = 200, nullable = false)
    private String title;

    @Column(name = "COVER_COLOR", length = 7, nullable = false)
    private String coverColor;

    @Column(name = "COVER_MEDIA_ID", length = 36)
    private String coverMediaId;

    @Enumerated(EnumType.STRING)
    @Column(name = "SHARING", length = 16, nullable = false)
    private Sharing sharing;

    @Column(name = "CREATED_AT", nullable = false, updatable = false)
    private Instant createdAt;

    @Column(name = "UPDATED_AT", nullable = false)
    private Instant updatedAt;

    protected NotebookEntity() {
        // for JPA
    }

    public NotebookEntity(String id, String classId, String ownerId, String title, String coverColor, Instant now) {
        this.id = id;
        this.classId = classId;
        this.ownerId = ownerId;
        this.title = title;
        this.coverColor = coverColor;
        this.sharing = Sharing.PRIVATE;
        this.createdAt = now;
        this.updatedAt = now;
    }

    public String id() {
        return id;
    }

    public String classId() {
        return classId;
    }

    public String ownerId() {
        return ownerId;
    }

    public String title() {
        return title;
    }

    public String coverColor() {
        return coverColor;
    }

    public String coverMediaId() {
        return coverMediaId;
    }

    public Sharing sharing() {
        return sharing;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Instant updatedAt() {
        return updatedAt;
    }

    public void describe(String newTitle, String newColor, String newCoverMediaId, Instant now) {
        this.title = newTitle;
        this.coverColor = newColor;
        this.coverMediaId = newCoverMediaId;
        this.updatedAt = now;
    }

    public void share(Sharing newSharing, Instant now) {
        this.sharing = newSharing;
        this.updatedAt = now;
    }

    public void touch(Instant now) {
        this.updatedAt = now;
    }
}
