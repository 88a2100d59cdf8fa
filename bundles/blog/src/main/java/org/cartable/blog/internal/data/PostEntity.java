package org.cartable.blog.internal.data;

import java.time.Instant;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.EnumType;
import javax.persistence.Enumerated;
import javax.persistence.Id;
import javax.persistence.Table;

import org.cartable.blog.internal.PostStatus;

/** A blog post. The class and author are platform ids, not relations: the platform's entities are not ours. */
@Entity
@Table(name = "BLOG_POST")
public class PostEntity {

    @Id
    @Column(name = "ID", length = 36)
    private String id;

    @Column(name = "CLASS_ID", length = 64, nullable = false, updatable = false)
    private String classId;

    @Column(name = "AUTHOR_ID", length = 64, nullable = false, updatable = false)
    private String authorId;

    @Column(name = "TITLE", length = 200, nullable = false)
    private String title;

    /*
     * A CLOB column read and written as a plain string rather than @Lob: Hibernate 5 maps @Lob strings to large
     * objects on PostgreSQL, where Liquibase's CLOB is TEXT.
     */
    @Column(name = "BODY", columnDefinition = "CLOB", nullable = false)
    private String body;

    @Enumerated(EnumType.STRING)
    @Column(name = "STATUS", length = 16, nullable = false)
    private PostStatus status;

    @Column(name = "PINNED", nullable = false)
    private boolean pinned;

    @Column(name = "CREATED_AT", nullable = false, updatable = false)
    private Instant createdAt;

    @Column(name = "UPDATED_AT", nullable = false)
    private Instant updatedAt;

    @Column(name = "PUBLISHED_AT")
    private Instant publishedAt;

    protected PostEntity() {
        // for JPA
    }

    public PostEntity(String id, String classId, String authorId, Instant now) {
        this.id = id;
        this.classId = classId;
        this.authorId = authorId;
        this.status = PostStatus.DRAFT;
        this.createdAt = now;
        this.updatedAt = now;
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

    public PostStatus status() {
        return status;
    }

    public boolean pinned() {
        return pinned;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Instant updatedAt() {
        return updatedAt;
    }

    public Instant publishedAt() {
        return publishedAt;
    }

    public void edit(String newTitle, String newBody, Instant now) {
        this.title = newTitle;
        this.body = newBody;
        this.updatedAt = now;
    }

    /** Moves the post to the status; the publication date is the first moment of its current publication. */
    public void moveTo(PostStatus newStatus, Instant now) {
        if (newStatus == status) {
            return;
        }
        this.status = newStatus;
        this.publishedAt = newStatus == PostStatus.PUBLISHED ? now : null;
        this.updatedAt = now;
    }

    public void pin(boolean value, Instant now) {
        this.pinned = value;
        this.updatedAt = now;
    }
}
