package org.cartable.wiki.internal;

import java.io.Serializable;
import java.time.Instant;
import java.util.List;
import java.util.Set;

/**
 * A page as one caller sees it.
 *
 * @param content       the stored, sanitised HTML with its {@code [[links]]} as written (what the editor shows)
 * @param html          the content with its links resolved to pages, for reading
 * @param version       number of the latest version, the base of the next save; 0 for a home page never written
 * @param updatedByName who saved the latest version, null if nobody did
 * @param ancestors     from the home page down to the parent
 * @param actions       what this caller may do with the page now
 */
public record WikiPage(String id, String classId, String title, String content, String html, String parentId,
                       int position, boolean home, int version, Instant updatedAt, String updatedById,
                       String updatedByName, List<PageRef> ancestors, List<PageRef> children,
                       List<Comment> comments, Set<PageAction> actions) implements Serializable {

    public WikiPage {
        ancestors = List.copyOf(ancestors);
        children = List.copyOf(children);
        comments = List.copyOf(comments);
        actions = Set.copyOf(actions);
    }

    public boolean may(PageAction action) {
        return actions.contains(action);
    }
}
