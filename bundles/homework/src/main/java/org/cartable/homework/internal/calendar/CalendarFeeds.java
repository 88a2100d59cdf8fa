package org.cartable.homework.internal.calendar;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

import org.apache.aries.jpa.template.JpaTemplate;
import org.cartable.api.AppActivation;
import org.cartable.api.Caller;
import org.cartable.api.CartableException;
import org.cartable.api.ClassAccess;
import org.cartable.api.ClassInfo;
import org.cartable.api.ClassRelation;
import org.cartable.api.Directory;
import org.cartable.api.PersonSummary;
import org.cartable.homework.internal.FeedStatus;
import org.cartable.homework.internal.HomeworkApp;
import org.cartable.homework.internal.HomeworkService;
import org.cartable.homework.internal.data.EntryEntity;
import org.cartable.homework.internal.data.FeedEntity;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * Private calendar addresses: a teacher's feed of the class, a pupil's own feed, a parent's feed for one child. The
 * token (160 random bits) is shown once when made; only its SHA-256 is kept. Making a new one replaces the old one
 * (which stops working at once); deleting it revokes it. A feed is served only while its owner still has the same
 * place in the class and the app is enabled there.
 */
@Component(service = CalendarFeeds.class)
public final class CalendarFeeds {

    /** Path of the feed servlet; the token follows, then ".ics". */
    public static final String PATH = "/calendar/homework/";

    private static final Pattern TOKEN = Pattern.compile("[A-Za-z0-9_-]{20,64}");
    /* Entries this far back stay in the feed; calendar apps keep what they have already read. */
    private static final int DAYS_BACK = 120;
    private static final int DAYS_AHEAD = 400;
    private static final int MAX_EVENTS = 2000;

    private final JpaTemplate jpa;
    private final ClassAccess classAccess;
    private final Directory directory;
    private final AppActivation activation;
    private final HomeworkService homework;
    private final SecureRandom random = new SecureRandom();

    @Activate
    public CalendarFeeds(@Reference(name = "jpa", target = "(osgi.unit.name=cartable-homework)") JpaTemplate jpa,
                         @Reference(name = "classAccess") ClassAccess classAccess,
                         @Reference(name = "directory") Directory directory,
                         @Reference(name = "activation") AppActivation activation,
                         // its activation migrated the tables this component reads
                         @Reference(name = "homework") HomeworkService homework) {
        this.jpa = jpa;
        this.classAccess = classAccess;
        this.directory = directory;
        this.activation = activation;
        this.homework = homework;
    }

    /** Builds the component outside OSGi (tests). */
    public static CalendarFeeds create(JpaTemplate jpa, ClassAccess classAccess, Directory directory,
                                       AppActivation activation, HomeworkService homework) {
        return new CalendarFeeds(jpa, classAccess, directory, activation, homework);
    }

    /** @return whether the caller has a feed address for the class (or child), without its token */
    public FeedStatus status(Caller caller, String classId, String childId) {
        Owner owner = owner(caller, classId, childId);
        return jpa.txExpr(em -> em.createQuery("select f from FeedEntity f where f.ownerId = :owner"
                        + " and f.classId = :classId and " + pupilClause(owner), FeedEntity.class)
                .setParameter("owner", caller.userId()).setParameter("classId", classId)
                .setParameter("pupilId", owner.pupilId() == null ? "" : owner.pupilId())
                .getResultStream().findFirst()
                .map(f -> new FeedStatus(null, f.createdAt()))
                .orElse(new FeedStatus(null, null)));
    }

    /** Makes a new address, replacing (and so revoking) the caller's previous one for the class or child. */
    public FeedStatus renew(Caller caller, String classId, String childId) {
        Owner owner = owner(caller, classId, childId);
        byte[] secret = new byte[20];
        random.nextBytes(secret);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
        return jpa.txExpr(em -> {
            deleteFeeds(em, caller.userId(), classId, owner);
            FeedEntity feed = new FeedEntity(UUID.randomUUID().toString(), hash(token), caller.userId(), classId,
                    owner.pupilId(), Clock.systemUTC().instant());
            em.persist(feed);
            return new FeedStatus(token, feed.createdAt());
        });
    }

    /** Revokes the caller's address for the class or child; revoking nothing is fine. */
    public void revoke(Caller caller, String classId, String childId) {
        Owner owner = owner(caller, classId, childId);
        jpa.tx(em -> deleteFeeds(em, caller.userId(), classId, owner));
    }

    /**
     * @return the calendar behind a token, if the token is known and its owner may still read it; empty otherwise
     *         (the servlet then answers 404, whatever the reason)
     */
    public Optional<Calendar> calendar(String token) {
        if (token == null || !TOKEN.matcher(token).matches()) {
            return Optional.empty();
        }
        Optional<FeedEntity> found = jpa.txExpr(em -> em.createQuery(
                        "select f from FeedEntity f where f.tokenHash = :hash", FeedEntity.class)
                .setParameter("hash", hash(token)).getResultStream().findFirst());
        if (found.isEmpty()) {
            return Optional.empty();
        }
        FeedEntity feed = found.get();
        if (!activation.isEnabled(feed.classId(), HomeworkApp.ID)) {
            return Optional.empty();
        }
        Optional<ClassInfo> schoolClass = directory.findClass(feed.classId());
        Optional<PersonSummary> ownerPerson = directory.person(feed.ownerId());
        if (schoolClass.isEmpty() || ownerPerson.isEmpty()) {
            return Optional.empty();
        }
        // Directory answers relations from the person's id; the roles of this stand-in caller play no part.
        Caller owner = new Caller(feed.ownerId(), feed.ownerId(), ownerPerson.get().displayName(), Set.of());
        ClassRelation relation = directory.relation(owner, feed.classId());
        boolean ownFeed = feed.pupilId() != null && feed.pupilId().equals(feed.ownerId());
        boolean stillAllowed = feed.pupilId() == null ? relation.isStaff()
                : ownFeed ? relation.pupil() : relation.childIds().contains(feed.pupilId());
        if (!stillAllowed) {
            return Optional.empty();
        }
        String childName = feed.pupilId() == null || feed.pupilId().equals(feed.ownerId()) ? null
                : directory.person(feed.pupilId()).map(PersonSummary::displayName).orElse(null);
        LocalDate today = homework.today();
        List<EntryEntity> entries = jpa.txExpr(em -> em.createQuery("select e from EntryEntity e"
                        + " where e.classId = :classId and (e.date between :from and :to"
                        + " or e.dueDate between :from and :to) order by e.date, e.id", EntryEntity.class)
                .setParameter("classId", feed.classId())
                .setParameter("from", today.minusDays(DAYS_BACK)).setParameter("to", today.plusDays(DAYS_AHEAD))
                .setMaxResults(MAX_EVENTS)
                .getResultList());
        return Optional.of(new Calendar(feed.classId(), schoolClass.get().name(), childName, entries));
    }

    /** What a feed shows: the class's entries around today. */
    public record Calendar(String classId, String className, String childName, List<EntryEntity> entries) {
    }

    /** The feed's owner role: staff (whole class, no pupil) or a pupil (themself, or a parent's child). */
    private record Owner(String pupilId) {
    }

    private Owner owner(Caller caller, String classId, String childId) {
        ClassRelation relation = classAccess.check(caller, classId, HomeworkApp.ID);
        if (childId != null && !childId.isBlank()) {
            if (relation.childIds().contains(childId) || relation.pupil() && childId.equals(caller.userId())) {
                return new Owner(childId);
            }
            throw CartableException.notFound("No such child of yours in this class.");
        }
        if (relation.isStaff()) {
            return new Owner(null);
        }
        if (relation.pupil()) {
            return new Owner(caller.userId());
        }
        if (relation.childIds().size() == 1) {
            return new Owner(relation.childIds().get(0));
        }
        throw CartableException.badRequest("Say which of your children: add ?child=<pupil id>.");
    }

    private static String pupilClause(Owner owner) {
        // a parameter that is never null keeps the query the same shape for both kinds of feed
        return owner.pupilId() == null ? "(f.pupilId is null or f.pupilId = :pupilId)" : "f.pupilId = :pupilId";
    }

    private static void deleteFeeds(javax.persistence.EntityManager em, String ownerId, String classId, Owner owner) {
        em.createQuery("delete from FeedEntity f where f.ownerId = :owner and f.classId = :classId and "
                        + pupilClause(owner))
                .setParameter("owner", ownerId).setParameter("classId", classId)
                .setParameter("pupilId", owner.pupilId() == null ? "" : owner.pupilId())
                .executeUpdate();
    }

    static String hash(String token) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.US_ASCII));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java platform", e);
        }
    }
}
