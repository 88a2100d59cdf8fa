package org.cartable.core.internal.directory;

import java.time.LocalDate;
import java.time.Month;

/** French school years run from September to the next summer, written "2026-2027". */
public final class SchoolYears {

    private SchoolYears() {
    }

    /** @return the school year that the day belongs to; the switch happens on 1 September */
    public static String of(LocalDate day) {
        int startYear = day.getMonthValue() >= Month.SEPTEMBER.getValue() ? day.getYear() : day.getYear() - 1;
        return label(startYear);
    }

    /** @return the school year before the given one */
    public static String previous(String schoolYear) {
        return label(startYear(schoolYear) - 1);
    }

    /** @return the 1 September that opens the school year */
    public static LocalDate firstDay(String schoolYear) {
        return LocalDate.of(startYear(schoolYear), Month.SEPTEMBER, 1);
    }

    private static int startYear(String schoolYear) {
        return Integer.parseInt(schoolYear.substring(0, 4));
    }

    private static String label(int startYear) {
        return startYear + "-" + (startYear + 1);
    }
}
