package org.cartable.liaison.internal.data;

import java.time.Instant;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.EnumType;
import javax.persistence.Enumerated;
import javax.persistence.Id;
import javax.persistence.Table;

import org.cartable.liaison.internal.Category;

/** A word of the liaison notebook. Class and author are platform ids, not relations. */
@Entity
@Table(name = "LIAISON_WORD")
public class WordEntity {

    @Id
    @Column(name = "ID", length = 36)
    private String id;

    @Column(name = "CLASS_ID", length = 64, nullable = false, updatable = false)
    private String classId;

    @Column(name = "AUTHOR_ID", length = 64, nullable = false, updatable = false)
    private String authorId;

    @Column(name = "TITLE", length = 200, nullable = false)
    private String title;

    /* A CLOB column read as a plain string rather than @Lob, as the blog does (PostgreSQL TEXT). */
    @Column(name = "BODY", columnDefinition = "CLOB", nullable = false)
    private String body;

    @Enumerated(EnumType.STRING)
    @Column(name = "CATEGORY", length = 16, nullable = false)
    private Category category;

    @Column(name = "WHOLE_CLASS", nullable = false, updatable = false)
    private boolean wholeClass;

    @Column(name = "ACK_REQUIRED", nullable = false, updatable = false)
    private boolean ackRequired;

    @Column(name = "REPLIES_ALLOWED", nullable = false, updatable = false)
    private boolean repliesAllowed;

    @Column(name = "CREATED_AT", nullable = false, updatable = false)
    private Instant createdAt;

    @Column(name = "EDITED_AT")
    private Instant editedAt;

    @Column(name = "LAST_REMINDER_AT")
    private Instant lastReminderAt;

    protected WordEntity() {
        // for JPA
    }

    public WordEntity(String id, String classId, String authorId, String title, String body, Category category,
                      boolean wholeClass, boolean ackRequired, boolean repliesAllowed, Instant now) {
        this.id = id;
        this.classId = classId;
        this.authorId = authorId;
        this.title = title;
        this.body = body;
        this.category = category;
        this.wholeClass = wholeClass;
        this.ackRequired = ackRequired;
        this.repliesAllowed = repliesAllowed;
        this.createdAt = now;
    }

    public String id() {
        return id;
    }

    public String classId() {
        return classId;
    }

    public String authorId() {
        return authorId;
    }

    public String title() {
        return title;
    }

    public String body() {
        return body;
    }

    public Category category() {
        return category;
    }

    public boolean wholeClass() {
        return wholeClass;
    }

    public boolean ackRequired() {
        return ackRequired;
    }

    public boolean repliesAllowed() {
        return repliesAllowed;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Instant editedAt() {
        return editedAt;
    }

    public Instant lastReminderAt() {
        return lastReminderAt;
    }

    /** A correction: the text changes, the date of the correction is shown to the families. */
    public void correct(String newTitle, String newBody, Category newCategory, Instant now) {
        this.title = newTitle;
        this.body = newBody;
        this.category = newCategory;
        this.editedAt = now;
    }

    public void reminded(Instant now) {
        this.lastReminderAt = now;
    }
}
