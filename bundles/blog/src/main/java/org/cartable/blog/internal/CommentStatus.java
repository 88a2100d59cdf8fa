package org.cartable.blog.internal;

/** A comment is PENDING while it waits for a teacher's approval (comment mode APPROVAL). */
public enum CommentStatus {
    APPROVED,
    PENDING
}
