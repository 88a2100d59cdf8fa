package org.cartable.deployment.internal.data;

import java.time.LocalDate;
import java.util.UUID;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.Id;
import javax.persistence.Table;

/** What the ENT covered in one collectivity on one day (with the reference totals known that day). */
@Entity
@Table(name = "DEPLOY_SNAPSHOT")
public class CoverageSnapshotEntity {

    @Id
    @Column(name = "ID", length = 36)
    private String id;

    @Column(name = "DAY", nullable = false)
    private LocalDate day;

    @Column(name = "COLLECTIVITY_ID", nullable = false, length = 64)
    private String collectivityId;

    @Column(name = "SCHOOLS_ON_ENT", nullable = false)
    private int schoolsOnEnt;

    @Column(name = "PUPILS_ON_ENT", nullable = false)
    private int pupilsOnEnt;

    @Column(name = "SCHOOLS_TOTAL")
    private Integer schoolsTotal;

    @Column(name = "PUPILS_TOTAL")
    private Integer pupilsTotal;

    protected CoverageSnapshotEntity() {
    }

    public CoverageSnapshotEntity(LocalDate day, String collectivityId, int schoolsOnEnt, int pupilsOnEnt,
                                  Integer schoolsTotal, Integer pupilsTotal) {
        this.id = UUID.randomUUID().toString();
        this.day = day;
        this.collectivityId = collectivityId;
        this.schoolsOnEnt = schoolsOnEnt;
        this.pupilsOnEnt = pupilsOnEnt;
        this.schoolsTotal = schoolsTotal;
        this.pupilsTotal = pupilsTotal;
    }

    public LocalDate getDay() {
        return day;
    }

    public String getCollectivityId() {
        return collectivityId;
    }

    public int getSchoolsOnEnt() {
        return schoolsOnEnt;
    }

    public int getPupilsOnEnt() {
        return pupilsOnEnt;
    }

    public Integer getSchoolsTotal() {
        return schoolsTotal;
    }

    public Integer getPupilsTotal() {
        return pupilsTotal;
    }
}
