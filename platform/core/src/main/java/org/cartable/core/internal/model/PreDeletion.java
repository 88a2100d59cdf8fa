package org.cartable.core.internal.model;

import java.time.Instant;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.Id;
import javax.persistence.Table;

/**
 * When an account was pre-deleted: French rules keep a departed pupil's or parent's data for a while (three months
 * by default) before it is purged, so that a mistaken import can still be undone by importing again.
 */
@Entity
@Table(name = "CORE_DIR_PRE_DELETION")
public class PreDeletion {

    @Id
    @Column(name = "PERSON_ID", length = 36)
    private String personId;

    @Column(name = "SINCE", nullable = false)
    private Instant since;

    @Column(name = "PREVIOUS_STATUS", nullable = false, length = 20)
    private String previousStatus;

    protected PreDeletion() {
    }

    public PreDeletion(String personId, Instant since, PersonStatus previousStatus) {
        this.personId = personId;
        this.since = since;
        this.previousStatus = previousStatus.name();
    }

    public String getPersonId() {
        return personId;
    }

    public Instant getSince() {
        return since;
    }

    public PersonStatus getPreviousStatus() {
        return PersonStatus.valueOf(previousStatus);
    }
}
