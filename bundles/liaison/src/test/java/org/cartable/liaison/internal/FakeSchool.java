package org.cartable.liaison.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Pattern;

import org.cartable.api.Caller;
import org.cartable.api.CartableException;
import org.cartable.api.ChildInfo;
import org.cartable.api.ClassAccess;
import org.cartable.api.ClassInfo;
import org.cartable.api.ClassRelation;
import org.cartable.api.Directory;
import org.cartable.api.HtmlSanitizer;
import org.cartable.api.PersonSummary;
import org.cartable.api.Role;
import org.cartable.api.notify.Notice;
import org.cartable.api.notify.Notifications;

/**
 * Small stand-ins for the platform's services: classes with pupils, teachers and parents (relations derived from
 * them as the platform does), the notebook enabled per class, a sanitiser that removes scripts, a recording
 * notification service and a clock the test moves.
 */
public final class FakeSchool implements ClassAccess, Directory {

    private final Map<String, PersonSummary> people = new HashMap<>();
    private final Map<String, List<String>> pupilsOf = new LinkedHashMap<>();
    private final Map<String, Set<String>> teachersOf = new HashMap<>();
    private final Map<String, List<String>> parentsOf = new HashMap<>();
    private final Set<String> enabled = new HashSet<>();

    public Caller person(String id, String name, Role role) {
        people.put(id, new PersonSummary(id, name));
        return new Caller(id, id, name, Set.of(role));
    }

    public FakeSchool teach(Caller teacher, String classId) {
        teachersOf.computeIfAbsent(classId, k -> new HashSet<>()).add(teacher.userId());
        pupilsOf.computeIfAbsent(classId, k -> new ArrayList<>());
        return this;
    }

    public FakeSchool enrol(Caller pupil, String classId) {
        pupilsOf.computeIfAbsent(classId, k -> new ArrayList<>()).add(pupil.userId());
        return this;
    }

    public FakeSchool parent(Caller parent, Caller child) {
        parentsOf.computeIfAbsent(child.userId(), k -> new ArrayList<>()).add(parent.userId());
        return this;
    }

    public FakeSchool enable(String classId) {
        enabled.add(classId);
        return this;
    }

    @Override
    public ClassRelation check(Caller caller, String classId, String appId) {
        ClassRelation relation = relation(caller, classId);
        if (!relation.isMember()) {
            throw CartableException.notFound("Class not found.");
        }
        if (!LiaisonApp.ID.equals(appId) || !enabled.contains(classId)) {
            throw CartableException.forbidden("The app '" + appId + "' is not enabled for this class.");
        }
        return relation;
    }

    @Override
    public ClassRelation relation(Caller caller, String classId) {
        List<String> pupils = pupilsOf.getOrDefault(classId, List.of());
        List<String> children = pupils.stream()
                .filter(p -> parentsOf.getOrDefault(p, List.of()).contains(caller.userId())).toList();
        return new ClassRelation(classId, teachersOf.getOrDefault(classId, Set.of()).contains(caller.userId()), false,
                pupils.contains(caller.userId()), children);
    }

    @Override
    public Optional<PersonSummary> person(String personId) {
        return Optional.ofNullable(people.get(personId));
    }

    @Override
    public Optional<ClassInfo> findClass(String classId) {
        return pupilsOf.containsKey(classId)
                ? Optional.of(new ClassInfo(classId, classId, "school", "École", "2026-2027", List.of()))
                : Optional.empty();
    }

    @Override
    public List<PersonSummary> pupils(String classId) {
        return pupilsOf.getOrDefault(classId, List.of()).stream().map(people::get).toList();
    }

    @Override
    public List<PersonSummary> teachers(String classId) {
        return teachersOf.getOrDefault(classId, Set.of()).stream().map(people::get).toList();
    }

    @Override
    public List<PersonSummary> parentsOf(String pupilId) {
        return parentsOf.getOrDefault(pupilId, List.of()).stream().map(people::get).toList();
    }

    @Override
    public List<ChildInfo> childrenOf(String parentId) {
        return List.of();
    }

    @Override
    public List<ClassInfo> classesOf(Caller caller) {
        return List.of();
    }

    /** Removes script elements, enough to see that the service stores what the sanitiser returns. */
    public static final class ScriptStripper implements HtmlSanitizer {
        private static final Pattern SCRIPT = Pattern.compile("(?is)<script.*?</script>");

        @Override
        public String sanitize(String html) {
            return html == null ? "" : SCRIPT.matcher(html).replaceAll("");
        }
    }

    /** Keeps every published notice; answers one recipient per addressed id. */
    public static final class RecordingNotifications implements Notifications {
        final List<Notice> published = new CopyOnWriteArrayList<>();

        @Override
        public int publish(Notice notice) {
            published.add(notice);
            return notice.audience().parentsOnly().size() + notice.audience().persons().size();
        }
    }

    /** A clock that ticks one second per reading (so that orders are deterministic) and that tests move on. */
    public static final class TickingClock extends Clock {
        private Instant now = Instant.parse("2026-11-29T08:00:00Z");

        @Override
        public synchronized Instant instant() {
            now = now.plusSeconds(1);
            return now;
        }

        synchronized void advance(Duration duration) {
            now = now.plus(duration);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }
    }
}
