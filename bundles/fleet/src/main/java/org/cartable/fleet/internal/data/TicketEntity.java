package org.cartable.fleet.internal.data;

import java.time.Instant;
import java.time.LocalDate;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.EnumType;
import javax.persistence.Enumerated;
import javax.persistence.Id;
import javax.persistence.Table;
import javax.persistence.Version;

import org.cartable.fleet.internal.TicketStatus;

/** A maintenance ticket on a device; its school is copied from the device when opened, for scoped lists. */
@Entity
@Table(name = "FLEET_TICKET")
public class TicketEntity {

    @Id @Column(name = "ID", length = 36) private String id;
    @Column(name = "DEVICE_ID", length = 36, nullable = false, updatable = false) private String deviceId;
    @Column(name = "SCHOOL_ID", length = 64, nullable = false) private String schoolId;
    @Column(name = "OPENED_BY", length = 64, nullable = false, updatable = false) private String openedBy;
    @Column(name = "PROBLEM", length = 4000, nullable = false, updatable = false) private String problem;
    @Enumerated(EnumType.STRING) @Column(name = "STATUS", length = 16, nullable = false) private TicketStatus status;
    @Column(name = "TECHNICIAN_ID", length = 64) private String technicianId;
    @Column(name = "PLANNED_ON") private LocalDate plannedOn;
    @Column(name = "OPENED_AT", nullable = false, updatable = false) private Instant openedAt;
    @Column(name = "ASSIGNED_AT") private Instant assignedAt;
    @Column(name = "SOLVED_AT") private Instant solvedAt;
    @Column(name = "CLOSED_AT") private Instant closedAt;
    @Column(name = "SATISFACTION") private Integer satisfaction;
    @Column(name = "MINUTES_SPENT", nullable = false) private int minutesSpent;
    @Column(name = "HAS_PHOTO", nullable = false) private boolean hasPhoto;
    @Version @Column(name = "VERSION", nullable = false) private long version;

    protected TicketEntity() {
        // for JPA
    }

    public TicketEntity(String id, String deviceId, String schoolId, String openedBy, String problem,
                        boolean hasPhoto, Instant now) {
        this.id = id;
        this.deviceId = deviceId;
        this.schoolId = schoolId;
        this.openedBy = openedBy;
        this.problem = problem;
        this.hasPhoto = hasPhoto;
        this.status = TicketStatus.NEW;
        this.openedAt = now;
    }

    public String id() { return id; }
    public String deviceId() { return deviceId; }
    public String schoolId() { return schoolId; }
    public String openedBy() { return openedBy; }
    public String problem() { return problem; }
    public TicketStatus status() { return status; }
    public String technicianId() { return technicianId; }
    public LocalDate plannedOn() { return plannedOn; }
    public Instant openedAt() { return openedAt; }
    public Instant assignedAt() { return assignedAt; }
    public Instant solvedAt() { return solvedAt; }
    public Instant closedAt() { return closedAt; }
    public Integer satisfaction() { return satisfaction; }
    public int minutesSpent() { return minutesSpent; }
    public boolean hasPhoto() { return hasPhoto; }

    /** The first assignment counts for the time-to-own target; a reassignment keeps it. */
    public void assign(String technicianId, Instant now) {
        this.technicianId = technicianId;
        if (assignedAt == null) {
            assignedAt = now;
        }
        if (status == TicketStatus.NEW) {
            status = TicketStatus.ASSIGNED;
        }
    }

    public void plan(LocalDate day) {
        this.plannedOn = day;
        this.status = TicketStatus.PLANNED;
    }

    public void waitFor() {
        this.status = TicketStatus.PENDING;
    }

    public void solve(Instant now) {
        this.status = TicketStatus.SOLVED;
        this.solvedAt = now;
    }

    public void close(Integer satisfaction, Instant now) {
        this.status = TicketStatus.CLOSED;
        this.satisfaction = satisfaction;
        this.closedAt = now;
    }

    /** Back to work: the resolution clock runs again from the opening. */
    public void reopen() {
        this.status = TicketStatus.ASSIGNED;
        this.solvedAt = null;
    }

    public void spend(int minutes) {
        this.minutesSpent += minutes;
    }
}
