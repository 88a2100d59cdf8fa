package org.cartable.billing.internal;

import java.io.Serializable;

/**
 * Where the billing run of a school year stands.
 *
 * @param done     collectivities handled so far
 * @param total    collectivities to handle
 * @param created  drafts created or replaced
 * @param skipped  collectivities left alone: already invoiced (issued) or no pupil
 * @param message  why the run failed, when it did
 */
public record RunProgress(int year, State state, int done, int total, int created, int skipped, String message)
        implements Serializable {

    /** NONE: no run since the service started. */
    public enum State { NONE, RUNNING, DONE, FAILED }

    public static RunProgress none(int year) {
        return new RunProgress(year, State.NONE, 0, 0, 0, 0, null);
    }

    public int percent() {
        return total == 0 ? (state == State.DONE ? 100 : 0) : done * 100 / total;
    }
}
