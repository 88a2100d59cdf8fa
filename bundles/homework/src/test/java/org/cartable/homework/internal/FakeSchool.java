package org.cartable.homework.internal;

import java.time.Clock;
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

import org.cartable.api.AppActivation;
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

/**
 * Small stand-ins for the platform's services: a membership table (teachers, pupils, parents per class), a name list,
 * the app's enabled state per class, and a sanitiser that removes scripts.
 */
public final class FakeSchool implements ClassAccess, Directory, AppActivation {

    private final Map<String, Map<String, ClassRelation>> relations = new HashMap<>();
    private final Map<String, PersonSummary> people = new HashMap<>();
    private final Map<String, List<String>> pupils = new HashMap<>();
    private final Set<String> enabled = new HashSet<>();

    public Caller person(String id, String name, Role role) {
        people.put(id, new PersonSummary(id, name));
        return new Caller(id, id, name, Set.of(role));
    }

    public void teacher(Caller teacher, String classId) {
        relate(teacher, new ClassRelation(classId, true, false, false, List.of()));
    }

    public void pupil(Caller pupil, String classId) {
        relate(pupil, new ClassRelation(classId, false, false, true, List.of()));
        pupils.computeIfAbsent(classId, key -> new ArrayList<>()).add(pupil.userId());
    }

    public void parent(Caller parent, String classId, String... childIds) {
        relate(parent, new ClassRelation(classId, false, false, false, List.of(childIds)));
    }

    public void relate(Caller caller, ClassRelation relation) {
        relations.computeIfAbsent(relation.classId(), key -> new HashMap<>()).put(caller.userId(), relation);
    }

    /** The pupil leaves the class (their ticks stay, but no longer count). */
    public void leave(Caller pupil, String classId) {
        relations.getOrDefault(classId, new HashMap<>()).remove(pupil.userId());
        pupils.getOrDefault(classId, new ArrayList<>()).remove(pupil.userId());
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
        if (!isEnabled(classId, appId)) {
            throw CartableException.forbidden("The app '" + appId + "' is not enabled for this class.");
        }
        return relation;
    }

    @Override
    public boolean isEnabled(String classId, String appId) {
        return HomeworkApp.ID.equals(appId) && enabled.contains(classId);
    }

    @Override
    public Set<String> enabledApps(String classId) {
        return enabled.contains(classId) ? Set.of(HomeworkApp.ID) : Set.of();
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
                ? Optional.of(new ClassInfo(classId, "CM1 " + classId.substring(0, Math.min(3, classId.length())),
                        "school", "École", "2026-2027", List.of()))
                : Optional.empty();
    }

    @Override
    public List<PersonSummary> pupils(String classId) {
        return pupils.getOrDefault(classId, List.of()).stream().map(people::get).toList();
    }

    @Override
    public List<PersonSummary> teachers(String classId) {
        return List.of();
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

    /** Wednesday 2 December 2026, 08:00 UTC, one second later at each reading. */
    public static final class TickingClock extends Clock {
        private Instant now = Instant.parse("2026-12-02T08:00:00Z");

        @Override
        public synchronized Instant instant() {
            now = now.plusSeconds(1);
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
}
