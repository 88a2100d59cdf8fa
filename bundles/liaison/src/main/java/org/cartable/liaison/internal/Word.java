package org.cartable.liaison.internal;

import java.io.Serializable;
import java.time.Instant;

/**
 * A word as one caller sees it.
 *
 * @param body     sanitised HTML
 * @param editedAt when the text was last corrected (shown as "corrigé le ..."), null if never
 * @param counts   for the staff: how many addressed pupils have a confirmation; null for families
 * @param child    for a parent: the state for the child they act for; null otherwise
 */
public record Word(String id, String classId, String title, String body, Category category, String authorId,
                   String authorName, boolean wholeClass, boolean ackRequired, boolean repliesAllowed,
                   Instant createdAt, Instant editedAt, Instant lastReminderAt, Counts counts, ChildState child)
        implements Serializable {

    /** x / total: pupils with at least one parent's confirmation, out of the addressed pupils. */
    public record Counts(int confirmed, int total) implements Serializable {
    }

    /**
     * The word for one child of the calling parent.
     *
     * @param read          some parent of the child confirmed it
     * @param confirmations every parent's confirmation for the child, oldest first
     * @param myReply       the calling parent's reply, or null
     * @param confirmedByMe the calling parent confirmed it (confirming again changes nothing)
     */
    public record ChildState(String pupilId, String pupilName, boolean read, java.util.List<Confirmation> confirmations,
                             Reply myReply, boolean confirmedByMe) implements Serializable {
        public ChildState {
            confirmations = java.util.List.copyOf(confirmations);
        }
    }

    public boolean mayReply() {
        return child != null && repliesAllowed;
    }
}
