package org.cartable.homework.internal;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import javax.persistence.EntityManager;

import org.apache.aries.jpa.template.JpaTemplate;
import org.cartable.api.Caller;
import org.cartable.api.CartableException;
import org.cartable.api.ClassAccess;
import org.cartable.api.ClassRelation;
import org.cartable.api.Directory;
import org.cartable.api.HtmlSanitizer;
import org.cartable.api.PersonSummary;
import org.cartable.api.persistence.SchemaMigrator;
import org.cartable.homework.internal.data.DoneEntity;
import org.cartable.homework.internal.data.EntryEntity;
import org.cartable.homework.internal.data.SeriesEntity;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * The diary's rules, in one place for REST, pages and demo content. Every public method first asks
 * {@link ClassAccess} whether the caller belongs to the class and the app is enabled there, then checks the
 * caller's part: the class's teachers and its school's director write; pupils read and tick for themselves; a parent
 * reads and ticks for one of their children in the class at a time.
 * <p>
 * Refusals follow the platform's conventions: an entry of another class, or a child who is not the caller's, is
 * NOT_FOUND (ids cannot be probed); a reader trying to write is FORBIDDEN; invalid input is BAD_REQUEST; ticking an
 * entry without work to do is CONFLICT.
 */
@Component(service = HomeworkService.class)
public final class HomeworkService {

    public static final String CHANGELOG = "db/homework/changelog.xml";
    public static final int TITLE_MAX = 200;
    /** Room for a few embedded (data: URL) pictures, well under the REST body limit of 1 MiB. */
    public static final int CONTENT_MAX = 900_000;
    /** A series covers at most a school year. */
    public static final int MAX_OCCURRENCES = 53;
    public static final long MAX_SERIES_DAYS = 366;

    /* The platform serves French schools: "today" and weeks are those of their time zone. */
    static final ZoneId SCHOOL_ZONE = ZoneId.of("Europe/Paris");
    private static final int RAW_INPUT_MAX = 2_000_000;
    private static final Pattern SPACES = Pattern.compile("\\s+");
    private static final String UNKNOWN_AUTHOR = "—";
    private static final Comparator<EntryEntity> DIARY_ORDER = Comparator.comparing(EntryEntity::date)
            .thenComparing(EntryEntity::subject).thenComparing(EntryEntity::createdAt).thenComparing(EntryEntity::id);

    private final JpaTemplate jpa;
    private final ClassAccess classAccess;
    private final Directory directory;
    private final HtmlSanitizer sanitizer;
    private final HomeworkNotices notices;
    private final Clock clock;

    /** Brings the tables up to date before the service is registered, so nothing reads an old schema. */
    @Activate
    public HomeworkService(@Reference(name = "jpa", target = "(osgi.unit.name=cartable-homework)") JpaTemplate jpa,
                           @Reference(name = "classAccess") ClassAccess classAccess,
                           @Reference(name = "directory") Directory directory,
                           @Reference(name = "sanitizer") HtmlSanitizer sanitizer,
                           @Reference(name = "notices") HomeworkNotices notices,
                           @Reference(name = "migrator") SchemaMigrator migrator,
                           BundleContext context) {
        this(jpa, classAccess, directory, sanitizer, notices, Clock.systemUTC());
        migrator.migrate(context.getBundle(), CHANGELOG);
    }

    private HomeworkService(JpaTemplate jpa, ClassAccess classAccess, Directory directory, HtmlSanitizer sanitizer,
                            HomeworkNotices notices, Clock clock) {
        this.jpa = jpa;
        this.classAccess = classAccess;
        this.directory = directory;
        this.sanitizer = sanitizer;
        this.notices = notices;
        this.clock = clock;
    }

    /** Builds the service outside OSGi (tests) on an already migrated schema, with a controlled clock. */
    public static HomeworkService create(JpaTemplate jpa, ClassAccess classAccess, Directory directory,
                                         HtmlSanitizer sanitizer, HomeworkNotices notices, Clock clock) {
        return new HomeworkService(jpa, classAccess, directory, sanitizer, notices, clock);
    }

    /** @return today in the schools' time zone */
    public LocalDate today() {
        return LocalDate.now(clock.withZone(SCHOOL_ZONE));
    }

    // ---------------------------------------------------------------------------------------------------- reading

    /**
     * @param date    any day of the week wanted (null: this week)
     * @param childId for a parent: the child whose ticks to show (may be omitted when they have one child in the
     *                class)
     * @return the week from Monday to Sunday with each day's entries
     */
    public Week week(Caller caller, String classId, LocalDate date, String childId) {
        Viewer me = viewer(caller, classId, childId);
        LocalDate monday = (date == null ? today() : date).with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
        LocalDate sunday = monday.plusDays(6);
        List<Entry> entries = jpa.txExpr(em -> toEntries(em, me, em.createQuery(
                        "select e from EntryEntity e where e.classId = :classId and e.date between :from and :to",
                        EntryEntity.class)
                .setParameter("classId", classId).setParameter("from", monday).setParameter("to", sunday)
                .getResultList()));
        Map<LocalDate, List<Entry>> byDate = entries.stream().collect(Collectors.groupingBy(Entry::date));
        List<Week.Day> days = new ArrayList<>();
        for (LocalDate day = monday; !day.isAfter(sunday); day = day.plusDays(1)) {
            days.add(new Week.Day(day, byDate.getOrDefault(day, List.of())));
        }
        return new Week(classId, monday, days, me.pupilId(), me.staff());
    }

    /** @return the entries written for one date (null: today) */
    public List<Entry> day(Caller caller, String classId, LocalDate date, String childId) {
        Viewer me = viewer(caller, classId, childId);
        LocalDate day = date == null ? today() : date;
        return jpa.txExpr(em -> toEntries(em, me, em.createQuery(
                        "select e from EntryEntity e where e.classId = :classId and e.date = :day", EntryEntity.class)
                .setParameter("classId", classId).setParameter("day", day).getResultList()));
    }

    /**
     * @return the work due from {@code from} (null: today) on, soonest first, at most {@code days} days ahead; for a
     *         pupil or parent with their "done" ticks, for staff with the completion counts
     */
    public List<Entry> due(Caller caller, String classId, LocalDate from, int days, String childId) {
        Viewer me = viewer(caller, classId, childId);
        LocalDate start = from == null ? today() : from;
        LocalDate end = start.plusDays(Math.max(0, Math.min(days, 366)));
        return jpa.txExpr(em -> {
            List<EntryEntity> rows = em.createQuery("select e from EntryEntity e where e.classId = :classId"
                            + " and e.dueDate between :from and :to", EntryEntity.class)
                    .setParameter("classId", classId).setParameter("from", start).setParameter("to", end)
                    .getResultList();
            return toEntries(em, me, rows).stream()
                    .sorted(Comparator.comparing(Entry::dueDate).thenComparing(Entry::subject)
                            .thenComparing(Entry::title))
                    .toList();
        });
    }

    /** @return one entry of the class */
    public Entry entry(Caller caller, String classId, String entryId, String childId) {
        Viewer me = viewer(caller, classId, childId);
        return jpa.txExpr(em -> toEntry(em, me, find(em, classId, entryId)));
    }

    /** Staff: which pupils of the class ticked the entry's work. */
    public Completion completion(Caller caller, String classId, String entryId) {
        staff(caller, classId, "Only the class's teachers see who has done the work.");
        return jpa.txExpr(em -> {
            EntryEntity entry = find(em, classId, entryId);
            Set<String> ticked = new HashSet<>(em.createQuery(
                            "select d.pupilId from DoneEntity d where d.entryId = :entryId", String.class)
                    .setParameter("entryId", entry.id()).getResultList());
            List<Completion.PupilDone> pupils = directory.pupils(classId).stream()
                    .map(p -> new Completion.PupilDone(p.id(), p.displayName(), ticked.contains(p.id())))
                    .toList();
            int done = (int) pupils.stream().filter(Completion.PupilDone::done).count();
            return new Completion(entry.id(), done, pupils.size(), pupils);
        });
    }

    // ---------------------------------------------------------------------------------------------------- writing

    /**
     * Staff: writes an entry, or a series of weekly / fortnightly occurrences from {@code date} to {@code until}.
     * The class's pupils and parents are notified.
     *
     * @return the first occurrence
     */
    public Entry create(Caller caller, String classId, EntryInput input) {
        Viewer me = staff(caller, classId, "Only the class's teachers write in the homework diary.");
        Entry first = write(me, classId, input);
        notices.publish(first, true, pupilIds(classId), caller.userId());
        return first;
    }

    /**
     * Staff: changes an entry, or (scope FOLLOWING) the entry and every later occurrence of its series. A change of
     * date moves each of them by the same number of days; the due date keeps its distance to the entry's date.
     *
     * @return the entry as changed
     */
    public Entry update(Caller caller, String classId, String entryId, EntryInput input, Scope scope) {
        Viewer me = staff(caller, classId, "Only the class's teachers change the homework diary.");
        Clean clean = clean(input, false);
        Entry changed = jpa.txExpr(em -> {
            EntryEntity entry = find(em, classId, entryId);
            long shift = ChronoUnit.DAYS.between(entry.date(), clean.date());
            Long dueOffset = clean.dueDate() == null ? null : ChronoUnit.DAYS.between(clean.date(), clean.dueDate());
            Instant now = now();
            for (EntryEntity target : affected(em, entry, scope)) {
                LocalDate newDate = target.date().plusDays(shift);
                target.edit(newDate, clean.subject(), clean.title(), clean.content(),
                        dueOffset == null ? null : newDate.plusDays(dueOffset), me.caller().userId(), now);
            }
            return toEntry(em, me, entry);
        });
        notices.publish(changed, false, pupilIds(classId), caller.userId());
        return changed;
    }

    /** Staff: deletes an entry, or (scope FOLLOWING) the entry and every later occurrence of its series. */
    public void delete(Caller caller, String classId, String entryId, Scope scope) {
        staff(caller, classId, "Only the class's teachers delete from the homework diary.");
        jpa.tx(em -> {
            EntryEntity entry = find(em, classId, entryId);
            List<EntryEntity> doomed = affected(em, entry, scope);
            List<String> ids = doomed.stream().map(EntryEntity::id).toList();
            em.createQuery("delete from DoneEntity d where d.entryId in :ids").setParameter("ids", ids)
                    .executeUpdate();
            doomed.forEach(em::remove);
            em.flush();
            if (entry.seriesId() != null) {
                long left = em.createQuery("select count(*) from EntryEntity e where e.seriesId = :seriesId",
                        Long.class).setParameter("seriesId", entry.seriesId()).getSingleResult();
                if (left == 0) {
                    SeriesEntity series = em.find(SeriesEntity.class, entry.seriesId());
                    if (series != null) {
                        em.remove(series);
                    }
                }
            }
        });
    }

    /**
     * A pupil for themself, or a parent for their child: the entry's work is done (or not any more). Ticking twice
     * changes nothing.
     *
     * @return the entry with its new "done" state
     */
    public Entry setDone(Caller caller, String classId, String entryId, String childId, boolean done) {
        Viewer me = viewer(caller, classId, childId);
        if (me.pupilId() == null) {
            throw CartableException.forbidden("Only pupils, or their parents for them, tick work as done.");
        }
        return jpa.txExpr(em -> {
            EntryEntity entry = find(em, classId, entryId);
            if (entry.dueDate() == null) {
                throw CartableException.conflict("This entry has no work to do.");
            }
            DoneEntity tick = em.find(DoneEntity.class, new DoneEntity.Key(entry.id(), me.pupilId()));
            if (done && tick == null) {
                em.persist(new DoneEntity(entry.id(), me.pupilId(), me.caller().userId(), now()));
            } else if (!done && tick != null) {
                em.remove(tick);
            }
            em.flush();
            return toEntry(em, me, entry);
        });
    }

    // ---------------------------------------------------------------------------------------------------- demo

    /**
     * Demo content: writes as a teacher of the class whether or not the app is enabled there yet (the content is
     * waiting when a teacher enables it), without notices.
     */
    Entry seedEntry(Caller teacher, String classId, EntryInput input) {
        ClassRelation relation = directory.relation(teacher, classId);
        Viewer me = new Viewer(teacher, relation, null);
        requireStaff(me, "Demo entries are written by a teacher of the class.");
        return write(me, classId, input);
    }

    /** Demo content: a pupil's tick, whether or not the app is enabled for the class yet. */
    void seedDone(Caller pupil, String classId, String entryId) {
        if (!directory.relation(pupil, classId).pupil()) {
            throw CartableException.notFound("Not a pupil of the class.");
        }
        jpa.tx(em -> {
            EntryEntity entry = find(em, classId, entryId);
            if (em.find(DoneEntity.class, new DoneEntity.Key(entry.id(), pupil.userId())) == null) {
                em.persist(new DoneEntity(entry.id(), pupil.userId(), pupil.userId(), now()));
            }
        });
    }

    // ---------------------------------------------------------------------------------------------------- rules

    /**
     * Who is looking: staff, or a pupil (the caller, or a parent's child). A parent names the child unless they have
     * exactly one in the class; a child who is not theirs in this class is NOT_FOUND.
     */
    Viewer viewer(Caller caller, String classId, String childId) {
        ClassRelation relation = classAccess.check(caller, classId, HomeworkApp.ID);
        return viewerOf(caller, relation, childId);
    }

    /** The staff's view of the class; FORBIDDEN for its other members (whatever children they have there). */
    private Viewer staff(Caller caller, String classId, String refusal) {
        ClassRelation relation = classAccess.check(caller, classId, HomeworkApp.ID);
        if (!relation.isStaff()) {
            throw CartableException.forbidden(refusal);
        }
        return new Viewer(caller, relation, null);
    }

    static Viewer viewerOf(Caller caller, ClassRelation relation, String childId) {
        if (childId != null && !childId.isBlank()) {
            if (relation.childIds().contains(childId)) {
                return new Viewer(caller, relation, childId);
            }
            if (relation.pupil() && childId.equals(caller.userId())) {
                return new Viewer(caller, relation, childId);
            }
            throw CartableException.notFound("No such child of yours in this class.");
        }
        if (relation.isStaff()) {
            return new Viewer(caller, relation, null);
        }
        if (relation.pupil()) {
            return new Viewer(caller, relation, caller.userId());
        }
        if (relation.childIds().size() == 1) {
            return new Viewer(caller, relation, relation.childIds().get(0));
        }
        throw CartableException.badRequest("Say which of your children: add ?child=<pupil id>.");
    }

    /**
     * @param pupilId the pupil whose ticks are shown and set; null for the staff's view
     */
    record Viewer(Caller caller, ClassRelation relation, String pupilId) {

        boolean staff() {
            return pupilId == null && relation.isStaff();
        }
    }

    private static void requireStaff(Viewer me, String message) {
        if (!me.relation().isStaff()) {
            throw CartableException.forbidden(message);
        }
    }

    /** The entry if it belongs to the class; NOT_FOUND otherwise, whichever it is. */
    private static EntryEntity find(EntityManager em, String classId, String entryId) {
        EntryEntity entry = entryId == null ? null : em.find(EntryEntity.class, entryId);
        if (entry == null || !entry.classId().equals(classId)) {
            throw CartableException.notFound("Entry not found.");
        }
        return entry;
    }

    /** The entry alone, or with the later occurrences of its series. */
    private static List<EntryEntity> affected(EntityManager em, EntryEntity entry, Scope scope) {
        if (scope != Scope.FOLLOWING || entry.seriesId() == null) {
            return List.of(entry);
        }
        List<EntryEntity> following = new ArrayList<>(em.createQuery("select e from EntryEntity e"
                        + " where e.seriesId = :seriesId and e.date >= :date and e.id <> :id", EntryEntity.class)
                .setParameter("seriesId", entry.seriesId()).setParameter("date", entry.date())
                .setParameter("id", entry.id()).getResultList());
        following.add(0, entry);
        return following;
    }

    private Entry write(Viewer me, String classId, EntryInput input) {
        Clean clean = clean(input, true);
        List<LocalDate> dates = occurrences(clean);
        return jpa.txExpr(em -> {
            Instant now = now();
            String seriesId = null;
            if (clean.frequency() != Frequency.ONCE) {
                seriesId = UUID.randomUUID().toString();
                em.persist(new SeriesEntity(seriesId, classId, clean.frequency(), dates.get(0),
                        dates.get(dates.size() - 1), now));
            }
            Long dueOffset = clean.dueDate() == null ? null : ChronoUnit.DAYS.between(clean.date(), clean.dueDate());
            EntryEntity first = null;
            for (LocalDate date : dates) {
                EntryEntity entry = new EntryEntity(UUID.randomUUID().toString(), classId, seriesId, date,
                        me.caller().userId(), now);
                entry.edit(date, clean.subject(), clean.title(), clean.content(),
                        dueOffset == null ? null : date.plusDays(dueOffset), me.caller().userId(), now);
                em.persist(entry);
                if (first == null) {
                    first = entry;
                }
            }
            em.flush();
            return toEntry(em, me, first);
        });
    }

    private static List<LocalDate> occurrences(Clean clean) {
        if (clean.frequency() == Frequency.ONCE) {
            return List.of(clean.date());
        }
        List<LocalDate> dates = new ArrayList<>();
        for (LocalDate d = clean.date(); !d.isAfter(clean.until()); d = d.plusDays(clean.frequency().days())) {
            dates.add(d);
        }
        return dates;
    }

    // ---------------------------------------------------------------------------------------------------- input

    /** Input checked and cleaned: title trimmed, content sanitised. */
    private record Clean(LocalDate date, Subject subject, String title, String content, LocalDate dueDate,
                         Frequency frequency, LocalDate until) {
    }

    private Clean clean(EntryInput input, boolean creating) {
        if (input == null || input.date() == null) {
            throw CartableException.badRequest("The entry needs a date (YYYY-MM-DD).");
        }
        if (input.subject() == null) {
            throw CartableException.badRequest("The entry needs a subject.");
        }
        String title = input.title() == null ? "" : SPACES.matcher(input.title()).replaceAll(" ").strip();
        if (title.isEmpty() || title.length() > TITLE_MAX) {
            throw CartableException.badRequest("The title must have 1 to " + TITLE_MAX + " characters.");
        }
        String raw = input.content() == null ? "" : input.content();
        if (raw.length() > RAW_INPUT_MAX) {
            throw CartableException.badRequest("The content must have at most " + CONTENT_MAX + " characters.");
        }
        String content = sanitizer.sanitize(raw).strip();
        if (content.length() > CONTENT_MAX) {
            throw CartableException.badRequest("The content must have at most " + CONTENT_MAX + " characters.");
        }
        if (input.dueDate() != null && !input.dueDate().isAfter(input.date())) {
            throw CartableException.badRequest("The work must be due after the entry's date.");
        }
        Frequency frequency = !creating || input.frequency() == null ? Frequency.ONCE : input.frequency();
        LocalDate until = null;
        if (frequency != Frequency.ONCE) {
            until = input.until();
            if (until == null || until.isBefore(input.date())) {
                throw CartableException.badRequest(
                        "A recurring entry needs an end date ('until') on or after its date.");
            }
            if (ChronoUnit.DAYS.between(input.date(), until) > MAX_SERIES_DAYS) {
                throw CartableException.badRequest("A recurring entry spans at most a year.");
            }
        }
        return new Clean(input.date(), input.subject(), title, content, input.dueDate(), frequency, until);
    }

    // ---------------------------------------------------------------------------------------------------- views

    private Entry toEntry(EntityManager em, Viewer me, EntryEntity entry) {
        return toEntries(em, me, List.of(entry)).get(0);
    }

    /** The rows as the viewer sees them, in diary order, with ticks or counts loaded in one query. */
    private List<Entry> toEntries(EntityManager em, Viewer me, List<EntryEntity> rows) {
        if (rows.isEmpty()) {
            return List.of();
        }
        List<EntryEntity> sorted = rows.stream().sorted(DIARY_ORDER).toList();
        List<String> ids = sorted.stream().map(EntryEntity::id).toList();
        Map<String, Frequency> frequencies = frequencies(em, me.relation().classId(), sorted);
        Function<String, String> names = names();
        Set<String> doneByPupil = Set.of();
        Map<String, Integer> counts = Map.of();
        int pupilCount = 0;
        if (me.staff()) {
            Set<String> pupils = new HashSet<>(pupilIds(me.relation().classId()));
            pupilCount = pupils.size();
            counts = new HashMap<>();
            for (Object[] row : em.createQuery("select d.entryId, d.pupilId from DoneEntity d where d.entryId in :ids",
                    Object[].class).setParameter("ids", ids).getResultList()) {
                // pupils who left the class no longer count
                if (pupils.contains((String) row[1])) {
                    counts.merge((String) row[0], 1, Integer::sum);
                }
            }
        } else {
            doneByPupil = new HashSet<>(em.createQuery("select d.entryId from DoneEntity d"
                            + " where d.pupilId = :pupilId and d.entryId in :ids", String.class)
                    .setParameter("pupilId", me.pupilId()).setParameter("ids", ids).getResultList());
        }
        List<Entry> entries = new ArrayList<>();
        for (EntryEntity e : sorted) {
            Boolean done = me.staff() ? null : doneByPupil.contains(e.id());
            Integer doneCount = me.staff() ? counts.getOrDefault(e.id(), 0) : null;
            Integer total = me.staff() ? pupilCount : null;
            entries.add(new Entry(e.id(), e.classId(), e.seriesId(),
                    frequencies.getOrDefault(e.seriesId(), Frequency.ONCE), e.date(), e.subject(), e.title(),
                    e.content(), e.dueDate(), e.authorId(), names.apply(e.authorId()), e.updatedAt(), done, doneCount,
                    total, me.relation().isStaff()));
        }
        return entries;
    }

    /**
     * The class's series (a few a year) by the class key rather than an IN-list of series ids, which Derby guesses
     * matches n tenths of HOMEWORK_SERIES and answers with a table scan.
     */
    private static Map<String, Frequency> frequencies(EntityManager em, String classId, List<EntryEntity> rows) {
        Map<String, Frequency> frequencies = new HashMap<>();
        if (rows.stream().anyMatch(e -> e.seriesId() != null)) {
            em.createQuery("select s from SeriesEntity s where s.classId = :classId", SeriesEntity.class)
                    .setParameter("classId", classId).getResultList()
                    .forEach(s -> frequencies.put(s.id(), s.frequency()));
        }
        return frequencies;
    }

    private List<String> pupilIds(String classId) {
        return directory.pupils(classId).stream().map(PersonSummary::id).toList();
    }

    /** Author names for one answer: each person looked up once. */
    private Function<String, String> names() {
        Map<String, String> known = new HashMap<>();
        return id -> known.computeIfAbsent(id, key -> directory.person(key)
                .map(PersonSummary::displayName)
                .orElse(UNKNOWN_AUTHOR));
    }

    private Instant now() {
        return clock.instant();
    }
}
