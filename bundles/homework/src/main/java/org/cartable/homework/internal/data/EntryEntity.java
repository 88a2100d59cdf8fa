package org.cartable.homework.internal.data;

import java.time.Instant;
import java.time.LocalDate;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.EnumType;
import javax.persistence.Enumerated;
import javax.persistence.Id;
import javax.persistence.Table;

import org.cartable.homework.internal.Subject;

/**
 * One entry of the diary on one date: a single entry, or one occurrence of a series (each occurrence is its own
 * row, so that ticks attach to it and it can be changed alone). Class and author are platform ids.
 */
@Entity
@Table(name = "HOMEWORK_ENTRY")
public class EntryEntity {

    @Id
    @Column(name = "ID", length = 36)
    private String id;

    @Column(name = "CLASS_ID", length = 64, nullable = false, updatable = false)
    private String classId;

    @Column(name = "SERIES_ID", length = 36, updatable = false)
    private String seriesId;

    @Column(name = "ENTRY_DATE", nullable = false)
    private LocalDate date;

    @Enumerated(EnumType.STRING)
    @Column(name = "SUBJECT", length = 32, nullable = false)
    private Subject subject;

    @Column(name = "TITLE", length = 200, nullable = false)
    private String title;

    /* A CLOB read and written as a plain string rather than @Lob: see the blog's PostEntity (PostgreSQL TEXT). */
    @Column(name = "CONTENT", columnDefinition = "CLOB", nullable = false)
    private String content;

    @Column(name = "DUE_DATE")
    private LocalDate dueDate;

    @Column(name = "AUTHOR_ID", length = 64, nullable = false)
    private String authorId;

    @Column(name = "CREATED_AT", nullable = false, updatable = false)
    private Instant createdAt;

    @Column(name = "UPDATED_AT", nullable = false)
    private Instant updatedAt;

    protected EntryEntity() {
        // for JPA
    }

    public EntryEntity(String id, String classId, String seriesId, LocalDate date, String authorId, Instant now) {
        this.id = id;
        this.classId = classId;
        this.seriesId = seriesId;
        this.date = date;
        this.authorId = authorId;
        this.createdAt = now;
        this.updatedAt = now;
    }

    public String id() {
        return id;
    }

    public String classId() {
        return classId;
    }

    public String seriesId() {
        return seriesId;
    }

    public LocalDate date() {
        return date;
    }

    public Subject subject() {
        return subject;
    }

    public String title() {
        return title;
    }

    public String content() {
        return content;
    }

    public LocalDate dueDate() {
        return dueDate;
    }

    public String authorId() {
        return authorId;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Instant updatedAt() {
        return updatedAt;
    }

    public void edit(LocalDate newDate, Subject newSubject, String newTitle, String newContent, LocalDate newDueDate,
                     String editorId, Instant now) {
        this.date = newDate;
        this.subject = newSubject;
        this.title = newTitle;
        this.content = newContent;
        this.dueDate = newDueDate;
        this.authorId = editorId;
        this.updatedAt = now;
    }
}
