package org.cartable.core.internal.directory;

import java.time.LocalDate;
import java.time.Month;
import java.util.regex.Pattern;

import org.cartable.api.CartableException;

/** French school years run from September to the next summer, written "2026-2027". */
public final class SchoolYears {

    private static final Pattern LABEL = Pattern.compile("\\d{4}-\\d{4}");

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

    /**
     * Checks a school year named by an import: well written and not over on {@code today}.
     *
     * @return its first day (it may still be to come)
     */
    public static LocalDate requireOpen(String schoolYear, LocalDate today) {
        if (schoolYear == null || !LABEL.matcher(schoolYear).matches()
                || Integer.parseInt(schoolYear.substring(5)) != startYear(schoolYear) + 1) {
            throw CartableException.badRequest("Invalid school year '" + schoolYear + "': write it like 2026-2027.");
        }
        LocalDate first = firstDay(schoolYear);
        if (!today.isBefore(first.plusYears(1))) {
            throw CartableException.badRequest("The school year " + schoolYear + " is over.");
        }
        return first;
    }

    private static int startYear(String schoolYear) {
        return Integer.parseInt(schoolYear.substring(0, 4));
    }

    private static String label(int startYear) {
        return startYear + "-" + (startYear + 1);
    }
}
