package org.cartable.fleet.internal;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.MonthDay;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * School working days: Monday to Friday, minus French public holidays (fixed ones and those following Easter: Easter
 * Monday, Ascension Thursday, Whit Monday) and the configured school holidays. Ticket targets count these days.
 */
public final class WorkingDays {

    private static final Set<MonthDay> FIXED_HOLIDAYS = Set.of(
            MonthDay.of(1, 1), MonthDay.of(5, 1), MonthDay.of(5, 8), MonthDay.of(7, 14), MonthDay.of(8, 15),
            MonthDay.of(11, 1), MonthDay.of(11, 11), MonthDay.of(12, 25));

    private final List<Period> schoolHolidays;

    public WorkingDays(List<Period> schoolHolidays) {
        this.schoolHolidays = List.copyOf(schoolHolidays);
    }

    /** Inclusive range of school holidays. */
    public record Period(LocalDate first, LocalDate last) {

        /**
         * @param text "2026-12-19..2027-01-03"
         * @throws IllegalArgumentException for anything else
         */
        public static Period parse(String text) {
            String[] bounds = text.strip().split("\\.\\.");
            if (bounds.length != 2) {
                throw new IllegalArgumentException("School holidays must read 'yyyy-mm-dd..yyyy-mm-dd': " + text);
            }
            Period period = new Period(LocalDate.parse(bounds[0].strip()), LocalDate.parse(bounds[1].strip()));
            if (period.last.isBefore(period.first)) {
                throw new IllegalArgumentException("School holidays end before they start: " + text);
            }
            return period;
        }

        boolean contains(LocalDate day) {
            return !day.isBefore(first) && !day.isAfter(last);
        }
    }

    /** @return the parsed periods of a list of "first..last" texts, blanks ignored */
    public static List<Period> periods(String[] texts) {
        List<Period> periods = new ArrayList<>();
        for (String text : texts == null ? new String[0] : texts) {
            if (text != null && !text.isBlank()) {
                periods.add(Period.parse(text));
            }
        }
        return periods;
    }

    /** @return Easter Sunday of that year (anonymous Gregorian algorithm) */
    public static LocalDate easter(int year) {
        int a = year % 19;
        int b = year / 100;
        int c = year % 100;
        int d = b / 4;
        int e = b % 4;
        int f = (b + 8) / 25;
        int g = (b - f + 1) / 3;
        int h = (19 * a + b - d - g + 15) % 30;
        int i = c / 4;
        int k = c % 4;
        int l = (32 + 2 * e + 2 * i - h - k) % 7;
        int m = (a + 11 * h + 22 * l) / 451;
        int month = (h + l - 7 * m + 114) / 31;
        int day = ((h + l - 7 * m + 114) % 31) + 1;
        return LocalDate.of(year, month, day);
    }

    public static boolean isPublicHoliday(LocalDate day) {
        if (FIXED_HOLIDAYS.contains(MonthDay.from(day))) {
            return true;
        }
        LocalDate easter = easter(day.getYear());
        return day.equals(easter.plusDays(1)) || day.equals(easter.plusDays(39)) || day.equals(easter.plusDays(50));
    }

    public boolean isWorkingDay(LocalDate day) {
        DayOfWeek weekday = day.getDayOfWeek();
        return weekday != DayOfWeek.SATURDAY && weekday != DayOfWeek.SUNDAY && !isPublicHoliday(day)
                && schoolHolidays.stream().noneMatch(p -> p.contains(day));
    }

    /** @return the n-th working day after {@code start} ({@code start} itself when n is 0) */
    public LocalDate plus(LocalDate start, int n) {
        LocalDate day = start;
        int left = n;
        while (left > 0) {
            day = day.plusDays(1);
            if (isWorkingDay(day)) {
                left--;
            }
        }
        return day;
    }

    /** @return the working days after {@code from} up to and including {@code to} (0 when to is not after from) */
    public int between(LocalDate from, LocalDate to) {
        int count = 0;
        for (LocalDate day = from.plusDays(1); !day.isAfter(to); day = day.plusDays(1)) {
            if (isWorkingDay(day)) {
                count++;
            }
        }
        return count;
    }
}
