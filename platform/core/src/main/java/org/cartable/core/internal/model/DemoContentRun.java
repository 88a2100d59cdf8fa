package org.cartable.core.internal.model;

import java.time.Instant;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.Id;
import javax.persistence.Table;

/** Records that an app's demo content was seeded into this database, so it is never seeded twice. */
@Entity
@Table(name = "CORE_DEMO_CONTENT")
public class DemoContentRun {

    @Id
    @Column(name = "APP_ID")
    private String appId;

    @Column(name = "SEEDED_AT", nullable = false)
    private Instant seededAt;

    protected DemoContentRun() {
    }

    public DemoContentRun(String appId, Instant seededAt) {
        this.appId = appId;
        this.seededAt = seededAt;
    }

    public String getAppId() {
        return appId;
    }
}
