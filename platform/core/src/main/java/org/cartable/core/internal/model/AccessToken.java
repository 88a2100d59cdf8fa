package org.cartable.core.internal.model;

import java.time.Instant;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.Id;
import javax.persistence.Table;

/** A bearer token, stored as its SHA-256 so that a database leak does not hand out sessions. */
@Entity
@Table(name = "CORE_ACCESS_TOKEN")
public class AccessToken {

    @Id
    @Column(name = "TOKEN_HASH", length = 64)
    private String tokenHash;

    @Column(name = "PERSON_ID", nullable = false, length = 36)
    private String personId;

    @Column(name = "CREATED_AT", nullable = false)
    private Instant createdAt;

    @Column(name = "EXPIRES_AT", nullable = false)
    private Instant expiresAt;

    @Column(name = "LAST_USED_AT")
    private Instant lastUsedAt;

    protected AccessToken() {
    }

    public AccessToken(String tokenHash, String personId, Instant createdAt, Instant expiresAt) {
        this.tokenHash = tokenHash;
        this.personId = personId;
        this.createdAt = createdAt;
        this.expiresAt = expiresAt;
    }

    public String getTokenHash() {
        return tokenHash;
    }

    public String getPersonId() {
        return personId;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public Instant getExpiresAt() {
        return expiresAt;
    }

    /** @return when the token last authenticated a request (its creation for tokens issued before the column) */
    public Instant lastUsedAt() {
        return lastUsedAt != null ? lastUsedAt : createdAt;
    }

    public void setLastUsedAt(Instant lastUsedAt) {
        this.lastUsedAt = lastUsedAt;
    }
}
