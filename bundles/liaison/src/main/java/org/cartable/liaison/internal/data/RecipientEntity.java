package org.cartable.liaison.internal.data;

import java.io.Serializable;
import java.time.Instant;
import java.util.Objects;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.Id;
import javax.persistence.IdClass;
import javax.persistence.Table;

/**
 * A pupil a word is addressed to (and so their parents). It repeats the word's class and date so that a family's
 * list is one range of an index (pupil, class, date) instead of a look-up per word of the class.
 */
@Entity
@Table(name = "LIAISON_RECIPIENT")
@IdClass(RecipientEntity.Key.class)
public class RecipientEntity {

    @Id
    @Column(name = "WORD_ID", length = 36)
    private String wordId;

    @Id
    @Column(name = "PUPIL_ID", length = 64)
    private String pupilId;

    @Column(name = "CLASS_ID", length = 64, nullable = false, updatable = false)
    private String classId;

    @Column(name = "WORD_CREATED_AT", nullable = false, updatable = false)
    private Instant wordCreatedAt;

    protected RecipientEntity() {
        // for JPA
    }

    public RecipientEntity(WordEntity word, String pupilId) {
        this.wordId = word.id();
        this.pupilId = pupilId;
        this.classId = word.classId();
        this.wordCreatedAt = word.createdAt();
    }

    public String wordId() {
        return wordId;
    }

    public String pupilId() {
        return pupilId;
    }

    /** The composite primary key. */
    public static class Key implements Serializable {
        private static final long serialVersionUID = 1L;

        private String wordId;
        private String pupilId;

        public Key() {
            // for JPA
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key other && Objects.equals(wordId, other.wordId)
                    && Objects.equals(pupilId, other.pupilId);
        }

        @Override
        public int hashCode() {
            return Objects.hash(wordId, pupilId);
        }
    }
}
