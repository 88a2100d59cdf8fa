package org.cartable.notebook.internal;

import java.io.Serializable;
import java.time.Instant;

/**
 * An uploaded file as described to callers (its bytes are read through {@code NotebookService#openMedia}).
 *
 * @param contentType as found in the content when uploaded
 * @param name        the uploader's file name, for display and downloads only
 */
public record MediaInfo(String id, String notebookId, String contentType, BoxKind kind, long size, String name,
                        Instant createdAt) implements Serializable {

    /** @return the usual file extension of the content type, with its dot */
    public String extension() {
        return MediaType.extensionOf(contentType);
    }
}
