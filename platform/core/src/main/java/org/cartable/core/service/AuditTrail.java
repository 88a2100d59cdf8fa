package org.cartable.core.service;

import java.time.Instant;
import java.util.List;

import org.cartable.api.Caller;
import org.osgi.annotation.versioning.ProviderType;

/** Reading the audit log: operators and platform administrators only. */
@ProviderType
public interface AuditTrail {

    int MAX_LIMIT = 500;

    /**
     * A filter; every part is optional (null).
     *
     * @param from   entries at or after this instant
     * @param to     entries strictly before this instant
     * @param type   exact event type, or a prefix ending with a dot ({@code login.})
     * @param actor  exact login (case-insensitive) or person id of the actor
     * @param before only entries older than this sequence number (the cursor of the previous page)
     * @param limit  page size, 1 to {@link #MAX_LIMIT}
     */
    record Query(Instant from, Instant to, String type, String actor, Long before, int limit) {
    }

    /** One entry as read back. */
    record Entry(long seq, Instant at, String type, String actorId, String actorLogin, String target, String detail,
                 String address) {
    }

    /**
     * @param next the cursor ({@code before}) of the following page, or null on the last one
     */
    record Page(List<Entry> entries, Long next) {
    }

    /**
     * @return the matching entries, newest first
     * @throws org.cartable.api.CartableException FORBIDDEN unless the caller is an operator or platform administrator;
     *                                            BAD_REQUEST for a limit out of range or {@code from} after {@code to}
     */
    Page read(Caller caller, Query query);
}
