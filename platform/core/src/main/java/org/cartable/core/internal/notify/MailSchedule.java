package org.cartable.core.internal.notify;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

/**
 * When a mail may go out: quiet hours (possibly spanning midnight) hold mails back until they end, and a daily
 * digest goes out at a fixed local time.
 */
final class MailSchedule {

    static final DateTimeFormatter HH_MM = DateTimeFormatter.ofPattern("HH:mm")
            .withResolverStyle(java.time.format.ResolverStyle.STRICT);

    private MailSchedule() {
    }

    /** @return the time, or null when the text is not a valid {@code HH:mm} */
    static LocalTime parse(String text) {
        if (text == null || !text.matches("\\d{2}:\\d{2}")) {
            return null;
        }
        try {
            return LocalTime.parse(text, HH_MM);
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    /** Quiet from {@code from} (included) to {@code to} (excluded); equal bounds or nulls mean no quiet hours. */
    static boolean isQuiet(LocalTime time, LocalTime from, LocalTime to) {
        if (from == null || to == null || from.equals(to)) {
            return false;
        }
        if (from.isBefore(to)) {
            return !time.isBefore(from) && time.isBefore(to);
        }
        return !time.isBefore(from) || time.isBefore(to);
    }

    /** @return {@code at} itself, or the end of the quiet hours it falls in */
    static Instant release(Instant at, ZoneId zone, LocalTime from, LocalTime to) {
        ZonedDateTime local = at.atZone(zone);
        if (!isQuiet(local.toLocalTime(), from, to)) {
            return at;
        }
        ZonedDateTime end = local.toLocalDate().atTime(to).atZone(zone);
        if (!end.isAfter(local)) {
            end = local.toLocalDate().plusDays(1).atTime(to).atZone(zone);
        }
        return end.toInstant();
    }

    /**
     * @return when the digest holding an item created at {@code created} goes out: that day's digest time, or the
     *         next day's once it has passed, deferred to the end of the quiet hours if it falls in them
     */
    static Instant digestTime(Instant created, ZoneId zone, LocalTime digestAt, LocalTime from, LocalTime to) {
        ZonedDateTime local = created.atZone(zone);
        LocalDate day = local.toLocalDate();
        ZonedDateTime candidate = day.atTime(digestAt).atZone(zone);
        if (candidate.isBefore(local)) {
            candidate = day.plusDays(1).atTime(digestAt).atZone(zone);
        }
        return release(candidate.toInstant(), zone, from, to);
    }
}
