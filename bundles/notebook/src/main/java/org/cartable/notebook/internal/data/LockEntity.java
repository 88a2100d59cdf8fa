package org.cartable.notebook.internal.data;

import java.time.Instant;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.Id;
import javax.persistence.Table;

/** The edit lock of a page: who holds it and until when (each activity of the holder pushes it back). */
@Entity
@Table(name = "NOTEBOOK_LOCK")
public class LockEntity {

    @Id
    @Column(name = "PAGE_ID", length = 36)
    private String pageId;

    @Column(name = "HOLDER_ID", length = 64, nullable = false)
    private String holderId;

    @Column(name = "EXPIRES_AT", nullable = false)
    private Instant expiresAt;

    protected LockEntity() {
        // for JPA
    }

    public LockEntity(String pageId, String holderId, Instant expiresAt) {
        this.pageId = pageId;
        this.holderId = holderId;
        this.expiresAt = expiresAt;
    }

    public String pageId() {
        return pageId;
    }

    public String holderId() {
        return holderId;
    }

    public Instant expiresAt() {
        return expiresAt;
    }

    /** @return whether someone still holds it at that moment */
    public boolean isLive(Instant now) {
        return expiresAt.isAfter(now);
    }

    public void hold(String newHolderId, Instant newExpiry) {
        this.holderId = newHolderId;
        this.expiresAt = newExpiry;
    }
}
