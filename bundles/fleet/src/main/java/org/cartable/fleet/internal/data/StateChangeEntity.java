package org.cartable.fleet.internal.data;

import java.time.Instant;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.EnumType;
import javax.persistence.Enumerated;
import javax.persistence.Id;
import javax.persistence.Table;

import org.cartable.fleet.internal.DeviceState;

/** One step of a device's history. */
@Entity
@Table(name = "FLEET_STATE_CHANGE")
public class StateChangeEntity {

    @Id
    @Column(name = "ID", length = 36)
    private String id;

    @Column(name = "DEVICE_ID", length = 36, nullable = false, updatable = false)
    private String deviceId;

    @Enumerated(EnumType.STRING)
    @Column(name = "FROM_STATE", length = 16, updatable = false)
    private DeviceState from;

    @Enumerated(EnumType.STRING)
    @Column(name = "TO_STATE", length = 16, nullable = false, updatable = false)
    private DeviceState to;

    @Column(name = "CHANGED_AT", nullable = false, updatable = false)
    private Instant at;

    @Column(name = "AUTHOR_ID", length = 64, nullable = false, updatable = false)
    private String authorId;

    @Column(name = "NOTE", length = 500, updatable = false)
    private String note;

    protected StateChangeEntity() {
        // for JPA
    }

    public StateChangeEntity(String id, String deviceId, DeviceState from, DeviceState to, Instant at,
                             String authorId, String note) {
        this.id = id;
        this.deviceId = deviceId;
        this.from = from;
        this.to = to;
        this.at = at;
        this.authorId = authorId;
        this.note = note;
    }

    public String id() { return id; }
    public String deviceId() { return deviceId; }
    public DeviceState from() { return from; }
    public DeviceState to() { return to; }
    public Instant at() { return at; }
    public String authorId() { return authorId; }
    public String note() { return note; }
}
