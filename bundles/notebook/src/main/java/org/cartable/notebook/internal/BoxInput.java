package org.cartable.notebook.internal;

/**
 * What a caller gives for a new or changed box.
 *
 * @param content  the HTML of a TEXT box (sanitised before it is stored), the caption of a media box, or null
 * @param mediaId  a file uploaded into the same notebook, of the box's kind (media boxes)
 * @param embedUrl the address of the video (EMBED boxes)
 */
public record BoxInput(BoxKind kind, Geometry geometry, String content, String mediaId, String embedUrl) {
}
