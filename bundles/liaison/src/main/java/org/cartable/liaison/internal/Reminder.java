package org.cartable.liaison.internal;

import java.io.Serializable;
import java.time.Instant;

/**
 * A reminder that went out.
 *
 * @param pupils    addressed pupils whose parents were reminded (nobody had confirmed for them)
 * @param delivered people who received it, or -1 when the notification service is not running
 */
public record Reminder(int pupils, Instant sentAt, int delivered) implements Serializable {
}
