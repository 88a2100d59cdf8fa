package org.cartable.homework.internal;

/** How often an entry comes back: once, every week, or every two weeks, over a date range. */
public enum Frequency {
    ONCE(0),
    WEEKLY(7),
    BIWEEKLY(14);

    private final int days;

    Frequency(int days) {
        this.days = days;
    }

    /** @return days between two occurrences (0 for a single entry) */
    public int days() {
        return days;
    }
}
