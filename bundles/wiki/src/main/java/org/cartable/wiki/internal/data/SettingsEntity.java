package org.cartable.wiki.internal.data;

import java.time.Instant;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.Id;
import javax.persistence.Table;

/** Settings of one class's wiki. No row means the defaults. */
@Entity
@Table(name = "WIKI_SETTINGS")
public class SettingsEntity {

    @Id
    @Column(name = "CLASS_ID", length = 64)
    private String classId;

    @Column(name = "TEACHERS_ONLY", nullable = false)
    private boolean teachersOnly;

    @Column(name = "UPDATED_AT", nullable = false)
    private Instant updatedAt;

    protected SettingsEntity() {
        // for JPA
    }

    public SettingsEntity(String classId) {
        this.classId = classId;
    }

    public boolean teachersOnly() {
        return teachersOnly;
    }

    public void update(boolean onlyTeachers, Instant now) {
        this.teachersOnly = onlyTeachers;
        this.updatedAt = now;
    }
}
