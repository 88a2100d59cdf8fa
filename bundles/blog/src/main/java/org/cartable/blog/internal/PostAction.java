package org.cartable.blog.internal;

/** What the caller may do with a post right now; the UI shows exactly these buttons. */
public enum PostAction {
    EDIT,
    DELETE,
    SUBMIT,
    PUBLISH,
    UNPUBLISH,
    PIN,
    COMMENT
}
