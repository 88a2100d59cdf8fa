package org.cartable.blog.internal.data;

import java.time.Instant;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.EnumType;
import javax.persistence.Enumerated;
import javax.persistence.Id;
import javax.persistence.Table;

import org.cartable.blog.internal.CommentMode;

/** Settings of one class's blog. No row means the defaults. */
@Entity
@Table(name = "BLOG_BLOG")
public class BlogEntity {

    @Id
    @Column(name = "CLASS_ID", length = 64)
    private String classId;

    @Enumerated(EnumType.STRING)
    @Column(name = "COMMENT_MODE", length = 16, nullable = false)
    private CommentMode commentMode;

    @Column(name = "PUPILS_PUBLISH_DIRECTLY", nullable = false)
    private boolean pupilsPublishDirectly;

    @Column(name = "UPDATED_AT", nullable = false)
    private Instant updatedAt;

    protected BlogEntity() {
        // for JPA
    }

    public BlogEntity(String classId) {
        this.classId = classId;
    }

    public String classId() {
        return classId;
    }

    public CommentMode commentMode() {
        return commentMode;
    }

    public boolean pupilsPublishDirectly() {
        return pupilsPublishDirectly;
    }

    public void update(CommentMode mode, boolean publishDirectly, Instant now) {
        this.commentMode = mode;
        this.pupilsPublishDirectly = publishDirectly;
        this.updatedAt = now;
    }
}
