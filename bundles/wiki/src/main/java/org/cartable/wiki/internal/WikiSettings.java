package org.cartable.wiki.internal;

import java.io.Serializable;

/**
 * Settings of one class's wiki.
 *
 * @param teachersOnly whether only the class's teachers (and director) edit pages; pupils still read and comment
 */
public record WikiSettings(boolean teachersOnly) implements Serializable {

    /** Until a teacher changes them: pupils edit too. */
    public static final WikiSettings DEFAULTS = new WikiSettings(false);
}
