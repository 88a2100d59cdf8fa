package org.cartable.billing.internal.data;

import java.time.Instant;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.Id;
import javax.persistence.Table;

import org.cartable.billing.internal.Adjustment;

/** A manual correction of a collectivity's pupil count; never changed once recorded. */
@Entity
@Table(name = "BILLING_ADJUSTMENT")
public class AdjustmentEntity {

    @Id
    @Column(name = "ID", length = 36)
    private String id;

    @Column(name = "COLLECTIVITY_ID", length = 64, nullable = false, updatable = false)
    private String collectivityId;

    @Column(name = "SCHOOL_YEAR", nullable = false, updatable = false)
    private int year;

    @Column(name = "DELTA", nullable = false, updatable = false)
    private int delta;

    @Column(name = "REASON", length = 500, nullable = false, updatable = false)
    private String reason;

    @Column(name = "AUTHOR_ID", length = 64, nullable = false, updatable = false)
    private String authorId;

    @Column(name = "AUTHOR_NAME", length = 200, nullable = false, updatable = false)
    private String authorName;

    @Column(name = "CREATED_AT", nullable = false, updatable = false)
    private Instant createdAt;

    protected AdjustmentEntity() {
        // for JPA
    }

    public AdjustmentEntity(String id, String collectivityId, int year, int delta, String reason, String authorId,
                            String authorName, Instant createdAt) {
        this.id = id;
        this.collectivityId = collectivityId;
        this.year = year;
        this.delta = delta;
        this.reason = reason;
        this.authorId = authorId;
        this.authorName = authorName;
        this.createdAt = createdAt;
    }

    public String collectivityId() {
        return collectivityId;
    }

    public int delta() {
        return delta;
    }

    public Adjustment toAdjustment() {
        return new Adjustment(id, collectivityId, year, delta, reason, authorId, authorName, createdAt);
    }
}
