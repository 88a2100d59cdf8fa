package org.cartable.wiki.internal;

/** What the caller may do with a page right now; the UI shows exactly these buttons, the service checks again. */
public enum PageAction {
    /** Change the title and content, restore an older version, create child pages, move the page. */
    EDIT,
    /** Delete the page (not the home page, not a page with children). */
    DELETE,
    /** Comment on the page. */
    COMMENT
}
