package org.cartable.homework.internal.data;

import java.time.Instant;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.Id;
import javax.persistence.Table;

/**
 * A private iCalendar feed address: a teacher's feed of the class, or a pupil's feed (the pupil's own, or a
 * parent's for one child). Only the token's SHA-256 is stored.
 */
@Entity
@Table(name = "HOMEWORK_FEED")
public class FeedEntity {

    @Id
    @Column(name = "ID", length = 36)
    private String id;

    @Column(name = "TOKEN_HASH", length = 64, nullable = false, unique = true, updatable = false)
    private String tokenHash;

    @Column(name = "OWNER_ID", length = 64, nullable = false, updatable = false)
    private String ownerId;

    @Column(name = "CLASS_ID", length = 64, nullable = false, updatable = false)
    private String classId;

    @Column(name = "PUPIL_ID", length = 64, updatable = false)
    private String pupilId;

    @Column(name = "CREATED_AT", nullable = false, updatable = false)
    private Instant createdAt;

    protected FeedEntity() {
        // for JPA
    }

    public FeedEntity(String id, String tokenHash, String ownerId, String classId, String pupilId, Instant now) {
        this.id = id;
        this.tokenHash = tokenHash;
        this.ownerId = ownerId;
        this.classId = classId;
        this.pupilId = pupilId;
        this.createdAt = now;
    }

    public String id() {
        return id;
    }

    public String ownerId() {
        return ownerId;
    }

    public String classId() {
        return classId;
    }

    public String pupilId() {
        return pupilId;
    }

    public Instant createdAt() {
        return createdAt;
    }
}
