package org.cartable.notebook.internal.data;

import java.time.Instant;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.EnumType;
import javax.persistence.Enumerated;
import javax.persistence.Id;
import javax.persistence.Table;

import org.cartable.notebook.internal.BoxKind;
import org.cartable.notebook.internal.Geometry;

/** A box on a page: where it sits (in % of the page) and what it holds. */
@Entity
@Table(name = "NOTEBOOK_BOX")
public class BoxEntity {

    @Id
    @Column(name = "ID", length = 36)
    private String id;

    @Column(name = "PAGE_ID", length = 36, nullable = false, updatable = false)
    private String pageId;

    @Enumerated(EnumType.STRING)
    @Column(name = "KIND", length = 16, nullable = false, updatable = false)
    private BoxKind kind;

    @Column(name = "X", nullable = false)
    private double x;

    @Column(name = "Y", nullable = false)
    private double y;

    @Column(name = "WIDTH", nullable = false)
    private double width;

    @Column(name = "HEIGHT", nullable = false)
    private double height;

    @Column(name = "Z", nullable = false)
    private int z;

    /* A CLOB read and written as a plain string (see the blog's PostEntity for why not @Lob). */
    @Column(name = "CONTENT", columnDefinition = "CLOB")
    private String content;

    @Column(name = "MEDIA_ID", length = 36)
    private String mediaId;

    @Column(name = "EMBED_PROVIDER", length = 16)
    private String embedProvider;

    @Column(name = "EMBED_VIDEO_ID", length = 64)
    private String embedVideoId;

    @Column(name = "UPDATED_AT", nullable = false)
    private Instant updatedAt;

    protected BoxEntity() {
        // for JPA
    }

    public BoxEntity(String id, String pageId, BoxKind kind, Instant now) {
        this.id = id;
        this.pageId = pageId;
        this.kind = kind;
        this.updatedAt = now;
    }

    /** @return a copy of this box on another page, under a new id */
    public BoxEntity copyTo(String newId, String newPageId, Instant now) {
        BoxEntity copy = new BoxEntity(newId, newPageId, kind, now);
        copy.place(geometry(), now);
        copy.fill(content, mediaId, embedProvider, embedVideoId, now);
        return copy;
    }

    public String id() {
        return id;
    }

    public String pageId() {
        return pageId;
    }

    public BoxKind kind() {
        return kind;
    }

    public Geometry geometry() {
        return new Geometry(x, y, width, height, z);
    }

    public String content() {
        return content;
    }

    public String mediaId() {
        return mediaId;
    }

    public String embedProvider() {
        return embedProvider;
    }

    public String embedVideoId() {
        return embedVideoId;
    }

    public Instant updatedAt() {
        return updatedAt;
    }

    public void place(Geometry geometry, Instant now) {
        this.x = geometry.x();
        this.y = geometry.y();
        this.width = geometry.width();
        this.height = geometry.height();
        this.z = geometry.z();
        this.updatedAt = now;
    }

    public void fill(String newContent, String newMediaId, String newEmbedProvider, String newEmbedVideoId,
                     Instant now) {
        this.content = newContent;
        this.mediaId = newMediaId;
        this.embedProvider = newEmbedProvider;
        this.embedVideoId = newEmbedVideoId;
        this.updatedAt = now;
    }
}
