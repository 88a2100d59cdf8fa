package org.cartable.api.audit;

import org.osgi.annotation.versioning.ProviderType;

/**
 * Records security-relevant events in the platform's append-only audit log. There is deliberately no way to change
 * or remove an entry. Apps get it as a DS reference (make it optional and dynamic if the app must keep working while
 * the platform restarts the service).
 */
@ProviderType
public interface AuditLog {

    /**
     * Appends the event, stamped with the current time. Runs in the caller's transaction when there is one, so an
     * event whose write is rolled back leaves no entry; otherwise in a transaction of its own.
     *
     * @throws IllegalArgumentException if the type is not a lower-case dotted name (see {@link AuditEvent})
     */
    void record(AuditEvent event);
}
