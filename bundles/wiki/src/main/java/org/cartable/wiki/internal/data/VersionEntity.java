package org.cartable.wiki.internal.data;

import java.time.Instant;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.Id;
import javax.persistence.Table;

/** One save of a page; never changed once written. */
@Entity
@Table(name = "WIKI_VERSION")
public class VersionEntity {

    @Id
    @Column(name = "ID", length = 36)
    private String id;

    @Column(name = "PAGE_ID", length = 36, nullable = false, updatable = false)
    private String pageId;

    @Column(name = "NUM", nullable = false, updatable = false)
    private int number;

    @Column(name = "TITLE", length = 200, nullable = false, updatable = false)
    private String title;

    @Column(name = "CONTENT", columnDefinition = "CLOB", nullable = false, updatable = false)
    private String content;

    @Column(name = "AUTHOR_ID", length = 64, nullable = false, updatable = false)
    private String authorId;

    @Column(name = "CREATED_AT", nullable = false, updatable = false)
    private Instant createdAt;

    @Column(name = "RESTORED_FROM", updatable = false)
    private Integer restoredFrom;

    protected VersionEntity() {
        // for JPA
    }

    public VersionEntity(String id, String pageId, int number, String title, String content, String authorId,
                         Instant now, Integer restoredFrom) {
        this.id = id;
        this.pageId = pageId;
        this.number = number;
        this.title = title;
        this.content = content;
        this.authorId = authorId;
        this.createdAt = now;
        this.restoredFrom = restoredFrom;
    }

    public String id() {
        return id;
    }

    public String pageId() {
        return pageId;
    }

    public int number() {
        return number;
    }

    public String title() {
        return title;
    }

    public String content() {
        return content;
    }

    public String authorId() {
        return authorId;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Integer restoredFrom() {
        return restoredFrom;
    }
}
