package org.cartable.deployment.internal.data;

import java.time.Instant;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.Id;
import javax.persistence.Table;

/** How many schools and pupils a collectivity has in all, on the ENT or not: entered or imported by operators. */
@Entity
@Table(name = "DEPLOY_TERRITORY_TOTAL")
public class TerritoryTotalEntity {

    @Id
    @Column(name = "COLLECTIVITY_ID", length = 64)
    private String collectivityId;

    @Column(name = "SCHOOLS", nullable = false)
    private int schools;

    @Column(name = "PUPILS", nullable = false)
    private int pupils;

    @Column(name = "UPDATED_BY", nullable = false, length = 64)
    private String updatedBy;

    @Column(name = "UPDATED_AT", nullable = false)
    private Instant updatedAt;

    protected TerritoryTotalEntity() {
    }

    public TerritoryTotalEntity(String collectivityId) {
        this.collectivityId = collectivityId;
    }

    public void update(int schools, int pupils, String updatedBy, Instant updatedAt) {
        this.schools = schools;
        this.pupils = pupils;
        this.updatedBy = updatedBy;
        this.updatedAt = updatedAt;
    }

    public String getCollectivityId() {
        return collectivityId;
    }

    public int getSchools() {
        return schools;
    }

    public int getPupils() {
        return pupils;
    }

    public Instant getUpdatedAt() {
        return updatedAt;
    }
}
