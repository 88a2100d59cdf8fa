package org.cartable.notebook.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
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
 * Small stand-ins for the platform's services: a fixed membership table, a name list, a sanitiser that removes
 * scripts, a clock the test moves, and a notification feed that records what is published.
 */
public final class FakeSchool implements ClassAccess, Directory {

    private final Map<String, Map<String, ClassRelation>> relations = new HashMap<>();
    private final Map<String, PersonSummary> people = new HashMap<>();
    private final Set<String> enabled = new HashSet<>();

    public Caller person(String id, String name, Role role) {
        people.put(id, new PersonSummary(id, name));
        return new Caller(id, id, name, Set.of(role));
    }

    public void relate(Caller caller, ClassRelation relation) {
        relations.computeIfAbsent(relation.classId(), key -> new HashMap<>()).put(caller.userId(), relation);
    }

    public void enable(String classId, boolean on) {
        if (on) {
            enabled.add(classId);
        } else {
            enabled.remove(classId);
        }
    }

    @Override
    public ClassRelation check(Caller caller, String classId, String appId) {
        ClassRelation relation = relation(caller, classId);
        if (!relation.isMember()) {
            throw CartableException.notFound("Class not found.");
        }
        if (!NotebookApp.ID.equals(appId) || !enabled.contains(classId)) {
            throw CartableException.forbidden("The app '" + appId + "' is not enabled for this class.");
        }
        return relation;
    }

    @Override
    public ClassRelation relation(Caller caller, String classId) {
        return relations.getOrDefault(classId, Map.of()).getOrDefault(caller.userId(), ClassRelation.none(classId));
    }

    @Override
    public Optional<PersonSummary> person(String personId) {
        return Optional.ofNullable(people.get(personId));
    }

    @Override
    public Optional<ClassInfo> findClass(String classId) {
        return relations.containsKey(classId)
                ? Optional.of(new ClassInfo(classId, "CM1 A", "school", "École", "2026-2027", List.of()))
                : Optional.empty();
    }

    @Override
    public List<PersonSummary> pupils(String classId) {
        return members(classId, ClassRelation::pupil);
    }

    @Override
    public List<PersonSummary> teachers(String classId) {
        return members(classId, ClassRelation::teacher);
    }

    private List<PersonSummary> members(String classId, java.util.function.Predicate<ClassRelation> which) {
        List<PersonSummary> found = new ArrayList<>();
        relations.getOrDefault(classId, Map.of()).forEach((id, relation) -> {
            if (which.test(relation)) {
                found.add(people.get(id));
            }
        });
        return found;
    }

    @Override
    public List<PersonSummary> parentsOf(String pupilId) {
        return List.of();
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

    /** A clock that stands still unless the test moves it (plus one millisecond per reading, for ordering). */
    public static final class TestClock extends Clock {
        private Instant now = Instant.parse("2026-11-29T08:00:00Z");

        public synchronized void advance(Duration duration) {
            now = now.plus(duration);
        }

        @Override
        public synchronized Instant instant() {
            now = now.plusMillis(1);
            return now;
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

    /** Records the notices published. */
    public static final class RecordingFeed implements Notifications {
        public final List<Notice> published = new ArrayList<>();

        @Override
        public int publish(Notice notice) {
            published.add(notice);
            return 1;
        }
    }
}
