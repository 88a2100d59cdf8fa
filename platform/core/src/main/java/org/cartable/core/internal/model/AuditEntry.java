package org.cartable.core.internal.model;

import java.time.Instant;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.GeneratedValue;
import javax.persistence.GenerationType;
import javax.persistence.Id;
import javax.persistence.Table;

/** One entry of the append-only audit log: no setters, and the database refuses updates and deletes. */
@Entity
@Table(name = "CORE_AUDIT_LOG")
public class AuditEntry {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    @Column(name = "SEQ")
    private Long seq;

    @Column(name = "OCCURRED_AT", nullable = false, updatable = false)
    private Instant at;

    @Column(name = "EVENT_TYPE", nullable = false, length = 60, updatable = false)
    private String type;

    @Column(name = "ACTOR_ID", length = 36, updatable = false)
    private String actorId;

    @Column(name = "ACTOR_LOGIN", length = 100, updatable = false)
    private String actorLogin;

    @Column(name = "TARGET", length = 255, updatable = false)
    private String target;

    @Column(name = "DETAIL", length = 1000, updatable = false)
    private String detail;

    @Column(name = "ADDRESS", length = 64, updatable = false)
    private String address;

    protected AuditEntry() {
    }

    public AuditEntry(Instant at, String type, String actorId, String actorLogin, String target, String detail,
                      String address) {
        this.at = at;
        this.type = type;
        this.actorId = actorId;
        this.actorLogin = actorLogin;
        this.target = target;
        this.detail = detail;
        this.address = address;
    }

    public Long getSeq() {
        return seq;
    }

    public Instant getAt() {
        return at;
    }

    public String getType() {
        return type;
    }

    public String getActorId() {
        return actorId;
    }

    public String getActorLogin() {
        return actorLogin;
    }

    public String getTarget() {
        return target;
    }

    public String getDetail() {
        return detail;
    }

    public String getAddress() {
        return address;
    }
}
