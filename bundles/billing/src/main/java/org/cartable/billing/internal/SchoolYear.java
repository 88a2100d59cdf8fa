package org.cartable.billing.internal;

import java.time.LocalDate;
import java.time.Month;

/** School years are named by their first calendar year: 2026 is 2026-2027, from 1 September to 31 August. */
public final class SchoolYear {

    private SchoolYear() {
    }

    public static int of(LocalDate day) {
        return day.getMonthValue() >= Month.SEPTEMBER.getValue() ? day.getYear() : day.getYear() - 1;
    }

    public static String label(int year) {
        return year + "-" + (year + 1);
    }

    public static boolean contains(int year, LocalDate day) {
        return of(day) == year;
    }
}
