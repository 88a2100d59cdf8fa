package org.cartable.homework.internal.data;

import java.io.Serializable;
import java.time.Instant;
import java.util.Objects;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.Id;
import javax.persistence.IdClass;
import javax.persistence.Table;

/** A pupil's work on an entry is done; the row exists only while it is ticked. */
@Entity
@Table(name = "HOMEWORK_DONE")
@IdClass(DoneEntity.Key.class)
public class DoneEntity {

    @Id
    @Column(name = "ENTRY_ID", length = 36)
    private String entryId;

    @Id
    @Column(name = "PUPIL_ID", length = 64)
    private String pupilId;

    /** The pupil, or the parent who ticked for them. */
    @Column(name = "TICKED_BY", length = 64, nullable = false)
    private String tickedBy;

    @Column(name = "TICKED_AT", nullable = false)
    private Instant tickedAt;

    protected DoneEntity() {
        // for JPA
    }

    public DoneEntity(String entryId, String pupilId, String tickedBy, Instant now) {
        this.entryId = entryId;
        this.pupilId = pupilId;
        this.tickedBy = tickedBy;
        this.tickedAt = now;
    }

    public String entryId() {
        return entryId;
    }

    public String pupilId() {
        return pupilId;
    }

    /** The composite primary key (entry, pupil). */
    public static final class Key implements Serializable {

        private static final long serialVersionUID = 1L;

        private String entryId;
        private String pupilId;

        public Key() {
            // for JPA
        }

        public Key(String entryId, String pupilId) {
            this.entryId = entryId;
            this.pupilId = pupilId;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key other && Objects.equals(entryId, other.entryId)
                    && Objects.equals(pupilId, other.pupilId);
        }

        @Override
        public int hashCode() {
            return Objects.hash(entryId, pupilId);
        }
    }
}
