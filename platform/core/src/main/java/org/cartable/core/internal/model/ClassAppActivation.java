package org.cartable.core.internal.model;

import java.time.Instant;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.EntityListeners;
import javax.persistence.Id;
import javax.persistence.Table;

/** A decision to enable or disable an app for a class; without a row the configured defaults apply. */
@Entity
@EntityListeners(DirectoryChangeListener.class)
@Table(name = "CORE_CLASS_APP")
public class ClassAppActivation {

    @Id
    @Column(name = "ID", length = 36)
    private String id;

    @Column(name = "CLASS_ID", nullable = false, length = 36)
    private String classId;

    @Column(name = "APP_ID", nullable = false)
    private String appId;

    @Column(name = "ENABLED", nullable = false)
    private boolean enabled;

    /** Null for rows written by the platform itself (demo data). */
    @Column(name = "CHANGED_BY", length = 36)
    private String changedBy;

    @Column(name = "CHANGED_AT", nullable = false)
    private Instant changedAt;

    protected ClassAppActivation() {
    }

    public ClassAppActivation(String classId, String appId, boolean enabled, String changedBy, Instant changedAt) {
        this.id = Ids.newId();
        this.classId = classId;
        this.appId = appId;
        change(enabled, changedBy, changedAt);
    }

    public String getId() {
        return id;
    }

    public String getClassId() {
        return classId;
    }

    public String getAppId() {
        return appId;
    }

    public boolean isEnabled() {
        return enabled;
    }

    public String getChangedBy() {
        return changedBy;
    }

    public Instant getChangedAt() {
        return changedAt;
    }

    public void change(boolean enabled, String changedBy, Instant changedAt) {
        this.enabled = enabled;
        this.changedBy = changedBy;
        this.changedAt = changedAt;
    }
}
