package org.cartable.liaison.internal.data;

import java.time.Instant;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.Id;
import javax.persistence.Table;

/** A parent's reply to a word, for one child; one per parent, child and word, editable by its author. */
@Entity
@Table(name = "LIAISON_REPLY")
public class ReplyEntity {

    @Id
    @Column(name = "ID", length = 36)
    private String id;

    @Column(name = "WORD_ID", length = 36, nullable = false, updatable = false)
    private String wordId;

    @Column(name = "PUPIL_ID", length = 64, nullable = false, updatable = false)
    private String pupilId;

    @Column(name = "PARENT_ID", length = 64, nullable = false, updatable = false)
    private String parentId;

    @Column(name = "BODY", length = 2000, nullable = false)
    private String body;

    @Column(name = "CREATED_AT", nullable = false, updatable = false)
    private Instant createdAt;

    @Column(name = "UPDATED_AT", nullable = false)
    private Instant updatedAt;

    protected ReplyEntity() {
        // for JPA
    }

    public ReplyEntity(String id, String wordId, String pupilId, String parentId, String body, Instant now) {
        this.id = id;
        this.wordId = wordId;
        this.pupilId = pupilId;
        this.parentId = parentId;
        this.body = body;
        this.createdAt = now;
        this.updatedAt = now;
    }

    public String id() {
        return id;
    }

    public String wordId() {
        return wordId;
    }

    public String pupilId() {
        return pupilId;
    }

    public String parentId() {
        return parentId;
    }

    public String body() {
        return body;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Instant updatedAt() {
        return updatedAt;
    }

    public void edit(String newBody, Instant now) {
        this.body = newBody;
        this.updatedAt = now;
    }
}
