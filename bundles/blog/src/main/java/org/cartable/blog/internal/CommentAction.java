package org.cartable.blog.internal;

/** What the caller may do with a comment right now. */
public enum CommentAction {
    APPROVE,
    DELETE
}
