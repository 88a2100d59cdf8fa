package org.cartable.homework.internal.calendar;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Locale;

import org.cartable.homework.internal.PlainText;
import org.cartable.homework.internal.Texts;
import org.cartable.homework.internal.calendar.CalendarFeeds.Calendar;
import org.cartable.homework.internal.data.EntryEntity;

/**
 * Writes a feed as RFC 5545 iCalendar: CRLF line ends, content lines folded at 75 octets (never inside a UTF-8
 * sequence), TEXT values escaped, all-day events ({@code DTSTART;VALUE=DATE}). Each entry is an event on its date;
 * work to do is a second event on its due date.
 */
public final class ICalendarWriter {

    public static final String PRODID = "-//Cartable//Cahier de textes 1.0//FR";
    private static final DateTimeFormatter DATE = DateTimeFormatter.BASIC_ISO_DATE;
    private static final DateTimeFormatter UTC_TIME = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'")
            .withZone(ZoneOffset.UTC);
    private static final int FOLD_OCTETS = 75;

    private final StringBuilder out = new StringBuilder();
    private final Locale locale;
    private final Instant stamp;

    private ICalendarWriter(Locale locale, Instant stamp) {
        this.locale = locale;
        this.stamp = stamp.truncatedTo(ChronoUnit.SECONDS);
    }

    /** @return the calendar as iCalendar text; {@code now} is the DTSTAMP of every event */
    public static String write(Calendar calendar, Locale locale, Instant now) {
        return new ICalendarWriter(locale, now).calendar(calendar);
    }

    private String calendar(Calendar calendar) {
        line("BEGIN:VCALENDAR");
        line("VERSION:2.0");
        line("PRODID:" + PRODID);
        line("CALSCALE:GREGORIAN");
        line("METHOD:PUBLISH");
        String name = calendar.childName() == null
                ? Texts.format(locale, "calendar.name", calendar.className())
                : Texts.format(locale, "calendar.name.child", calendar.className(), calendar.childName());
        line("X-WR-CALNAME:" + text(name));
        for (EntryEntity entry : calendar.entries()) {
            entryEvent(entry);
            if (entry.dueDate() != null) {
                dueEvent(entry);
            }
        }
        line("END:VCALENDAR");
        return out.toString();
    }

    private void entryEvent(EntryEntity entry) {
        String subject = Texts.subject(locale, entry.subject());
        String description = PlainText.of(entry.content());
        if (entry.dueDate() != null) {
            String due = Texts.format(locale, "calendar.dueOn", Texts.longDate(locale, entry.dueDate()));
            description = description.isEmpty() ? due : description + "\n" + due;
        }
        event(entry.id() + "@homework.cartable", entry, entry.date(), subject + " : " + entry.title(), description);
    }

    private void dueEvent(EntryEntity entry) {
        String summary = Texts.format(locale, "calendar.due", Texts.subject(locale, entry.subject()), entry.title());
        event(entry.id() + "-due@homework.cartable", entry, entry.dueDate(), summary, PlainText.of(entry.content()));
    }

    private void event(String uid, EntryEntity entry, LocalDate day, String summary, String description) {
        line("BEGIN:VEVENT");
        line("UID:" + text(uid));
        line("DTSTAMP:" + UTC_TIME.format(stamp));
        line("LAST-MODIFIED:" + UTC_TIME.format(entry.updatedAt().truncatedTo(ChronoUnit.SECONDS)));
        line("DTSTART;VALUE=DATE:" + DATE.format(day));
        line("DTEND;VALUE=DATE:" + DATE.format(day.plusDays(1)));
        line("SUMMARY:" + text(summary));
        if (!description.isEmpty()) {
            line("DESCRIPTION:" + text(description));
        }
        line("CATEGORIES:" + text(Texts.subject(locale, entry.subject())));
        // all-day notes, not appointments: they do not make the reader look busy
        line("TRANSP:TRANSPARENT");
        line("END:VEVENT");
    }

    /** RFC 5545 §3.3.11: backslash, semicolon, comma and line breaks are escaped; other controls dropped. */
    static String text(String value) {
        StringBuilder escaped = new StringBuilder(value.length() + 16);
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '\\' -> escaped.append("\\\\");
                case ';' -> escaped.append("\\;");
                case ',' -> escaped.append("\\,");
                case '\n' -> escaped.append("\\n");
                case '\r' -> { }
                default -> {
                    if (c >= 0x20 && c != 0x7f || c == '\t') {
                        escaped.append(c);
                    }
                }
            }
        }
        return escaped.toString();
    }

    /** Appends a content line, folded (CRLF + space) so that no line exceeds 75 octets of UTF-8. */
    private void line(String content) {
        int octets = 0;
        int limit = FOLD_OCTETS;
        for (int i = 0; i < content.length(); ) {
            int codePoint = content.codePointAt(i);
            int size = new String(Character.toChars(codePoint)).getBytes(StandardCharsets.UTF_8).length;
            if (octets + size > limit) {
                out.append("\r\n ");
                octets = 0;
                // the leading space of a continuation line counts towards its 75 octets
                limit = FOLD_OCTETS - 1;
            }
            out.appendCodePoint(codePoint);
            octets += size;
            i += Character.charCount(codePoint);
        }
        out.append("\r\n");
    }
}
