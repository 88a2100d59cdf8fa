package org.cartable.liaison.internal;

import java.io.Serializable;
import java.util.List;

/** The staff's follow-up of a word: per addressed pupil, who confirmed and when, and the replies. */
public record FollowUp(Word word, List<PupilStatus> pupils) implements Serializable {

    public FollowUp {
        pupils = List.copyOf(pupils);
    }

    /**
     * @param hasParentAccount whether any parent account is linked to the pupil (if not, a paper slip is the way)
     */
    public record PupilStatus(String pupilId, String pupilName, boolean hasParentAccount,
                              List<Confirmation> confirmations, List<Reply> replies) implements Serializable {
        public PupilStatus {
            confirmations = List.copyOf(confirmations);
            replies = List.copyOf(replies);
        }

        public boolean confirmed() {
            return !confirmations.isEmpty();
        }

        /** Pupils whose family gets a paper slip: no parent account, or nobody confirmed yet. */
        public boolean needsSlip() {
            return !hasParentAccount || confirmations.isEmpty();
        }
    }
}
