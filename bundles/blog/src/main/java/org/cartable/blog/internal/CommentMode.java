package org.cartable.blog.internal;

/** How a class's blog takes comments. */
public enum CommentMode {
    /** No comments at all. */
    NONE,
    /** Comments appear at once. */
    IMMEDIATE,
    /** Comments wait for a teacher's approval, except the staff's own. */
    APPROVAL
}
