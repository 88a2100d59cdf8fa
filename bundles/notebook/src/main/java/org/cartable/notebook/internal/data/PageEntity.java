package org.cartable.notebook.internal.data;

import java.time.Instant;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.Id;
import javax.persistence.Table;

/** A page of a notebook; pages are shown in the order of their position. */
@Entity
@Table(name = "NOTEBOOK_PAGE")
public class PageEntity {

    @Id
    @Column(name = "ID", length = 36)
    private String id;

    @Column(name = "NOTEBOOK_ID", length = 36, nullable = false, updatable = false)
    private String notebookId;

    @Column(name = "POSITION", nullable = false)
    private int position;

    @Column(name = "TITLE", length = 200)
    private String title;

    @Column(name = "UPDATED_AT", nullable = false)
    private Instant updatedAt;

    protected PageEntity() {
        // for JPA
    }

    public PageEntity(String id, String notebookId, int position, String title, Instant now) {
        this.id = id;
        this.notebookId = notebookId;
        this.position = position;
        this.title = title;
        this.updatedAt = now;
    }

    public String id() {
        return id;
    }

    public String notebookId() {
        return notebookId;
    }

    public int position() {
        return position;
    }

    public String title() {
        return title;
    }

    public Instant updatedAt() {
        return updatedAt;
    }

    public void moveTo(int newPosition) {
        this.position = newPosition;
    }

    public void retitle(String newTitle, Instant now) {
        this.title = newTitle;
        this.updatedAt = now;
    }

    public void touch(Instant now) {
        this.updatedAt = now;
    }
}
