package org.cartable.blog.internal.data;

import java.time.Instant;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.EnumType;
import javax.persistence.Enumerated;
import javax.persistence.Id;
import javax.persistence.Table;

import org.cartable.blog.internal.CommentStatus;

/**
 * A comment on a post. It holds the post id rather than a JPA relation: comments are always read through their
 * post's class check, and plain columns keep Hibernate from generating lazy proxies.
 */
@Entity
@Table(name = "BLOG_COMMENT")
public class CommentEntity {

    @Id
    @Column(name = "ID", length = 36)
    private String id;

    @Column(name = "POST_ID", length = 36, nullable = false, updatable = false)
    private String postId;

    @Column(name = "AUTHOR_ID", length = 64, nullable = false, updatable = false)
    private String authorId;

    @Column(name = "BODY", length = 5000, nullable = false)
    private String body;

    @Enumerated(EnumType.STRING)
    @Column(name = "STATUS", length = 16, nullable = false)
    private CommentStatus status;

    @Column(name = "CREATED_AT", nullable = false, updatable = false)
    private Instant createdAt;

    protected CommentEntity() {
        // for JPA
    }

    public CommentEntity(String id, String postId, String authorId, String body, CommentStatus status,
                         Instant now) {
        this.id = id;
        this.postId = postId;
        this.authorId = authorId;
        this.body = body;
        this.status = status;
        this.createdAt = now;
    }

    public String id() {
        return id;
    }

    public String postId() {
        return postId;
    }

    public String authorId() {
        return authorId;
    }

    public String body() {
        return body;
    }

    public CommentStatus status() {
        return status;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public void approve() {
        this.status = CommentStatus.APPROVED;
    }
}
