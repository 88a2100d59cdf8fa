package org.cartable.notebook.internal;

import java.io.Serializable;
import java.time.Instant;
import java.util.List;

/**
 * A page with its boxes, lowest first (the order they are drawn in).
 *
 * @param position 0 for the first page
 * @param lock     the live edit lock, or null when nobody is editing the page
 */
public record Page(String id, String notebookId, int position, String title, Instant updatedAt, List<Box> boxes,
                   PageLock lock) implements Serializable {

    public Page {
        boxes = List.copyOf(boxes);
    }
}
