package org.cartable.liaison.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import javax.persistence.EntityManager;

import org.apache.aries.jpa.template.JpaTemplate;
import org.cartable.api.Caller;
import org.cartable.api.CartableException;
import org.cartable.api.audit.AuditEvent;
import org.cartable.api.audit.AuditLog;
import org.cartable.api.audit.AuditTypes;
import org.cartable.api.ClassAccess;
import org.cartable.api.ClassRelation;
import org.cartable.api.Directory;
import org.cartable.api.HtmlSanitizer;
import org.cartable.api.PersonSummary;
import org.cartable.api.persistence.SchemaMigrator;
import org.cartable.liaison.internal.FollowUp.PupilStatus;
import org.cartable.liaison.internal.Notebook.View;
import org.cartable.liaison.internal.Word.ChildState;
import org.cartable.liaison.internal.Word.Counts;
import org.cartable.liaison.internal.data.ConfirmationEntity;
import org.cartable.liaison.internal.data.RecipientEntity;
import org.cartable.liaison.internal.data.ReplyEntity;
import org.cartable.liaison.internal.data.WordEntity;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;

/**
 * The liaison notebook's rules, in one place for REST and web alike. Every method first asks {@link ClassAccess}
 * whether the caller belongs to the class and the notebook is enabled there, then checks the caller's part:
 * <ul>
 * <li>the staff (teachers of the class, director of its school) write, correct, follow up and remind;</li>
 * <li>a parent acts for one of their children in the class, and only on words addressed to that child;</li>
 * <li>a pupil reads the words addressed to them.</li>
 * </ul>
 * A word the caller cannot see (of another class, or addressed to other pupils) is NOT_FOUND, so ids cannot be probed.
 * Confirmations are insert-only; a word with confirmations or replies cannot be deleted (CONFLICT): the notebook keeps
 * what families signed, and a teacher corrects the text instead.
 */
@Component(service = LiaisonService.class)
public final class LiaisonService {

    public static final String CHANGELOG = "db/liaison/changelog.xml";
    public static final int TITLE_MAX = 200;
    public static final int BODY_MAX = 100_000;
    public static final int REPLY_MAX = 2_000;
    /** Words listed at a time: a year's notebook is too long for a phone. */
    public static final int PAGE = 20;
    /** The most words one answer lists. */
    public static final int SHOWN_MAX = 500;
    /** A second reminder for the same word within this time is refused (429). */
    public static final Duration REMINDER_INTERVAL = Duration.ofHours(1);

    private static final int RAW_INPUT_MAX = 1_000_000;
    private static final Pattern TAG = Pattern.compile("<[^>]*>");
    private static final Pattern SPACES = Pattern.compile("\\s+");
    private static final String UNKNOWN_PERSON = "—";

    private final JpaTemplate jpa;
    private final ClassAccess classAccess;
    private final Directory directory;
    private final HtmlSanitizer sanitizer;
    private final LiaisonNotices notices;
    private final Clock clock;

    /** The platform's audit log; optional, so the notebook keeps working while the platform restarts it. */
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile AuditLog audit;

    /** Brings the tables up to date before the service is registered, so nothing reads an old schema. */
    @Activate
    public LiaisonService(@Reference(name = "jpa", target = "(osgi.unit.name=cartable-liaison)") JpaTemplate jpa,
                          @Reference(name = "classAccess") ClassAccess classAccess,
                          @Reference(name = "directory") Directory directory,
                          @Reference(name = "sanitizer") HtmlSanitizer sanitizer,
                          @Reference(name = "notices") LiaisonNotices notices,
                          @Reference(name = "migrator") SchemaMigrator migrator,
                          BundleContext context) {
        this(jpa, classAccess, directory, sanitizer, notices, Clock.systemUTC());
        migrator.migrate(context.getBundle(), CHANGELOG);
    }

    private LiaisonService(JpaTemplate jpa, ClassAccess classAccess, Directory directory, HtmlSanitizer sanitizer,
                           LiaisonNotices notices, Clock clock) {
        this.jpa = jpa;
        this.classAccess = classAccess;
        this.directory = directory;
        this.sanitizer = sanitizer;
        this.notices = notices;
        this.clock = clock;
    }

    /** Outside OSGi (tests): the audit log the confirmations are recorded in. */
    public LiaisonService withAuditLog(AuditLog log) {
        this.audit = log;
        return this;
    }

    /** Outside OSGi (tests, tools), on a schema already migrated and with a controlled clock. */
    public static LiaisonService create(JpaTemplate jpa, ClassAccess classAccess, Directory directory,
                                        HtmlSanitizer sanitizer, LiaisonNotices notices, Clock clock) {
        return new LiaisonService(jpa, classAccess, directory, sanitizer, notices, clock);
    }

    // ---------------------------------------------------------------------------------------------------- reading

    /** The first page of the notebook: {@link #PAGE} words, a parent's unread ones first. */
    public Notebook notebook(Caller caller, String classId, String childId) {
        return notebook(caller, classId, childId, PAGE);
    }

    /**
     * @param childId for a parent, the child to act for; may be omitted when the parent has one child in the class
     * @param shown   how many words to list (1 to {@link #SHOWN_MAX})
     * @return the words the caller may see, newest first; a parent's unread ones first ({@link Notebook#unread()}
     *         counts all of them, listed or not); {@link Notebook#older()} counts the words left out
     */
    public Notebook notebook(Caller caller, String classId, String childId, int shown) {
        if (shown < 1 || shown > SHOWN_MAX) {
            throw CartableException.badRequest("'shown' must be a number between 1 and " + SHOWN_MAX + ".");
        }
        Viewer me = viewer(caller, classId, childId);
        return jpa.txExpr(em -> {
            // a parent's rows are read by the child (an equality key), not all the class's then filtered
            Map<String, List<ConfirmationEntity>> confirmations = me.view() == View.PARENT
                    ? childConfirmations(em, me) : Map.of();
            List<VisibleWord> visible = visibleWords(em, me);
            List<String> ids = listed(visible, confirmations.keySet(), me.view() == View.PARENT, shown);
            int unread = me.view() == View.PARENT
                    ? (int) visible.stream().filter(w -> !confirmations.containsKey(w.id())).count() : 0;
            int older = visible.size() - ids.size();
            Map<String, WordEntity> byId = ids.isEmpty() ? Map.of()
                    : em.createQuery("select w from WordEntity w where w.id in :ids", WordEntity.class)
                            .setParameter("ids", ids).getResultStream()
                            .collect(Collectors.toMap(WordEntity::id, Function.identity()));
            Map<String, Long> confirmed = me.view() == View.STAFF ? confirmedCounts(em, ids) : Map.of();
            Map<String, Long> recipients = me.view() == View.STAFF ? recipientCounts(em, ids) : Map.of();
            Map<String, ReplyEntity> myReplies = me.view() == View.PARENT ? myReplies(em, me) : Map.of();
            Function<String, String> names = names();
            // in the order chosen above: a word deleted meanwhile is simply not listed
            List<Word> listed = ids.stream().map(byId::get).filter(Objects::nonNull)
                    .map(w -> toWord(me, w, confirmations.getOrDefault(w.id(), List.of()),
                            confirmed.getOrDefault(w.id(), 0L).intValue(),
                            recipients.getOrDefault(w.id(), 0L).intValue(), myReplies.get(w.id()), names))
                    .toList();
            List<PersonSummary> pupils = me.view() == View.STAFF ? directory.pupils(classId) : List.of();
            PersonSummary child = me.childId() == null ? null : new PersonSummary(me.childId(), names.apply(me.childId()));
            return new Notebook(classId, me.view(), child, unread, listed, older, pupils);
        });
    }

    /** @return one word as the caller sees it */
    public Word word(Caller caller, String classId, String wordId, String childId) {
        Viewer me = viewer(caller, classId, childId);
        return jpa.txExpr(em -> toWord(em, me, visibleWord(em, me, wordId)));
    }

    /** Staff: per addressed pupil, the confirmations (who, when) and replies. */
    public FollowUp followUp(Caller caller, String classId, String wordId) {
        Viewer me = staff(caller, classId, "Only the class's teachers follow up a word.");
        return jpa.txExpr(em -> {
            WordEntity word = visibleWord(em, me, wordId);
            Function<String, String> names = names();
            List<ConfirmationEntity> confirmations = confirmations(em, word.id());
            List<ReplyEntity> replies = em.createQuery(
                            "select r from ReplyEntity r where r.wordId = :word order by r.createdAt, r.id", ReplyEntity.class)
                    .setParameter("word", word.id()).getResultList();
            List<PupilStatus> pupils = recipients(em, word.id()).stream()
                    .map(pupilId -> new PupilStatus(pupilId, names.apply(pupilId),
                            !directory.parentsOf(pupilId).isEmpty(),
                            confirmations.stream().filter(c -> c.pupilId().equals(pupilId))
                                    .map(c -> toConfirmation(c, names)).toList(),
                            replies.stream().filter(r -> r.pupilId().equals(pupilId))
                                    .map(r -> toReply(r, names)).toList()))
                    .sorted(Comparator.comparing(PupilStatus::pupilName))
                    .toList();
            return new FollowUp(toWord(em, me, word), pupils);
        });
    }

    // ---------------------------------------------------------------------------------------------------- writing

    /** Staff: a word to the whole class (its pupils of today) or to chosen pupils of the class; notifies their parents. */
    public Word write(Caller caller, String classId, NewWord request) {
        Viewer me = staff(caller, classId, "Only the class's teachers write in the liaison notebook.");
        if (request == null) {
            throw CartableException.badRequest("Send a title and a text.");
        }
        String title = title(request.title());
        String body = richText(request.body());
        Category category = request.category() == null ? Category.INFO : request.category();
        Set<String> classPupils = directory.pupils(classId).stream().map(PersonSummary::id)
                .collect(Collectors.toCollection(LinkedHashSet::new));
        Set<String> addressed;
        if (request.pupils() == null) {
            addressed = classPupils;
        } else {
            if (request.pupils().isEmpty()) {
                throw CartableException.badRequest("Choose at least one pupil, or address the whole class.");
            }
            if (!classPupils.containsAll(request.pupils())) {
                throw CartableException.badRequest("Some chosen pupils are not in this class.");
            }
            addressed = new LinkedHashSet<>(request.pupils());
        }
        if (addressed.isEmpty()) {
            throw CartableException.conflict("The class has no pupils to write to.");
        }
        return jpa.txExpr(em -> {
            WordEntity word = new WordEntity(UUID.randomUUID().toString(), classId, me.id(), title, body, category,
                    request.pupils() == null, request.ackRequired(), request.repliesAllowed(), now());
            em.persist(word);
            addressed.forEach(pupilId -> em.persist(new RecipientEntity(word, pupilId)));
            em.flush();
            // in the same transaction: a word that is not stored notifies nobody
            notices.newWord(classId, word.id(), title, word.ackRequired(), addressed, me.id());
            return toWord(em, me, word);
        });
    }

    /** Staff: corrects the title, text and category. Nobody is notified again; families see "corrigé le ...". */
    public Word correct(Caller caller, String classId, String wordId, String newTitle, String newBody,
                        Category newCategory) {
        Viewer me = staff(caller, classId, "Only the class's teachers correct a word.");
        String title = title(newTitle);
        String body = richText(newBody);
        return jpa.txExpr(em -> {
            WordEntity word = visibleWord(em, me, wordId);
            word.correct(title, body, newCategory == null ? word.category() : newCategory, now());
            return toWord(em, me, word);
        });
    }

    /** Staff: only a word nobody confirmed or replied to can be deleted; otherwise CONFLICT (correct it instead). */
    public void delete(Caller caller, String classId, String wordId) {
        Viewer me = staff(caller, classId, "Only the class's teachers delete a word.");
        jpa.tx(em -> {
            WordEntity word = visibleWord(em, me, wordId);
            long answers = em.createQuery("select count(*) from ConfirmationEntity c where c.wordId = :word", Long.class)
                    .setParameter("word", word.id()).getSingleResult()
                    + em.createQuery("select count(*) from ReplyEntity r where r.wordId = :word", Long.class)
                    .setParameter("word", word.id()).getSingleResult();
            if (answers > 0) {
                throw CartableException.conflict(
                        "Families have confirmed or answered this word: it stays in the notebook. Correct it instead.");
            }
            em.createQuery("delete from RecipientEntity r where r.wordId = :word")
                    .setParameter("word", word.id()).executeUpdate();
            em.remove(word);
        });
    }

    // ---------------------------------------------------------------------------------------------------- families

    /** The result of a confirmation: the stored one, and whether this call stored it. */
    public record Confirmed(Confirmation confirmation, boolean created) {
    }

    /**
     * A parent's "vu" for a child. Idempotent: confirming again returns the first confirmation unchanged. Two parents
     * of the child each get their own confirmation.
     */
    public Confirmed confirm(Caller caller, String classId, String wordId, String childId) {
        Viewer me = parent(caller, classId, childId);
        try {
            return jpa.txExpr(em -> {
                WordEntity word = visibleWord(em, me, wordId);
                ConfirmationEntity existing = myConfirmation(em, me, word.id());
                if (existing != null) {
                    return new Confirmed(toConfirmation(existing, names()), false);
                }
                ConfirmationEntity confirmation = new ConfirmationEntity(UUID.randomUUID().toString(), word.id(),
                        me.childId(), me.id(), now());
                em.persist(confirmation);
                // a concurrent identical confirmation surfaces here, as a unique key violation
                em.flush();
                AuditLog log = audit;
                if (log != null) {
                    // In the same transaction: a confirmation that is rolled back leaves no entry.
                    log.record(AuditEvent.by(caller, AuditTypes.LIAISON_ACKNOWLEDGEMENT)
                            .on(classId + "/" + word.id()).detail("child " + me.childId()));
                }
                return new Confirmed(toConfirmation(confirmation, names()), true);
            });
        } catch (CartableException refused) {
            throw refused;
        } catch (RuntimeException raced) {
            // The same parent confirming twice at once: the other call stored it first; answer with the stored one.
            Confirmed stored = jpa.txExpr(em -> {
                ConfirmationEntity existing = myConfirmation(em, me, wordId);
                return existing == null ? null : new Confirmed(toConfirmation(existing, names()), false);
            });
            if (stored == null) {
                throw raced;
            }
            return stored;
        }
    }

    /** A parent's reply for a child, when the word allows replies; replying again edits it. Notifies the author. */
    public Reply reply(Caller caller, String classId, String wordId, String childId, String text) {
        Viewer me = parent(caller, classId, childId);
        String body = plainText(text);
        return jpa.txExpr(em -> {
            WordEntity word = visibleWord(em, me, wordId);
            if (!word.repliesAllowed()) {
                throw CartableException.forbidden("This word does not take replies.");
            }
            List<ReplyEntity> mine = em.createQuery("select r from ReplyEntity r where r.wordId = :word"
                            + " and r.pupilId = :child and r.parentId = :me", ReplyEntity.class)
                    .setParameter("word", word.id()).setParameter("child", me.childId()).setParameter("me", me.id())
                    .getResultList();
            ReplyEntity reply;
            if (mine.isEmpty()) {
                reply = new ReplyEntity(UUID.randomUUID().toString(), word.id(), me.childId(), me.id(), body, now());
                em.persist(reply);
                em.flush();
            } else {
                reply = mine.get(0);
                reply.edit(body, now());
            }
            notices.reply(classId, word.id(), word.title(), word.authorId(), caller.displayName(), me.id());
            return toReply(reply, names());
        });
    }

    /**
     * Staff: reminds the parents of every addressed pupil nobody confirmed for. At most one reminder per word per
     * {@link #REMINDER_INTERVAL} (TOO_MANY_REQUESTS); CONFLICT if the word needs no acknowledgement or all confirmed.
     */
    public Reminder remind(Caller caller, String classId, String wordId) {
        Viewer me = staff(caller, classId, "Only the class's teachers send reminders.");
        return jpa.txExpr(em -> {
            WordEntity word = visibleWord(em, me, wordId);
            if (!word.ackRequired()) {
                throw CartableException.conflict("This word needs no acknowledgement: there is nothing to remind.");
            }
            Instant now = now();
            if (word.lastReminderAt() != null && word.lastReminderAt().plus(REMINDER_INTERVAL).isAfter(now)) {
                throw tooSoon(word.lastReminderAt(), now);
            }
            Set<String> confirmed = confirmations(em, word.id()).stream()
                    .map(ConfirmationEntity::pupilId).collect(Collectors.toSet());
            List<String> pending = recipients(em, word.id()).stream().filter(p -> !confirmed.contains(p)).toList();
            if (pending.isEmpty()) {
                throw CartableException.conflict("Every family has confirmed this word.");
            }
            // One atomic conditional update: of two clicks at the same moment, only one sends a reminder.
            int claimed = em.createQuery("update WordEntity w set w.lastReminderAt = :now where w.id = :word"
                            + " and (w.lastReminderAt is null or w.lastReminderAt <= :limit)")
                    .setParameter("now", now).setParameter("word", word.id())
                    .setParameter("limit", now.minus(REMINDER_INTERVAL)).executeUpdate();
            if (claimed == 0) {
                throw tooSoon(now, now);
            }
            int delivered = notices.reminder(classId, word.id(), word.title(), pending, me.id());
            return new Reminder(pending.size(), now, delivered);
        });
    }

    private static CartableException tooSoon(Instant last, Instant now) {
        Duration wait = Duration.between(now, last.plus(REMINDER_INTERVAL));
        long minutes = Math.max(1, (wait.toSeconds() + 59) / 60);
        return CartableException.tooManyRequests(
                "A reminder went less than an hour ago; try again in " + minutes + " min.", wait);
    }

    // ---------------------------------------------------------------------------------------------------- callers

    /** The caller, their relation to the class, the view they get and, for a parent, the child they act for. */
    private record Viewer(String id, ClassRelation relation, View view, String childId) {
    }

    private Viewer viewer(Caller caller, String classId, String childId) {
        ClassRelation relation = relation(caller, classId);
        if (childId != null && !childId.isBlank()) {
            return parentOf(caller, relation, childId);
        }
        if (relation.isStaff()) {
            return new Viewer(caller.userId(), relation, View.STAFF, null);
        }
        if (relation.pupil()) {
            return new Viewer(caller.userId(), relation, View.PUPIL, null);
        }
        if (relation.childIds().size() == 1) {
            return new Viewer(caller.userId(), relation, View.PARENT, relation.childIds().get(0));
        }
        throw CartableException.badRequest("Say which child you act for: ?child=<pupilId>.");
    }

    private Viewer parent(Caller caller, String classId, String childId) {
        Viewer me = viewer(caller, classId, childId);
        if (me.view() != View.PARENT) {
            throw CartableException.forbidden("Only a pupil's parents confirm or answer a word.");
        }
        return me;
    }

    private Viewer parentOf(Caller caller, ClassRelation relation, String childId) {
        if (!relation.childIds().contains(childId)) {
            // not their child, or not in this class: as if it did not exist
            throw CartableException.notFound("Child not found in this class.");
        }
        return new Viewer(caller.userId(), relation, View.PARENT, childId);
    }

    private Viewer staff(Caller caller, String classId, String message) {
        ClassRelation relation = relation(caller, classId);
        if (!relation.isStaff()) {
            throw CartableException.forbidden(message);
        }
        return new Viewer(caller.userId(), relation, View.STAFF, null);
    }

    private ClassRelation relation(Caller caller, String classId) {
        if (caller == null) {
            throw CartableException.unauthorized("Sign in first.");
        }
        if (classId == null || classId.isBlank()) {
            throw CartableException.notFound("Class not found.");
        }
        return classAccess.check(caller, classId, LiaisonApp.ID);
    }

    // ---------------------------------------------------------------------------------------------------- input

    private static String title(String raw) {
        String title = raw == null ? "" : SPACES.matcher(raw).replaceAll(" ").strip();
        if (title.isEmpty() || title.length() > TITLE_MAX) {
            throw CartableException.badRequest("The title must have 1 to " + TITLE_MAX + " characters.");
        }
        return title;
    }

    private String richText(String raw) {
        if (raw == null || raw.length() > RAW_INPUT_MAX) {
            throw CartableException.badRequest("The text must have 1 to " + BODY_MAX + " characters.");
        }
        String clean = sanitizer.sanitize(raw).strip();
        if (TAG.matcher(clean).replaceAll("").isBlank() && !clean.contains("<img")) {
            throw CartableException.badRequest("The text is empty once unsafe content is removed.");
        }
        if (clean.length() > BODY_MAX) {
            throw CartableException.badRequest("The text must have 1 to " + BODY_MAX + " characters.");
        }
        return clean;
    }

    private static String plainText(String raw) {
        String text = raw == null ? "" : raw.strip();
        if (text.isEmpty() || text.length() > REPLY_MAX) {
            throw CartableException.badRequest("The reply must have 1 to " + REPLY_MAX + " characters.");
        }
        return text;
    }

    // ---------------------------------------------------------------------------------------------------- data

    /** A word the caller may see, without its text: enough to choose the ones to list. */
    private record VisibleWord(String id, Instant createdAt) {
    }

    private static List<VisibleWord> visibleWords(EntityManager em, Viewer me) {
        String classId = me.relation().classId();
        // Each one range of an index that holds all the columns read: the class's words (staff), the child's
        // (families), however many words the class received over the year.
        var query = switch (me.view()) {
            case STAFF -> em.createQuery("select w.id, w.createdAt from WordEntity w where w.classId = :classId",
                    Object[].class);
            case PUPIL, PARENT -> em.createQuery("select r.wordId, r.wordCreatedAt from RecipientEntity r"
                            + " where r.pupilId = :pupil and r.classId = :classId", Object[].class)
                    .setParameter("pupil", me.view() == View.PUPIL ? me.id() : me.childId());
        };
        return query.setParameter("classId", classId).getResultList().stream()
                .map(row -> new VisibleWord((String) row[0], (Instant) row[1])).toList();
    }

    /** The ids of the first {@code shown} words: newest first, a parent's unread ones before the others. */
    private static List<String> listed(List<VisibleWord> visible, Set<String> confirmed, boolean parent, int shown) {
        Comparator<VisibleWord> newestFirst =
                Comparator.comparing(VisibleWord::createdAt).thenComparing(VisibleWord::id).reversed();
        Comparator<VisibleWord> order = parent
                ? Comparator.comparing((VisibleWord w) -> confirmed.contains(w.id())).thenComparing(newestFirst)
                : newestFirst;
        return visible.stream().sorted(order).limit(shown).map(VisibleWord::id).toList();
    }

    /** The word if it is of the class and addressed to the caller (or their child); NOT_FOUND otherwise. */
    private static WordEntity visibleWord(EntityManager em, Viewer me, String wordId) {
        WordEntity word = wordId == null ? null : em.find(WordEntity.class, wordId);
        if (word == null || !word.classId().equals(me.relation().classId())) {
            throw CartableException.notFound("Word not found.");
        }
        if (me.view() != View.STAFF) {
            String pupil = me.view() == View.PUPIL ? me.id() : me.childId();
            Long addressed = em.createQuery("select count(*) from RecipientEntity r where r.wordId = :word"
                            + " and r.pupilId = :pupil", Long.class)
                    .setParameter("word", word.id()).setParameter("pupil", pupil).getSingleResult();
            if (addressed == 0) {
                throw CartableException.notFound("Word not found.");
            }
        }
        return word;
    }

    private static List<String> recipients(EntityManager em, String wordId) {
        return em.createQuery("select r.pupilId from RecipientEntity r where r.wordId = :word", String.class)
                .setParameter("word", wordId).getResultList();
    }

    /*
     * Staff counts are keyed by an IN-list of the class's word ids, which Derby answers with index probes; a join with
     * LIAISON_WORD on the class would be a hash join that reads the whole inner table (QueryPlans showed it).
     */

    /** Staff: per word, the pupils it was addressed to. */
    private static Map<String, Long> recipientCounts(EntityManager em, List<String> wordIds) {
        Map<String, Long> counts = new HashMap<>();
        if (!wordIds.isEmpty()) {
            em.createQuery("select r.wordId, count(*) from RecipientEntity r where r.wordId in :words"
                            + " group by r.wordId", Object[].class)
                    .setParameter("words", wordIds).getResultList()
                    .forEach(row -> counts.put((String) row[0], (Long) row[1]));
        }
        return counts;
    }

    /** Staff: per word, the pupils with at least one confirmation (counted by the database, not loaded). */
    private static Map<String, Long> confirmedCounts(EntityManager em, List<String> wordIds) {
        Map<String, Long> counts = new HashMap<>();
        if (!wordIds.isEmpty()) {
            em.createQuery("select c.wordId, count(distinct c.pupilId) from ConfirmationEntity c"
                            + " where c.wordId in :words group by c.wordId", Object[].class)
                    .setParameter("words", wordIds).getResultList()
                    .forEach(row -> counts.put((String) row[0], (Long) row[1]));
        }
        return counts;
    }

    /** Parent: the child's confirmations (by any of their parents) per word, oldest first; few rows a year. */
    private static Map<String, List<ConfirmationEntity>> childConfirmations(EntityManager em, Viewer me) {
        return em.createQuery("select c from ConfirmationEntity c where c.pupilId = :child"
                        + " order by c.confirmedAt, c.id", ConfirmationEntity.class)
                .setParameter("child", me.childId()).getResultList().stream()
                .collect(Collectors.groupingBy(ConfirmationEntity::wordId));
    }

    /** The word's confirmations, oldest first. */
    private static List<ConfirmationEntity> confirmations(EntityManager em, String wordId) {
        return em.createQuery("select c from ConfirmationEntity c where c.wordId = :word"
                        + " order by c.confirmedAt, c.id", ConfirmationEntity.class)
                .setParameter("word", wordId).getResultList();
    }

    private static ConfirmationEntity myConfirmation(EntityManager em, Viewer me, String wordId) {
        List<ConfirmationEntity> found = em.createQuery("select c from ConfirmationEntity c where c.wordId = :word"
                        + " and c.pupilId = :child and c.parentId = :me", ConfirmationEntity.class)
                .setParameter("word", wordId).setParameter("child", me.childId()).setParameter("me", me.id())
                .getResultList();
        return found.isEmpty() ? null : found.get(0);
    }

    /** Parent: their replies about the child, per word (any class: the caller picks the words they show). */
    private static Map<String, ReplyEntity> myReplies(EntityManager em, Viewer me) {
        return em.createQuery("select r from ReplyEntity r where r.pupilId = :child and r.parentId = :me",
                        ReplyEntity.class)
                .setParameter("child", me.childId()).setParameter("me", me.id())
                .getResultList().stream().collect(Collectors.toMap(ReplyEntity::wordId, r -> r));
    }

    private static ReplyEntity myReply(EntityManager em, Viewer me, String wordId) {
        List<ReplyEntity> found = em.createQuery("select r from ReplyEntity r where r.wordId = :word"
                        + " and r.pupilId = :child and r.parentId = :me", ReplyEntity.class)
                .setParameter("word", wordId).setParameter("child", me.childId()).setParameter("me", me.id())
                .getResultList();
        return found.isEmpty() ? null : found.get(0);
    }

    private Word toWord(EntityManager em, Viewer me, WordEntity word) {
        List<ConfirmationEntity> confirmations = confirmations(em, word.id());
        int confirmed = (int) confirmations.stream().map(ConfirmationEntity::pupilId).distinct().count();
        int total = me.view() == View.STAFF ? recipients(em, word.id()).size() : 0;
        ReplyEntity myReply = me.view() == View.PARENT ? myReply(em, me, word.id()) : null;
        return toWord(me, word, confirmations, confirmed, total, myReply, names());
    }

    /** @param confirmations for a parent, at least the child's confirmations of the word */
    private static Word toWord(Viewer me, WordEntity word, List<ConfirmationEntity> confirmations, int confirmed,
                               int total, ReplyEntity myReply, Function<String, String> names) {
        Counts counts = null;
        ChildState child = null;
        if (me.view() == View.STAFF) {
            counts = new Counts(confirmed, total);
        } else if (me.view() == View.PARENT) {
            List<Confirmation> forChild = new ArrayList<>();
            confirmations.stream().filter(c -> c.pupilId().equals(me.childId()))
                    .forEach(c -> forChild.add(toConfirmation(c, names)));
            child = new ChildState(me.childId(), names.apply(me.childId()), !forChild.isEmpty(), forChild,
                    myReply == null ? null : toReply(myReply, names),
                    forChild.stream().anyMatch(c -> c.parentId().equals(me.id())));
        }
        return new Word(word.id(), word.classId(), word.title(), word.body(), word.category(), word.authorId(),
                names.apply(word.authorId()), word.wholeClass(), word.ackRequired(), word.repliesAllowed(),
                word.createdAt(), word.editedAt(), word.lastReminderAt(), counts, child);
    }

    private static Confirmation toConfirmation(ConfirmationEntity c, Function<String, String> names) {
        return new Confirmation(c.pupilId(), c.parentId(), names.apply(c.parentId()), c.confirmedAt());
    }

    private static Reply toReply(ReplyEntity r, Function<String, String> names) {
        return new Reply(r.id(), r.pupilId(), r.parentId(), names.apply(r.parentId()), r.body(), r.createdAt(),
                r.updatedAt());
    }

    /** Names for one answer: each person looked up once. */
    private Function<String, String> names() {
        Map<String, String> known = new HashMap<>();
        return id -> known.computeIfAbsent(id, key -> directory.person(key)
                .map(PersonSummary::displayName)
                .orElse(UNKNOWN_PERSON));
    }

    private Instant now() {
        return clock.instant();
    }
}
