package org.cartable.api;

import org.osgi.annotation.versioning.ProviderType;

/** Cleans user-supplied rich text before it is stored or shown. */
@ProviderType
public interface HtmlSanitizer {

    /**
     * @return the HTML with only formatting, lists, links (http, https, mailto), images (http, https, data) and
     *         tables kept; scripts, event handlers, styles and unknown elements removed. Null gives "".
     */
    String sanitize(String html);
}
