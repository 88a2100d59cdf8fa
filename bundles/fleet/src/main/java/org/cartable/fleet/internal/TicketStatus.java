package org.cartable.fleet.internal;

import java.util.EnumSet;
import java.util.Set;

/**
 * A maintenance ticket's workflow: NEW ─assign▶ ASSIGNED ─plan▶ PLANNED; ASSIGNED/PLANNED ─wait▶ PENDING (waiting
 * for a part, the school...); ASSIGNED/PLANNED/PENDING ─solve▶ SOLVED ─close▶ CLOSED; SOLVED ─reopen▶ ASSIGNED.
 * A ticket may be reassigned while it is not solved.
 */
public enum TicketStatus {
    NEW, ASSIGNED, PLANNED, PENDING, SOLVED, CLOSED;

    /** @return whether the ticket still waits for work */
    public boolean open() {
        return this != SOLVED && this != CLOSED;
    }

    /** The actions on a ticket and the statuses they start from. */
    public enum Action {
        ASSIGN(EnumSet.of(NEW, ASSIGNED, PLANNED, PENDING)),
        PLAN(EnumSet.of(ASSIGNED, PLANNED, PENDING)),
        WAIT(EnumSet.of(ASSIGNED, PLANNED)),
        SOLVE(EnumSet.of(ASSIGNED, PLANNED, PENDING)),
        CLOSE(EnumSet.of(SOLVED)),
        REOPEN(EnumSet.of(SOLVED)),
        NOTE(EnumSet.of(NEW, ASSIGNED, PLANNED, PENDING, SOLVED));

        private final Set<TicketStatus> from;

        Action(Set<TicketStatus> from) {
            this.from = from;
        }

        public boolean allowedFrom(TicketStatus status) {
            return from.contains(status);
        }

        /** Technicians' actions; CLOSE, REOPEN and NOTE are also the school's. */
        public boolean technicianOnly() {
            return this == ASSIGN || this == PLAN || this == WAIT || this == SOLVE;
        }
    }
}
