package org.cartable.wiki.internal.data;

import java.time.Instant;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.Id;
import javax.persistence.Table;

/** A comment on a page, read through its page's class check. */
@Entity
@Table(name = "WIKI_COMMENT")
public class CommentEntity {

    @Id
    @Column(name = "ID", length = 36)
    private String id;

    @Column(name = "PAGE_ID", length = 36, nullable = false, updatable = false)
    private String pageId;

    @Column(name = "AUTHOR_ID", length = 64, nullable = false, updatable = false)
    private String authorId;

    @Column(name = "BODY", length = 5000, nullable = false, updatable = false)
    private String body;

    @Column(name = "CREATED_AT", nullable = false, updatable = false)
    private Instant createdAt;

    protected CommentEntity() {
        // for JPA
    }

    public CommentEntity(String id, String pageId, String authorId, String body, Instant now) {
        this.id = id;
        this.pageId = pageId;
        this.authorId = authorId;
        this.body = body;
        this.createdAt = now;
    }

    public String id() {
        return id;
    }

    public String pageId() {
        return pageId;
    }

    public String authorId() {
        return authorId;
    }

    public String body() {
        return body;
    }

    public Instant createdAt() {
        return createdAt;
    }
}
