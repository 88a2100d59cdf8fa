package org.cartable.core.internal.model;

import java.time.Instant;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.EnumType;
import javax.persistence.Enumerated;
import javax.persistence.Id;
import javax.persistence.Table;

import org.cartable.api.notify.EmailDelivery;

/**
 * A feed item waiting to be mailed. Written in the transaction that stores the item, so a rolled-back write mails
 * nothing; kept (with its attempts) until a mail carrying it was accepted by the server.
 */
@Entity
@Table(name = "CORE_MAIL_OUTBOX")
public class OutboxMail {

    private static final int ERROR_MAX = 1000;

    @Id
    @Column(name = "ID", length = 36)
    private String id;

    @Column(name = "PERSON_ID", nullable = false, length = 36)
    private String personId;

    @Column(name = "FEED_ITEM_ID", nullable = false, length = 36)
    private String feedItemId;

    @Enumerated(EnumType.STRING)
    @Column(name = "KIND", nullable = false)
    private EmailDelivery kind;

    @Column(name = "CREATED_AT", nullable = false)
    private Instant createdAt;

    @Column(name = "NEXT_ATTEMPT_AT", nullable = false)
    private Instant nextAttemptAt;

    @Column(name = "ATTEMPTS", nullable = false)
    private int attempts;

    @Column(name = "SENT_AT")
    private Instant sentAt;

    @Column(name = "LAST_ERROR")
    private String lastError;

    protected OutboxMail() {
    }

    public OutboxMail(String personId, String feedItemId, EmailDelivery kind, Instant createdAt,
                      Instant firstAttemptAt) {
        this.id = Ids.newId();
        this.personId = personId;
        this.feedItemId = feedItemId;
        this.kind = kind;
        this.createdAt = createdAt;
        this.nextAttemptAt = firstAttemptAt;
    }

    public String getId() {
        return id;
    }

    public String getPersonId() {
        return personId;
    }

    public String getFeedItemId() {
        return feedItemId;
    }

    public EmailDelivery getKind() {
        return kind;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public Instant getNextAttemptAt() {
        return nextAttemptAt;
    }

    public int getAttempts() {
        return attempts;
    }

    public Instant getSentAt() {
        return sentAt;
    }

    public String getLastError() {
        return lastError;
    }

    public void sent(Instant at) {
        sentAt = at;
        lastError = null;
    }

    /** Given up without sending (nobody to write to); kept with the reason. */
    public void closed(String reason, Instant at) {
        sentAt = at;
        lastError = reason;
    }

    /** Held back (quiet hours) without counting as a failure. */
    public void postpone(Instant until) {
        nextAttemptAt = until;
    }

    public void failed(String error, Instant retryAt) {
        attempts++;
        lastError = error == null ? "unknown error"
                : error.length() > ERROR_MAX ? error.substring(0, ERROR_MAX) : error;
        nextAttemptAt = retryAt;
    }
}
