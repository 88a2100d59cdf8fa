package org.cartable.liaison.internal.data;

import java.time.Instant;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.Id;
import javax.persistence.Table;

/**
 * A parent's "vu" for one child on one word. Insert-only: every column is {@code updatable = false} and the class has
 * no setter, so neither the application nor a stray dirty check can change a confirmation once stored.
 */
@Entity
@Table(name = "LIAISON_CONFIRMATION")
public class ConfirmationEntity {

    @Id
    @Column(name = "ID", length = 36, updatable = false)
    private String id;

    @Column(name = "WORD_ID", length = 36, nullable = false, updatable = false)
    private String wordId;

    @Column(name = "PUPIL_ID", length = 64, nullable = false, updatable = false)
    private String pupilId;

    @Column(name = "PARENT_ID", length = 64, nullable = false, updatable = false)
    private String parentId;

    @Column(name = "CONFIRMED_AT", nullable = false, updatable = false)
    private Instant confirmedAt;

    protected ConfirmationEntity() {
        // for JPA
    }

    public ConfirmationEntity(String id, String wordId, String pupilId, String parentId, Instant confirmedAt) {
        this.id = id;
        this.wordId = wordId;
        this.pupilId = pupilId;
        this.parentId = parentId;
        this.confirmedAt = confirmedAt;
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

    public Instant confirmedAt() {
        return confirmedAt;
    }
}
