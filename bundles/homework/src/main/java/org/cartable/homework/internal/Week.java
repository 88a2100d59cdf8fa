package org.cartable.homework.internal;

import java.io.Serializable;
import java.time.LocalDate;
import java.util.List;

/**
 * A week of the diary, Monday to Sunday, as one caller sees it.
 *
 * @param pupilId  the pupil whose ticks are shown (the caller, or a parent's child), null for staff
 * @param mayWrite whether the caller writes entries (staff)
 */
public record Week(String classId, LocalDate monday, List<Day> days, String pupilId, boolean mayWrite)
        implements Serializable {

    public Week {
        days = List.copyOf(days);
    }

    /** The entries of one date, in subject order. */
    public record Day(LocalDate date, List<Entry> entries) implements Serializable {

        public Day {
            entries = List.copyOf(entries);
        }
    }
}
