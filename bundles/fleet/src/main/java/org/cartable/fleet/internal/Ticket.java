package org.cartable.fleet.internal;

import java.io.Serializable;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

/**
 * A maintenance ticket as the caller sees it.
 *
 * @param actions what the caller may do with it now
 */
public record Ticket(String id, String deviceId, String deviceTag, DeviceKind deviceKind, String schoolId,
                     String schoolName, String openedBy, String openedByName, String problem, TicketStatus status,
                     String technicianId, String technicianName, LocalDate plannedOn, Instant openedAt,
                     Instant assignedAt, Instant solvedAt, Instant closedAt, Integer satisfaction, int minutesSpent,
                     boolean hasPhoto, Targets targets, Set<TicketStatus.Action> actions) implements Serializable {

    public Ticket {
        actions = Set.copyOf(actions);
    }

    /**
     * The ticket against its targets, in school working days after the day it was opened.
     *
     * @param ownBy         last day to take it in charge
     * @param resolveBy     last day to solve it
     * @param daysToOwn     working days until it was assigned (until today while it is not)
     * @param daysToResolve working days until it was solved (until today while it is not)
     * @param lateToOwn     assigned after {@code ownBy}, or still not assigned after it
     * @param lateToResolve solved after {@code resolveBy}, or still not solved after it
     */
    public record Targets(LocalDate ownBy, LocalDate resolveBy, int daysToOwn, int daysToResolve, boolean lateToOwn,
                          boolean lateToResolve) implements Serializable {

        public boolean late() {
            return lateToOwn || lateToResolve;
        }
    }

    /** A ticket with its follow-up, oldest first. */
    public record Detail(Ticket ticket, List<Note> notes) implements Serializable {
        public Detail {
            notes = List.copyOf(notes);
        }
    }

    /** A follow-up line. */
    public record Note(Instant at, String authorId, String authorName, TicketStatus.Action action, String text,
                       int minutes) implements Serializable {
    }

    /** A ticket's photo. */
    public record Photo(String contentType, byte[] data) {
    }
}
