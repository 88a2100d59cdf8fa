package org.cartable.blog.internal;

/** Life of a post: pupils' posts wait in SUBMITTED for a teacher, teachers publish directly. */
public enum PostStatus {
    DRAFT,
    SUBMITTED,
    PUBLISHED
}
