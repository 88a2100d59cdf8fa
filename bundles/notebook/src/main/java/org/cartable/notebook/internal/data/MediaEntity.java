package org.cartable.notebook.internal.data;

import java.time.Instant;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.Id;
import javax.persistence.Table;

/**
 * An uploaded file of a notebook. The bytes are on disk under the notebook's folder, named by this id only; the
 * content type is the one found in the content when it was uploaded, and the name is the uploader's, for display and
 * downloads only.
 */
@Entity
@Table(name = "NOTEBOOK_MEDIA")
public class MediaEntity {

    @Id
    @Column(name = "ID", length = 36)
    private String id;

    @Column(name = "NOTEBOOK_ID", length = 36, nullable = false, updatable = false)
    private String notebookId;

    @Column(name = "CONTENT_TYPE", length = 64, nullable = false, updatable = false)
    private String contentType;

    @Column(name = "SIZE_BYTES", nullable = false, updatable = false)
    private long size;

    @Column(name = "NAME", length = 200, nullable = false, updatable = false)
    private String name;

    @Column(name = "UPLOADER_ID", length = 64, nullable = false, updatable = false)
    private String uploaderId;

    @Column(name = "CREATED_AT", nullable = false, updatable = false)
    private Instant createdAt;

    protected MediaEntity() {
        // for JPA
    }

    public MediaEntity(String id, String notebookId, String contentType, long size, String name, String uploaderId,
                       Instant now) {
        this.id = id;
        this.notebookId = notebookId;
        this.contentType = contentType;
        this.size = size;
        this.name = name;
        this.uploaderId = uploaderId;
        this.createdAt = now;
    }

    public String id() {
        return id;
    }

    public String notebookId() {
        return notebookId;
    }

    public String contentType() {
        return contentType;
    }

    public long size() {
        return size;
    }

    public String name() {
        return name;
    }

    public String uploaderId() {
        return uploaderId;
    }

    public Instant createdAt() {
        return createdAt;
    }
}
