package org.cartable.wiki.internal;

import java.io.Serializable;

/**
 * Two versions of a page compared word by word.
 *
 * @param html    the newer text with additions in {@code <ins>} and deletions in {@code <del>}; everything else is
 *                escaped text and {@code <br>}
 * @param added   words added
 * @param removed words removed
 */
public record Comparison(String pageId, VersionInfo from, VersionInfo to, String html, int added, int removed)
        implements Serializable {
}
