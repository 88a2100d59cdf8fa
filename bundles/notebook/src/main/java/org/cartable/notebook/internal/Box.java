package org.cartable.notebook.internal;

import java.io.Serializable;

/**
 * A box as shown.
 *
 * @param content sanitised HTML of a TEXT box; the caption of a media box (plain text), or null
 * @param media   the file of an IMAGE, AUDIO or VIDEO box, else null
 * @param embed   the video of an EMBED box, else null
 */
public record Box(String id, String pageId, BoxKind kind, Geometry geometry, String content, MediaInfo media,
                  Embed embed) implements Serializable {
}
