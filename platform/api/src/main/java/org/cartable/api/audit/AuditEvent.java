package org.cartable.api.audit;

import java.util.Objects;
import java.util.regex.Pattern;

import org.cartable.api.Caller;

/**
 * One security-relevant event. Never put secrets (passwords, tokens) or content (messages, marks) in it: who did
 * what to which object is enough.
 *
 * @param type       what happened, a lower-case dotted name such as {@link AuditTypes#LOGIN_SUCCESS}; apps use
 *                   their app id as the first segment ({@code liaison.acknowledgement})
 * @param actorId    the person who acted, or null (an unknown login, the system)
 * @param actorLogin their login as typed or known, or null
 * @param target     the object acted on (a class id and app id, a feature, a person id...), or null
 * @param detail     a short free text (counts, old and new value), or null; cut at 1000 characters
 * @param address    the client address, or null
 */
public record AuditEvent(String type, String actorId, String actorLogin, String target, String detail,
                         String address) {

    /** Lower-case segments separated by dots, 2 to 60 characters. */
    public static final Pattern TYPE = Pattern.compile("[a-z][a-z0-9_-]*(\\.[a-z0-9_-]+)*");

    public AuditEvent {
        Objects.requireNonNull(type, "type");
        if (type.length() < 2 || type.length() > 60 || !TYPE.matcher(type).matches()) {
            throw new IllegalArgumentException("Invalid audit event type: " + type);
        }
    }

    /** An event done by a signed-in person (or by the system when the caller is null). */
    public static AuditEvent by(Caller caller, String type) {
        return caller == null ? new AuditEvent(type, null, null, null, null, null)
                : new AuditEvent(type, caller.userId(), caller.login(), null, null, null);
    }

    /** An event without a known person. */
    public static AuditEvent of(String type) {
        return new AuditEvent(type, null, null, null, null, null);
    }

    public AuditEvent on(String newTarget) {
        return new AuditEvent(type, actorId, actorLogin, newTarget, detail, address);
    }

    public AuditEvent detail(String newDetail) {
        return new AuditEvent(type, actorId, actorLogin, target, newDetail, address);
    }

    public AuditEvent from(String newAddress) {
        return new AuditEvent(type, actorId, actorLogin, target, detail, newAddress);
    }

    public AuditEvent actor(String id, String login) {
        return new AuditEvent(type, id, login, target, detail, address);
    }
}
