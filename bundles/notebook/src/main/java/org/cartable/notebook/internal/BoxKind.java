package org.cartable.notebook.internal;

/** What a box holds. IMAGE, AUDIO and VIDEO hold an uploaded file; EMBED a video of a known site. */
public enum BoxKind {
    TEXT, IMAGE, AUDIO, VIDEO, EMBED;

    /** @return whether the box shows an uploaded file */
    public boolean isMedia() {
        return this == IMAGE || this == AUDIO || this == VIDEO;
    }
}
