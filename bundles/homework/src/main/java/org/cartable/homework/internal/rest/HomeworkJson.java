package org.cartable.homework.internal.rest;

import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.List;

import org.cartable.api.CartableException;
import org.cartable.homework.internal.Completion;
import org.cartable.homework.internal.Entry;
import org.cartable.homework.internal.FeedStatus;
import org.cartable.homework.internal.Frequency;
import org.cartable.homework.internal.Scope;
import org.cartable.homework.internal.Subject;
import org.cartable.homework.internal.Week;

/**
 * The JSON bodies of the homework REST API, exactly as docs/rest-api.md lists their fields. Dates are ISO-8601
 * strings ({@code 2026-12-01}); they are parsed here so that a bad one gets a 400 saying which field is wrong.
 */
public final class HomeworkJson {

    private HomeworkJson() {
    }

    /** {@code <entry>}. {@code done} for pupils and parents; {@code doneCount}/{@code pupilCount} for staff. */
    public record EntryBody(String id, String seriesId, String frequency, String date, String subject, String title,
                            String content, String dueDate, String authorId, String authorName, String updatedAt,
                            Boolean done, Integer doneCount, Integer pupilCount) {
        static EntryBody of(Entry e) {
            return new EntryBody(e.id(), e.seriesId(), e.frequency().name(), isoDate(e.date()), e.subject().name(),
                    e.title(), e.content(), isoDate(e.dueDate()), e.authorId(), e.authorName(),
                    isoInstant(e.updatedAt()), e.done(), e.doneCount(), e.pupilCount());
        }

        static List<EntryBody> of(List<Entry> entries) {
            return entries.stream().map(EntryBody::of).toList();
        }
    }

    /** {@code GET /week}. */
    public record WeekBody(String classId, String monday, String pupilId, List<DayBody> days) {
        static WeekBody of(Week week) {
            return new WeekBody(week.classId(), isoDate(week.monday()), week.pupilId(),
                    week.days().stream().map(d -> new DayBody(isoDate(d.date()), EntryBody.of(d.entries()))).toList());
        }
    }

    /** One day of a week, or {@code GET /day}. */
    public record DayBody(String date, List<EntryBody> entries) {
    }

    /** {@code GET /due}. */
    public record DueBody(String from, List<EntryBody> entries) {
    }

    /** {@code GET /entries/{id}/completion}. */
    public record CompletionBody(String entryId, int done, int total, List<PupilBody> pupils) {
        static CompletionBody of(Completion c) {
            return new CompletionBody(c.entryId(), c.done(), c.total(),
                    c.pupils().stream().map(p -> new PupilBody(p.pupilId(), p.name(), p.done())).toList());
        }
    }

    /** A pupil's tick, in {@link CompletionBody}. */
    public record PupilBody(String id, String name, boolean done) {
    }

    /** {@code <feed>}: {@code url} only right after {@code POST /calendar} made it. */
    public record FeedBody(boolean exists, String createdAt, String url) {
        static FeedBody of(FeedStatus status, String url) {
            return new FeedBody(status.exists(), isoInstant(status.createdAt()), url);
        }
    }

    /** {@code POST /entries}: {@code recurrence} may be omitted for a single entry. */
    public record NewEntry(String date, String subject, String title, String content, String dueDate,
                           Recurrence recurrence) {
    }

    /** How a new entry recurs: {@code frequency} ONCE, WEEKLY or BIWEEKLY, {@code until} its last possible date. */
    public record Recurrence(String frequency, String until) {
    }

    /** {@code PUT /entries/{id}}. */
    public record EntryEdit(String date, String subject, String title, String content, String dueDate) {
    }

    static LocalDate parseDate(String value, String field, boolean required) {
        if (value == null || value.isBlank()) {
            if (required) {
                throw CartableException.badRequest("'" + field + "' is required (YYYY-MM-DD).");
            }
            return null;
        }
        try {
            return LocalDate.parse(value.strip());
        } catch (DateTimeParseException e) {
            throw CartableException.badRequest("'" + field + "' must be a date YYYY-MM-DD, not '" + value + "'.");
        }
    }

    static Subject parseSubject(String value) {
        return parseEnum(Subject.class, value, "subject");
    }

    static Frequency parseFrequency(String value) {
        return value == null || value.isBlank() ? Frequency.ONCE : parseEnum(Frequency.class, value, "frequency");
    }

    static Scope parseScope(String value) {
        return value == null || value.isBlank() ? Scope.THIS : parseEnum(Scope.class, value, "scope");
    }

    private static <E extends Enum<E>> E parseEnum(Class<E> type, String value, String field) {
        if (value != null) {
            for (E constant : type.getEnumConstants()) {
                if (constant.name().equalsIgnoreCase(value.strip())) {
                    return constant;
                }
            }
        }
        throw CartableException.badRequest("'" + field + "' must be one of "
                + Arrays.toString(type.getEnumConstants()) + ".");
    }

    static String isoDate(LocalDate date) {
        return date == null ? null : date.toString();
    }

    static String isoInstant(Instant instant) {
        return instant == null ? null : instant.truncatedTo(ChronoUnit.SECONDS).toString();
    }
}
