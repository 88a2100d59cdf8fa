package org.cartable.wiki.internal;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

import org.cartable.api.CartableException;

/**
 * A save based on a version that is no longer the latest: someone saved in between. Nothing was written; the REST
 * API answers 409 with the message, the editor keeps the writer's text and offers the comparison.
 */
public final class EditConflict extends CartableException {

    private static final long serialVersionUID = 1L;
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm")
            .withZone(ZoneId.of("Europe/Paris"));

    private final int baseVersion;
    private final int latestVersion;
    private final String latestAuthorName;
    private final Instant latestSavedAt;

    EditConflict(int baseVersion, int latestVersion, String latestAuthorName, Instant latestSavedAt) {
        super(Kind.CONFLICT, latestAuthorName + " saved version " + latestVersion + " of this page on "
                + WHEN.format(latestSavedAt) + " (Paris time), after the version " + baseVersion
                + " you started from. Your text was not saved: compare both versions, then save again.");
        this.baseVersion = baseVersion;
        this.latestVersion = latestVersion;
        this.latestAuthorName = latestAuthorName;
        this.latestSavedAt = latestSavedAt;
    }

    public int baseVersion() {
        return baseVersion;
    }

    public int latestVersion() {
        return latestVersion;
    }

    public String latestAuthorName() {
        return latestAuthorName;
    }

    public Instant latestSavedAt() {
        return latestSavedAt;
    }
}
