package org.cartable.notebook.internal;

import java.nio.file.Path;

/** A stored file the caller may read: what it is and where its bytes are. */
public record MediaFile(MediaInfo info, Path path) {
}
