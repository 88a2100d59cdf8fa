package org.cartable.homework.internal;

import java.io.Serializable;
import java.time.LocalDate;

/**
 * What a teacher writes. For a new entry, {@code frequency} and {@code until} say how it recurs; they are ignored
 * when an existing entry is changed.
 *
 * @param content   rich text, sanitised before it is stored; may be empty
 * @param dueDate   when the work is due (after {@code date}), or null
 * @param frequency null or {@link Frequency#ONCE} for a single entry
 * @param until     last possible date of a recurring entry (inclusive)
 */
public record EntryInput(LocalDate date, Subject subject, String title, String content, LocalDate dueDate,
                         Frequency frequency, LocalDate until) implements Serializable {

    /** A single entry. */
    public static EntryInput once(LocalDate date, Subject subject, String title, String content, LocalDate dueDate) {
        return new EntryInput(date, subject, title, content, dueDate, Frequency.ONCE, null);
    }
}
