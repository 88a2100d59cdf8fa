package org.cartable.notebook.internal;

import java.io.Serializable;
import java.time.Instant;

/**
 * A notebook as one caller sees it.
 *
 * @param coverMediaId an image of the notebook shown on its cover, or null
 * @param mayEdit      the caller may write in it (pages and boxes)
 * @param mayManage    the caller may rename, share and delete it (its owner and the class's staff)
 */
public record Notebook(String id, String classId, String title, String coverColor, String coverMediaId,
                       String ownerId, String ownerName, Sharing sharing, int pageCount, Instant createdAt,
                       Instant updatedAt, boolean mayEdit, boolean mayManage) implements Serializable {
}
