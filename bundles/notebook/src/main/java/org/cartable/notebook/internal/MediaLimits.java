package org.cartable.notebook.internal;

import java.io.Serializable;

/** The largest file accepted per kind, in bytes. */
public record MediaLimits(long image, long audio, long video) implements Serializable {

    public static final MediaLimits DEFAULTS = new MediaLimits(5L << 20, 20L << 20, 50L << 20);

    /** @return the limit for content of this type */
    public long forType(String contentType) {
        return switch (MediaType.kindOf(contentType)) {
            case IMAGE -> image;
            case AUDIO -> audio;
            default -> video;
        };
    }

    /** @return the largest of the limits, which the REST transport must at least allow */
    public long largest() {
        return Math.max(image, Math.max(audio, video));
    }
}
