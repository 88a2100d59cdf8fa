package org.cartable.homework.internal;

import java.io.Serializable;
import java.time.Instant;
import java.time.LocalDate;

/**
 * An entry of the diary as one caller sees it.
 *
 * @param seriesId   the series of a recurring entry, or null
 * @param frequency  how the series recurs ({@link Frequency#ONCE} for a single entry)
 * @param content    sanitised HTML (may be empty)
 * @param dueDate    when the work is due, or null when there is nothing to do
 * @param done       for a pupil (or a parent looking at a child): whether that pupil ticked it; null for staff
 * @param doneCount  for staff: how many of the class's pupils ticked it; null for others
 * @param pupilCount for staff: how many pupils the class has; null for others
 * @param mayEdit    whether the caller may change or delete it
 */
public record Entry(String id, String classId, String seriesId, Frequency frequency, LocalDate date, Subject subject,
                    String title, String content, LocalDate dueDate, String authorId, String authorName,
                    Instant updatedAt, Boolean done, Integer doneCount, Integer pupilCount, boolean mayEdit)
        implements Serializable {

    /** @return whether there is work to do (and so something to tick) */
    public boolean hasWork() {
        return dueDate != null;
    }
}
